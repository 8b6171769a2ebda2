#include "domain/connectionsettings.h"

#include <QHostAddress>
#include <QStringList>
#include <QUrl>
#include <QUrlQuery>

namespace rolecall {

namespace {

// libpq's connection keywords (PostgreSQL 17's list) that a URL may pass
// through. Left out: the ones fromUrl() reads itself (host, port, user,
// dbname), and the secrets (password, sslpassword), which never go into a
// URL or a settings file.
const QStringList &passThroughKeywords()
{
    static const QStringList keywords = {
        QStringLiteral("application_name"),
        QStringLiteral("channel_binding"),
        QStringLiteral("client_encoding"),
        QStringLiteral("connect_timeout"),
        QStringLiteral("fallback_application_name"),
        QStringLiteral("gssdelegation"),
        QStringLiteral("gssencmode"),
        QStringLiteral("gsslib"),
        QStringLiteral("hostaddr"),
        QStringLiteral("keepalives"),
        QStringLiteral("keepalives_count"),
        QStringLiteral("keepalives_idle"),
        QStringLiteral("keepalives_interval"),
        QStringLiteral("krbsrvname"),
        QStringLiteral("load_balance_hosts"),
        QStringLiteral("options"),
        QStringLiteral("passfile"),
        QStringLiteral("replication"),
        QStringLiteral("require_auth"),
        QStringLiteral("requirepeer"),
        QStringLiteral("service"),
        QStringLiteral("ssl_max_protocol_version"),
        QStringLiteral("ssl_min_protocol_version"),
        QStringLiteral("sslcert"),
        QStringLiteral("sslcertmode"),
        QStringLiteral("sslcompression"),
        QStringLiteral("sslcrl"),
        QStringLiteral("sslcrldir"),
        QStringLiteral("sslkey"),
        QStringLiteral("sslmode"),
        QStringLiteral("sslnegotiation"),
        QStringLiteral("sslrootcert"),
        QStringLiteral("sslsni"),
        QStringLiteral("target_session_attrs"),
        QStringLiteral("tcp_user_timeout"),
    };
    return keywords;
}

const QStringList &sslModes()
{
    static const QStringList modes = {QStringLiteral("disable"),   QStringLiteral("allow"),
                                      QStringLiteral("prefer"),    QStringLiteral("require"),
                                      QStringLiteral("verify-ca"), QStringLiteral("verify-full")};
    return modes;
}

bool hasControl(const QString &text)
{
    for (const QChar c : text) {
        if (c.category() == QChar::Other_Control || c == QChar(0x2028) || c == QChar(0x2029))
            return true;
    }
    return false;
}

// Qt's PostgreSQL driver joins the options with spaces, unquoted, into the
// libpq connection string: a value may hold nothing libpq would read as the
// end of it or the start of a quoted or escaped one, so no option can carry a
// second keyword (" password=...").
bool isPlainOptionValue(const QString &value)
{
    if (value.isEmpty())
        return false;
    for (const QChar c : value) {
        if (c.isSpace() || c.category() == QChar::Other_Control || c == QLatin1Char('\'') ||
            c == QLatin1Char('\\') || c == QLatin1Char(';') || c == QLatin1Char('"'))
            return false;
    }
    return true;
}

bool isLoopbackHost(const QString &host)
{
    return QHostAddress(host).isLoopback() ||
           host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0;
}

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

} // namespace

bool ConnectionSettings::fromUrl(const QString &text, ConnectionSettings *out, QString *error)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return fail(error, QStringLiteral("The database URL is empty."));
    const QUrl url(trimmed, QUrl::StrictMode);
    if (!url.isValid())
        return fail(error,
                    QStringLiteral("The database URL is not valid: %1").arg(url.errorString()));
    if (url.scheme() != QLatin1String("postgresql") && url.scheme() != QLatin1String("postgres"))
        return fail(error, QStringLiteral("The database URL must start with postgresql:// "
                                          "(it starts with \"%1:\").")
                               .arg(url.scheme()));
    if (!url.password().isEmpty())
        return fail(error, QStringLiteral("The database URL contains a password. Leave it out "
                                          "and use PGPASSWORD or ~/.pgpass instead, so it "
                                          "never lands on a command line or in a settings file."));

    ConnectionSettings s;
    s.host = url.host();
    s.port = url.port(-1);
    s.user = url.userName();
    s.database = url.path();
    if (s.database.startsWith(QLatin1Char('/')))
        s.database.remove(0, 1);
    if (s.database.contains(QLatin1Char('/')))
        return fail(error,
                    QStringLiteral("The database name \"%1\" contains a slash.").arg(s.database));

