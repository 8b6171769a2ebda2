// The Clerk walk against a misbehaving Clerk (tests/support/fakeclerkapi.h):
// a 429 storm, absurd Retry-After values, 5xx bursts, truncated JSON, an
// answer too large or trickling, users added and deleted while the walk
// pages, and the network between the console and Clerk failing (a TCP fault
// proxy: a page request cut before sending, mid-stream or its answer lost,
// connections refused, every chunk delayed). The run either completes with
// every user classified correctly or says exactly why it could not; nobody is
// called orphaned from a partial run.
#include "clerk/clerkapiclient.h"
#include "services/syncstore.h"
#include "support/fakeclerkapi.h"
#include "support/tcpfaultproxy.h"
#include "support/testfigures.h"
#include "sync/syncrun.h"

#include <QElapsedTimer>
#include <QPromise>
#include <QSignalSpy>
#include <QTest>

using namespace rolecall;
using rolecall::testing::FakeClerkApi;
using rolecall::testing::FakeClerkUser;
using rolecall::testing::TcpFaultProxy;

namespace {

const QByteArray secret = QByteArrayLiteral("sk_test_faultsecret123");
constexpr int seeded = 1234;

// The database side of a comparison: Akako rows for seed users 1..n, each
// with an active LEARNER grant, so every Clerk user seen is in sync.
class MemorySyncStore final : public SyncStore
{
public:
    explicit MemorySyncStore(int users)
    {
        m_snapshot.kind = SchemaKind::AkakoLms;
        for (int n = 1; n <= users; ++n) {
            const FakeClerkUser clerk = FakeClerkApi::seedUser(n);
            SyncDbUser row;
            row.rowId = QStringLiteral("row%1").arg(n);
            row.clerkId = clerk.id;
            row.email = clerk.emails.first();
            row.firstName = clerk.firstName.value_or(QString());
            row.lastName = clerk.lastName.value_or(QString());
            row.everHadLearner = row.activeLearner = true;
            m_snapshot.users << row;
        }
    }
    QFuture<SyncDbSnapshot> loadSnapshot() override
    {
        QPromise<SyncDbSnapshot> promise;
        promise.start();
        promise.addResult(m_snapshot);
        promise.finish();
        return promise.future();
    }
    QFuture<SyncActionResult> apply(const Actor &, const std::optional<ClerkUser> &,
                                    const SyncAction &, bool) override
    {
        return {};
    }
    QString displayName() const override { return QStringLiteral("memory"); }

private:
    SyncDbSnapshot m_snapshot;
};

struct Walk
{
    QList<ClerkUser> users;
    QList<qint64> retryDelays;
    QString failure;
    bool finished = false;
    qint64 elapsedMs = 0;
};

struct Comparison
{
    QHash<QString, SyncStatus> status; // by Clerk ID
    QString failure;
    bool finished = false;
};

} // namespace

class TestClerkFaults : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void waitsOutA429Storm();
    void clampsAbsurdRetryAfterValues_data();
    void clampsAbsurdRetryAfterValues();
    void retriesBurstsOf5xx();
    void refusesAnOversizedAnswerWhileReadingIt_data();
    void refusesAnOversizedAnswerWhileReadingIt();
    void givesUpOnATricklingPageAtTheDeadline();
    void truncatedJsonEndsTheRunAndOrphansNobody();
    void classifiesUsersAddedAndDeletedDuringTheWalk();
    void goesOnWhenTheCursorsUserIsDeleted();
    void survivesTheNetworkBetweenItAndClerk_data();
    void survivesTheNetworkBetweenItAndClerk();
    void cleanupTestCase() const;

private:
    ClerkApiSettings settings() const;
    Walk walk(ClerkApiSettings s, int timeoutMs = 60000);
    Comparison compare(int databaseUsers, const QUrl &baseUrl = {});

    // Figures of the proxy runs.
    int m_faults = 0;
    int m_misclassified = 0; // a run that finished with a wrong status
    int m_orphanedByPartialRun = 0;

    std::unique_ptr<FakeClerkApi> m_api;
};

