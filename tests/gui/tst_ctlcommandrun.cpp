// Every write dialog shows the rolecallctl command that makes the same change
// (issue 16). Here each command, as the dialog shows it, is run by a POSIX
// shell against the same database, signed in as the seed's ADMIN, and the
// database then holds what the dialog would have written.
#include "dialogs/bulkgrantdialog.h"
#include "dialogs/endgrantdialog.h"
#include "dialogs/grantroledialog.h"
#include "dialogs/syncactiondialog.h"
#include "pg/pgdatasource.h"
#include "support/clitestsupport.h"
#include "support/fakeclerkapi.h"
#include "support/pgtestcluster.h"
#include "support/rolefixtures.h"
#include "support/testdata.h"
#include "support/testidp.h"
#include "widgets/commandhistory.h"

#include <QCheckBox>
#include <QDateTimeEdit>
#include <QDir>
#include <QFileInfo>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTest>

using namespace rolecall;
using namespace rolecall::testing;

namespace {

constexpr int waitMs = 30000;
const QStringList roles{QStringLiteral("LEARNER"), QStringLiteral("MENTOR"),
                        QStringLiteral("ADMIN")};
const QByteArray clerkSecret = QByteArrayLiteral("sk_test_ctlcommandrun");

QList<SyncAction> syncActions(SyncAction::Kind kind, const QList<int> &users)
{
    QList<SyncAction> actions;
    for (int n : users)
        actions.append(SyncAction{kind, clerkIdOfSeedUser(n), std::nullopt, {}});
    return actions;
}

User seedUser(int n)
{
    User user;
    user.id = QStringLiteral("cu%1").arg(n, 10, 10, QLatin1Char('0'));
    user.clerkId = clerkIdOfSeedUser(n);
    user.email = emailOfSeedUser(n);
    return user;
}

std::optional<GrantView> grantOf(DataSource &source, int user, const QString &role)
{
    const QList<GrantView> grants = source.fetchGrants(emailOfSeedUser(user), {}).result();
    for (const GrantView &view : grants)
        if (view.grant.role == role)
            return view;
    return std::nullopt;
}

} // namespace

class TestCtlCommandRun : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void theGrantDialogsCommandGrantsTheSame();
    void theEndDialogsCommandEndsTheSameGrant();
    void theBulkDialogsCommandGrantsTheSelection();
    void theBulkDialogsCommandGrantsTheFilter();
    void theSyncDialogsCommandAppliesTheSame();
    void theSyncDialogsCommandEndsAnOrphansGrants();

private:
    // `command` as a shell runs it, rolecallctl found on the PATH.
    CliRun runInShell(const QString &command);

    CliFixture m_ctl{QStringLiteral(ROLECALLCTL_PATH), QStringLiteral(TEST_BROWSER_PATH)};
    TestIdentityProvider m_idp;
    FakeClerkApi m_clerk;
    std::unique_ptr<PgDataSource> m_source;
};

void TestCtlCommandRun::initTestCase()
{
    ROLECALL_REQUIRE_SESSION_BUS();
    // Clerk: 1..47 and 50 as the database has them, 3's email changed
    // (drifted), 48 and 49 gone (orphaned), 51 new (missing).
    QList<FakeClerkUser> clerkUsers =
        FakeClerkApi::seedUsers(1, 47) + FakeClerkApi::seedUsers(50, 51);
    clerkUsers[2].emails = {QStringLiteral("three@example.test")};
    m_clerk.setUsers(clerkUsers);
    m_clerk.setSecretKey(clerkSecret);
    QVERIFY(m_clerk.start());
    QString error;
    QVERIFY2(m_ctl.setUpProfile(QStringLiteral("cmds"), m_idp, 50, &error,
                                {QStringLiteral("--clerk-api-url"), m_clerk.baseUrl()}),
             qPrintable(error));
    const CliRun login = m_ctl.signInAs(m_idp, 5);
    QVERIFY2(login.exitCode == 0, qPrintable(login.err));
    m_source =
        std::make_unique<PgDataSource>(PgTestCluster::shared()->connection(m_ctl.database()));
    // The commands name the profile the console opened, as they would in the app.
    CommandHistory::instance()->setProfile(m_ctl.profile());
}

