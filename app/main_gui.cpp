// rolecall: the desktop console. Composition only: parse the command line,
// then either a profile (sign-in, its database) or a bare database URL.
#include "buildinfo/buildinfo.h"
#include "console/consolecontroller.h"
#include "console/launchoptions.h"
#include "domain/connectionsettings.h"
#include "icons/appicon.h"
#include "itemmodels/userstablemodel.h"
#include "mainwindow.h"
#include "pg/pgdatasource.h"
#include "screens/usersscreen.h"
#include "services/syncservice.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QEvent>
#include <QLibraryInfo>
#include <QLocale>
#include <QTableView>
#include <QTimer>
#include <QTranslator>

#include <cstdio>
#include <cstring>

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

// rolecall-bench's time to the first page (ROLECALL_REPORT_FIRST_PAGE set):
// once the users list has painted its first row, says so on stdout and quits.
class FirstPageReporter final : public QObject
{
public:
    explicit FirstPageReporter(rolecall::UsersScreen *screen)
        : QObject(screen)
        , m_screen(screen)
    {
        screen->view()->viewport()->installEventFilter(this);
    }
    Q_DISABLE_COPY_MOVE(FirstPageReporter)

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_done && m_screen->model()->isRowLoaded(0)) {
            m_done = true;
            // After this paint has run.
            QTimer::singleShot(0, this, [] {
                std::fputs("rolecall: first page painted\n", stdout);
                std::fflush(stdout);
                QCoreApplication::quit();
            });
        }
        return QObject::eventFilter(watched, event);
    }

private:
    rolecall::UsersScreen *m_screen;
    bool m_done = false;
};

} // namespace

int main(int argc, char *argv[])
{
    // --version answers before a QApplication exists, so it works in a
    // terminal with no display (a package's smoke test, a bug report).
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--version") == 0 || std::strcmp(argv[i], "-v") == 0) {
            std::fputs(qUtf8Printable(rolecall::buildinfo::versionText(QStringLiteral("rolecall"))),
                       stdout);
            return 0;
        }
    }

    // Before anything can start a child process (the browser opener): no
    // child inherits the Clerk key hook.
    rolecall::takeClerkSecretKeyFromEnvironment();
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Rolecall"));
    QApplication::setApplicationName(QStringLiteral("rolecall"));
    QApplication::setApplicationDisplayName(QStringLiteral("Rolecall"));
    QApplication::setApplicationVersion(rolecall::buildinfo::version());
    // The task bar matches the window to the installed desktop entry and icon.
    QGuiApplication::setDesktopFileName(rolecall::buildinfo::applicationId());
    QApplication::setWindowIcon(rolecall::icons::applicationIcon());

    // The console's own strings (compiled in as :/i18n) and Qt's, for the
    // system locale; without a match, English (whose .qm holds the plural forms).
    QTranslator qtTranslator;
    if (qtTranslator.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);
    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("rolecall"), QStringLiteral("_"),
                        QStringLiteral(":/i18n")) ||
        translator.load(QStringLiteral(":/i18n/rolecall_en.qm")))
        QApplication::installTranslator(&translator);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Admin console for Clerk users and role grants in PostgreSQL."));
    parser.addHelpOption();
    parser.addVersionOption();
    rolecall::addLaunchOptions(parser);
    parser.process(app);
    const rolecall::LaunchOptions options = rolecall::readLaunchOptions(parser);
    // A screen or saved view that names nothing: said before any window opens.
    if (const QString problem = rolecall::launchProblem(options); !problem.isEmpty()) {
        qCritical("rolecall: %s", qUtf8Printable(problem));
        return 2;
    }

    rolecall::applyLaunchTheme(options);
    rolecall::MainWindow window(&openPostgres);
    std::unique_ptr<rolecall::ConsoleController> controller;
    if (options.opensDatabase()) {
        // The database is the gate for reading; without a sign-in nothing can change.
        QString error;
        DataSource *source = openPostgres(options.databaseUrl, &error);
        if (!source) {
            qCritical("rolecall: %s", qUtf8Printable(error));
            return 2;
        }
        window.setDataSource(source);
        window.show();
    } else {
        window.setDataSource(nullptr);
        window.show();
        controller = std::make_unique<rolecall::ConsoleController>(&window);
        controller->start(options.profile, options.signIn);
    }
    rolecall::applyLaunchTarget(window, options);
    if (qEnvironmentVariableIsSet("ROLECALL_REPORT_FIRST_PAGE"))
        new FirstPageReporter(window.usersScreen());
    return QApplication::exec();
}
