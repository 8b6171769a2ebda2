// The Sync screen on a Backend API profile, against rolecall-server (in this
// process, over a real PostgreSQL) and the fake Clerk Backend API, through
// the console's own ProfileSyncService: where the server holds the Clerk key
// it compares (GET /sync/status) and this side holds none, with the verdicts
// of a comparison made here over the same database; where it holds no key,
// the screen says so plainly. An admin whose ADMIN role ends while an action
// dialog is open is refused at Apply, and the window turns read-only with the
// writer's reason (the server's 403; the sync writer's refusal in database
// mode), the reason typed kept.
#include "api/apidatasource.h"
#include "api/apisyncstore.h"
#include "clerk/clerkapiclient.h"
#include "console/profilesyncservice.h"
#include "dialogs/syncactiondialog.h"
#include "itemmodels/syncstatusmodel.h"
#include "mainwindow.h"
#include "pg/pgsync.h"
#include "screens/syncscreen.h"
#include "services/boundsecret.h"
#include "services/memorysecretstore.h"
#include "support/fakesigninservice.h"
#include "support/pgtestcluster.h"
#include "support/rolefixtures.h"
#include "support/sourceparity.h"
#include "sync/syncrun.h"
#include "widgets/accountwidget.h"

#include <QItemSelectionModel>
#include <QLineEdit>
#include <QMap>
#include <QPushButton>
#include <QTableView>
#include <QTableWidget>
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
    void aRefusedActionTurnsTheWindowReadOnlyWithTheReason_data();
    void aRefusedActionTurnsTheWindowReadOnlyWithTheReason();
    void cleanupTestCase();

private:
    // The screen over `sources`' API, with no Clerk key stored on this side.
    std::unique_ptr<SyncScreen> makeScreen(ParitySources &sources);
    // Each status's count of a comparison made here, with the key, over the database.
    QMap<SyncStatus, int> countsComparedHere();
    // The console's sync service for a window on `sources` whose data source is `source`:
    // the server's (API), or a comparison here with the key stored (database).
    SyncService *windowSyncService(ParitySources &sources, DataSource *source);

    FakeClerkApi m_clerk;
    MemorySecretStore m_secrets;         // empty: this desktop holds no Clerk key
    MemorySecretStore m_databaseSecrets; // a database profile's key, stored here
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

SyncService *TestSyncScreenServer::windowSyncService(ParitySources &sources, DataSource *source)
{
    ClerkApiSettings clerk;
    if (auto *api = qobject_cast<ApiDataSource *>(source)) {
        clerk.baseUrl =
            QUrl(QStringLiteral("http://127.0.0.1:1/v1")); // only the server reaches Clerk
        return new ProfileSyncService(profileName, new ApiSyncStore(api), clerk, &m_secrets,
                                      nullptr);
    }
    clerk.baseUrl = QUrl(m_clerk.baseUrl());
    bool stored = false;
    // Stored as the console stores it: bound to the Clerk API's origin.
    m_databaseSecrets.write(SecretStore::profileKey(profileName, ProfileSyncService::secretKind()),
                            packBoundSecret(secret, originOf(clerk.baseUrl)), &m_databaseSecrets,
                            [&stored](const SecretStore::Result &) { stored = true; });
    if (!QTest::qWaitFor([&stored] { return stored; }, waitMs))
        qWarning("the secret store did not answer");
    return new ProfileSyncService(profileName,
                                  PgTestCluster::shared()->connection(sources.database()), clerk,
                                  &m_databaseSecrets, nullptr);
}

void TestSyncScreenServer::aRefusedActionTurnsTheWindowReadOnlyWithTheReason_data()
{
    QTest::addColumn<bool>("api");
    QTest::newRow("backend API: the server's 403") << true;
    QTest::newRow("database: the sync writer's refusal") << false;
}

