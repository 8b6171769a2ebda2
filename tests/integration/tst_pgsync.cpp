// Sync status end to end on a real PostgreSQL and the fake Clerk Backend API:
// every status and action on both seed schemas, email conflicts, Clerk data
// changing between two runs, 429s and failing pages survived, and cancel.
#include "clerk/clerkapiclient.h"
#include "pg/pgdatasource.h"
#include "pg/pgsync.h"
#include "support/fakeclerkapi.h"
#include "support/pgtestcluster.h"
#include "support/rolefixtures.h"
#include "support/testdata.h"
#include "sync/freshadminstore.h"
#include "sync/syncapplier.h"
#include "sync/syncrun.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

using namespace rolecall;
using namespace rolecall::testing;

namespace {

const QByteArray secret = QByteArrayLiteral("sk_test_pgsync");

struct RunResult
{
    QHash<QString, SyncRecord> records;
    QString failure;
    bool complete = false;
    std::optional<ClerkUser> actorClerk;
};

QString id(int n)
{
    return clerkIdOfSeedUser(n);
}

} // namespace

class TestPgSync : public QObject, public RoleWriterDatabases
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void classifiesEveryAkakoStatus();
    void appliesAkakoActions();
    void refusesNonAdminsAndConflicts();
    void seesClerkChangesBetweenRuns();
    void classifiesAndSyncsSehatScan();
    void readsTheSehatScanAdminAfreshAtEachWrite();
    void appliesABatchWithPreviewAndProgress();
    void survivesRateLimitsAndFailingPages();
    void cancelNamesNoOrphans();
    void cleanupTestCase() { removeConnections(); }

private:
    RunResult runSync(const QString &database, const QString &actorId = {}, int pageSize = 500);
    void akakoClerkUsers();
    SyncActionResult apply(const QString &database, const Actor &actor, SyncAction action,
                           bool dryRun = false, const std::optional<ClerkUser> &actorClerk = {});
    std::optional<DataSourceError> applyError(const QString &database, const Actor &actor,
                                              SyncAction action,
                                              const std::optional<ClerkUser> &actorClerk = {});
    ClerkUser clerkUserOf(int n);

    std::unique_ptr<FakeClerkApi> m_api;
    QString m_akako;
};

void TestPgSync::initTestCase()
{
    QString error;
    QVERIFY2(start(&error), qPrintable(error));
}

void TestPgSync::init()
{
    m_api = std::make_unique<FakeClerkApi>();
    m_api->setSecretKey(secret);
    QVERIFY(m_api->start());
    m_akako = freshDatabase(30);
    QVERIFY(!m_akako.isEmpty());
    akakoClerkUsers();
}

// Seed users 1..30 are in the database (10, 20, 30 without LEARNER; 5 the
// ADMIN). Clerk holds 1..28 and 31..33, with 3 and 4 changed, 6 taking
// user 8's email and 33 taking user 7's.
void TestPgSync::akakoClerkUsers()
{
    QList<FakeClerkUser> users = FakeClerkApi::seedUsers(1, 28);
    users += FakeClerkApi::seedUsers(31, 33);
    for (FakeClerkUser &user : users) {
        if (user.id == id(3))
            user.emails = {QStringLiteral("user3.new@example.test")};
        if (user.id == id(4))
            user.lastName = QStringLiteral("Renamed");
        if (user.id == id(6))
            user.emails = {emailOfSeedUser(8)};
        if (user.id == id(33))
            user.emails = {emailOfSeedUser(7)};
    }
    m_api->setUsers(users);
}

