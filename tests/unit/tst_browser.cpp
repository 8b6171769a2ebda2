// How the CLI opens the browser (auth/browser.h): as a process of its own,
// the URL one argument that no shell reads, and without the Clerk key hook
// in the child's environment.
#include "auth/browser.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace rolecall::auth;

class TestBrowser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void passesTheUrlAsOneArgument();
    void keepsTheClerkKeyOutOfTheBrowsersEnvironment();

private:
    // A "browser" that writes its last argument and its environment to files.
    QString open(const QUrl &url);

    QTemporaryDir m_dir;
};

void TestBrowser::initTestCase()
{
    QVERIFY(m_dir.isValid());
#ifdef Q_OS_WIN
    QSKIP("the recording browser is a POSIX shell script");
#endif
}

void TestBrowser::cleanup()
{
    qunsetenv("ROLECALL_BROWSER");
    qunsetenv("ROLECALL_CLERK_SECRET_KEY");
}

QString TestBrowser::open(const QUrl &url)
{
    const QString out = m_dir.filePath(QStringLiteral("argument"));
    QFile::remove(out);
    QFile::remove(out + QStringLiteral(".env"));
    // sh runs this script of ours; the URL arrives as $1, a plain argument
    // (an encoded URL has no spaces; set -f keeps its ? from globbing).
    qputenv("ROLECALL_BROWSER",
            QStringLiteral("/bin/sh -c \"set -f; env > $0.env; printf %s $1 > $0.tmp; "
                           "mv $0.tmp $0\" %1")
                .arg(out)
                .toUtf8());
    const BrowserOpener opener = browserFromEnvironment();
    if (!opener)
        return {};
    QString error;
    if (!opener(url, &error))
        return error;
    if (!QTest::qWaitFor([&out] { return QFile::exists(out); }, 10000))
        return {};
    QFile file(out);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

void TestBrowser::passesTheUrlAsOneArgument()
{
    // Everything a shell would act on, in the query of a hostile URL.
    const QUrl url(QStringLiteral("https://idp.example/authorize?a=1&b=2;touch%20pwned|x"
                                  "&c=$(touch%20pwned)&d=`touch%20pwned`&e='\"&f=%0Aid"));
    const QString received = open(url);
    QCOMPARE(received, url.toString(QUrl::FullyEncoded));
    QVERIFY(!QFile::exists(QStringLiteral("pwned")));
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("pwned"))));
}

void TestBrowser::keepsTheClerkKeyOutOfTheBrowsersEnvironment()
{
    qputenv("ROLECALL_CLERK_SECRET_KEY", "sk_test_mustnotleak");
    const QUrl url(QStringLiteral("https://idp.example/authorize?state=x"));
    QCOMPARE(open(url), url.toString(QUrl::FullyEncoded));
    QFile env(m_dir.filePath(QStringLiteral("argument.env")));
    QVERIFY(env.open(QIODevice::ReadOnly));
    const QByteArray seen = env.readAll();
    QVERIFY(seen.contains("ROLECALL_BROWSER=")); // the environment was written
    QVERIFY2(!seen.contains("sk_test_mustnotleak"), "the Clerk key reached the browser");
}

QTEST_GUILESS_MAIN(TestBrowser)
#include "tst_browser.moc"
