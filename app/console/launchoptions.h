#pragma once

#include <QString>
#include <QStringList>

class QCommandLineParser;

namespace rolecall {

class MainWindow;

// The console's command line, as `rolecall` takes it: which profile or
// database opens, and which screen, user or saved view it opens on.
//
//   addLaunchOptions(parser) ─▶ parser.process() ─▶ readLaunchOptions()
//   launchProblem() (before the window: a name that names nothing, exit 2)
//   window + profile or database ─▶ applyLaunchTarget()
struct LaunchOptions
{
    QString profile; // --profile NAME
    bool profileSet = false;
    bool signIn = false; // --sign-in
    QString databaseUrl; // --db URL (or ROLECALL_DATABASE_URL without --profile)
    QString screen;      // --screen NAME, lower case
    bool screenSet = false;
    QString user; // --user KEY
    QString view; // --view NAME
    bool viewSet = false;
    QString theme; // --theme NAME, else ROLECALL_THEME; empty: the platform's

    // The console opens a bare database, without a profile or sign-in.
    bool opensDatabase() const { return !databaseUrl.isEmpty() && !profileSet; }
};

// The screens --screen takes, as typed.
QStringList launchScreenNames();
void addLaunchOptions(QCommandLineParser &parser);
// After parser.process(); the environment's database URL applies without --profile.
LaunchOptions readLaunchOptions(const QCommandLineParser &parser);
// Why the console cannot open as asked, for a message and exit code 2: a
// screen that is not one, a saved view the profile that opens does not
// have. Empty when it can. The saved views are read from the settings of
// the profile `--profile` names (else the default, else the only one; none
// for a bare database); when that profile cannot be resolved the check waits
// for applyLaunchTarget().
QString launchProblem(const LaunchOptions &options);
// Applies --theme (before the window is made); false when it names none.
bool applyLaunchTheme(const LaunchOptions &options);
// Brings the asked screen, user or saved view forward in `window`, which has
// its profile or database already. False, with the reason in the window's
// status bar, when a saved view of that name is not there.
bool applyLaunchTarget(MainWindow &window, const LaunchOptions &options);

} // namespace rolecall
