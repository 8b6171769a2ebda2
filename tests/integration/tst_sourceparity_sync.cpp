// Sync through both data sources (PostgreSQL direct, and rolecall-server over
// the same database, holding the fake Clerk API's key): the snapshot compared
// whole with PostgreSQL direct's, a sync status run over either store giving
// the same verdicts, each action (dry run, then real) doing the same, an
// action asked again after someone else did it "nothing to do" alike, and a
// non-admin refused alike, in the same words. Where the server holds the Clerk key it makes the
// comparison itself (GET /sync/status, no key on this side) with the same
// verdicts; without the key it says so plainly. Each kind gets its own fresh
// database.
#include "clerk/clerkapiclient.h"
#include "pg/pgsync.h"
#include "support/fakeclerkapi.h"
#include "support/pgtestcluster.h"
#include "support/rolefixtures.h"
#include "support/sourceparity.h"
#include "support/testdata.h"
#include "sync/syncrun.h"

#include <QTest>

#include <algorithm>

Q_DECLARE_METATYPE(rolecall::SyncStatus)

using namespace rolecall;
using namespace rolecall::testing;

namespace {

const QByteArray secret = QByteArrayLiteral("sk_test_sourceparity");

// A result without what differs between two databases: new row and grant ids.
QString factsOf(const SyncActionResult &result)
{
    QStringList changes;
    for (const FieldDiff &diff : result.changes)
        changes << diff.field + QLatin1Char('=') + diff.clerkValue + QLatin1Char('/') +
                       diff.databaseValue;
    return QStringList{result.clerkId,
                       syncActionName(result.kind),
                       result.dryRun ? QStringLiteral("dry") : QStringLiteral("real"),
                       result.changed ? QStringLiteral("changed") : QStringLiteral("unchanged"),
                       result.created ? QStringLiteral("created") : QStringLiteral("existing"),
                       QString::number(result.grantIds.size()),
                       changes.join(QLatin1Char(',')),
                       withoutInstants(result.summary)}
        .join(QLatin1Char('|'));
}

} // namespace

class TestSourceParitySync : public QObject, private RoleWriterDatabases
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase_data() { addSourceKinds(); }
    void initTestCase();
    void init();
    void theSnapshotIsTheDirectOne();
    void aStatusRunGivesTheSameVerdicts();
    void theServerComparesWhereItHoldsTheKey();
    void aServerWithoutTheKeySaysSoPlainly();
    void everyActionDoesTheSame_data();
    void everyActionDoesTheSame();
    void aStaleActionIsNothingToDoAlike_data();
    void aStaleActionIsNothingToDoAlike();
    void aNonAdminIsRefusedAlike();
    void cleanupTestCase() { removeConnections(); }

private:
    // The records of a status run over `store` and the fake Clerk API
    // (`onServer`: the store's server compares, no key here).
    QHash<QString, SyncRecord> statusOver(SyncStore &store, bool onServer = false);

    FakeClerkApi m_clerk;
    ParitySources m_sources;
};

void TestSourceParitySync::initTestCase()
{
    QString error;
    if (!start(&error))
        QSKIP(qPrintable(error));
    QVERIFY(startParityClerk(m_clerk, secret));
}

void TestSourceParitySync::init()
{
    const QString db = freshDatabase(20);
    QVERIFY(!db.isEmpty());
    QString error;
    QVERIFY2(m_sources.open(sourceKind(), db, &error, withClerkKey(m_clerk, secret)),
             qPrintable(error));
}