RunResult TestPgSync::runSync(const QString &database, const QString &actorId, int pageSize)
{
    PgSyncStore store(m_cluster->connection(database));
    ClerkApiSettings settings;
    settings.baseUrl = QUrl(m_api->baseUrl());
    settings.secretKey = secret;
    settings.pageSize = pageSize;
    settings.backoffStartMs = 50;
    ClerkApiClient client(settings, nullptr);
    SyncRun run(&store, &client);
    RunResult result;
    QObject::connect(&run, &SyncRun::recordsReady, this, [&](const QList<SyncRecord> &records) {
        for (const SyncRecord &record : records)
            result.records.insert(record.clerkId, record);
    });
    QObject::connect(&run, &SyncRun::failed, this,
                     [&](const QString &message) { result.failure = message; });
    QObject::connect(&run, &SyncRun::finished, this, [&] { result.complete = true; });
    run.start();
    if (!QTest::qWaitFor([&] { return result.complete || !result.failure.isEmpty(); }, 60000))
        result.failure = QStringLiteral("timed out");
    result.actorClerk = run.clerkUser(actorId);
    return result;
}

ClerkUser TestPgSync::clerkUserOf(int n)
{
    const RunResult run = runSync(m_akako);
    return run.records.value(id(n)).clerk.value_or(ClerkUser());
}

SyncActionResult TestPgSync::apply(const QString &database, const Actor &actor, SyncAction action,
                                   bool dryRun, const std::optional<ClerkUser> &actorClerk)
{
    PgSyncStore store(m_cluster->connection(database));
    return store.apply(actor, actorClerk, action, dryRun).result();
}

std::optional<DataSourceError> TestPgSync::applyError(const QString &database, const Actor &actor,
                                                      SyncAction action,
                                                      const std::optional<ClerkUser> &actorClerk)
{
    PgSyncStore store(m_cluster->connection(database));
    return errorOf(store.apply(actor, actorClerk, action, false));
}

void TestPgSync::classifiesEveryAkakoStatus()
{
    const RunResult run = runSync(m_akako);
    QVERIFY2(run.complete, qPrintable(run.failure));
    QCOMPARE(run.records.size(), 33); // 30 rows + 3 only in Clerk
    const auto status = [&run](int n) { return run.records.value(id(n)).status; };
    QCOMPARE(status(1), SyncStatus::InSync);
    QCOMPARE(status(5), SyncStatus::InSync);
    QCOMPARE(status(31), SyncStatus::MissingInDatabase);
    QCOMPARE(status(32), SyncStatus::MissingInDatabase);
    QCOMPARE(status(29), SyncStatus::Orphaned);
    QCOMPARE(status(30), SyncStatus::Orphaned);
    QCOMPARE(status(10), SyncStatus::NoDefaultRole);
    QCOMPARE(status(20), SyncStatus::NoDefaultRole);
    QCOMPARE(status(3), SyncStatus::Drifted);
    QCOMPARE(run.records.value(id(3)).diffs,
             (QList<FieldDiff>{{QStringLiteral("email"), QStringLiteral("user3.new@example.test"),
                                emailOfSeedUser(3)}}));
    QCOMPARE(status(4), SyncStatus::Drifted);
    QCOMPARE(run.records.value(id(4)).diffs.first().field, QStringLiteral("lastName"));
    QCOMPARE(status(6), SyncStatus::EmailConflict); // would take user 8's email
    QCOMPARE(run.records.value(id(6)).conflictClerkId, id(8));
    QCOMPARE(status(33), SyncStatus::EmailConflict); // new, but user 7 holds its email
    QCOMPARE(run.records.value(id(33)).conflictClerkId, id(7));
    int inSync = 0;
    for (const SyncRecord &record : run.records)
        inSync += record.status == SyncStatus::InSync ? 1 : 0;
    QCOMPARE(inSync, 33 - 10); // all but the ten above
}

