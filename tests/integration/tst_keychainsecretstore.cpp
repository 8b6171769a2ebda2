// KeychainSecretStore against the real OS keychain (round trip, NotFound,
// remove), and without one: a child process of this binary with a bogus
// session bus must answer Unavailable, say why, and write the secret nowhere.
// The real-keychain cases need a Secret Service (see tst_keychain.cpp).
#include "auth/keychainsecretstore.h"
#include "support/clitestsupport.h"

#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>
#include <QUuid>

#include <optional>

using rolecall::KeychainSecretStore;
using rolecall::SecretStore;

namespace {

const char childVariable[] = "ROLECALL_KEYCHAIN_TEST_CHILD";

std::optional<SecretStore::Result>
wait(const std::function<void(QObject *, SecretStore::Callback)> &call)
{
    QObject context;
    std::optional<SecretStore::Result> result;
    call(&context, [&](const SecretStore::Result &r) { result = r; });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 30000))
        return std::nullopt;
    return result;
}

// The child: reads a secret from stdin (never argv), tries to store and read
// it, prints "<operation> <status> <message>" per line.
int childMain()
{
    KeychainSecretStore store(qEnvironmentVariable("ROLECALL_KEYCHAIN_TEST_SERVICE"));
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return 3;
    const QByteArray secret = in.readAll();
    QTextStream out(stdout);
    const QString key = QStringLiteral("profiles/child/clerk-secret-key");
    const auto written = wait([&](QObject *c, SecretStore::Callback done) {
        store.write(key, secret, c, std::move(done));
    });
    const auto readBack =
        wait([&](QObject *c, SecretStore::Callback done) { store.read(key, c, std::move(done)); });
    if (!written || !readBack)
        return 4;
    out << "write " << int(written->status) << ' ' << written->message << '\n';
    out << "read " << int(readBack->status) << ' ' << readBack->message << '\n';
    return 0;
}

} // namespace

class TestKeychainSecretStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTripsASecret();
    void reportsNotFound();
    void skipsTheCallbackWhenTheContextIsGone();
    void saysPlainlyThatThereIsNoKeychain_data();
    void saysPlainlyThatThereIsNoKeychain();

private:
    const QString m_service =
        QStringLiteral("rolecall-test-%1").arg(QUuid::createUuid().toString(QUuid::Id128));
};

void TestKeychainSecretStore::roundTripsASecret()
{
    ROLECALL_REQUIRE_SESSION_BUS();
    KeychainSecretStore store(m_service);
    QCOMPARE(KeychainSecretStore().service(), QStringLiteral("rolecall"));
    const QString key = SecretStore::profileKey(QStringLiteral("dev"), QStringLiteral("session"));
    const QByteArray first = QUuid::createUuid().toByteArray();
    const QByteArray second = QUuid::createUuid().toByteArray() + QByteArray("\0\xff", 2);

    auto r = wait([&](QObject *c, auto done) { store.write(key, first, c, done); });
    QVERIFY(r);
    QVERIFY2(r->status == SecretStore::Status::Ok, qPrintable(r->message));
    r = wait([&](QObject *c, auto done) { store.read(key, c, done); });
    QVERIFY(r);
    QCOMPARE(r->status, SecretStore::Status::Ok);
    QCOMPARE(r->value, first);

    r = wait([&](QObject *c, auto done) { store.write(key, second, c, done); }); // overwrite
    QCOMPARE(r->status, SecretStore::Status::Ok);
    r = wait([&](QObject *c, auto done) { store.read(key, c, done); });
    QCOMPARE(r->value, second);

    r = wait([&](QObject *c, auto done) { store.remove(key, c, done); });
    QVERIFY2(r->status == SecretStore::Status::Ok, qPrintable(r->message));
    r = wait([&](QObject *c, auto done) { store.read(key, c, done); });
    QCOMPARE(r->status, SecretStore::Status::NotFound);
    QVERIFY(r->value.isEmpty());
}

void TestKeychainSecretStore::reportsNotFound()
{
    ROLECALL_REQUIRE_SESSION_BUS();
    KeychainSecretStore store(m_service);
    const QString key = QStringLiteral("profiles/none/session");
    auto r = wait([&](QObject *c, auto done) { store.read(key, c, done); });
    QVERIFY(r);
    QCOMPARE(r->status, SecretStore::Status::NotFound);
    QVERIFY2(r->message.contains(key), qPrintable(r->message));
    // Removing what is not there is not an outage.
    r = wait([&](QObject *c, auto done) { store.remove(key, c, done); });
    QVERIFY(r);
    QVERIFY2(r->status != SecretStore::Status::Unavailable, qPrintable(r->message));
}