QHash<QString, SyncRecord> TestSourceParitySync::statusOver(SyncStore &store, bool onServer)
{
    ClerkApiSettings settings;
    settings.baseUrl = QUrl(m_clerk.baseUrl());
    settings.secretKey = secret;
    settings.backoffStartMs = 50;
    ClerkApiClient client(settings, nullptr);
    SyncRun run(&store, onServer ? nullptr : &client);
    QHash<QString, SyncRecord> records;
    QString failure;
    QObject::connect(&run, &SyncRun::recordsReady, this, [&records](const QList<SyncRecord> &page) {
        for (const SyncRecord &record : page)
            records.insert(record.clerkId, record);
    });
    QObject::connect(&run, &SyncRun::failed, this,
                     [&failure](const QString &message) { failure = message; });
    run.start();
    if (!QTest::qWaitFor([&] { return run.isComplete() || !failure.isEmpty(); }, 60'000))
        qWarning("the status run did not finish");
    if (!failure.isEmpty())
        qWarning("the status run failed: %s", qPrintable(failure));
    return records;
}

void TestSourceParitySync::theSnapshotIsTheDirectOne()
{
    const SyncDbSnapshot snapshot = settle(m_sources.syncStore().loadSnapshot());
    QCOMPARE(snapshot.users.size(), 20);
    PgSyncStore direct(PgTestCluster::shared()->connection(m_sources.database()));
    QCOMPARE(jsonText(snapshot), jsonText(settle(direct.loadSnapshot())));
}

void TestSourceParitySync::aStatusRunGivesTheSameVerdicts()
{
    const QHash<QString, SyncRecord> records = statusOver(m_sources.syncStore());
    QCOMPARE(records.size(), 22);
    QCOMPARE(records.value(clerkIdOfSeedUser(21)).status, SyncStatus::MissingInDatabase);
    QCOMPARE(records.value(clerkIdOfSeedUser(3)).status, SyncStatus::Drifted);
    QCOMPARE(records.value(clerkIdOfSeedUser(10)).status, SyncStatus::NoDefaultRole);
    QCOMPARE(records.value(clerkIdOfSeedUser(19)).status, SyncStatus::Orphaned);
    QStringList verdicts;
    for (const SyncRecord &record : records)
        verdicts << jsonText(record);
    verdicts.sort();
    const QString difference =
        differenceAcrossKinds(QStringLiteral("verdicts"), verdicts.join(QLatin1Char('\n')));
    QVERIFY2(difference.isEmpty(), qPrintable(difference));
}

void TestSourceParitySync::theServerComparesWhereItHoldsTheKey()
{
    const bool api = sourceKind() == SourceKind::Api;
    const SyncStore::ComparisonSite site = settle(m_sources.syncStore().comparisonSite());
    QCOMPARE(site.where, api ? SyncStore::Comparison::OnServer : SyncStore::Comparison::Here);
    const qsizetype clerkCalls = m_clerk.requestCount();
    const int logged = int(m_sources.server().logLines().size());
    const QHash<QString, SyncRecord> records = statusOver(m_sources.syncStore(), api);
    QCOMPARE(records.size(), 22);
    QVERIFY(m_clerk.requestCount() > clerkCalls); // Clerk was walked, by the server for "api"
    if (api) {
        const QStringList log = m_sources.server().logLines().mid(logged);
        QVERIFY2(std::any_of(log.cbegin(), log.cend(),
                             [](const QString &line) {
                                 return line.contains(QLatin1String("/sync/status"));
                             }),
                 qPrintable(log.join(QLatin1Char('\n'))));
    }
    QStringList verdicts;
    for (const SyncRecord &record : records)
        verdicts << jsonText(record);
    verdicts.sort();
    const QString difference = differenceAcrossKinds(QStringLiteral("verdicts where compared"),
                                                     verdicts.join(QLatin1Char('\n')));
    QVERIFY2(difference.isEmpty(), qPrintable(difference));
}

void TestSourceParitySync::aServerWithoutTheKeySaysSoPlainly()
{
    if (sourceKind() != SourceKind::Api)
        QSKIP("a database compares here, with the profile's key");
    ParitySources keyless;
    QString error;
    QVERIFY2(keyless.open(SourceKind::Api, m_sources.database(), &error), qPrintable(error));
    const SyncStore::ComparisonSite site = settle(keyless.syncStore().comparisonSite());
    QCOMPARE(site.where, SyncStore::Comparison::Unavailable);
    QVERIFY2(site.why.contains(QLatin1String("holds no Clerk secret key")), qPrintable(site.why));
    const DataSourceError refused = refusalOf(keyless.syncStore().loadStatus());
    QCOMPARE(refused.kind(), DataSourceError::Kind::Schema);
    QCOMPARE(refused.message(), site.why);
}

void TestSourceParitySync::everyActionDoesTheSame_data()
{
    QTest::addColumn<int>("seedUser");
    QTest::addColumn<SyncStatus>("status");
    QTest::newRow("missing: sync creates") << 21 << SyncStatus::MissingInDatabase;
    QTest::newRow("drifted: sync updates") << 3 << SyncStatus::Drifted;
    QTest::newRow("no default role: granted") << 10 << SyncStatus::NoDefaultRole;
    QTest::newRow("orphan: grants ended") << 19 << SyncStatus::Orphaned;
}

void TestSourceParitySync::everyActionDoesTheSame()
{
    QFETCH(int, seedUser);
    QFETCH(SyncStatus, status);
    const auto usersAndGrants = [this]() -> QString {
        return checksum(m_sources.database()) +
               scalar(m_sources.database(), QStringLiteral(R"(SELECT count(*) FROM "User")"))
                   .toString();
    };
    const QString before = usersAndGrants();
    const SyncRecord record = statusOver(m_sources.syncStore()).value(clerkIdOfSeedUser(seedUser));
    QCOMPARE(record.status, status);
    const std::optional<SyncAction> action = syncActionFor(record, QStringLiteral("left Clerk"));
    QVERIFY(action);
    SyncStore &store = m_sources.syncStore();
    const SyncActionResult dry = settle(store.apply(admin(), {}, *action, true));
    QVERIFY(dry.dryRun && dry.changed);
    QCOMPARE(usersAndGrants(), before);
    const SyncActionResult real = settle(store.apply(admin(), {}, *action, false));
    QVERIFY(!real.dryRun && real.changed);
    // The person is in sync now, whichever store wrote it.
    QCOMPARE(statusOver(store).value(clerkIdOfSeedUser(seedUser)).status,
             status == SyncStatus::Orphaned ? SyncStatus::Orphaned : SyncStatus::InSync);
    const QString difference = differenceAcrossKinds(
        QStringLiteral("results"), factsOf(dry) + QLatin1Char('\n') + factsOf(real));
    QVERIFY2(difference.isEmpty(), qPrintable(difference));
}

void TestSourceParitySync::aStaleActionIsNothingToDoAlike_data()
{
    QTest::addColumn<int>("seedUser");
    QTest::newRow("missing, synced meanwhile") << 21;
    QTest::newRow("no default role, granted meanwhile") << 10;
}

void TestSourceParitySync::aStaleActionIsNothingToDoAlike()
{
    QFETCH(int, seedUser);
    const QString clerkId = clerkIdOfSeedUser(seedUser);
    SyncStore &store = m_sources.syncStore();
    // The action as the view showed it, then done (by someone else, say).
    const std::optional<SyncAction> action = syncActionFor(statusOver(store).value(clerkId));
    QVERIFY(action);
    QVERIFY(settle(store.apply(admin(), {}, *action, false)).changed);
    // Compared anew (where the server holds the key, by the server): in sync now.
    const bool onServer = sourceKind() == SourceKind::Api;
    QCOMPARE(statusOver(store, onServer).value(clerkId).status, SyncStatus::InSync);

    // The same action from the old view: nothing to do, not a failure, nothing written.
    const QString before = checksum(m_sources.database());
    const SyncActionResult again = settle(store.apply(admin(), {}, *action, false));
    QVERIFY(!again.changed);
    QCOMPARE(checksum(m_sources.database()), before);
    const QString difference = differenceAcrossKinds(QStringLiteral("stale"), factsOf(again));
    QVERIFY2(difference.isEmpty(), qPrintable(difference));
}

void TestSourceParitySync::aNonAdminIsRefusedAlike()
{
    const SyncRecord record = statusOver(m_sources.syncStore()).value(clerkIdOfSeedUser(21));
    const std::optional<SyncAction> action = syncActionFor(record);
    QVERIFY(action);
    const QString before = checksum(m_sources.database());
    const DataSourceError error =
        refusalOf(m_sources.syncStore(7).apply(actorOf(7), {}, *action, false));
    QCOMPARE(error.kind(), DataSourceError::Kind::NotPermitted);
    QCOMPARE(error.message(),
             QStringLiteral("Only an active ADMIN may change roles; %1 is not one.")
                 .arg(emailOfSeedUser(7)));
    QCOMPARE(checksum(m_sources.database()), before);
}

QTEST_GUILESS_MAIN(TestSourceParitySync)
#include "tst_sourceparity_sync.moc"
