// rolecall: the desktop console. Composition only: parse the command line,
// make the data source, show the window.
#include "connectionsettings.h"
#include "mainwindow.h"
#include "pgdatasource.h"

#include <QApplication>
#include <QCommandLineParser>

using rolecall::ConnectionSettings;
using rolecall::DataSource;
using rolecall::PgDataSource;

namespace {

DataSource *openPostgres(const QString &url, QString *error)
{
    ConnectionSettings settings;
    if (!ConnectionSettings::fromUrl(url, &settings, error))
        return nullptr;
    return new PgDataSource(settings);
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Rolecall"));
    QApplication::setApplicationName(QStringLiteral("rolecall"));
    QApplication::setApplicationDisplayName(QStringLiteral("Rolecall"));
    QApplication::setApplicationVersion(QStringLiteral(ROLECALL_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Admin console for Clerk users and role grants in PostgreSQL."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({QStringLiteral("db"),
                      QStringLiteral("PostgreSQL URL to open, postgresql://user@host:port/db "
                                     "(no password; use PGPASSWORD or ~/.pgpass)."),
                      QStringLiteral("URL")});
    parser.process(app);

    rolecall::MainWindow window(&openPostgres);
    QString url = parser.value(QStringLiteral("db"));
    if (url.isEmpty())
        url = qEnvironmentVariable("ROLECALL_DATABASE_URL");
    if (!url.isEmpty()) {
        QString error;
        DataSource *source = openPostgres(url, &error);
        if (!source) {
            qCritical("rolecall: %s", qUtf8Printable(error));
            return 2;
        }
        window.setDataSource(source);
    } else {
        window.setDataSource(nullptr);
    }
    window.show();
    return QApplication::exec();
}
