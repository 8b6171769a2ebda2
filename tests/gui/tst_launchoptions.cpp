// `rolecall --view NAME` (and --screen, --user) as the app takes them: the
// command line parsed by the app's own options, checked before the window
// opens, then applied to a real main window over a real PostgreSQL; and the
// real `rolecall` binary refusing a name that names nothing with exit code 2.
#include "console/launchoptions.h"
#include "itemmodels/userstablemodel.h"
#include "mainwindow.h"
#include "pg/pgdatasource.h"
#include "screens/screen.h"
#include "screens/usersscreen.h"
#include "support/pgtestcluster.h"
#include "support/testdata.h"
#include "widgets/colorscheme.h"
#include "widgets/savedviews.h"

#include <QApplication>
#include <QComboBox>
#include <QCommandLineParser>
#include <QLineEdit>
#include <QProcess>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyle>
#include <QTemporaryDir>
#include <QTest>

using namespace rolecall;
using rolecall::testing::Fixture;
using rolecall::testing::PgTestCluster;

namespace {
constexpr int waitMs = 30000;
// A database URL the checks never connect to.
const QString anyDatabase = QStringLiteral("postgresql://nobody@127.0.0.1:1/none");

LaunchOptions parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    addLaunchOptions(parser);
    if (!parser.parse(QStringList{QStringLiteral("rolecall")} + arguments))
        qWarning("%s", qPrintable(parser.errorText()));
    return readLaunchOptions(parser);
}

// Runs the real console; its settings in `configHome`, nothing on screen.
QProcess *runConsole(const QStringList &arguments, const QString &configHome, QObject *parent)
{
    auto *process = new QProcess(parent);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), configHome);
    env.remove(QStringLiteral("ROLECALL_DATABASE_URL"));
    process->setProcessEnvironment(env);
    process->start(QStringLiteral(ROLECALL_GUI_PATH), arguments);
    return process;
}
} // namespace

class TestLaunchOptions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void readsTheOptionsAsTheAppTakesThem();
    void opensTheSavedViewOnItsScreenWithItsFilters();
    void anUnknownViewOrScreenIsRefusedBeforeTheWindowOpens();
    void theConsoleExitsWithCodeTwoOnAnUnknownName_data();
    void theConsoleExitsWithCodeTwoOnAnUnknownName();
    void aViewMissingOnceTheWindowIsOpenSaysSo();
    void theDarkThemeIsTheDarkPalette();

private:
    PgTestCluster *m_cluster = nullptr;
    QString m_db;
};

void TestLaunchOptions::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_cluster = PgTestCluster::shared();
    QVERIFY2(m_cluster, qPrintable(PgTestCluster::startError()));
    QString error;
    m_db = m_cluster->createDatabase(Fixture::AkakoLms, &error);
    QVERIFY2(testing::seedAkakoUsers(*m_cluster, m_db, 200, &error), qPrintable(error));
}

void TestLaunchOptions::init()
{
    QSettings().remove(QStringLiteral("savedViews"));
    qunsetenv("ROLECALL_DATABASE_URL");
}

void TestLaunchOptions::readsTheOptionsAsTheAppTakesThem()
{
    const LaunchOptions options =
        parse({QStringLiteral("--profile"), QStringLiteral("work"), QStringLiteral("--screen"),
               QStringLiteral("Grants"), QStringLiteral("--view"), QStringLiteral("Mentors")});
    QVERIFY(options.profileSet);
    QCOMPARE(options.profile, QStringLiteral("work"));
    QCOMPARE(options.screen, QStringLiteral("grants"));
    QVERIFY(options.viewSet);
    QCOMPARE(options.view, QStringLiteral("Mentors"));
    QVERIFY(!options.opensDatabase());
    // The environment's database without --profile, as before.
    qputenv("ROLECALL_DATABASE_URL", anyDatabase.toUtf8());
    QVERIFY(parse({}).opensDatabase());
    QCOMPARE(parse({}).databaseUrl, anyDatabase);
    QVERIFY(!parse({QStringLiteral("--profile"), QStringLiteral("work")}).opensDatabase());
}

void TestLaunchOptions::opensTheSavedViewOnItsScreenWithItsFilters()
{
    // A view saved in the window of a bare database (no profile): users
    // named "user1" holding LEARNER.
    SavedViewStore(QString()).save(
        {QStringLiteral("Learners 1"), QStringLiteral("usersScreen"),
         QVariantMap{{QStringLiteral("searchField"), QStringLiteral("user1")},
                     {QStringLiteral("roleFilter"), QStringLiteral("LEARNER")}}});
    const LaunchOptions options =
        parse({QStringLiteral("--db"), anyDatabase, QStringLiteral("--screen"),
               QStringLiteral("grants"), QStringLiteral("--view"), QStringLiteral("Learners 1")});
    QVERIFY(options.opensDatabase());
    QCOMPARE(launchProblem(options), QString());

    // As main_gui does: the window over the database, then the target.
    MainWindow window({});
    window.setDataSource(new PgDataSource(m_cluster->connection(m_db)));
    window.show();
    QVERIFY(applyLaunchTarget(window, options));
    QCOMPARE(window.currentScreen()->widget()->objectName(), QStringLiteral("usersScreen"));
    // Both filters hold once the schema is read, the role included.
    QTRY_VERIFY_WITH_TIMEOUT(window.usersModel() &&
                                 window.usersModel()->roleFilter() == QLatin1String("LEARNER"),
                             waitMs);
    QCOMPARE(window.usersModel()->search(), QStringLiteral("user1"));
    QCOMPARE(window.searchField()->text(), QStringLiteral("user1"));
    QCOMPARE(window.usersScreen()->roleFilter()->currentText(), QStringLiteral("LEARNER"));
    QTRY_VERIFY_WITH_TIMEOUT(
        !window.usersModel()->isLoading() && window.usersModel()->rowCount() > 0, waitMs);
    QVERIFY(window.statusBar()->currentMessage().isEmpty() ||
            !window.statusBar()->currentMessage().contains(QLatin1String("No saved view")));
}