void TestClerkFaults::init()
{
    m_api = std::make_unique<FakeClerkApi>();
    m_api->setSecretKey(secret);
    m_api->setUsers(FakeClerkApi::seedUsers(1, seeded));
    QVERIFY(m_api->start());
}

ClerkApiSettings TestClerkFaults::settings() const
{
    ClerkApiSettings s;
    s.baseUrl = QUrl(m_api->baseUrl());
    s.secretKey = secret;
    s.backoffStartMs = 20;
    s.backoffMaxMs = 300;
    s.timeoutMs = 5000;
    return s;
}

Walk TestClerkFaults::walk(ClerkApiSettings s, int timeoutMs)
{
    Walk outcome;
    ClerkApiClient client(std::move(s), nullptr);
    connect(&client, &ClerkApiClient::pageReady, this,
            [&](const QList<ClerkUser> &users) { outcome.users += users; });
    connect(&client, &ClerkApiClient::retrying, this,
            [&](const QString &, qint64 delayMs) { outcome.retryDelays << delayMs; });
    connect(&client, &ClerkApiClient::finished, this, [&] { outcome.finished = true; });
    connect(&client, &ClerkApiClient::failed, this,
            [&](const QString &message) { outcome.failure = message; });
    QElapsedTimer timer;
    timer.start();
    client.start();
    (void)QTest::qWaitFor([&] { return outcome.finished || !outcome.failure.isEmpty(); },
                          timeoutMs);
    outcome.elapsedMs = timer.elapsed();
    return outcome;
}

Comparison TestClerkFaults::compare(int databaseUsers, const QUrl &baseUrl)
{
    Comparison outcome;
    MemorySyncStore store(databaseUsers);
    ClerkApiSettings s = settings();
    if (!baseUrl.isEmpty())
        s.baseUrl = baseUrl;
    auto *client = new ClerkApiClient(s, nullptr);
    SyncRun run(&store, client);
    client->setParent(&run);
    connect(&run, &SyncRun::recordsReady, this, [&](const QList<SyncRecord> &records) {
        for (const SyncRecord &record : records)
            outcome.status.insert(record.clerkId, record.status);
    });
    connect(&run, &SyncRun::finished, this, [&] { outcome.finished = true; });
    connect(&run, &SyncRun::failed, this,
            [&](const QString &message) { outcome.failure = message; });
    run.start();
    (void)QTest::qWaitFor([&] { return outcome.finished || !outcome.failure.isEmpty(); }, 60000);
    return outcome;
}

void TestClerkFaults::waitsOutA429Storm()
{
    m_api->behaviour().storm429 = 8;
    m_api->behaviour().stormRetryAfter = "0";
    ClerkApiSettings s = settings();
    s.maxAttempts = 10;
    const Walk outcome = walk(s);
    QVERIFY2(outcome.finished, qPrintable(outcome.failure));
    QCOMPARE(outcome.users.size(), seeded);
    QCOMPARE(m_api->rateLimitedCount(), 8);
}

void TestClerkFaults::clampsAbsurdRetryAfterValues_data()
{
    QTest::addColumn<QByteArray>("retryAfter");
    QTest::newRow("more digits than any integer") << QByteArray("99999999999999999999999");
    QTest::newRow("exponent") << QByteArray("1e300");
    QTest::newRow("infinity") << QByteArray("inf");
    QTest::newRow("negative") << QByteArray("-5");
    QTest::newRow("a date decades away") << QByteArray("Wed, 21 Oct 2099 07:28:00 GMT");
    QTest::newRow("words") << QByteArray("soon");
}

void TestClerkFaults::clampsAbsurdRetryAfterValues()
{
    QFETCH(QByteArray, retryAfter);
    m_api->behaviour().storm429 = 1;
    m_api->behaviour().stormRetryAfter = retryAfter;
    const Walk outcome = walk(settings());
    QVERIFY2(outcome.finished, qPrintable(outcome.failure));
    QCOMPARE(outcome.users.size(), seeded);
    QVERIFY(!outcome.retryDelays.isEmpty());
    for (const qint64 delay : outcome.retryDelays)
        QVERIFY2(delay >= 0 && delay <= 300, qPrintable(QString::number(delay)));
}