void TestSyncScreenServer::aRefusedActionTurnsTheWindowReadOnlyWithTheReason()
{
    QFETCH(bool, api);
    // A database of its own: the admin's role ends in it.
    ParitySources sources;
    QString error;
    const QString db = freshDatabase(20);
    QVERIFY(!db.isEmpty());
    QVERIFY2(sources.open(api ? SourceKind::Api : SourceKind::Pg, db, &error,
                          withClerkKey(m_clerk, secret)),
             qPrintable(error));
    FakeSignInService signIn;
    signIn.succeed(identityOfSeedUser(5));
    auto window = std::make_unique<MainWindow>(MainWindow::DataSourceFactory{});
    window->setSignInService(&signIn);
    std::unique_ptr<DataSource> source = sources.newSource(5);
    SyncService *service = windowSyncService(sources, source.get());
    window->setDataSource(source.release());
    window->setSyncService(service);
    window->show();
    QTRY_VERIFY_WITH_TIMEOUT(window->canWrite(), waitMs);
    SyncScreen *screen = window->syncScreen();
    QVERIFY(screen->canWrite());
    screen->startRun();
    QTRY_VERIFY_WITH_TIMEOUT(screen->startButton()->isEnabled() && service->currentRun() &&
                                 service->currentRun()->isComplete(),
                             waitMs);

    // End the grants of seed users 19 and 20 (in the database, not in Clerk):
    // a reason, a preview, and then, before Apply, the admin is no longer one.
    screen->countButton(SyncStatus::Orphaned)->click();
    QTableView *table = screen->table();
    table->clearSelection();
    for (int row = 0; row < table->model()->rowCount(); ++row)
        table->selectionModel()->select(table->model()->index(row, 0),
                                        QItemSelectionModel::Select | QItemSelectionModel::Rows);
    QCOMPARE(table->selectionModel()->selectedRows().size(), 2);
    SyncActionDialog *dialog = screen->openAction(SyncScreen::Action::EndGrants);
    QVERIFY(dialog);
    dialog->reasonField()->setText(QStringLiteral("left Clerk in the spring"));
    dialog->previewButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(dialog->stage(), SyncActionDialog::Stage::Previewed, waitMs);
    QCOMPARE(dialog->failures(), 0);
    QVERIFY(dialog->applyButton()->isEnabled());
    const QString handedOver = handAdminOver(db);
    QVERIFY2(handedOver.isEmpty(), qPrintable(handedOver));
    QVERIFY(window->canWrite()); // the console has not asked since

    const QString before = checksum(db);
    dialog->applyButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(!window->canWrite(), waitMs);
    QCOMPARE(dialog->stage(), SyncActionDialog::Stage::Applied);
    // The writer's reason, on the refused row (19's: 20 holds no grant, so
    // nothing to do) and as the window's read-only reason.
    QTableWidget *results = dialog->resultsView();
    QCOMPARE(results->item(0, 0)->text(), clerkIdOfSeedUser(19));
    QCOMPARE(results->item(0, 1)->text(), QStringLiteral("Failed"));
    const QString refusal = results->item(0, 2)->text();
    QCOMPARE(refusal, QStringLiteral("Only an active ADMIN may change roles; %1 is not one.")
                          .arg(emailOfSeedUser(5)));
    QVERIFY2(window->readOnlyReason().contains(refusal), qPrintable(window->readOnlyReason()));
    QVERIFY(window->accountWidget()->isReadOnly());
    QVERIFY(!screen->canWrite());
    QPushButton *endGrants = screen->actionButton(SyncScreen::Action::EndGrants);
    QVERIFY(!endGrants->isEnabled());
    QCOMPARE(endGrants->toolTip(), window->readOnlyReason());
    QVERIFY(!dialog->applyButton()->isEnabled());
    // What was typed stays; nothing was written.
    QVERIFY(dialog->isVisible());
    QCOMPARE(dialog->reasonField()->text(), QStringLiteral("left Clerk in the spring"));
    QCOMPARE(checksum(db), before);
    dialog->close();
    window->setSignInService(nullptr);
    window.reset(); // before its data source's server stops
}

QTEST_MAIN(TestSyncScreenServer)
#include "tst_syncscreenserver.moc"
