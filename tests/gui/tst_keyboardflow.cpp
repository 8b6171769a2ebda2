// The console by keyboard alone, on a 20,000-user database (issue 16): search
// a person, Down to the result, Ctrl+G, type a reason, Enter, and the grant is
// written; Up, Escape and Enter move between search, results and detail; Ctrl+G
// acts on the only result; F1 lists the shortcuts. Key events go to the real
// widgets of a real main window, signed in as the seed's ADMIN.
#include "dialogs/bulkgrantdialog.h"
#include "dialogs/grantroledialog.h"
#include "dialogs/shortcutsdialog.h"
#include "itemmodels/userstablemodel.h"
#include "mainwindow.h"
#include "pg/pgdatasource.h"
#include "screens/usersscreen.h"
#include "support/adminwindow.h"
#include "support/pgtestcluster.h"
#include "support/testdata.h"
#include "widgets/accessexplainer.h"
#include "widgets/commandhistory.h"
#include "widgets/userdetailpanel.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QListView>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTest>

using namespace rolecall;
using rolecall::testing::Fixture;
using rolecall::testing::PgTestCluster;

namespace {
constexpr int waitMs = 30000;
constexpr int userCount = 20000;
} // namespace

class TestKeyboardFlow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void searchDownCtrlGReasonEnterWritesTheGrant();
    void upAndEscapeMoveBetweenSearchResultsAndDetail();
    void ctrlGActsOnTheOnlyResult();
    void ctrlShiftGActsOnTheOnlyResult();
    void tabGoesFromSearchToResults();
    void f1ListsTheShortcuts();
    void theDetailExplainsAccess();

private:
    // Types into whatever has the focus, as a keyboard would.
    static void type(const QString &text) { QTest::keyClicks(QApplication::focusWidget(), text); }
    static void press(int key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
    {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key(key), modifiers);
    }
    // Ctrl+F, then the text: waits until the table shows exactly `rows` rows.
    void search(const QString &text, int rows);

    PgTestCluster *m_cluster = nullptr;
    QString m_db;
    std::unique_ptr<testing::AdminWindow> m_admin;
    MainWindow *m_window = nullptr;
};

void TestKeyboardFlow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_cluster = PgTestCluster::shared();
    QVERIFY2(m_cluster, qPrintable(PgTestCluster::startError()));
    QString error;
    m_db = m_cluster->createDatabase(Fixture::AkakoLms, &error);
    QVERIFY2(testing::seedAkakoUsers(*m_cluster, m_db, userCount, &error), qPrintable(error));
}

void TestKeyboardFlow::init()
{
    m_admin = std::make_unique<testing::AdminWindow>();
    const QString problem = m_admin->open(m_cluster->connection(m_db));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    m_window = m_admin->window();
}

void TestKeyboardFlow::cleanup()
{
    m_window = nullptr;
    m_admin.reset();
}

void TestKeyboardFlow::search(const QString &text, int rows)
{
    QTest::keyClick(m_window, Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(m_window->searchField()->hasFocus());
    type(text);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->usersModel()->search() == text &&
                                 !m_window->usersModel()->isLoading() &&
                                 m_window->usersModel()->rowCount() == rows,
                             waitMs);
}

void TestKeyboardFlow::searchDownCtrlGReasonEnterWritesTheGrant()
{
    UsersScreen *screen = m_window->usersScreen();
    QTest::keyClick(m_window, Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(m_window->searchField()->hasFocus());
    type(QStringLiteral("user10@"));
    // Down at once, before the search pause ends: the first result of this search.
    press(Qt::Key_Down);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->usersView()->hasFocus() &&
                                 screen->currentUser().email ==
                                     QLatin1String("user10@example.test"),
                             waitMs);
    QCOMPARE(m_window->usersModel()->rowCount(), 1);
    QVERIFY(screen->detailPanel()->isVisible());

    press(Qt::Key_G, Qt::ControlModifier);
    GrantRoleDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<GrantRoleDialog *>()) && dialog->isVisible());
    QTRY_VERIFY(QApplication::focusWidget() ==
                dialog->findChild<QLineEdit *>(QStringLiteral("reasonField")));
    QCOMPARE(dialog->request().user, testing::clerkIdOfSeedUser(10));
    const QString role = dialog->request().role;
    type(QStringLiteral("Keyboard grant"));
    const QString command = dialog->commandText();
    QVERIFY2(command.startsWith(QLatin1String("rolecallctl roles grant ")), qPrintable(command));
    const int commandsBefore = int(CommandHistory::instance()->entries().size());
    press(Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->findChild<GrantRoleDialog *>(), waitMs);

    // Written, as the signed-in admin, with the reason typed.
    PgDataSource source(m_cluster->connection(m_db));
    const QList<GrantView> grants = source.fetchGrants(testing::emailOfSeedUser(10), {}).result();
    QCOMPARE(grants.size(), 1);
    QCOMPARE(grants.first().grant.role, role);
    QCOMPARE(grants.first().grant.reason, QStringLiteral("Keyboard grant"));
    QCOMPARE(grants.first().state, GrantState::Active);
    QCOMPARE(grants.first().grant.assignedBy, testing::clerkIdOfSeedUser(5));
    // The command history has the command for it.
    QCOMPARE(CommandHistory::instance()->entries().size(), commandsBefore + 1);
    QCOMPARE(CommandHistory::instance()->entries().last().command, command);
}

