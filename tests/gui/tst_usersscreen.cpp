// The Users screen as an admin uses it, signed in for real: the console with
// the test identity provider, the real keyring and a real PostgreSQL. Select
// a user, grant a role through the dialog, see it in the timeline, end it,
// and lose the edit actions on signing out.
#include "auth/oidcsigninservice.h"
#include "console/consolecontroller.h"
#include "dialogs/endgrantdialog.h"
#include "dialogs/grantroledialog.h"
#include "itemmodels/granttimelinemodel.h"
#include "itemmodels/userstablemodel.h"
#include "mainwindow.h"
#include "screens/usersscreen.h"
#include "support/clitestsupport.h"
#include "support/consoletestprofile.h"
#include "widgets/userdetailpanel.h"

#include <QAction>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace rolecall;

namespace {
constexpr int waitMs = 30000;
} // namespace

class TestUsersScreen : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void theSignedInAdminGrantsAndEndsARole();

private:
    testing::ConsoleTestProfile m_console;
};

void TestUsersScreen::initTestCase()
{
    ROLECALL_REQUIRE_SESSION_BUS();
    QString error;
    QVERIFY2(m_console.setUp(QStringLiteral("users"), QByteArrayLiteral(TEST_BROWSER_PATH), &error),
             qPrintable(error));
}

void TestUsersScreen::theSignedInAdminGrantsAndEndsARole()
{
    MainWindow window({});
    window.show();
    ConsoleController controller(&window);
    controller.start(m_console.name(), true);
    QTRY_VERIFY_WITH_TIMEOUT(window.canWrite(), waitMs);
    QTRY_VERIFY_WITH_TIMEOUT(window.usersModel() && window.usersModel()->rowCount() == 50, waitMs);
    QTRY_VERIFY_WITH_TIMEOUT(!controller.signInService()->isStoringSession(), waitMs);
    UsersScreen *screen = window.usersScreen();
    UserDetailPanel *panel = screen->detailPanel();

    // User 10 holds no role.
    window.searchField()->setText(QStringLiteral("user10@"));
    QTRY_COMPARE_WITH_TIMEOUT(window.usersModel()->rowCount(), 1, waitMs);
    window.usersView()->setCurrentIndex(window.usersModel()->index(0, 0));
    QTRY_VERIFY_WITH_TIMEOUT(panel->isVisible() && !panel->isLoading(), waitMs);
    QCOMPARE(panel->timelineModel()->rowCount(), 0);
    QVERIFY(screen->grantAction()->isEnabled());

    // Grant role…: the dialog writes as the signed-in admin; the panel reloads.
    QSignalSpy loaded(panel, &UserDetailPanel::loaded);
    screen->grantAction()->trigger();
    GrantRoleDialog *grant = nullptr;
    QTRY_VERIFY((grant = window.findChild<GrantRoleDialog *>()));
    grant->setRole(QStringLiteral("MENTOR"));
    grant->findChild<QLineEdit *>(QStringLiteral("reasonField"))
        ->setText(QStringLiteral("Runs the spring cohort"));
    QVERIFY2(grant->previewText().contains(QLatin1String("granted by user5@example.test")),
             qPrintable(grant->previewText()));
    grant->accept();
    QTRY_VERIFY_WITH_TIMEOUT(!window.findChild<GrantRoleDialog *>(), waitMs);
    QTRY_VERIFY_WITH_TIMEOUT(loaded.size() >= 1 && panel->timelineModel()->rowCount() == 1, waitMs);
    const QString line = panel->timelineModel()->index(0).data().toString();
    QVERIFY2(line.startsWith(QStringLiteral("MENTOR — active")) &&
                 line.contains(QLatin1String("Granted by user5@example.test")) &&
                 line.contains(QLatin1String("Runs the spring cohort")),
             qPrintable(line));

    // End grant…: the selected grant, with a reason; the timeline says who and why.
    panel->timelineView()->setCurrentIndex(panel->timelineModel()->index(0));
    QVERIFY(screen->endAction()->isEnabled());
    loaded.clear();
    screen->endAction()->trigger();
    EndGrantDialog *end = nullptr;
    QTRY_VERIFY((end = window.findChild<EndGrantDialog *>()));
    end->findChild<QLineEdit *>(QStringLiteral("reasonField"))
        ->setText(QStringLiteral("Cohort finished"));
    end->accept();
    QTRY_VERIFY_WITH_TIMEOUT(!window.findChild<EndGrantDialog *>(), waitMs);
    QTRY_VERIFY_WITH_TIMEOUT(loaded.size() >= 1 && !panel->isLoading(), waitMs);
    const QString ended = panel->timelineModel()->index(0).data().toString();
    QVERIFY2(ended.startsWith(QStringLiteral("MENTOR — ended")) &&
                 ended.contains(QLatin1String("\nEnded on ")) &&
                 ended.contains(QLatin1String(" by user5@example.test: Cohort finished")) &&
                 !ended.contains(QLatin1String("Notes:")),
             qPrintable(ended));

    // Signed out: read-only again, the edit actions say why.
    QSignalSpy finished(controller.signInService(), &auth::OidcSignInService::signOutFinished);
    Q_EMIT window.signOutRequested();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, waitMs);
    QVERIFY(!screen->grantAction()->isEnabled());
    QVERIFY2(screen->grantAction()->toolTip().startsWith(QLatin1String("Read-only")),
             qPrintable(screen->grantAction()->toolTip()));
    QVERIFY(!panel->grantButton()->isEnabled());
    window.searchField()->clear();
}

QTEST_MAIN(TestUsersScreen)
#include "tst_usersscreen.moc"
