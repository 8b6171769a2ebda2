#include "server/serveroptions.h"

#include <QCommandLineParser>
#include <QFile>

namespace rolecall::server {

namespace {

constexpr int maxSessions = 256;
constexpr int maxConnectionThreads = 4096;
constexpr qint64 maxSecretFileBytes = 4096;

bool parseListen(const QString &text, ServerOptions *options)
{
    const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0)
        return false;
    QString host = text.left(colon);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    bool ok = false;
    const uint port = text.mid(colon + 1).toUInt(&ok);
    QHostAddress address;
    if (!ok || port > 65535 || !address.setAddress(host))
        return false;
    options->listenAddress = address;
    options->listenPort = static_cast<quint16>(port);
    return true;
}

// A positive whole number no larger than `max`, or -1.
qint64 positive(const QString &text, qint64 max)
{
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    return ok && value > 0 && value <= max ? value : -1;
}

} // namespace

std::variant<ParsedOptions, QString> parseServerOptions(const QStringList &arguments,
                                                        const QProcessEnvironment &environment)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Serves the Rolecall admin API (v1) over HTTP from a PostgreSQL database."));
    const QCommandLineOption db(QStringLiteral("db"),
                                QStringLiteral("The database: postgresql://user@host:port/db "
                                               "(password from PGPASSWORD or ~/.pgpass)."),
                                QStringLiteral("url"));
    const QCommandLineOption issuer(QStringLiteral("issuer"),
                                    QStringLiteral("The identity provider whose access tokens are "
                                                   "accepted (the Clerk Frontend API URL)."),
                                    QStringLiteral("url"));
    const QCommandLineOption audience(
        QStringLiteral("audience"),
        QStringLiteral("The OAuth client ID the tokens must be issued to."),
        QStringLiteral("client-id"));
    const QCommandLineOption listen(QStringLiteral("listen"),
                                    QStringLiteral("Address and port (default 127.0.0.1:8080)."),
                                    QStringLiteral("address:port"));
    const QCommandLineOption tlsCert(QStringLiteral("tls-cert"),
                                     QStringLiteral("PEM certificate chain: serve HTTPS."),
                                     QStringLiteral("file"));
    const QCommandLineOption tlsKey(QStringLiteral("tls-key"),
                                    QStringLiteral("PEM private key for --tls-cert."),
                                    QStringLiteral("file"));
    const QCommandLineOption timeout(QStringLiteral("statement-timeout"),
                                     QStringLiteral("Seconds one SQL statement may run (default "
                                                    "30)."),
                                     QStringLiteral("seconds"));
    const QCommandLineOption maxBody(QStringLiteral("max-body"),
                                     QStringLiteral("Largest request body accepted (default "
                                                    "1048576)."),
                                     QStringLiteral("bytes"));
    const QCommandLineOption sessions(
        {QStringLiteral("db-sessions"), QStringLiteral("threads")},
        QStringLiteral("PostgreSQL sessions per pool: requests at the database at once "
                       "(default 8)."),
        QStringLiteral("n"));
    const QCommandLineOption connections(
        QStringLiteral("max-connections"),
        QStringLiteral("HTTP connections served at once, a thread each (default 128)."),
        QStringLiteral("n"));
    const QCommandLineOption keepAliveTimeout(
        QStringLiteral("keep-alive-timeout"),
        QStringLiteral("Seconds an idle keep-alive connection stays open (default 5)."),
        QStringLiteral("seconds"));
    const QCommandLineOption keepAliveRequests(
        QStringLiteral("keep-alive-requests"),
        QStringLiteral("Requests one connection carries before it is closed (default 100)."),
        QStringLiteral("n"));
    const QCommandLineOption sessionWait(
        QStringLiteral("session-wait"),
        QStringLiteral("Seconds a request waits for a database session before it is answered "
                       "503 with Retry-After (default 10)."),
        QStringLiteral("seconds"));
    const QCommandLineOption secretFile(
        QStringLiteral("clerk-secret-key-file"),
        QStringLiteral("File holding the Clerk secret key (or set ROLECALL_CLERK_SECRET_KEY)."),
        QStringLiteral("file"));
    const QCommandLineOption clerkApi(
        QStringLiteral("clerk-api-url"),
        QStringLiteral("Clerk's Backend API (default https://api.clerk.com/v1)."),
        QStringLiteral("url"));
    const QCommandLineOption testFaults(
        QStringLiteral("test-faults"),
        QStringLiteral("Enable the fault switches for tests. Never in production."));
    parser.addOptions({db, issuer, audience, listen, tlsCert, tlsKey, timeout, maxBody, sessions,
                       connections, keepAliveTimeout, keepAliveRequests, sessionWait, secretFile,
                       clerkApi, testFaults});
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();

    if (!parser.parse(arguments))
        return parser.errorText() + QLatin1Char('.');
    if (!parser.positionalArguments().isEmpty())
        return QStringLiteral("Unexpected argument \"%1\"; every setting is an option.")
            .arg(parser.positionalArguments().constFirst());

    ParsedOptions parsed;
    parsed.helpText = parser.helpText();
    if (parser.isSet(help)) {
        parsed.command = ServerCommand::ShowHelp;
        return parsed;
    }
    if (parser.isSet(version)) {
        parsed.command = ServerCommand::ShowVersion;
        return parsed;
    }

    ServerOptions &o = parsed.options;
    if (!parser.isSet(db))
        return QStringLiteral("--db is required: the PostgreSQL URL to serve.");
    QString error;
    if (!ConnectionSettings::fromUrl(parser.value(db), &o.database, &error))
        return QStringLiteral("--db: %1").arg(error);

    if (!parser.isSet(issuer) || !parser.isSet(audience))
        return QStringLiteral("--issuer and --audience are required: whose access tokens the "
                              "server accepts.");
    o.issuer = QUrl(parser.value(issuer), QUrl::StrictMode);
    const bool loopback =
        QHostAddress(o.issuer.host()).isLoopback() || o.issuer.host() == QLatin1String("localhost");
    if (!o.issuer.isValid() || o.issuer.host().isEmpty() ||
        !(o.issuer.scheme() == QLatin1String("https") ||
          (o.issuer.scheme() == QLatin1String("http") && loopback)))
        return QStringLiteral("--issuer must be an https:// URL (http:// only on the loopback "
                              "address).");
    o.audience = parser.value(audience).trimmed();
    if (o.audience.isEmpty())
        return QStringLiteral("--audience must not be empty.");

    if (parser.isSet(listen) && !parseListen(parser.value(listen), &o))
        return QStringLiteral("--listen must be ADDRESS:PORT, e.g. 127.0.0.1:8080 or [::1]:8080.");

    if (parser.isSet(tlsCert) != parser.isSet(tlsKey))
        return QStringLiteral("--tls-cert and --tls-key go together.");
    o.tlsCertificateFile = parser.value(tlsCert);
    o.tlsKeyFile = parser.value(tlsKey);
    for (const QString &file : {o.tlsCertificateFile, o.tlsKeyFile}) {
        if (!file.isEmpty() && !QFile::exists(file))
            return QStringLiteral("The file \"%1\" does not exist.").arg(file);
    }

    if (parser.isSet(timeout)) {
        const qint64 seconds = positive(parser.value(timeout), 3600);
        if (seconds < 0)
            return QStringLiteral("--statement-timeout must be 1 to 3600 seconds.");
        o.statementTimeout = std::chrono::seconds(seconds);
    }
    if (parser.isSet(maxBody)) {
        o.maxBodyBytes = positive(parser.value(maxBody), qint64(64) * 1024 * 1024);
        if (o.maxBodyBytes < 0)
            return QStringLiteral("--max-body must be 1 byte to 64 MiB.");
    }
    if (parser.isSet(sessions)) {
        const qint64 n = positive(parser.value(sessions), maxSessions);
        if (n < 0)
            return QStringLiteral("--db-sessions must be 1 to %1.").arg(maxSessions);
        o.databaseSessions = static_cast<int>(n);
    }
    if (parser.isSet(connections)) {
        const qint64 n = positive(parser.value(connections), maxConnectionThreads);
        if (n < 0)
            return QStringLiteral("--max-connections must be 1 to %1.").arg(maxConnectionThreads);
        o.maxConnections = static_cast<int>(n);
    }
    if (parser.isSet(keepAliveTimeout)) {
        const qint64 seconds = positive(parser.value(keepAliveTimeout), 3600);
        if (seconds < 0)
            return QStringLiteral("--keep-alive-timeout must be 1 to 3600 seconds.");
        o.keepAliveTimeout = std::chrono::seconds(seconds);
    }
    if (parser.isSet(keepAliveRequests)) {
        const qint64 n = positive(parser.value(keepAliveRequests), 1000000);
        if (n < 0)
            return QStringLiteral("--keep-alive-requests must be 1 to 1000000.");
        o.keepAliveRequests = static_cast<int>(n);
    }
    if (parser.isSet(sessionWait)) {
        const qint64 seconds = positive(parser.value(sessionWait), 600);
        if (seconds < 0)
            return QStringLiteral("--session-wait must be 1 to 600 seconds.");
        o.sessionWait = std::chrono::seconds(seconds);
    }

    if (parser.isSet(secretFile)) {
        QFile file(parser.value(secretFile));
        if (!file.open(QIODevice::ReadOnly))
            return QStringLiteral("Cannot read the Clerk secret key file \"%1\": %2.")
                .arg(file.fileName(), file.errorString());
        o.clerkSecretKey = file.read(maxSecretFileBytes).trimmed();
        if (o.clerkSecretKey.isEmpty())
            return QStringLiteral("The Clerk secret key file \"%1\" is empty.")
                .arg(file.fileName());
    } else {
        o.clerkSecretKey =
            environment.value(QStringLiteral("ROLECALL_CLERK_SECRET_KEY")).trimmed().toUtf8();
    }
    if (parser.isSet(clerkApi)) {
        o.clerkApiUrl = QUrl(parser.value(clerkApi), QUrl::StrictMode);
        const bool local = QHostAddress(o.clerkApiUrl.host()).isLoopback();
        if (!o.clerkApiUrl.isValid() || o.clerkApiUrl.host().isEmpty() ||
            !(o.clerkApiUrl.scheme() == QLatin1String("https") ||
              (o.clerkApiUrl.scheme() == QLatin1String("http") && local)))
            return QStringLiteral("--clerk-api-url must be an https:// URL (http:// only on the "
                                  "loopback address).");
    }
    o.testFaults =
        parser.isSet(testFaults) ||
        environment.value(QStringLiteral("ROLECALL_SERVER_TEST_FAULTS")) == QLatin1String("1");
    return parsed;
}

} // namespace rolecall::server
