// Markup from the database and Clerk reads as typed everywhere (issue 13): a
// person whose name, email, grant reason, notes and "assigned by" hold HTML
// is looked at on every data screen and in the grant, bulk grant and end
// dialogs of a real main window over a real PostgreSQL, and on the Sync
// screen and its action dialog with Clerk (the fake Clerk API) holding markup
// of its own. Every label showing that text must show it as plain text (or
// escaped), and every tooltip holding it, on a widget or on a cell, must come
// up escaped.
#include "console/profilesyncservice.h"
#include "dialogs/bulkgrantdialog.h"
#include "dialogs/endgrantdialog.h"
#include "dialogs/grantroledialog.h"
#include "dialogs/syncactiondialog.h"
#include "itemmodels/syncstatusmodel.h"
#include "itemmodels/userstablemodel.h"
#include "mainwindow.h"
#include "screens/auditscreen.h"
#include "screens/grantsscreen.h"
#include "screens/overviewscreen.h"
#include "screens/syncscreen.h"
#include "screens/usersscreen.h"
#include "services/boundsecret.h"
#include "services/memorysecretstore.h"
#include "support/adminwindow.h"
#include "support/fakeclerkapi.h"
#include "support/pgtestcluster.h"
#include "support/rolefixtures.h"
#include "support/testdata.h"
#include "widgets/userdetailpanel.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QHelpEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QTextDocument>
#include <QToolTip>

using namespace rolecall;
using namespace rolecall::testing;

namespace {
constexpr int waitMs = 30000;

// Each is a tag Qt's rich-text guess recognises, so shown as rich text it
// would vanish into formatting.
const QString nameMarkup = QStringLiteral("<b>Bold</b>");
const QString lastNameMarkup = QStringLiteral("<img src=\"x\">Tag");
const QString reasonMarkup = QStringLiteral("<i>because</i> said so");
const QString notesMarkup = QStringLiteral("<a href=\"https://x.test\">click</a>");
const QString actorMarkup = QStringLiteral("<u>someone</u>@example.test");
const QStringList markups{nameMarkup,  lastNameMarkup, reasonMarkup,
                          notesMarkup, actorMarkup,    QStringLiteral("<h1>Clerk</h1>")};

bool holdsMarkup(const QString &text)
{
    for (const QString &markup : markups)
        if (text.contains(markup))
            return true;
    return false;
}

bool shownAsRichText(const QLabel *label)
{
    return label->textFormat() == Qt::RichText ||
           (label->textFormat() == Qt::AutoText && Qt::mightBeRichText(label->text()));
}

// The tooltip `target` shows for a help event at `pos`, as QToolTip holds it.
QString toolTipAt(QWidget *target, QPoint pos)
{
    QToolTip::hideText();
    QHelpEvent event(QEvent::ToolTip, pos, target->mapToGlobal(pos));
    QApplication::sendEvent(target, &event);
    return QToolTip::isVisible() ? QToolTip::text() : QString();
}

// What shows markup as markup in `root` (and its dialogs): one line each;
// also when `root` shows none of the markup though it should.
QStringList markupShownAsRichText(QWidget *root, bool showsMarkup = true)
{
    QStringList problems;
    int seen = 0;
    for (QLabel *label : root->findChildren<QLabel *>()) {
        if (!holdsMarkup(label->text()))
            continue;
        ++seen;
        if (shownAsRichText(label))
            problems << QStringLiteral("label %1 shows \"%2\" as rich text")
                            .arg(label->objectName(), label->text());
    }
    for (QWidget *widget : root->findChildren<QWidget *>()) {
        if (!widget->isVisible() || !holdsMarkup(widget->toolTip()))
            continue;
        ++seen;
        const QString shown = toolTipAt(widget, widget->rect().center());
        if (holdsMarkup(shown))
            problems << QStringLiteral("tooltip of %1 (%2) shows \"%3\" as rich text")
                            .arg(widget->objectName(),
                                 QString::fromLatin1(widget->metaObject()->className()), shown);
    }
    for (QAbstractItemView *view : root->findChildren<QAbstractItemView *>()) {
        QAbstractItemModel *model = view->model();
        if (!view->isVisible() || !model)
            continue;
        for (int row = 0; row < qMin(model->rowCount(), 60); ++row) {
            for (int column = 0; column < model->columnCount(); ++column) {
                const QModelIndex index = model->index(row, column);
                // Item delegates draw a cell's text as plain text.
                if (holdsMarkup(index.data(Qt::DisplayRole).toString()))
                    ++seen;
                if (!holdsMarkup(index.data(Qt::ToolTipRole).toString()))
                    continue;
                view->scrollTo(index);
                const QRect cell = view->visualRect(index);
                if (cell.isEmpty())
                    continue;
                ++seen;
                const QString shown = toolTipAt(view->viewport(), cell.center());
                if (shown.isEmpty() || holdsMarkup(shown))
                    problems << QStringLiteral("cell %1,%2 of %3 shows tooltip \"%4\"")
                                    .arg(row)
                                    .arg(column)
                                    .arg(view->objectName(), shown);
            }
        }
    }
    if (seen == 0 && showsMarkup)
        problems << QStringLiteral("no markup on show at all: the walk looked at nothing");
    QToolTip::hideText();
    return problems;
}
} // namespace