void TestKeychainSecretStore::skipsTheCallbackWhenTheContextIsGone()
{
    ROLECALL_REQUIRE_SESSION_BUS();
    KeychainSecretStore store(m_service);
    int calls = 0;
    auto context = std::make_unique<QObject>();
    store.read(QStringLiteral("profiles/none/session"), context.get(),
               [&](const SecretStore::Result &) { ++calls; });
    context.reset();
    // A later call on a live context answers; the first one never does.
    auto r = wait(
        [&](QObject *c, auto done) { store.read(QStringLiteral("profiles/none/other"), c, done); });
    QVERIFY(r);
    // A fixed wait: the keychain's jobs may end out of order, and a dropped
    // answer sends no signal to wait on.
    QTest::qWait(100);
    QCOMPARE(calls, 0);
}

void TestKeychainSecretStore::saysPlainlyThatThereIsNoKeychain_data()
{
    QTest::addColumn<QString>("desktop");
    QTest::addColumn<QString>("kdeVersion");
    QTest::newRow("no desktop (libsecret)") << QString() << QString();
    // The KWallet path is where QtKeychain's plaintext fallback would apply.
    QTest::newRow("KDE 4 (KWallet)") << QStringLiteral("KDE") << QStringLiteral("4");
}

void TestKeychainSecretStore::saysPlainlyThatThereIsNoKeychain()
{
    QFETCH(QString, desktop);
    QFETCH(QString, kdeVersion);
    QTemporaryDir home;
    QVERIFY(home.isValid());
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name :
         {"XDG_CURRENT_DESKTOP", "DESKTOP_SESSION", "GNOME_DESKTOP_SESSION_ID", "KDE_FULL_SESSION",
          "KDE_SESSION_VERSION", "XDG_RUNTIME_DIR", "DISPLAY", "WAYLAND_DISPLAY"})
        env.remove(QString::fromLatin1(name));
    env.insert(QStringLiteral("HOME"), home.path());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral(".config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral(".local/share")));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), home.filePath(QStringLiteral(".cache")));
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
               QStringLiteral("unix:path=") + home.filePath(QStringLiteral("no-such-bus")));
    if (!desktop.isEmpty())
        env.insert(QStringLiteral("XDG_CURRENT_DESKTOP"), desktop);
    if (!kdeVersion.isEmpty())
        env.insert(QStringLiteral("KDE_SESSION_VERSION"), kdeVersion);
    env.insert(QString::fromLatin1(childVariable), QStringLiteral("1"));
    env.insert(QStringLiteral("ROLECALL_KEYCHAIN_TEST_SERVICE"), m_service);

    const QByteArray secret = "sk_test_" + QUuid::createUuid().toByteArray(QUuid::Id128);
    QProcess child;
    child.setProcessEnvironment(env);
    child.start(QCoreApplication::applicationFilePath(), QStringList());
    QVERIFY(child.waitForStarted());
    child.write(secret);
    child.closeWriteChannel();
    QVERIFY(child.waitForFinished(90000));
    const QString out = QString::fromUtf8(child.readAllStandardOutput());
    const QString err = QString::fromUtf8(child.readAllStandardError());
    QCOMPARE(child.exitCode(), 0);

    const QStringList lines = out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    const QString unavailable = QString::number(int(SecretStore::Status::Unavailable));
    QVERIFY2(lines.at(0).startsWith(QLatin1String("write ") + unavailable + QLatin1Char(' ')),
             qPrintable(out));
    QVERIFY2(lines.at(0).contains(QLatin1String("keychain")), qPrintable(out));
    // A read cannot tell "absent" from "unreachable" on every backend.
    QVERIFY2(!lines.at(1).startsWith(QLatin1String("read 0 ")), qPrintable(out));
    QVERIFY(!out.contains(QString::fromLatin1(secret)));
    QVERIFY(!err.contains(QString::fromLatin1(secret)));

    // No plaintext fallback: no file under HOME holds the secret.
    const QString holder =
        rolecall::testing::fileHoldingAny(home.path(), {QString::fromLatin1(secret)});
    QVERIFY2(holder.isEmpty(), qPrintable(holder));
}

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (qEnvironmentVariableIsSet(childVariable))
        return childMain();
    TestKeychainSecretStore test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_keychainsecretstore.moc"
