// Every screen by keyboard alone (issue 16): from the search (or the first
// filter), Tab walks search ─▶ results ─▶ detail ─▶ actions ─▶ the other
// filters, reaches every enabled control of the screen, comes back where it
// started both ways (no trap), and a table it enters shows where the focus
// is (a current row). Real Tab presses on a real main window over a real
// PostgreSQL, signed in as the seed's ADMIN.
#include "itemmodels/userstablemodel.h"
#include "mainwindow.h"
#include "screens/auditscreen.h"
#include "screens/grantsscreen.h"
#include "screens/overviewscreen.h"
#include "screens/syncscreen.h"
#include "screens/usersscreen.h"
#include "support/adminwindow.h"
#include "support/pgtestcluster.h"
#include "support/tabchain.h"
#include "support/testdata.h"
#include "widgets/accessexplainer.h"
#include "widgets/syncstatusbadge.h"
#include "widgets/userdetailpanel.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

using namespace rolecall;
using namespace rolecall::testing;

namespace {
constexpr int waitMs = 30000;

template <typename T>
T *named(QWidget *root, const char *name)
{
    return root->findChild<T *>(QString::fromLatin1(name));
}
} // namespace

class TestTabOrder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void usersScreen();
    void grantsScreen();
    void auditScreen();
    void overviewScreen();
    void syncScreen();

private:
    // Brings `screen` to the front and the focus to `first`.
    void focusOn(QWidget *screen, QWidget *first);

    PgTestCluster *m_cluster = nullptr;
    QString m_db;
    std::unique_ptr<AdminWindow> m_admin;
    MainWindow *m_window = nullptr;
};

void TestTabOrder::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_cluster = PgTestCluster::shared();
    QVERIFY2(m_cluster, qPrintable(PgTestCluster::startError()));
    QString error;
    m_db = m_cluster->createDatabase(Fixture::AkakoLms, &error);
    QVERIFY2(seedAkakoUsers(*m_cluster, m_db, 300, &error), qPrintable(error));
}

void TestTabOrder::init()
{
    m_admin = std::make_unique<AdminWindow>();
    const QString problem = m_admin->open(m_cluster->connection(m_db), QSize(1280, 800));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    m_window = m_admin->window();
}

void TestTabOrder::cleanup()
{
    m_window = nullptr;
    m_admin.reset();
}

void TestTabOrder::focusOn(QWidget *screen, QWidget *first)
{
    QVERIFY(m_window->showScreen(screen->objectName()));
    first->setFocus(Qt::TabFocusReason);
    QTRY_VERIFY(first->hasFocus());
}

void TestTabOrder::usersScreen()
{
    UsersScreen *screen = m_window->usersScreen();
    // A user open in the detail, so the detail's controls are in the chain.
    QTest::keyClick(m_window, Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(m_window->searchField()->hasFocus());
    QTest::keyClicks(m_window->searchField(), QStringLiteral("user1@"));
    QTest::keyClick(m_window->searchField(), Qt::Key_Down);
    QTRY_VERIFY_WITH_TIMEOUT(
        screen->detailPanel()->hasUser() && !screen->detailPanel()->isLoading(), waitMs);
    focusOn(screen, m_window->searchField());
    UserDetailPanel *detail = screen->detailPanel();
    const QString problem = checkTabChain(
        screen, {m_window->searchField(), m_window->usersView(), detail->timelineView(),
                 named<QComboBox>(detail, "explainRoleBox"), detail->grantButton(),
                 screen->roleFilter(), screen->noRoleFilter(), screen->asOfEnabled()});
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    // The results show where the focus is; the sync badge is words, not a stop.
    QTest::keyClick(m_window->searchField(), Qt::Key_Tab);
    QVERIFY(m_window->usersView()->hasFocus());
    QVERIFY(m_window->usersView()->currentIndex().isValid());
    QVERIFY(!(detail->syncBadge()->focusPolicy() & Qt::TabFocus));
    QTest::keyClick(m_window->usersView(), Qt::Key_Tab);
    QVERIFY(detail->timelineView()->hasFocus());
    QVERIFY(detail->timelineView()->currentIndex().isValid());
}

void TestTabOrder::grantsScreen()
{
    auto *screen = m_window->findChild<GrantsScreen *>();
    QVERIFY(m_window->showScreen(screen->objectName()));
    QTRY_VERIFY_WITH_TIMEOUT(screen->view()->isVisible() && screen->view()->model() &&
                                 screen->view()->model()->rowCount() > 0,
                             waitMs);
    focusOn(screen, screen->viewChooser());
    const QString problem =
        checkTabChain(screen, {screen->viewChooser(), screen->roleFilter(), screen->stateFilter(),
                               screen->view(), named<QPushButton>(screen, "refreshButton"),
                               named<QPushButton>(screen, "exportButton")});
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestTabOrder::auditScreen()
{
    auto *screen = m_window->findChild<AuditScreen *>();
    QVERIFY(m_window->showScreen(screen->objectName()));
    QTRY_VERIFY_WITH_TIMEOUT(screen->view()->isVisible() && screen->view()->model() &&
                                 screen->view()->model()->rowCount() > 0,
                             waitMs);
    focusOn(screen, screen->userFilter());
    const QString problem =
        checkTabChain(screen, {screen->userFilter(), screen->actorFilter(), screen->roleFilter(),
                               screen->sinceCheck(), screen->untilCheck(), screen->view(),
                               named<QPushButton>(screen, "refreshButton"),
                               named<QPushButton>(screen, "exportButton")});
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestTabOrder::overviewScreen()
{
    auto *screen = m_window->findChild<OverviewScreen *>();
    QVERIFY(m_window->showScreen(screen->objectName()));
    auto *roles = named<QTableView>(screen, "rolesView");
    QTRY_VERIFY_WITH_TIMEOUT(roles->model()->rowCount() > 0 && !screen->isBusy(), waitMs);
    focusOn(screen, roles);
    const QString problem =
        checkTabChain(screen, {roles, named<QPushButton>(screen, "refreshButton"),
                               named<QPushButton>(screen, "exportButton")});
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestTabOrder::syncScreen()
{
    SyncScreen *screen = m_window->syncScreen();
    focusOn(screen, screen->searchField());
    const QString problem =
        checkTabChain(screen, {screen->searchField(), named<QTableView>(screen, "syncTable")});
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

QTEST_MAIN(TestTabOrder)
#include "tst_taborder.moc"