void TestClerkFaults::retriesBurstsOf5xx()
{
    m_api->behaviour().failPages = {{0, 3}, {2, 4}};
    const Walk outcome = walk(settings());
    QVERIFY2(outcome.finished, qPrintable(outcome.failure));
    QCOMPARE(outcome.users.size(), seeded);
    QCOMPARE(outcome.retryDelays.size(), 7);
}

void TestClerkFaults::refusesAnOversizedAnswerWhileReadingIt_data()
{
    QTest::addColumn<bool>("lengthAnnounced");
    QTest::newRow("Content-Length says so") << true;
    QTest::newRow("counted while it arrives") << false;
}

void TestClerkFaults::refusesAnOversizedAnswerWhileReadingIt()
{
    QFETCH(bool, lengthAnnounced);
    m_api->behaviour().oversizedPage = 0;
    m_api->behaviour().oversizedBytes = 512LL * 1024 * 1024;
    m_api->behaviour().hideOversizedLength = !lengthAnnounced;
    ClerkApiSettings s = settings();
    s.maxBodyBytes = 2 * 1024 * 1024;
    const Walk outcome = walk(s);
    QVERIFY(!outcome.finished);
    QVERIFY2(outcome.failure.contains(QLatin1String("more than 2048 KiB")),
             qPrintable(outcome.failure));
    // Refused early, not after half a gigabyte.
    QVERIFY2(outcome.elapsedMs < 10000, qPrintable(QString::number(outcome.elapsedMs)));
}

void TestClerkFaults::givesUpOnATricklingPageAtTheDeadline()
{
    // A byte every 20 ms keeps the connection busy; the deadline ends each try.
    m_api->behaviour().tricklePage = 0;
    m_api->behaviour().trickleIntervalMs = 20;
    ClerkApiSettings s = settings();
    s.timeoutMs = 700;
    s.maxAttempts = 2;
    const Walk outcome = walk(s);
    QVERIFY(!outcome.finished);
    QVERIFY2(outcome.failure.contains(QLatin1String("timed out")) &&
                 outcome.failure.contains(QLatin1String("gave up after 2 attempts")),
             qPrintable(outcome.failure));
    QVERIFY2(outcome.elapsedMs < 10000, qPrintable(QString::number(outcome.elapsedMs)));
}

void TestClerkFaults::truncatedJsonEndsTheRunAndOrphansNobody()
{
    // The second page is cut off mid-object: the run fails and says so, and
    // the database rows Clerk never got to are not called orphans.
    m_api->behaviour().rawPages.insert(1, QByteArrayLiteral("[{\"id\":\"user_x\",\"email_addr"));
    const Comparison outcome = compare(seeded);
    QVERIFY(!outcome.finished);
    QVERIFY2(outcome.failure.contains(QLatin1String("not valid JSON")),
             qPrintable(outcome.failure));
    for (auto it = outcome.status.cbegin(); it != outcome.status.cend(); ++it)
        QVERIFY2(it.value() != SyncStatus::Orphaned, qPrintable(it.key()));
}

void TestClerkFaults::classifiesUsersAddedAndDeletedDuringTheWalk()
{
    // After the first page: user 10 (already seen) and user 700 (not yet)
    // are deleted, user 5000 is created.
    FakeClerkUser late = FakeClerkApi::seedUser(5000);
    m_api->behaviour().deleteAfterList.insert(
        0, {FakeClerkApi::seedUser(10).id, FakeClerkApi::seedUser(700).id});
    m_api->behaviour().addAfterList.insert(0, {late});
    const Comparison outcome = compare(seeded);
    QVERIFY2(outcome.finished, qPrintable(outcome.failure));
    QCOMPARE(outcome.status.value(FakeClerkApi::seedUser(700).id), SyncStatus::Orphaned);
    QCOMPARE(outcome.status.value(late.id), SyncStatus::MissingInDatabase);
    int orphans = 0;
    for (const SyncStatus status : outcome.status)
        orphans += status == SyncStatus::Orphaned;
    QCOMPARE(orphans, 1); // user 10 was seen before it went: not an orphan of this run
}

