// The Sync screen on a Backend API profile, against rolecall-server (in this
// process, over a real PostgreSQL) and the fake Clerk Backend API, through
// the console's own ProfileSyncService: where the server holds the Clerk key
// it compares (GET /sync/status) and this side holds none, with the verdicts
// of a comparison made here over the same database; where it holds no key,
// the screen says so plainly.
#include "api/apidatasource.h"
#include "api/apisyncstore.h"
#include "clerk/clerkapiclient.h"
#include "console/profilesyncservice.h"
#include "itemmodels/syncstatusmodel.h"
#include "pg/pgsync.h"
#include "screens/syncscreen.h"
#include "services/memorysecretstore.h"
#include "support/pgtestcluster.h"
#include "support/rolefixtures.h"
#include "support/sourceparity.h"
#include "sync/syncrun.h"

#include <QMap>
#include <QPushButton>
#include <QTest>

using namespace rolecall;
using namespace rolecall::testing;

namespace {
constexpr int waitMs = 30000;
const QByteArray secret = QByteArrayLiteral("sk_test_syncscreenserver");
const QString profileName = QStringLiteral("api");
} // namespace

class TestSyncScreenServer final : public QObject, private RoleWriterDatabases
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void theServerComparesWithNoKeyOnThisDesktop();
    void aServerWithoutTheKeySaysSoPlainly();
    void cleanupTestCase();

private:
    // The screen over `sources`' API, with no Clerk key stored on this side.
    std::unique_ptr<SyncScreen> makeScreen(ParitySources &sources);
    // Each status's count of a comparison made here, with the key, over the database.
    QMap<SyncStatus, int> countsComparedHere();

    FakeClerkApi m_clerk;
    MemorySecretStore m_secrets; // empty: this desktop holds no Clerk key
    ParitySources m_withKey;
    ParitySources m_keyless;
    QString m_db;
};

void TestSyncScreenServer::initTestCase()
{
    QString error;
    if (!start(&error))
        QSKIP(qPrintable(error));
    QVERIFY(startParityClerk(m_clerk, secret));
    m_db = freshDatabase(20);
    QVERIFY(!m_db.isEmpty());
    QVERIFY2(m_withKey.open(SourceKind::Api, m_db, &error, withClerkKey(m_clerk, secret)),
             qPrintable(error));
    QVERIFY2(m_keyless.open(SourceKind::Api, m_db, &error), qPrintable(error));
}

void TestSyncScreenServer::cleanupTestCase()
{
    m_keyless.close();
    m_withKey.close();
    removeConnections();
}

std::unique_ptr<SyncScreen> TestSyncScreenServer::makeScreen(ParitySources &sources)
{
    auto *api = qobject_cast<ApiDataSource *>(&sources.source());
    if (!api)
        return nullptr;
    // The profile's Clerk URL is one this test never serves: only the
    // server may reach Clerk.
    ClerkApiSettings clerk;
    clerk.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:1/v1"));
    auto screen = std::make_unique<SyncScreen>();
    screen->setService(
        new ProfileSyncService(profileName, new ApiSyncStore(api), clerk, &m_secrets, nullptr));
    screen->resize(1200, 700);
    screen->show();
    return screen;
}

QMap<SyncStatus, int> TestSyncScreenServer::countsComparedHere()
{
    ClerkApiSettings settings;
    settings.baseUrl = QUrl(m_clerk.baseUrl());
    settings.secretKey = secret;
    ClerkApiClient client(settings, nullptr);
    PgSyncStore store(PgTestCluster::shared()->connection(m_db));
    SyncRun run(&store, &client);
    QMap<SyncStatus, int> counts;
    QObject::connect(&run, &SyncRun::recordsReady, this, [&counts](const QList<SyncRecord> &page) {
        for (const SyncRecord &record : page)
            for (const SyncStatus status : allSyncStatuses())
                counts[status] += record.matches(status) ? 1 : 0;
    });
    run.start();
    if (!QTest::qWaitFor([&run] { return !run.isRunning(); }, waitMs) || !run.isComplete())
        qWarning("the comparison here did not complete");
    return counts;
}

void TestSyncScreenServer::theServerComparesWithNoKeyOnThisDesktop()
{
    const int logged = int(m_withKey.server().logLines().size());
    auto screen = makeScreen(m_withKey);
    QVERIFY(screen);
    screen->startRun();
    QTRY_VERIFY_WITH_TIMEOUT(screen->startButton()->isEnabled() &&
                                 screen->service()->currentRun() &&
                                 screen->service()->currentRun()->isComplete(),
                             waitMs);
    QVERIFY2(screen->messageText().isEmpty(), qPrintable(screen->messageText()));
    const QStringList log = m_withKey.server().logLines().mid(logged);
    QVERIFY2(std::any_of(
                 log.cbegin(), log.cend(),
                 [](const QString &line) { return line.contains(QLatin1String("/sync/status")); }),
             qPrintable(log.join(QLatin1Char('\n'))));

    SyncStatusModel *model = screen->model();
    QCOMPARE(model->totalPeople(), 22);
    const QMap<SyncStatus, int> here = countsComparedHere();
    for (const SyncStatus status : allSyncStatuses())
        QCOMPARE(model->count(status), here.value(status));
    QCOMPARE(model->count(SyncStatus::MissingInDatabase), 2);
    QCOMPARE(model->count(SyncStatus::Orphaned), 2);
    QCOMPARE(model->count(SyncStatus::Drifted), 1);
}

void TestSyncScreenServer::aServerWithoutTheKeySaysSoPlainly()
{
    const int clerkCalls = m_clerk.requestCount();
    auto screen = makeScreen(m_keyless);
    QVERIFY(screen);
    screen->startRun();
    QTRY_VERIFY_WITH_TIMEOUT(!screen->messageText().isEmpty(), waitMs);
    QVERIFY2(screen->messageText().contains(QLatin1String("holds no Clerk secret key")),
             qPrintable(screen->messageText()));
    QVERIFY(screen->startButton()->isEnabled());
    QCOMPARE(m_clerk.requestCount(), clerkCalls);
}

QTEST_MAIN(TestSyncScreenServer)
#include "tst_syncscreenserver.moc"