    const QUrlQuery query(url);
    const auto items = query.queryItems(QUrl::FullyDecoded);
    for (const auto &[key, value] : items) {
        if (key == QLatin1String("schema")) {
            s.schema = value;
        } else if (key == QLatin1String("host")) {
            s.host = value; // unix socket directory, as libpq allows
        } else if (key == QLatin1String("port")) {
            bool ok = false;
            s.port = value.toInt(&ok);
            if (!ok)
                return fail(error, QStringLiteral("The port \"%1\" is not a number.").arg(value));
        } else if (key == QLatin1String("user")) {
            s.user = value;
        } else if (key == QLatin1String("dbname")) {
            s.database = value;
        } else if (key == QLatin1String("password")) {
            return fail(error, QStringLiteral("The database URL contains a password. Leave it out "
                                              "and use PGPASSWORD or ~/.pgpass instead."));
        } else if (key == QLatin1String("sslpassword")) {
            return fail(error, QStringLiteral("The database URL contains sslpassword. Leave it "
                                              "out: no passphrase goes into a URL or a settings "
                                              "file."));
        } else if (passThroughKeywords().contains(key)) {
            // Not echoed: a value may be anything, a pasted secret included.
            if (!isPlainOptionValue(value))
                return fail(error, QStringLiteral("The option %1 has an unsupported value "
                                                  "(empty, or holding spaces, quotes, "
                                                  "backslashes, semicolons or control "
                                                  "characters).")
                                       .arg(key));
            if (key == QLatin1String("sslmode") && !sslModes().contains(value))
                return fail(error, QStringLiteral("sslmode must be one of %1.")
                                       .arg(sslModes().join(QStringLiteral(", "))));
            s.options.insert(key, value);
        } else {
            return fail(error, QStringLiteral("Unknown database URL option \"%1\".").arg(key));
        }
    }
    for (const QString *part : {&s.host, &s.user, &s.database, &s.schema}) {
        if (hasControl(*part))
            return fail(error, QStringLiteral("The database URL contains control characters."));
    }
    if (s.port == 0 || s.port > 65535)
        return fail(error, QStringLiteral("The port %1 is out of range.").arg(s.port));
    *out = s;
    return true;
}

QString ConnectionSettings::toUrl() const
{
    // Every part set decoded and written fully encoded, so that any name
    // (spaces, '%', '#', non-ASCII) reads back the same through fromUrl()
    // (tests/fuzz/fuzz_connectionurl.cpp checks it).
    QUrl url;
    url.setScheme(QStringLiteral("postgresql"));
    QStringList query;
    const auto addQuery = [&query](const QString &key, const QString &value) {
        query << QString::fromLatin1(QUrl::toPercentEncoding(key) + '=' +
                                     QUrl::toPercentEncoding(value));
    };
    if (host.startsWith(QLatin1Char('/')) || host.startsWith(QLatin1Char('@')))
        addQuery(QStringLiteral("host"), host);
    else
        url.setHost(host, QUrl::DecodedMode);
    if (port > 0)
        url.setPort(port);
    url.setUserName(user, QUrl::DecodedMode);
    url.setPath(QLatin1Char('/') + database, QUrl::DecodedMode);
    if (!schema.isEmpty())
        addQuery(QStringLiteral("schema"), schema);
    for (auto it = options.cbegin(); it != options.cend(); ++it)
        addQuery(it.key(), it.value());
    if (!query.isEmpty())
        url.setQuery(query.join(QLatin1Char('&')), QUrl::StrictMode);
    return url.toString(QUrl::FullyEncoded);
}

QString ConnectionSettings::connectOptions() const
{
    QStringList parts;
    for (auto it = options.cbegin(); it != options.cend(); ++it)
        parts << it.key() + QLatin1Char('=') + it.value();
    if (!options.contains(QStringLiteral("sslmode")) && isRemoteTcp())
        parts << QStringLiteral("sslmode=verify-full");
    if (!options.contains(QStringLiteral("connect_timeout")))
        parts << QStringLiteral("connect_timeout=10");
    if (!options.contains(QStringLiteral("application_name")))
        parts << QStringLiteral("application_name=rolecall");
    return parts.join(QLatin1Char(';'));
}

bool ConnectionSettings::isRemoteTcp() const
{
    // A socket directory starts with a slash (or @ for Linux's abstract
    // namespace); no host is libpq's default, decided by PGHOST.
    if (host.isEmpty() || host.startsWith(QLatin1Char('/')) || host.startsWith(QLatin1Char('@')))
        return false;
    const QStringList hosts = host.split(QLatin1Char(','));
    for (const QString &one : hosts) {
        if (!isLoopbackHost(one.trimmed()))
            return true;
    }
    return false;
}

QString ConnectionSettings::sslMode() const
{
    const QString given = options.value(QStringLiteral("sslmode"));
    if (!given.isEmpty())
        return given;
    return isRemoteTcp() ? QStringLiteral("verify-full") : QString();
}

QString ConnectionSettings::transportWarning() const
{
    if (!isRemoteTcp())
        return {};
    const QString mode = sslMode();
    if (mode == QLatin1String("verify-full"))
        return {};
    if (mode == QLatin1String("verify-ca"))
        return QStringLiteral("The database connection to %1 uses sslmode=verify-ca: the server's "
                              "certificate is checked, but not that it was issued for this host. "
                              "Use sslmode=verify-full.")
            .arg(host);
    return QStringLiteral("The database connection to %1 uses sslmode=%2: the server is not "
                          "verified%3, so anyone on the network path could read or change what "
                          "is sent. Use sslmode=verify-full.")
        .arg(host, mode,
             mode == QLatin1String("require") ? QString()
                                              : QStringLiteral(" and it may not be encrypted"));
}

QString ConnectionSettings::displayName() const
{
    QString text;
    if (!user.isEmpty())
        text += user + QLatin1Char('@');
    text += host.isEmpty() ? QStringLiteral("localhost") : host;
    if (port > 0)
        text += QLatin1Char(':') + QString::number(port);
    text += QLatin1Char('/') + database;
    return text;
}

} // namespace rolecall