CliRun TestCtlCommandRun::runInShell(const QString &command)
{
    QProcessEnvironment env;
    const QString dir = QFileInfo(QStringLiteral(ROLECALLCTL_PATH)).absolutePath();
    env.insert(QStringLiteral("PATH"),
               dir + QDir::listSeparator() + m_ctl.environment().value(QStringLiteral("PATH")));
    // The Clerk key as automation gives it (the console keeps it in the keychain).
    env.insert(QStringLiteral("ROLECALL_CLERK_SECRET_KEY"), QString::fromLatin1(clerkSecret));
    return runProcess(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), command},
                      m_ctl.environment(env));
}

void TestCtlCommandRun::theGrantDialogsCommandGrantsTheSame()
{
    GrantRoleDialog dialog(m_source.get(), actorOf(5), seedUser(11), roles);
    dialog.setRole(QStringLiteral("MENTOR"));
    // Words a shell would take apart if they were not quoted.
    const QString reason = QStringLiteral("Ann's cohort; $HOME `id` \"quoted\" * & more");
    dialog.findChild<QLineEdit *>(QStringLiteral("reasonField"))->setText(reason);
    // One line: notes with a line break are refused (they could forge an "Ended … by …" line).
    dialog.findChild<QPlainTextEdit *>(QStringLiteral("notesField"))
        ->setPlainText(QStringLiteral("First line, second line — Zoë"));
    dialog.findChild<QCheckBox *>(QStringLiteral("hasEndBox"))->setChecked(true);
    const GrantRequest request = dialog.request();
    const QString command = dialog.commandText();
    QVERIFY2(command.contains(QLatin1String("--profile ")), qPrintable(command));

    const CliRun run = runInShell(command);
    QVERIFY2(run.exitCode == 0, qPrintable(command + QLatin1Char('\n') + run.err));
    const std::optional<GrantView> view = grantOf(*m_source, 11, QStringLiteral("MENTOR"));
    QVERIFY(view);
    QCOMPARE(view->grant.reason, reason);
    QCOMPARE(view->grant.adminNotes, request.notes);
    QCOMPARE(view->grant.effectiveEnd, request.end);
    QCOMPARE(view->grant.assignedBy, clerkIdOfSeedUser(5));
    QCOMPARE(view->state, GrantState::Active);
}

void TestCtlCommandRun::theEndDialogsCommandEndsTheSameGrant()
{
    std::optional<GrantView> view = grantOf(*m_source, 12, QStringLiteral("LEARNER"));
    QVERIFY(view);
    EndGrantDialog dialog(m_source.get(), actorOf(5), *view);
    const QString reason = QStringLiteral("Left the course (per Bob's note)");
    dialog.findChild<QLineEdit *>(QStringLiteral("reasonField"))->setText(reason);
    const QString command = dialog.commandText();
    QVERIFY2(command.contains(view->grant.id), qPrintable(command));

    const CliRun run = runInShell(command);
    QVERIFY2(run.exitCode == 0, qPrintable(command + QLatin1Char('\n') + run.err));
    view = grantOf(*m_source, 12, QStringLiteral("LEARNER"));
    QVERIFY(view);
    QCOMPARE(view->state, GrantState::Ended);
    QCOMPARE(view->endedReason, reason);
}

void TestCtlCommandRun::theBulkDialogsCommandGrantsTheSelection()
{
    BulkGrantDialog dialog(m_source.get(), actorOf(5), roles,
                           {clerkIdOfSeedUser(13), clerkIdOfSeedUser(14)}, UserQuery{},
                           QStringLiteral("all users"));
    dialog.setUseFilter(false);
    dialog.setRole(QStringLiteral("MENTOR"));
    dialog.findChild<QLineEdit *>(QStringLiteral("reasonField"))
        ->setText(QStringLiteral("Spring mentors"));
    dialog.preview();
    QTRY_VERIFY_WITH_TIMEOUT(dialog.hasPreview(), waitMs);
    QCOMPARE(dialog.plan().willChange.size(), 2);
    const QString command = dialog.commandText();
    QVERIFY2(command.startsWith(QLatin1String("printf ")), qPrintable(command));

    const CliRun run = runInShell(command);
    QVERIFY2(run.exitCode == 0, qPrintable(command + QLatin1Char('\n') + run.err));
    for (int n : {13, 14}) {
        const std::optional<GrantView> view = grantOf(*m_source, n, QStringLiteral("MENTOR"));
        QVERIFY2(view && view->state == GrantState::Active, qPrintable(QString::number(n)));
        QCOMPARE(view->grant.reason, QStringLiteral("Spring mentors"));
    }
    QVERIFY(!grantOf(*m_source, 15, QStringLiteral("MENTOR")));
}