void TestLaunchOptions::anUnknownViewOrScreenIsRefusedBeforeTheWindowOpens()
{
    SavedViewStore(QString()).save(
        {QStringLiteral("Mentors"), QStringLiteral("grantsScreen"),
         QVariantMap{{QStringLiteral("roleFilter"), QStringLiteral("MENTOR")}}});
    const QString problem = launchProblem(parse(
        {QStringLiteral("--db"), anyDatabase, QStringLiteral("--view"), QStringLiteral("Nope")}));
    QCOMPARE(problem,
             QStringLiteral("No saved view \"Nope\" in this profile; saved views: Mentors"));
    SavedViewStore(QString()).remove(QStringLiteral("Mentors"));
    QCOMPARE(launchProblem(parse({QStringLiteral("--db"), anyDatabase, QStringLiteral("--view"),
                                  QStringLiteral("Nope")})),
             QStringLiteral("No saved view \"Nope\": this profile has no saved views."));
    QCOMPARE(
        launchProblem(parse({QStringLiteral("--screen"), QStringLiteral("nope")})),
        QStringLiteral("No screen \"nope\"; choose one of: users, grants, audit, overview, sync"));
    // --user wins over --view, as it always did: nothing to refuse.
    QCOMPARE(launchProblem(
                 parse({QStringLiteral("--db"), anyDatabase, QStringLiteral("--user"),
                        QStringLiteral("x"), QStringLiteral("--view"), QStringLiteral("Nope")})),
             QString());
}

void TestLaunchOptions::theConsoleExitsWithCodeTwoOnAnUnknownName_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("said");
    QTest::newRow("view") << QStringList{QStringLiteral("--db"), anyDatabase,
                                         QStringLiteral("--view"), QStringLiteral("Nope")}
                          << QStringLiteral("No saved view \"Nope\"");
    QTest::newRow("theme") << QStringList{QStringLiteral("--db"), anyDatabase,
                                          QStringLiteral("--theme"), QStringLiteral("purple")}
                           << QStringLiteral("No theme \"purple\"");
    QTest::newRow("screen") << QStringList{QStringLiteral("--db"), anyDatabase,
                                           QStringLiteral("--screen"), QStringLiteral("nope")}
                            << QStringLiteral("No screen \"nope\"");
}

void TestLaunchOptions::theConsoleExitsWithCodeTwoOnAnUnknownName()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, said);
    QTemporaryDir configHome;
    QVERIFY(configHome.isValid());
    QProcess *console = runConsole(arguments, configHome.path(), this);
    QVERIFY2(console->waitForFinished(waitMs), "the console opened instead of refusing");
    QCOMPARE(console->exitStatus(), QProcess::NormalExit);
    QCOMPARE(console->exitCode(), 2);
    const QString error = QString::fromUtf8(console->readAllStandardError());
    QVERIFY2(error.contains(said), qPrintable(error));
}

void TestLaunchOptions::aViewMissingOnceTheWindowIsOpenSaysSo()
{
    // A profile chosen in the dialog has no such view: the status bar says so.
    MainWindow window({});
    window.setDataSource(new PgDataSource(m_cluster->connection(m_db)));
    window.show();
    LaunchOptions options;
    options.viewSet = true;
    options.view = QStringLiteral("Nope");
    QVERIFY(!applyLaunchTarget(window, options));
    QVERIFY2(
        window.statusBar()->currentMessage().startsWith(QLatin1String("No saved view \"Nope\"")),
        qPrintable(window.statusBar()->currentMessage()));
}

void TestLaunchOptions::theDarkThemeIsTheDarkPalette()
{
    QCOMPARE(launchProblem(parse({QStringLiteral("--theme"), QStringLiteral("Dark")})), QString());
    qputenv("ROLECALL_THEME", "dark");
    const LaunchOptions fromEnvironment = parse({});
    qunsetenv("ROLECALL_THEME");
    QCOMPARE(fromEnvironment.theme, QStringLiteral("dark"));
    QVERIFY(applyLaunchTheme(fromEnvironment));
    QCOMPARE(QApplication::palette().color(QPalette::Base), darkPalette().color(QPalette::Base));
    QVERIFY(QApplication::palette().color(QPalette::Base).lightnessF() < 0.3);
    QCOMPARE(QApplication::style()->name().toLower(), QStringLiteral("fusion"));
    QVERIFY(applyLaunchTheme(parse({QStringLiteral("--theme"), QStringLiteral("light")})));
    QVERIFY(QApplication::palette().color(QPalette::Base).lightnessF() > 0.7);
}

QTEST_MAIN(TestLaunchOptions)
#include "tst_launchoptions.moc"