class TestPlainTextWalk : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void usersScreenAndItsDetail();
    void grantDialog();
    void endDialog();
    void grantsScreen();
    void auditScreen();
    void syncScreen();

private:
    // Searches the marked person and opens them in the detail.
    void openMarkedPerson();
    // Shows `screen`, waits for its rows and looks at them.
    void walkTableScreen(TableScreen *screen);

    PgTestCluster *m_cluster = nullptr;
    QString m_db;
    std::unique_ptr<AdminWindow> m_admin;
    MainWindow *m_window = nullptr;
};

void TestPlainTextWalk::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_cluster = PgTestCluster::shared();
    QVERIFY2(m_cluster, qPrintable(PgTestCluster::startError()));
    QString error;
    m_db = m_cluster->createDatabase(Fixture::AkakoLms, &error);
    QVERIFY2(seedAkakoUsers(*m_cluster, m_db, 40, &error), qPrintable(error));
    // Seed user 3 gets markup everywhere a person's text shows, and an active
    // MENTOR grant whose reason, notes and grantor are markup too.
    const QString sql =
        QStringLiteral("UPDATE \"User\" SET \"firstName\" = $n$%1$n$, \"lastName\" = $n$%2$n$, "
                       "\"email\" = 'marked<b>@example.test' WHERE \"id\" = 'cu0000000003';"
                       "INSERT INTO \"UserRole\" (\"id\", \"userId\", \"role\", "
                       "\"effectiveStartDate\", \"assignedBy\", \"assignedByEmail\", "
                       "\"reason\", \"adminNotes\", \"isActive\", \"createdAt\", "
                       "\"updatedAt\") VALUES ('crmarkup', 'cu0000000003', 'MENTOR', "
                       "now() - interval '1 day', 'cu0000000005', $n$%5$n$, $n$%3$n$, "
                       "$n$%4$n$, true, now() - interval '1 day', now())")
            .arg(nameMarkup, lastNameMarkup, reasonMarkup, notesMarkup, actorMarkup);
    QVERIFY2(m_cluster->exec(m_db, sql, &error), qPrintable(error));
}

void TestPlainTextWalk::init()
{
    m_admin = std::make_unique<AdminWindow>();
    const QString problem = m_admin->open(m_cluster->connection(m_db), QSize(1280, 800));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    m_window = m_admin->window();
}

void TestPlainTextWalk::cleanup()
{
    m_window = nullptr;
    m_admin.reset();
}

void TestPlainTextWalk::openMarkedPerson()
{
    QTest::keyClick(m_window, Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(m_window->searchField()->hasFocus());
    QTest::keyClicks(m_window->searchField(), QStringLiteral("marked"));
    QTRY_VERIFY_WITH_TIMEOUT(
        !m_window->usersModel()->isLoading() && m_window->usersModel()->rowCount() == 1, waitMs);
    QTest::keyClick(m_window->searchField(), Qt::Key_Down);
    UserDetailPanel *detail = m_window->usersScreen()->detailPanel();
    QTRY_VERIFY_WITH_TIMEOUT(detail->hasUser() && !detail->isLoading() &&
                                 detail->timelineView()->model()->rowCount() >= 2,
                             waitMs);
}

void TestPlainTextWalk::usersScreenAndItsDetail()
{
    openMarkedPerson();
    const QStringList problems = markupShownAsRichText(m_window);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

void TestPlainTextWalk::grantDialog()
{
    openMarkedPerson();
    QTest::keyClick(m_window->usersView(), Qt::Key_G, Qt::ControlModifier);
    GrantRoleDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<GrantRoleDialog *>()) && dialog->isVisible());
    QStringList problems = markupShownAsRichText(dialog);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    dialog->reject();
    QTRY_VERIFY(!m_window->findChild<GrantRoleDialog *>());

    // The bulk grant counts the selected people (names it does not show).
    m_window->usersScreen()->bulkGrantAction()->trigger();
    BulkGrantDialog *bulk = nullptr;
    QTRY_VERIFY((bulk = m_window->findChild<BulkGrantDialog *>()) && bulk->isVisible());
    problems = markupShownAsRichText(bulk, false);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    bulk->reject();
}