void TestKeyboardFlow::upAndEscapeMoveBetweenSearchResultsAndDetail()
{
    UsersScreen *screen = m_window->usersScreen();
    search(QStringLiteral("user1999"), 11); // user1999, user19990…user19999
    press(Qt::Key_Down);
    QTRY_VERIFY(m_window->usersView()->hasFocus());
    QCOMPARE(m_window->usersView()->currentIndex().row(), 0);
    press(Qt::Key_Down);
    QCOMPARE(m_window->usersView()->currentIndex().row(), 1);
    press(Qt::Key_Up);
    QCOMPARE(m_window->usersView()->currentIndex().row(), 0);
    QVERIFY(m_window->usersView()->hasFocus());
    // Up on the first row: back to the search, its text selected to type over.
    press(Qt::Key_Up);
    QVERIFY(m_window->searchField()->hasFocus());
    QCOMPARE(m_window->searchField()->selectedText(), QStringLiteral("user1999"));

    // Enter on a row opens its detail (the history takes the focus).
    press(Qt::Key_Down);
    QTRY_VERIFY(m_window->usersView()->hasFocus());
    press(Qt::Key_Return);
    QTRY_VERIFY(screen->detailPanel()->timelineView()->hasFocus());
    // Escape closes the detail and returns to the results…
    press(Qt::Key_Escape);
    QVERIFY(screen->detailPanel()->isHidden());
    QVERIFY(m_window->usersView()->hasFocus());
    // …then to the search, where Escape clears it.
    press(Qt::Key_Escape);
    QVERIFY(m_window->searchField()->hasFocus());
    press(Qt::Key_Escape);
    QVERIFY(m_window->searchField()->text().isEmpty());
}

void TestKeyboardFlow::ctrlGActsOnTheOnlyResult()
{
    UsersScreen *screen = m_window->usersScreen();
    // Several results, nobody selected: nobody to act on.
    search(QStringLiteral("user1999"), 11);
    QVERIFY(!screen->detailPanel()->hasUser());
    QVERIFY(!screen->grantAction()->isEnabled());
    search(QStringLiteral("user20@"), 1);
    QVERIFY(!screen->detailPanel()->hasUser()); // nothing selected yet
    QTRY_VERIFY(screen->grantAction()->isEnabled());
    press(Qt::Key_G, Qt::ControlModifier);
    GrantRoleDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<GrantRoleDialog *>()) && dialog->isVisible());
    QCOMPARE(dialog->request().user, testing::clerkIdOfSeedUser(20));
    QTRY_VERIFY(dialog->isAncestorOf(QApplication::focusWidget()));
    press(Qt::Key_Escape); // nothing typed: closes at once
    QTRY_VERIFY(!m_window->findChild<GrantRoleDialog *>());
}