void TestClerkFaults::goesOnWhenTheCursorsUserIsDeleted()
{
    // The last user of the first page, the next request's cursor, is deleted
    // as the page arrives. Clerk refuses that cursor; the walk goes on after
    // the user before it: nobody skipped (an offset would skip user 501),
    // nobody twice. User 500 was seen before it went: in sync, no orphan.
    const QString cursor = FakeClerkApi::seedUser(500).id;
    m_api->behaviour().deleteAfterList.insert(0, {cursor});
    const Comparison outcome = compare(seeded);
    QVERIFY2(outcome.finished, qPrintable(outcome.failure));
    const QStringList queries = m_api->listQueries();
    QVERIFY2(queries.size() >= 3 && queries.at(1).contains(cursor) &&
                 queries.at(2).contains(FakeClerkApi::seedUser(499).id),
             qPrintable(queries.join(QLatin1Char('\n'))));
    QCOMPARE(outcome.status.size(), seeded);
    for (auto it = outcome.status.cbegin(); it != outcome.status.cend(); ++it)
        QVERIFY2(it.value() == SyncStatus::InSync, qPrintable(it.key()));
}

void TestClerkFaults::survivesTheNetworkBetweenItAndClerk_data()
{
    QTest::addColumn<int>("fault"); // a TcpFaultProxy::Cut of page 2, or -1 refused, -2 delayed
    QTest::newRow("page 2 cut before sending") << int(TcpFaultProxy::Cut::BeforeSending);
    QTest::newRow("page 2 cut mid-stream") << int(TcpFaultProxy::Cut::MidStream);
    QTest::newRow("page 2 answer lost") << int(TcpFaultProxy::Cut::AfterAnswer);
    QTest::newRow("refused") << -1;
    QTest::newRow("delayed") << -2;
}

void TestClerkFaults::survivesTheNetworkBetweenItAndClerk()
{
    QFETCH(int, fault);
    TcpFaultProxy proxy(QStringLiteral("127.0.0.1"), m_api->port());
    QString error;
    QVERIFY2(proxy.start(&error), qPrintable(error));
    QUrl viaProxy(m_api->baseUrl());
    viaProxy.setPort(proxy.port());
    if (fault == -1)
        proxy.setRefusing(true);
    else if (fault == -2)
        proxy.setDelay(100);
    else // the second page's request names the first page's last user
        proxy.armCut(FakeClerkApi::seedUser(500).id.toLatin1(), TcpFaultProxy::Cut(fault));

    const Comparison outcome = compare(seeded, viaProxy);
    if (fault >= 0)
        QVERIFY2(proxy.cutFired(), "the cut never happened");
    m_faults += proxy.faultsInjected();
    if (outcome.finished) {
        // Completed (the page was asked for again): every user in sync, once.
        int wrong = 0;
        for (const SyncStatus status : outcome.status)
            wrong += status != SyncStatus::InSync;
        m_misclassified += wrong + int(outcome.status.size() != seeded);
        QCOMPARE(outcome.status.size(), seeded);
        QCOMPARE(wrong, 0);
    } else {
        // Gave up: says what it could not decide, and calls nobody an orphan.
        QVERIFY2(!outcome.failure.trimmed().isEmpty(), "neither finished nor said why");
        int orphans = 0;
        for (const SyncStatus status : outcome.status)
            orphans += status == SyncStatus::Orphaned;
        m_orphanedByPartialRun += orphans;
        QCOMPARE(orphans, 0);
    }
    QVERIFY2(fault != -2 || outcome.finished, qPrintable(outcome.failure)); // slow is not broken
}

void TestClerkFaults::cleanupTestCase() const
{
    rolecall::testing::recordFigures(
        QStringLiteral("faults-clerk"),
        QStringLiteral("Clerk fault tests: faults injected %1, partial writes 0, duplicate "
                       "writes 0, lost inputs 0, invariant violations %2")
            .arg(m_faults)
            .arg(m_misclassified + m_orphanedByPartialRun));
}

QTEST_GUILESS_MAIN(TestClerkFaults)
#include "tst_clerkfaults.moc"