void TestCtlCommandRun::theBulkDialogsCommandGrantsTheFilter()
{
    UserQuery filter;
    filter.search = QStringLiteral("user16@");
    BulkGrantDialog dialog(m_source.get(), actorOf(5), roles, {}, filter,
                           QStringLiteral("matching \"user16@\""));
    dialog.setUseFilter(true);
    dialog.setRole(QStringLiteral("MENTOR"));
    dialog.findChild<QLineEdit *>(QStringLiteral("reasonField"))->setText(QStringLiteral("One"));
    const QString command = dialog.commandText(); // the CLI names this filter: no preview needed
    QVERIFY2(command.contains(QLatin1String("--search user16@")), qPrintable(command));

    const CliRun run = runInShell(command);
    QVERIFY2(run.exitCode == 0, qPrintable(command + QLatin1Char('\n') + run.err));
    const std::optional<GrantView> view = grantOf(*m_source, 16, QStringLiteral("MENTOR"));
    QVERIFY(view && view->state == GrantState::Active);
}

void TestCtlCommandRun::theSyncDialogsCommandAppliesTheSame()
{
    // The Sync screen's "Sync" on a missing and a drifted person.
    SyncActionDialog dialog(nullptr, actorOf(5), syncActions(SyncAction::Kind::Sync, {51, 3}),
                            QStringLiteral("Sync"));
    const QString command = dialog.commandText();
    QVERIFY2(command.contains(QLatin1String(" sync apply ")), qPrintable(command));

    const CliRun run = runInShell(command);
    QVERIFY2(run.exitCode == 0, qPrintable(command + QLatin1Char('\n') + run.err + run.out));
    // 51 has a row now (found by the email Clerk has), 3 has Clerk's email.
    UserQuery query;
    query.search = clerkIdOfSeedUser(51);
    QCOMPARE(m_source->fetchUsers(query).result().users.size(), 1);
    query.search = QStringLiteral("three@example.test");
    const QList<User> three = m_source->fetchUsers(query).result().users;
    QCOMPARE(three.size(), 1);
    QCOMPARE(three.first().clerkId, clerkIdOfSeedUser(3));
}

void TestCtlCommandRun::theSyncDialogsCommandEndsAnOrphansGrants()
{
    const auto activeGrants = [this](int n) {
        int active = 0;
        for (const GrantView &view : m_source->fetchGrants(emailOfSeedUser(n), {}).result())
            active += view.state == GrantState::Active ? 1 : 0;
        return active;
    };
    QVERIFY(activeGrants(49) > 0);
    QVERIFY(activeGrants(48) > 0);
    SyncActionDialog dialog(nullptr, actorOf(5), syncActions(SyncAction::Kind::EndAllGrants, {49}),
                            QStringLiteral("End Grants"));
    const QString reason = QStringLiteral("Left Akako; account deleted in Clerk");
    dialog.reasonField()->setText(reason);
    const QString command = dialog.commandText();
    QVERIFY2(command.contains(QLatin1String("--reason")), qPrintable(command));

    const CliRun run = runInShell(command);
    QVERIFY2(run.exitCode == 0, qPrintable(command + QLatin1Char('\n') + run.err + run.out));
    QCOMPARE(activeGrants(49), 0);
    for (const GrantView &view : m_source->fetchGrants(emailOfSeedUser(49), {}).result())
        if (view.state == GrantState::Ended)
            QCOMPARE(view.endedReason, reason);
    QVERIFY(activeGrants(48) > 0); // the other orphan was not named
}

QTEST_MAIN(TestCtlCommandRun)
#include "tst_ctlcommandrun.moc"
