#include "console/launchoptions.h"

#include "mainwindow.h"
#include "screens/usersscreen.h"
#include "services/profilestore.h"
#include "widgets/colorscheme.h"
#include "widgets/savedviews.h"
#include "widgets/savedviewsmenu.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSettings>
#include <QStatusBar>

namespace rolecall {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("rolecall::LaunchOptions", text);
}

QString unknownViewText(const QString &view, const QStringList &names)
{
    return names.isEmpty() ? tr("No saved view \"%1\": this profile has no saved views.").arg(view)
                           : tr("No saved view \"%1\" in this profile; saved views: %2")
                                 .arg(view, names.join(QStringLiteral(", ")));
}

} // namespace

QStringList launchScreenNames()
{
    return {QStringLiteral("users"), QStringLiteral("grants"), QStringLiteral("audit"),
            QStringLiteral("overview"), QStringLiteral("sync")};
}

void addLaunchOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("profile"),
                      tr("Open this profile (default: the default profile)."),
                      QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("sign-in"),
                      tr("Start the browser sign-in at once when no session is kept.")});
    parser.addOption({QStringLiteral("db"),
                      tr("Browse this PostgreSQL database read-only, without a profile "
                         "or sign-in: postgresql://user@host:port/db (no password; use "
                         "PGPASSWORD or ~/.pgpass)."),
                      QStringLiteral("URL")});
    parser.addOption({QStringLiteral("screen"),
                      tr("Open on this screen: users, grants, audit, overview or sync."),
                      QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("user"),
                      tr("Open the Users screen on this user (Clerk ID, email or name) "
                         "with its detail shown."),
                      QStringLiteral("KEY")});
    parser.addOption({QStringLiteral("theme"),
                      tr("Colours: system, light or dark (default: system); also ROLECALL_THEME."),
                      QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("view"),
                      tr("Open this saved view of the profile (View > Saved Views)."),
                      QStringLiteral("NAME")});
}

LaunchOptions readLaunchOptions(const QCommandLineParser &parser)
{
    LaunchOptions options;
    options.profileSet = parser.isSet(QStringLiteral("profile"));
    options.profile = parser.value(QStringLiteral("profile"));
    options.signIn = parser.isSet(QStringLiteral("sign-in"));
    options.databaseUrl = parser.value(QStringLiteral("db"));
    if (options.databaseUrl.isEmpty() && !options.profileSet)
        options.databaseUrl = qEnvironmentVariable("ROLECALL_DATABASE_URL");
    options.screenSet = parser.isSet(QStringLiteral("screen"));
    options.screen = parser.value(QStringLiteral("screen")).toLower();
    options.user = parser.value(QStringLiteral("user"));
    options.viewSet = parser.isSet(QStringLiteral("view"));
    options.view = parser.value(QStringLiteral("view"));
    options.theme = parser.isSet(QStringLiteral("theme")) ? parser.value(QStringLiteral("theme"))
                                                          : qEnvironmentVariable("ROLECALL_THEME");
    return options;
}

QString launchProblem(const LaunchOptions &options)
{
    if (options.screenSet && !launchScreenNames().contains(options.screen))
        return tr("No screen \"%1\"; choose one of: %2")
            .arg(options.screen, launchScreenNames().join(QStringLiteral(", ")));
    if (!options.theme.isEmpty() && !colorSchemeFromName(options.theme))
        return tr("No theme \"%1\"; choose one of: %2")
            .arg(options.theme, colorSchemeNames().join(QStringLiteral(", ")));
    if (!options.viewSet || !options.user.isEmpty())
        return {};
    // The profile that will open: the window keeps saved views under its name.
    QString profile;
    if (!options.opensDatabase()) {
        const std::unique_ptr<QSettings> settings = openAppSettings();
        QString ignored;
        const std::optional<Profile> resolved =
            ProfileStore(*settings).resolve(options.profile, &ignored);
        if (!resolved)
            return {}; // the profile chooser comes first; applyLaunchTarget() tells
        profile = resolved->name;
    }
    const SavedViewStore store(profile);
    if (store.view(options.view))
        return {};
    return unknownViewText(options.view, store.names());
}

bool applyLaunchTheme(const LaunchOptions &options)
{
    if (options.theme.isEmpty())
        return true;
    const std::optional<ColorScheme> scheme = colorSchemeFromName(options.theme);
    if (scheme)
        applyColorScheme(*scheme);
    return scheme.has_value();
}

bool applyLaunchTarget(MainWindow &window, const LaunchOptions &options)
{
    if (!options.user.isEmpty()) {
        window.showScreen(QStringLiteral("usersScreen"));
        window.usersScreen()->openUser(options.user);
        return true;
    }
    if (options.viewSet) {
        if (window.openView(options.view))
            return true;
        window.statusBar()->showMessage(
            unknownViewText(options.view, window.savedViewsMenu()->viewNames()));
        return false;
    }
    if (options.screenSet)
        window.showScreen(options.screen + QStringLiteral("Screen"));
    return true;
}

} // namespace rolecall