void TestPgSync::appliesAkakoActions()
{
    PgDataSource source(m_cluster->connection(m_akako));
    QVERIFY(source.installAuditTable(admin()).result());
    const RunResult before = runSync(m_akako);
    const auto countUsers = [this] {
        return scalar(m_akako, QStringLiteral(R"(SELECT count(*) FROM "User")")).toInt();
    };

    // Dry run first: everything checked, nothing written.
    SyncAction sync{SyncAction::Kind::Sync, id(31), before.records.value(id(31)).clerk, {}};
    const SyncActionResult dry = apply(m_akako, admin(), sync, true);
    QVERIFY(dry.dryRun && dry.changed && dry.created);
    QCOMPARE(countUsers(), 30);

    // Missing: created as the app's first sync does, with LEARNER.
    const SyncActionResult created = apply(m_akako, admin(), sync);
    QVERIFY(created.created);
    QCOMPARE(countUsers(), 31);
    QCOMPARE(created.userRowId.size(), 25);
    QVERIFY(created.userRowId.startsWith(QLatin1Char('c')));
    QCOMPARE(created.grantIds.size(), 1);
    QCOMPARE(scalar(m_akako, QStringLiteral(R"(SELECT "role"::text || '|' || "reason" || '|' ||
        "assignedByEmail" || '|' || "isActive" FROM "UserRole" WHERE "id" = ?)"),
                    {created.grantIds.first()})
                 .toString(),
             QStringLiteral("LEARNER|default role at sync|%1|true").arg(emailOfSeedUser(5)));
    QCOMPARE(scalar(m_akako, QStringLiteral(R"(SELECT "email" || '|' || "firstName" FROM "User"
        WHERE "clerkId" = ? AND "updatedAt" IS NOT NULL)"),
                    {id(31)})
                 .toString(),
             emailOfSeedUser(31) + QStringLiteral("|") +
                 FakeClerkApi::seedUser(31).firstName.value());

    // Drifted: the row takes Clerk's values; its id stays.
    sync = {SyncAction::Kind::Sync, id(3), before.records.value(id(3)).clerk, {}};
    const SyncActionResult updated = apply(m_akako, admin(), sync);
    QVERIFY(updated.changed && !updated.created);
    QCOMPARE(updated.userRowId, QStringLiteral("cu0000000003"));
    QCOMPARE(
        scalar(m_akako, QStringLiteral(R"(SELECT "email" FROM "User" WHERE "id" = 'cu0000000003')"))
            .toString(),
        QStringLiteral("user3.new@example.test"));
    // Again: nothing to do.
    QVERIFY(!apply(m_akako, admin(), sync).changed);

    // No default role: a LEARNER grant from now.
    const SyncActionResult granted =
        apply(m_akako, admin(), {SyncAction::Kind::GrantDefaultRole, id(10), {}, {}});
    QVERIFY(granted.changed);
    QVERIFY(!apply(m_akako, admin(), {SyncAction::Kind::GrantDefaultRole, id(10), {}, {}}).changed);

    // Orphan: every active grant ended with the reason; the row stays.
    SyncAction end{SyncAction::Kind::EndAllGrants, id(29), {}, QStringLiteral("left Clerk")};
    QCOMPARE(applyError(m_akako, admin(), {SyncAction::Kind::EndAllGrants, id(29), {}, {}})->kind(),
             DataSourceError::Kind::Validation); // a reason is required
    const SyncActionResult ended = apply(m_akako, admin(), end);
    QCOMPARE(ended.grantIds.size(), 1);
    QCOMPARE(scalar(m_akako, QStringLiteral(R"(SELECT count(*) FROM "UserRole" r JOIN "User" u
        ON u."id" = r."userId" WHERE u."clerkId" = ? AND r."isActive")"),
                    {id(29)})
                 .toInt(),
             0);
    QVERIFY(scalar(m_akako, QStringLiteral(R"(SELECT "adminNotes" FROM "UserRole" WHERE "id" = ?)"),
                   {ended.grantIds.first()})
                .toString()
                .endsWith(QLatin1String(": left Clerk")));
    QCOMPARE(countUsers(), 31); // nothing deleted

    // Each write recorded, in its own transaction.
    QCOMPARE(scalar(m_akako, QStringLiteral(R"(SELECT string_agg("action", ',' ORDER BY "action")
        FROM "RolecallAuditEvent" WHERE "action" <> 'audit-installed')"))
                 .toString(),
             QStringLiteral("ended,granted,granted,user-created,user-synced"));
    QCOMPARE(scalar(m_akako, QStringLiteral(R"(SELECT count(*) FROM "RolecallAuditEvent"
        WHERE "actorClerkId" = ?)"),
                    {id(5)})
                     .toInt() >= 5,
             true);

    // The second run sees the fixes.
    const RunResult after = runSync(m_akako);
    QVERIFY2(after.complete, qPrintable(after.failure));
    QCOMPARE(after.records.value(id(31)).status, SyncStatus::InSync);
    QCOMPARE(after.records.value(id(3)).status, SyncStatus::InSync);
    QCOMPARE(after.records.value(id(10)).status, SyncStatus::InSync);
    QCOMPARE(after.records.value(id(29)).status, SyncStatus::Orphaned);
}

void TestPgSync::refusesNonAdminsAndConflicts()
{
    const RunResult run = runSync(m_akako);
    SyncAction sync{SyncAction::Kind::Sync, id(31), run.records.value(id(31)).clerk, {}};
    QCOMPARE(applyError(m_akako, actorOf(7), sync)->kind(), DataSourceError::Kind::NotPermitted);
    QCOMPARE(applyError(m_akako, Actor{}, sync)->kind(), DataSourceError::Kind::NotPermitted);
    // Conflicts: the holder is named, nothing is written.
    const QString checksumBefore = checksum(m_akako);
    sync = {SyncAction::Kind::Sync, id(33), run.records.value(id(33)).clerk, {}};
    const std::optional<DataSourceError> conflict = applyError(m_akako, admin(), sync);
    QVERIFY(conflict);
    QCOMPARE(conflict->kind(), DataSourceError::Kind::Conflict);
    QVERIFY2(conflict->message().contains(id(7)), qPrintable(conflict->message()));
    sync = {SyncAction::Kind::Sync, id(6), run.records.value(id(6)).clerk, {}};
    QCOMPARE(applyError(m_akako, admin(), sync)->kind(), DataSourceError::Kind::Conflict);
    QCOMPARE(checksum(m_akako), checksumBefore);
    QCOMPARE(scalar(m_akako, QStringLiteral(R"(SELECT count(*) FROM "User")")).toInt(), 30);
    // The last admin is never left without ADMIN, even as an orphan.
    QCOMPARE(applyError(m_akako, actorOf(5),
                        {SyncAction::Kind::EndAllGrants, id(5), {}, QStringLiteral("x")})
                 ->kind(),
             DataSourceError::Kind::Validation);
}

void TestPgSync::seesClerkChangesBetweenRuns()
{
    RunResult run = runSync(m_akako);
    QCOMPARE(run.records.value(id(12)).status, SyncStatus::InSync);
    QCOMPARE(run.records.value(id(13)).status, SyncStatus::InSync);
    FakeClerkUser changed = m_api->user(id(12)).value();
    changed.firstName = QStringLiteral("Zed");
    changed.updatedAtMs += 1000;
    QVERIFY(m_api->updateUser(changed));
    QVERIFY(m_api->removeUser(id(13)));
    m_api->addUser(FakeClerkApi::seedUser(40));
    run = runSync(m_akako, {}, 7); // and smaller pages
    QVERIFY2(run.complete, qPrintable(run.failure));
    const SyncRecord drifted = run.records.value(id(12));
    QCOMPARE(drifted.status, SyncStatus::Drifted);
    QCOMPARE(drifted.diffs.size(), 1);
    QCOMPARE(drifted.diffs.first().field, QStringLiteral("firstName"));
    QCOMPARE(drifted.diffs.first().clerkValue, QStringLiteral("Zed"));
    QCOMPARE(run.records.value(id(13)).status, SyncStatus::Orphaned);
    QCOMPARE(run.records.value(id(40)).status, SyncStatus::MissingInDatabase);
}

void TestPgSync::classifiesAndSyncsSehatScan()
{
    QString error;
    const QString db = m_cluster->createDatabase(Fixture::SehatScan, &error);
    QVERIFY2(!db.isEmpty() && seedSehatScanUsers(*m_cluster, db, 30, &error), qPrintable(error));
    // 10, 20, 30 are password accounts (not Clerk users); 29 left Clerk.
    QList<FakeClerkUser> users;
    for (int n = 1; n <= 28; ++n)
        if (n % 10 != 0)
            users << FakeClerkApi::seedUser(n);
    users << FakeClerkApi::seedUser(41) << FakeClerkApi::seedUser(42);
    users[2].firstName = QStringLiteral("Renamed"); // user 3
    users[0].publicRole = QStringLiteral("admin");  // user 1: Clerk's basic RBAC
    users.last().emails = {emailOfSeedUser(10)};    // 42 takes a password account's email
    m_api->setUsers(users);
    const RunResult run = runSync(db, id(1));
    QVERIFY2(run.complete, qPrintable(run.failure));
    const auto status = [&run](int n) { return run.records.value(id(n)).status; };
    QCOMPARE(status(1), SyncStatus::InSync);
    QCOMPARE(status(3), SyncStatus::Drifted);
    QCOMPARE(run.records.value(id(3)).diffs.first().field, QStringLiteral("name"));
    QCOMPARE(status(10), SyncStatus::PasswordAccount);
    QCOMPARE(status(30), SyncStatus::PasswordAccount);
    QCOMPARE(status(29), SyncStatus::Orphaned);
    QCOMPARE(status(41), SyncStatus::MissingInDatabase);
    QCOMPARE(status(42), SyncStatus::EmailConflict);
    QVERIFY(!run.records.value(id(2)).lacksDefaultRole); // no roles here

    // Only a Clerk admin may write; roles actions do not exist here.
    const Actor clerkAdmin{id(1), emailOfSeedUser(1)};
    SyncAction sync{SyncAction::Kind::Sync, id(41), run.records.value(id(41)).clerk, {}};
    QCOMPARE(applyError(db, actorOf(2), sync, run.records.value(id(2)).clerk)->kind(),
             DataSourceError::Kind::NotPermitted);
    QCOMPARE(applyError(db, clerkAdmin, {SyncAction::Kind::GrantDefaultRole, id(2), {}, {}},
                        run.actorClerk)
                 ->kind(),
             DataSourceError::Kind::Schema);
    const SyncActionResult created = apply(db, clerkAdmin, sync, false, run.actorClerk);
    QVERIFY(created.created);
    QCOMPARE(scalar(db, QStringLiteral(R"(SELECT "id" || '|' || "password" || '|' || "name"
        FROM "User" WHERE "id" = ?)"),
                    {id(41)})
                 .toString(),
             id(41) + QStringLiteral("||") + FakeClerkApi::seedUser(41).firstName.value() +
                 QLatin1Char(' ') + FakeClerkApi::seedUser(41).lastName.value());
    sync = {SyncAction::Kind::Sync, id(3), run.records.value(id(3)).clerk, {}};
    QVERIFY(apply(db, clerkAdmin, sync, false, run.actorClerk).changed);
    sync = {SyncAction::Kind::Sync, id(42), run.records.value(id(42)).clerk, {}};
    QCOMPARE(applyError(db, clerkAdmin, sync, run.actorClerk)->kind(),
             DataSourceError::Kind::Conflict);
    const RunResult after = runSync(db, id(1));
    QCOMPARE(after.records.value(id(41)).status, SyncStatus::InSync);
    QCOMPARE(after.records.value(id(3)).status, SyncStatus::InSync);
    QCOMPARE(after.records.value(id(10)).status, SyncStatus::PasswordAccount);
}

void TestPgSync::readsTheSehatScanAdminAfreshAtEachWrite()
{
    QString error;
    const QString db = m_cluster->createDatabase(Fixture::SehatScan, &error);
    QVERIFY2(!db.isEmpty() && seedSehatScanUsers(*m_cluster, db, 5, &error), qPrintable(error));
    QList<FakeClerkUser> users = FakeClerkApi::seedUsers(1, 5);
    users << FakeClerkApi::seedUser(41) << FakeClerkApi::seedUser(42);
    users[0].publicRole = QStringLiteral("admin");
    m_api->setUsers(users);
    const RunResult run = runSync(db, id(1));
    QVERIFY2(run.complete, qPrintable(run.failure));
    QVERIFY(run.actorClerk && run.actorClerk->publicRole == QLatin1String("admin"));

    // Demoted in Clerk after the comparison: the snapshot still says admin,
    // Clerk no longer does, and the write goes by Clerk.
    FakeClerkUser demoted = users.first();
    demoted.publicRole.clear();
    QVERIFY(m_api->updateUser(demoted));
    ClerkApiSettings settings;
    settings.baseUrl = QUrl(m_api->baseUrl());
    settings.secretKey = secret;
    ClerkApiClient clerk(settings, nullptr);
    PgSyncStore pg(m_cluster->connection(db));
    FreshAdminSyncStore fresh(&pg, [&clerk](const QString &clerkId, QObject *context, auto done) {
        clerk.fetchUser(clerkId, context, std::move(done));
    });
    const Actor clerkAdmin{id(1), emailOfSeedUser(1)};
    const auto applyFresh = [&](int n) {
        const SyncAction sync{SyncAction::Kind::Sync, id(n), run.records.value(id(n)).clerk, {}};
        QFuture<SyncActionResult> future = fresh.apply(clerkAdmin, run.actorClerk, sync, false);
        (void)QTest::qWaitFor([&future] { return future.isFinished(); }, 15000);
        return future;
    };
    const int asked = m_api->userRequestCount();
    const std::optional<DataSourceError> refused = errorOf(applyFresh(41));
    QVERIFY(refused);
    QCOMPARE(refused->kind(), DataSourceError::Kind::NotPermitted);
    QCOMPARE(m_api->userRequestCount(), asked + 1);
    QCOMPARE(scalar(db, QStringLiteral(R"(SELECT count(*) FROM "User" WHERE "id" = ?)"), {id(41)})
                 .toInt(),
             0);

    // Made admin again: the next write goes through, read afresh again.
    QVERIFY(m_api->updateUser(users.first()));
    const QFuture<SyncActionResult> created = applyFresh(41);
    QVERIFY2(!errorOf(created),
             qPrintable(errorOf(created) ? errorOf(created)->message() : QString()));
    QVERIFY(created.result().created);

    // Clerk cannot be asked: nothing is written, and the message says why.
    settings.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:1/v1"));
    ClerkApiClient unreachable(settings, nullptr);
    FreshAdminSyncStore blind(&pg,
                              [&unreachable](const QString &clerkId, QObject *context, auto done) {
                                  unreachable.fetchUser(clerkId, context, std::move(done));
                              });
    const SyncAction sync{SyncAction::Kind::Sync, id(42), run.records.value(id(42)).clerk, {}};
    QFuture<SyncActionResult> future = blind.apply(clerkAdmin, run.actorClerk, sync, false);
    QTRY_VERIFY_WITH_TIMEOUT(future.isFinished(), 15000);
    const std::optional<DataSourceError> unasked = errorOf(future);
    QVERIFY(unasked);
    QVERIFY2(unasked->message().contains(QLatin1String("still an admin")),
             qPrintable(unasked->message()));
}

void TestPgSync::appliesABatchWithPreviewAndProgress()
{
    const RunResult run = runSync(m_akako);
    QList<SyncAction> actions;
    for (const SyncRecord &record : run.records)
        if (const std::optional<SyncAction> action = syncActionFor(record, QStringLiteral("gone")))
            actions << *action;
    QCOMPARE(actions.size(), 10); // every status but in-sync
    PgSyncStore store(m_cluster->connection(m_akako));
    SyncApplier applier(&store);
    QSignalSpy progress(&applier, &SyncApplier::progress);
    QSignalSpy done(&applier, &SyncApplier::actionDone);
    QSignalSpy failed(&applier, &SyncApplier::actionFailed);
    QSignalSpy finished(&applier, &SyncApplier::finished);

    // The preview: every action checked, nothing written.
    const QString before = checksum(m_akako);
    applier.start(admin(), std::nullopt, actions, true);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
    QCOMPARE(checksum(m_akako), before);
    QCOMPARE(done.count(), 8);
    QCOMPARE(failed.count(), 2); // the two email conflicts
    QCOMPARE(progress.count(), 11);
    QCOMPARE(progress.last().at(0).toInt(), 10);
    QCOMPARE(finished.first().at(0).toInt(), 7); // orphan 30 has no grants to end

    // For real: the same outcome, written.
    done.clear();
    failed.clear();
    finished.clear();
    applier.start(admin(), std::nullopt, actions, false);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
    QCOMPARE(done.count(), 8);
    QCOMPARE(failed.count(), 2);
    const RunResult after = runSync(m_akako);
    int notInSync = 0;
    for (const SyncRecord &record : after.records)
        notInSync += record.status == SyncStatus::InSync ? 0 : 1;
    QCOMPARE(notInSync, 4); // two conflicts, two orphans (their grants ended)

    // Not an admin: the batch stops at the first refusal.
    finished.clear();
    failed.clear();
    applier.start(actorOf(7), std::nullopt, actions, true);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
    QCOMPARE(failed.count(), 1);
    QVERIFY(failed.first().at(2).toBool());
}

void TestPgSync::survivesRateLimitsAndFailingPages()
{
    m_api->behaviour().forced429 = 2;
    m_api->behaviour().forced429RetryAfter = 1;
    m_api->behaviour().failPages = {{0, 2}, {3, 1}};
    m_api->behaviour().slowPages = {1};
    m_api->behaviour().slowPageDelayMs = 300;
    const RunResult run = runSync(m_akako, {}, 5);
    QVERIFY2(run.complete, qPrintable(run.failure));
    QCOMPARE(run.records.size(), 33);
    QCOMPARE(run.records.value(id(29)).status, SyncStatus::Orphaned);
    QCOMPARE(m_api->rateLimitedCount(), 1);
}

void TestPgSync::cancelNamesNoOrphans()
{
    m_api->behaviour().pageDelayMs = 200;
    PgSyncStore store(m_cluster->connection(m_akako));
    ClerkApiSettings settings;
    settings.baseUrl = QUrl(m_api->baseUrl());
    settings.secretKey = secret;
    settings.pageSize = 5;
    ClerkApiClient client(settings, nullptr);
    SyncRun run(&store, &client);
    QList<SyncRecord> seen;
    QString failure;
    QObject::connect(&run, &SyncRun::recordsReady, this, [&](const QList<SyncRecord> &records) {
        seen += records;
        run.cancel();
    });
    QObject::connect(&run, &SyncRun::failed, this,
                     [&](const QString &message) { failure = message; });
    QSignalSpy finished(&run, &SyncRun::finished);
    run.start();
    QTRY_VERIFY(!failure.isEmpty());
    QCOMPARE(failure, QStringLiteral("Cancelled."));
    // A fixed wait: nothing more may arrive, so there is no signal to wait on;
    // a page already on its way (200 ms) would have landed by then.
    QTest::qWait(500);
    QCOMPARE(seen.size(), 5);
    QCOMPARE(finished.count(), 0);
    for (const SyncRecord &record : seen)
        QVERIFY(record.status != SyncStatus::Orphaned);
    QVERIFY(!run.isComplete());
}

QTEST_GUILESS_MAIN(TestPgSync)
#include "tst_pgsync.moc"
