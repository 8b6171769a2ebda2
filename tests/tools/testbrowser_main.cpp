// rolecall-test-browser URL: a headless stand-in for the system browser. It
// loads URL, follows redirects itself (so that a loopback redirect_uri is
// reached like a real browser would), and prints the final status and page
// title:
//   status=200
//   title=Signed in
// Exit code 0 when the final status is 200, 1 otherwise. Query strings are
// never printed: they carry authorization codes.
#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QTimer>
#include <QUrl>

#include <cstdio>

namespace {

constexpr int maxRedirects = 10;
constexpr int overallTimeoutMs = 30'000;

QString safe(const QUrl &url)
{
    return url.toString(QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo);
}

QString titleOf(const QByteArray &html)
{
    static const QRegularExpression title(QStringLiteral("<title[^>]*>(.*?)</title>"),
                                          QRegularExpression::CaseInsensitiveOption |
                                              QRegularExpression::DotMatchesEverythingOption);
    const QRegularExpressionMatch match = title.match(QString::fromUtf8(html));
    if (!match.hasMatch())
        return {};
    QString text = match.captured(1).simplified();
    text.replace(QStringLiteral("&lt;"), QStringLiteral("<"))
        .replace(QStringLiteral("&gt;"), QStringLiteral(">"))
        .replace(QStringLiteral("&quot;"), QStringLiteral("\""))
        .replace(QStringLiteral("&#39;"), QStringLiteral("'"))
        .replace(QStringLiteral("&amp;"), QStringLiteral("&"));
    return text;
}

class Browser
{
public:
    explicit Browser(QNetworkAccessManager *manager)
        : m_manager(manager)
    {}

    void load(const QUrl &url)
    {
        if (url.scheme() != QStringLiteral("http") || url.host().isEmpty())
            return fail(
                QStringLiteral("refusing to load %1: only http URLs are supported").arg(safe(url)));
        QNetworkRequest request(url);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                             QNetworkRequest::ManualRedirectPolicy);
        request.setHeader(QNetworkRequest::UserAgentHeader,
                          QStringLiteral("rolecall-test-browser/1"));
        QNetworkReply *reply = m_manager->get(request);
        QObject::connect(reply, &QNetworkReply::finished, reply, [this, reply, url] {
            reply->deleteLater();
            finished(reply, url);
        });
    }

private:
    void finished(QNetworkReply *reply, const QUrl &url)
    {
        const QVariant statusAttribute = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
        if (!statusAttribute.isValid())
            return fail(QStringLiteral("cannot load %1: %2").arg(safe(url), reply->errorString()));
        const int status = statusAttribute.toInt();
        const QByteArray location = reply->rawHeader("Location");
        if (status >= 300 && status < 400 && !location.isEmpty()) {
            if (++m_redirects > maxRedirects)
                return fail(QStringLiteral("too many redirects"));
            const QUrl next = url.resolved(QUrl::fromEncoded(location));
            std::fprintf(stderr, "rolecall-test-browser: %d -> %s\n", status,
                         qPrintable(safe(next)));
            return load(next);
        }
        std::printf("status=%d\ntitle=%s\n", status, qPrintable(titleOf(reply->readAll())));
        std::fflush(stdout);
        QCoreApplication::exit(status == 200 ? 0 : 1);
    }

    void fail(const QString &message)
    {
        std::printf("status=0\ntitle=\n");
        std::fflush(stdout);
        std::fprintf(stderr, "rolecall-test-browser: %s\n", qPrintable(message));
        QCoreApplication::exit(1);
    }

    QNetworkAccessManager *m_manager;
    int m_redirects = 0;
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() != 2) {
        std::fprintf(stderr, "usage: rolecall-test-browser URL\n");
        return 2;
    }
    const QUrl url = QUrl::fromUserInput(args.at(1));

    QNetworkAccessManager manager;
    manager.setProxy(QNetworkProxy::NoProxy); // tests talk to loopback servers
    manager.setTransferTimeout(overallTimeoutMs);
    Browser browser(&manager);
    QTimer::singleShot(overallTimeoutMs, &app, [] {
        std::printf("status=0\ntitle=\n");
        std::fflush(stdout);
        std::fprintf(stderr, "rolecall-test-browser: timed out after %d s\n",
                     overallTimeoutMs / 1000);
        QCoreApplication::exit(1);
    });
    QTimer::singleShot(0, &app, [&browser, url] { browser.load(url); });
    return QCoreApplication::exec();
}