void TestPlainTextWalk::endDialog()
{
    openMarkedPerson();
    UserDetailPanel *detail = m_window->usersScreen()->detailPanel();
    QAbstractItemModel *timeline = detail->timelineView()->model();
    int mentor = -1;
    for (int row = 0; row < timeline->rowCount(); ++row)
        if (timeline->index(row, 0).data().toString().contains(QLatin1String("MENTOR")))
            mentor = row;
    QVERIFY(mentor >= 0);
    detail->timelineView()->setCurrentIndex(timeline->index(mentor, 0));
    QTRY_VERIFY(detail->endButton()->isEnabled());
    detail->endButton()->click();
    EndGrantDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<EndGrantDialog *>()) && dialog->isVisible());
    const QStringList problems = markupShownAsRichText(dialog);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    dialog->reject();
}

void TestPlainTextWalk::walkTableScreen(TableScreen *screen)
{
    QVERIFY(m_window->showScreen(screen->objectName()));
    QTRY_VERIFY_WITH_TIMEOUT(screen->view()->isVisible() && screen->view()->model() &&
                                 screen->view()->model()->rowCount() > 0,
                             waitMs);
    const QStringList problems = markupShownAsRichText(screen);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

void TestPlainTextWalk::grantsScreen()
{
    walkTableScreen(m_window->findChild<GrantsScreen *>());
}

void TestPlainTextWalk::auditScreen()
{
    walkTableScreen(m_window->findChild<AuditScreen *>());
}

void TestPlainTextWalk::syncScreen()
{
    // Clerk knows seed users 1..5, user 3 under other markup: drifted, so
    // both sides' text shows in the table, the badge and the diff pane.
    const QByteArray secret = QByteArrayLiteral("sk_test_plaintextwalk");
    FakeClerkApi clerkApi;
    clerkApi.setSecretKey(secret);
    QVERIFY(clerkApi.start());
    QList<FakeClerkUser> users = FakeClerkApi::seedUsers(1, 5);
    users[2].firstName = nameMarkup;
    users[2].lastName = QStringLiteral("<h1>Clerk</h1>");
    users[2].emails = {QStringLiteral("marked<b>@example.test")};
    clerkApi.setUsers(users);
    MemorySecretStore secrets;
    bool stored = false;
    secrets.write(SecretStore::profileKey(QStringLiteral("walk"), ProfileSyncService::secretKind()),
                  packBoundSecret(secret, originOf(QUrl(clerkApi.baseUrl()))), &secrets,
                  [&stored](const SecretStore::Result &) { stored = true; });
    QTRY_VERIFY_WITH_TIMEOUT(stored, waitMs);
    ClerkApiSettings clerk;
    clerk.baseUrl = QUrl(clerkApi.baseUrl());
    SyncScreen screen;
    screen.setService(new ProfileSyncService(QStringLiteral("walk"), m_cluster->connection(m_db),
                                             clerk, &secrets, nullptr));
    screen.resize(1200, 700);
    screen.show();
    QVERIFY(QTest::qWaitForWindowExposed(&screen));
    screen.startRun();
    QTRY_VERIFY_WITH_TIMEOUT(screen.startButton()->isEnabled() && screen.service()->currentRun() &&
                                 screen.service()->currentRun()->isComplete(),
                             waitMs);
    QTableView *table = screen.table();
    for (int row = 0; row < table->model()->rowCount(); ++row) {
        const QModelIndex index = table->model()->index(row, SyncStatusModel::ClerkIdColumn);
        if (index.data().toString() == clerkIdOfSeedUser(3))
            table->selectionModel()->select(index, QItemSelectionModel::ClearAndSelect |
                                                       QItemSelectionModel::Rows);
    }
    QVERIFY(table->selectionModel()->hasSelection());
    QStringList problems = markupShownAsRichText(&screen);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));

    // The action's preview names the person on both sides.
    screen.setWriteAccess(true, admin());
    SyncActionDialog *dialog = screen.openAction(SyncScreen::Action::SyncSelected);
    QVERIFY(dialog);
    QTRY_COMPARE_WITH_TIMEOUT(dialog->stage(), SyncActionDialog::Stage::Previewed, waitMs);
    problems = markupShownAsRichText(dialog);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    dialog->reject();
}

QTEST_MAIN(TestPlainTextWalk)
#include "tst_plaintextwalk.moc"
