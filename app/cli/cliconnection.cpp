#include "cli/cliconnection.h"

#include "services/profilestore.h"

#include <QCommandLineParser>
#include <QSettings>

namespace rolecall::cli {

void addConnectionOptions(QCommandLineParser &parser)
{
    parser.addOptions({
        {QStringLiteral("db"),
         QStringLiteral("PostgreSQL URL, postgresql://user@host:port/db?sslmode=… (no password)."),
         QStringLiteral("URL")},
        {QStringLiteral("host"), QStringLiteral("Database host or socket directory."),
         QStringLiteral("HOST")},
        {QStringLiteral("port"), QStringLiteral("Database port."), QStringLiteral("PORT")},
        {QStringLiteral("user"), QStringLiteral("Database user."), QStringLiteral("USER")},
        {QStringLiteral("dbname"), QStringLiteral("Database name."), QStringLiteral("NAME")},
    });
}

bool connectionFromOptions(const QCommandLineParser &parser, const QString &profile,
                           ConnectionSettings *out, QString *error)
{
    QString url = parser.value(QStringLiteral("db"));
    if (url.isEmpty())
        url = qEnvironmentVariable("ROLECALL_DATABASE_URL");
    const bool discrete =
        parser.isSet(QStringLiteral("host")) || parser.isSet(QStringLiteral("port")) ||
        parser.isSet(QStringLiteral("user")) || parser.isSet(QStringLiteral("dbname"));
    if (url.isEmpty() && !discrete) {
        const std::unique_ptr<QSettings> appSettings = openAppSettings();
        const ProfileStore profiles(*appSettings);
        if (!profile.isEmpty() || !profiles.profiles().isEmpty()) {
            QString profileError;
            const std::optional<Profile> chosen = profiles.resolve(profile, &profileError);
            if (!chosen) {
                *error = profileError;
                return false;
            }
            if (chosen->databaseUrl.isEmpty()) {
                *error = QStringLiteral("profile %1 names no database; pass --db URL or set one "
                                        "with rolecallctl profiles edit %1 --db URL")
                             .arg(chosen->name);
                return false;
            }
            url = chosen->databaseUrl;
        }
    }
    ConnectionSettings settings;
    if (!url.isEmpty()) {
        if (!ConnectionSettings::fromUrl(url, &settings, error))
            return false;
    } else if (!discrete) {
        *error = QStringLiteral("no database given: pass --db URL (or set ROLECALL_DATABASE_URL)");
        return false;
    }
    // Discrete fields override the URL's parts.
    if (parser.isSet(QStringLiteral("host")))
        settings.host = parser.value(QStringLiteral("host"));
    if (parser.isSet(QStringLiteral("port"))) {
        bool ok = false;
        settings.port = parser.value(QStringLiteral("port")).toInt(&ok);
        if (!ok || settings.port < 1 || settings.port > 65535) {
            *error = QStringLiteral("--port must be a number from 1 to 65535");
            return false;
        }
    }
    if (parser.isSet(QStringLiteral("user")))
        settings.user = parser.value(QStringLiteral("user"));
    if (parser.isSet(QStringLiteral("dbname")))
        settings.database = parser.value(QStringLiteral("dbname"));
    *out = settings;
    return true;
}

} // namespace rolecall::cli