void TestKeyboardFlow::ctrlShiftGActsOnTheOnlyResult()
{
    UsersScreen *screen = m_window->usersScreen();
    search(QStringLiteral("user21@"), 1);
    QVERIFY(!screen->detailPanel()->hasUser()); // nothing selected
    QTRY_VERIFY(screen->bulkGrantAction()->isEnabled());
    press(Qt::Key_G, Qt::ControlModifier | Qt::ShiftModifier);
    BulkGrantDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<BulkGrantDialog *>()) && dialog->isVisible());
    // The one user listed, by name, not "every user matching the filter".
    QCOMPARE(dialog->request().useFilter, false);
    QCOMPARE(dialog->request().users, QStringList{testing::clerkIdOfSeedUser(21)});
    QTRY_VERIFY(dialog->isAncestorOf(QApplication::focusWidget()));
    press(Qt::Key_Escape);
    QTRY_VERIFY(!m_window->findChild<BulkGrantDialog *>());
    // (No window manager here to give the window the keyboard back.)
    QApplication::setActiveWindow(m_window);
    QVERIFY(QTest::qWaitForWindowActive(m_window));

    // Several listed and two selected: the selection.
    search(QStringLiteral("user1999"), 11);
    press(Qt::Key_Down);
    QTRY_VERIFY(m_window->usersView()->hasFocus());
    press(Qt::Key_Down, Qt::ShiftModifier);
    QCOMPARE(screen->selectedUserKeys().size(), 2);
    press(Qt::Key_G, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY((dialog = m_window->findChild<BulkGrantDialog *>()) && dialog->isVisible());
    QCOMPARE(dialog->request().useFilter, false);
    QCOMPARE(dialog->request().users, screen->selectedUserKeys());
    QTRY_VERIFY(dialog->isAncestorOf(QApplication::focusWidget()));
    press(Qt::Key_Escape);
    QTRY_VERIFY(!m_window->findChild<BulkGrantDialog *>());
}

void TestKeyboardFlow::tabGoesFromSearchToResults()
{
    search(QStringLiteral("user1999"), 11);
    press(Qt::Key_Tab);
    QVERIFY(m_window->usersView()->hasFocus());
    press(Qt::Key_Backtab);
    QVERIFY(m_window->searchField()->hasFocus());
}

void TestKeyboardFlow::f1ListsTheShortcuts()
{
    QTest::keyClick(m_window, Qt::Key_F1);
    ShortcutsDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<ShortcutsDialog *>()) && dialog->isVisible());
    QStringList keys;
    for (int row = 0; row < dialog->table()->rowCount(); ++row)
        keys << dialog->table()->item(row, 1)->text();
    QVERIFY2(keys.contains(QKeySequence(Qt::CTRL | Qt::Key_G).toString(QKeySequence::NativeText)),
             qPrintable(keys.join(QLatin1Char(' '))));
    QVERIFY(keys.contains(QKeySequence(Qt::Key_Down).toString(QKeySequence::NativeText)));
    // Every row in view at once: nothing cut off below.
    QTRY_VERIFY(dialog->table()->viewport()->height() > 0);
    QVERIFY(!dialog->table()->verticalScrollBar()->isVisible());
    dialog->close();
}

void TestKeyboardFlow::theDetailExplainsAccess()
{
    // User 1: a MENTOR grant that ended in 2024; user 2: one that starts next month.
    search(QStringLiteral("user1@"), 1);
    press(Qt::Key_Down);
    UserDetailPanel *panel = m_window->usersScreen()->detailPanel();
    QTRY_VERIFY_WITH_TIMEOUT(panel->hasUser() && !panel->isLoading(), waitMs);
    AccessExplainer *explainer = panel->explainer();
    QVERIFY(explainer->isVisible());
    explainer->setRole(QStringLiteral("MENTOR"));
    QCOMPARE(explainer->explanation().verdict, AccessVerdict::Ended);
    QVERIFY2(explainer->text().contains(QLatin1String("term ended")),
             qPrintable(explainer->text()));
    explainer->setRole(QStringLiteral("LEARNER"));
    QCOMPARE(explainer->explanation().verdict, AccessVerdict::Held);
    explainer->setRole(QStringLiteral("ADMIN"));
    QCOMPARE(explainer->explanation().verdict, AccessVerdict::NeverGranted);
    QVERIFY2(explainer->text().contains(QLatin1String("never granted")),
             qPrintable(explainer->text()));

    m_window->searchField()->clear();
    search(QStringLiteral("user2@"), 1);
    press(Qt::Key_Down);
    QTRY_VERIFY_WITH_TIMEOUT(
        panel->user().email == QLatin1String("user2@example.test") && !panel->isLoading(), waitMs);
    explainer->setRole(QStringLiteral("MENTOR"));
    QCOMPARE(explainer->explanation().verdict, AccessVerdict::NotYetHeld);
    QVERIFY2(explainer->text().contains(QLatin1String("a grant starts on")),
             qPrintable(explainer->text()));
}

QTEST_MAIN(TestKeyboardFlow)
#include "tst_keyboardflow.moc"
