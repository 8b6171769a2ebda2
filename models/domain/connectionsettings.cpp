#include "domain/connectionsettings.h"

#include <QStringList>
#include <QUrl>
#include <QUrlQuery>

namespace rolecall {

namespace {

// libpq connection keywords the console passes through from the URL query.
const QStringList &passThroughKeywords()
{
    static const QStringList keywords = {
        QStringLiteral("sslmode"),          QStringLiteral("sslrootcert"),
        QStringLiteral("sslcert"),          QStringLiteral("sslkey"),
        QStringLiteral("sslcrl"),           QStringLiteral("connect_timeout"),
        QStringLiteral("application_name"), QStringLiteral("target_session_attrs"),
        QStringLiteral("service"),          QStringLiteral("passfile"),
        QStringLiteral("gssencmode"),       QStringLiteral("channel_binding"),
    };
    return keywords;
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
        } else if (passThroughKeywords().contains(key)) {
            if (value.contains(QLatin1Char(';')) || value.contains(QLatin1Char(' ')))
                return fail(error,
                            QStringLiteral("The option %1 has an unsupported value.").arg(key));
            s.options.insert(key, value);
        } else {
            return fail(error, QStringLiteral("Unknown database URL option \"%1\".").arg(key));
        }
    }
    if (s.port == 0 || s.port > 65535)
        return fail(error, QStringLiteral("The port %1 is out of range.").arg(s.port));
    *out = s;
    return true;
}

QString ConnectionSettings::toUrl() const
{
    QUrl url;
    url.setScheme(QStringLiteral("postgresql"));
    QUrlQuery query;
    if (host.startsWith(QLatin1Char('/')))
        query.addQueryItem(QStringLiteral("host"), host);
    else
        url.setHost(host);
    if (port > 0)
        url.setPort(port);
    url.setUserName(user);
    url.setPath(QLatin1Char('/') + database);
    if (!schema.isEmpty())
        query.addQueryItem(QStringLiteral("schema"), schema);
    for (auto it = options.cbegin(); it != options.cend(); ++it)
        query.addQueryItem(it.key(), it.value());
    url.setQuery(query);
    return url.toString();
}

QString ConnectionSettings::connectOptions() const
{
    QStringList parts;
    for (auto it = options.cbegin(); it != options.cend(); ++it)
        parts << it.key() + QLatin1Char('=') + it.value();
    if (!options.contains(QStringLiteral("connect_timeout")))
        parts << QStringLiteral("connect_timeout=10");
    if (!options.contains(QStringLiteral("application_name")))
        parts << QStringLiteral("application_name=rolecall");
    return parts.join(QLatin1Char(';'));
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
