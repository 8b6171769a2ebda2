// The Sync screen on the offscreen platform, against a real PostgreSQL and
// the fake Clerk Backend API, through the console's own ProfileSyncService:
// counts and filters, the diff pane, progress with partial results, an
// action's preview and apply, read-only mode, and the missing-key message.
#include "console/profilesyncservice.h"
#include "dialogs/syncactiondialog.h"
#include "itemmodels/syncstatusmodel.h"
#include "pg/pgdatasource.h"
#include "screens/syncscreen.h"
#include "services/boundsecret.h"
#include "services/memorysecretstore.h"
#include "support/fakeclerkapi.h"
#include "support/pgtestcluster.h"
#include "support/rolefixtures.h"
#include "widgets/syncstatusbadge.h"

#include <QAbstractButton>
#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace rolecall;
using namespace rolecall::testing;

namespace {

constexpr int waitMs = 30000;
const QByteArray secret = QByteArrayLiteral("sk_test_syncscreen");
const QString profileName = QStringLiteral("demo");

QString id(int n)
{
    return clerkIdOfSeedUser(n);
}

} // namespace

class TestSyncScreen : public QObject, public RoleWriterDatabases
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void countsFilterAndSearch();
    void diffPaneShowsTheSelectedPerson();
    void progressWithPartialResultsAndCancel();
    void previewsAndAppliesAnAction();
    void endingGrantsNeedsAReason();
    void readOnlyDisablesActions();
    void explainsAMissingKeyAndApiFailures();
    void exportsAndCopiesRows();
    void badgeShowsOneUser();
    void closesInTheMiddleOfARun();
    void cleanupTestCase() { removeConnections(); }

private:
    // A screen on the Akako database through the console's service; the key
    // stored unless `storeKey` is false.
    std::unique_ptr<SyncScreen> makeScreen(bool storeKey = true, int pageSize = 500);
    bool runToEnd(SyncScreen &screen);
    bool select(SyncScreen &screen, const QStringList &clerkIds);

    std::unique_ptr<FakeClerkApi> m_api;
    std::unique_ptr<MemorySecretStore> m_secrets;
    QString m_db;
};

void TestSyncScreen::initTestCase()
{
    QString error;
    QVERIFY2(start(&error), qPrintable(error));
}

// As tst_pgsync: seed users 1..30 in the database (10, 20, 30 without
// LEARNER; 5 the ADMIN); Clerk holds 1..28 and 31..33, 3 and 4 changed, 6
// taking user 8's email and 33 taking user 7's.
void TestSyncScreen::init()
{
    m_api = std::make_unique<FakeClerkApi>();
    m_api->setSecretKey(secret);
    QVERIFY(m_api->start());
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
    m_db = freshDatabase(30);
    QVERIFY(!m_db.isEmpty());
    PgDataSource source(m_cluster->connection(m_db));
    QVERIFY(source.installAuditTable(admin()).result());
    m_secrets = std::make_unique<MemorySecretStore>();
}

std::unique_ptr<SyncScreen> TestSyncScreen::makeScreen(bool storeKey, int pageSize)
{
    if (storeKey) {
        bool stored = false;
        // Stored as the console stores it: bound to the Clerk API's origin.
        m_secrets->write(SecretStore::profileKey(profileName, ProfileSyncService::secretKind()),
                         packBoundSecret(secret, originOf(QUrl(m_api->baseUrl()))), m_secrets.get(),
                         [&stored](const SecretStore::Result &) { stored = true; });
        if (!QTest::qWaitFor([&stored] { return stored; }, waitMs))
            qWarning("the secret store did not answer");
    }
    ClerkApiSettings clerk;
    clerk.baseUrl = QUrl(m_api->baseUrl());
    clerk.pageSize = pageSize;
    clerk.backoffStartMs = 50;
    auto screen = std::make_unique<SyncScreen>();
    screen->setService(new ProfileSyncService(profileName, m_cluster->connection(m_db), clerk,
                                              m_secrets.get(), nullptr));
    screen->resize(1200, 700);
    screen->show();
    return screen;
}

bool TestSyncScreen::runToEnd(SyncScreen &screen)
{
    screen.startRun();
    return QTest::qWaitFor(
        [&screen] {
            return screen.startButton()->isEnabled() && screen.service()->currentRun() &&
                   screen.service()->currentRun()->isComplete();
        },
        waitMs);
}

bool TestSyncScreen::select(SyncScreen &screen, const QStringList &clerkIds)
{
    QTableView *table = screen.table();
    table->clearSelection();
    int found = 0;
    for (int row = 0; row < table->model()->rowCount(); ++row) {
        const QModelIndex index = table->model()->index(row, SyncStatusModel::ClerkIdColumn);
        if (clerkIds.contains(index.data().toString())) {
            table->selectionModel()->select(index, QItemSelectionModel::Select |
                                                       QItemSelectionModel::Rows);
            ++found;
        }
    }
    return found == clerkIds.size();
}

void TestSyncScreen::countsFilterAndSearch()
{
    auto screen = makeScreen();
    QAbstractItemModelTester tester(screen->table()->model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(runToEnd(*screen));
    QVERIFY2(screen->messageText().isEmpty(), qPrintable(screen->messageText()));
    SyncStatusModel *model = screen->model();
    QCOMPARE(model->totalPeople(), 33);
    QCOMPARE(model->count(SyncStatus::MissingInDatabase), 2);
    QCOMPARE(model->count(SyncStatus::Orphaned), 2);
    QCOMPARE(model->count(SyncStatus::Drifted), 2);
    QCOMPARE(model->count(SyncStatus::EmailConflict), 2);
    QCOMPARE(screen->countButton(SyncStatus::Drifted)->text(), QStringLiteral("Drifted 2"));
    QCOMPARE(screen->countButton(std::nullopt)->text(), QStringLiteral("Everyone 33"));
    QCOMPARE(screen->table()->model()->rowCount(), 33);

    // A count is a filter.
    screen->countButton(SyncStatus::MissingInDatabase)->click();
    QCOMPARE(screen->table()->model()->rowCount(), 2);
    QVERIFY(select(*screen, {id(31), id(32)}));
    screen->countButton(std::nullopt)->click();
    QCOMPARE(screen->table()->model()->rowCount(), 33);

    // The search looks at Clerk ID, email and name.
    screen->searchField()->setText(id(31));
    QCOMPARE(screen->table()->model()->rowCount(), 1);
    screen->searchField()->setText(QStringLiteral("USER3.NEW@"));
    QCOMPARE(screen->table()->model()->rowCount(), 1);
    QCOMPARE(screen->table()->model()->index(0, 0).data().toString(), id(3));
    screen->searchField()->clear();
    QCOMPARE(screen->table()->model()->rowCount(), 33);
}

void TestSyncScreen::diffPaneShowsTheSelectedPerson()
{
    auto screen = makeScreen();
    QVERIFY(runToEnd(*screen));
    screen->countButton(SyncStatus::Drifted)->click();
    QVERIFY(select(*screen, {id(3)}));
    QTableWidget *diff = screen->diffView();
    QCOMPARE(diff->rowCount(), 1);
    QCOMPARE(diff->item(0, 0)->text(), QStringLiteral("email"));
    QCOMPARE(diff->item(0, 1)->text(), QStringLiteral("user3.new@example.test"));
    QCOMPARE(diff->item(0, 2)->text(), emailOfSeedUser(3));
    QVERIFY(screen->selectedSummary().contains(id(3)));

    screen->countButton(SyncStatus::EmailConflict)->click();
    QVERIFY(select(*screen, {id(6)}));
    QVERIFY2(screen->selectedSummary().contains(id(8)), qPrintable(screen->selectedSummary()));
    QVERIFY(select(*screen, {id(6), id(33)}));
    QCOMPARE(diff->rowCount(), 0);
    QVERIFY(screen->selectedSummary().contains(QLatin1String("2 person")));
}

void TestSyncScreen::progressWithPartialResultsAndCancel()
{
    m_api->behaviour().pageDelayMs = 300;
    auto screen = makeScreen(true, 5); // seven pages
    screen->startRun();
    QVERIFY(!screen->startButton()->isEnabled());
    QTRY_COMPARE_WITH_TIMEOUT(screen->progressBar()->maximum(), 31, waitMs);
    // Partial results: rows while the run goes on.
    QTRY_VERIFY_WITH_TIMEOUT(screen->table()->model()->rowCount() > 0, waitMs);
    QVERIFY(screen->cancelButton()->isEnabled());
    QVERIFY(screen->progressBar()->value() < 31);
    QVERIFY(screen->progressText().contains(QLatin1String("of 31")));
    QTRY_VERIFY_WITH_TIMEOUT(screen->service()->currentRun()->isComplete(), waitMs);
    QCOMPARE(screen->progressBar()->value(), screen->progressBar()->maximum());
    QCOMPARE(screen->model()->totalPeople(), 33);

    // Cancel: stopped, said so, nobody called an orphan.
    QSignalSpy started(screen->service(), &SyncService::runStarted);
    screen->startRun();
    QTRY_VERIFY_WITH_TIMEOUT(started.size() == 1 && screen->table()->model()->rowCount() > 0,
                             waitMs);
    screen->cancelButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(screen->startButton()->isEnabled(), waitMs);
    QVERIFY2(screen->messageText().contains(QLatin1String("Cancelled")),
             qPrintable(screen->messageText()));
    QCOMPARE(screen->model()->count(SyncStatus::Orphaned), 0);
    QVERIFY(!screen->actionButton(SyncScreen::Action::SyncAllMissing)->isEnabled());

    // Cancelled while the key is still being read: no run starts at all.
    screen->startRun();
    screen->cancelRun();
    QTRY_VERIFY_WITH_TIMEOUT(screen->startButton()->isEnabled(), waitMs);
    QVERIFY(screen->messageText().contains(QLatin1String("Cancelled")));
    // The store answers in turn: once a later read is answered, the key came back too.
    bool answered = false;
    m_secrets->read(QStringLiteral("later"), this,
                    [&answered](const SecretStore::Result &) { answered = true; });
    QTRY_VERIFY(answered);
    QCOMPARE(started.size(), 1);
}

void TestSyncScreen::previewsAndAppliesAnAction()
{
    auto screen = makeScreen();
    screen->setWriteAccess(true, admin());
    QVERIFY(runToEnd(*screen));
    const auto users = [this] {
        return scalar(m_db, QStringLiteral(R"(SELECT count(*) FROM "User")")).toInt();
    };
    QPushButton *syncMissing = screen->actionButton(SyncScreen::Action::SyncAllMissing);
    QSignalSpy started(screen->service(), &SyncService::runStarted);
    QVERIFY(syncMissing->isEnabled());

    // Sync selected with an email conflict among them: that one fails, shown per user.
    QVERIFY(select(*screen, {id(31), id(6)}));
    SyncActionDialog *dialog = screen->openAction(SyncScreen::Action::SyncSelected);
    QVERIFY(dialog);
    QTRY_COMPARE_WITH_TIMEOUT(dialog->stage(), SyncActionDialog::Stage::Previewed, waitMs);
    QCOMPARE(dialog->failures(), 1);
    QCOMPARE(users(), 30); // a preview writes nothing
    dialog->reject();

    // All missing: preview, then apply.
    QSignalSpy opened(screen.get(), &SyncScreen::actionDialogOpened);
    syncMissing->click();
    QCOMPARE(opened.size(), 1);
    dialog = opened.first().first().value<SyncActionDialog *>();
    QVERIFY(dialog && dialog->isVisible());
    QTRY_COMPARE_WITH_TIMEOUT(dialog->stage(), SyncActionDialog::Stage::Previewed, waitMs);
    QTableWidget *results = dialog->resultsView();
    QCOMPARE(results->rowCount(), 2);
    QCOMPARE(results->item(0, 1)->text(), QStringLiteral("Would create"));
    QCOMPARE(users(), 30);
    QVERIFY(dialog->summaryLabel()->text().contains(QLatin1String("Nothing was written")));
    QVERIFY(dialog->applyButton()->isEnabled());
    dialog->applyButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(dialog->stage(), SyncActionDialog::Stage::Applied, waitMs);
    QCOMPARE(dialog->progressBar()->value(), 2);
    QCOMPARE(dialog->failures(), 0);
    QCOMPARE(results->item(1, 1)->text(), QStringLiteral("Created"));
    QVERIFY(dialog->summaryLabel()->text().contains(QLatin1String("2 changed")));
    QCOMPARE(users(), 32);
    // The screen compares again: nobody is missing now.
    QTRY_VERIFY_WITH_TIMEOUT(started.size() == 1 && screen->service()->currentRun()->isComplete() &&
                                 screen->startButton()->isEnabled(),
                             waitMs);
    QCOMPARE(screen->model()->count(SyncStatus::MissingInDatabase), 0);
    dialog->close();
}

void TestSyncScreen::endingGrantsNeedsAReason()
{
    auto screen = makeScreen();
    screen->setWriteAccess(true, admin());
    QVERIFY(runToEnd(*screen));
    screen->countButton(SyncStatus::Orphaned)->click();
    QVERIFY(select(*screen, {id(29), id(30)}));
    SyncActionDialog *dialog = screen->openAction(SyncScreen::Action::EndGrants);
    QVERIFY(dialog);
    QCOMPARE(dialog->stage(), SyncActionDialog::Stage::NeedsReason);
    QVERIFY(!dialog->previewButton()->isEnabled());
    QVERIFY(!dialog->applyButton()->isEnabled());
    dialog->reasonField()->setText(QStringLiteral("left Clerk"));
    QVERIFY(dialog->previewButton()->isEnabled());
    dialog->previewButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(dialog->stage(), SyncActionDialog::Stage::Previewed, waitMs);
    QCOMPARE(dialog->failures(), 0);
    const QString active = QStringLiteral(
        R"(SELECT count(*) FROM "UserRole" r JOIN "User" u ON u."id" = r."userId"
           WHERE u."clerkId" = ? AND r."isActive")");
    QVERIFY(scalar(m_db, active, {id(29)}).toInt() > 0);
    dialog->applyButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(dialog->stage(), SyncActionDialog::Stage::Applied, waitMs);
    QCOMPARE(scalar(m_db, active, {id(29)}).toInt(), 0);
    dialog->close();
}

void TestSyncScreen::readOnlyDisablesActions()
{
    auto screen = makeScreen();
    QVERIFY(runToEnd(*screen));
    QVERIFY(!screen->canWrite());
    for (const SyncScreen::Action action :
         {SyncScreen::Action::SyncSelected, SyncScreen::Action::SyncAllMissing,
          SyncScreen::Action::SyncAllDrifted, SyncScreen::Action::GrantDefaultRole,
          SyncScreen::Action::EndGrants}) {
        QPushButton *button = screen->actionButton(action);
        QVERIFY(!button->isEnabled());
        QVERIFY(button->toolTip().contains(QLatin1String("Read-only")));
        QVERIFY(!button->accessibleName().isEmpty());
    }
    QVERIFY(!screen->openAction(SyncScreen::Action::SyncAllMissing));
    QVERIFY(screen->messageText().contains(QLatin1String("ADMIN")));
    screen->setWriteAccess(true, admin());
    QVERIFY(screen->actionButton(SyncScreen::Action::SyncAllDrifted)->isEnabled());
    screen->setWriteAccess(false);
    QVERIFY(!screen->actionButton(SyncScreen::Action::SyncAllDrifted)->isEnabled());
}

void TestSyncScreen::explainsAMissingKeyAndApiFailures()
{
    auto screen = makeScreen(false);
    screen->startRun();
    QTRY_VERIFY_WITH_TIMEOUT(!screen->messageText().isEmpty(), waitMs);
    const QString message = screen->messageText();
    QVERIFY2(message.contains(QLatin1String("no Clerk secret key")), qPrintable(message));
    QVERIFY(message.contains(QLatin1String("grants full access")));
    QVERIFY(
        message.contains(QLatin1String("rolecallctl profiles set-secret demo clerk-secret-key")));
    QVERIFY(screen->startButton()->isEnabled());
    QCOMPARE(screen->progressBar()->maximum(), 1); // not busy any more
    QCOMPARE(m_api->requestCount(), 0);

    // A key entered for another Clerk API: not sent there, asked for again.
    bool stored = false;
    m_secrets->write(SecretStore::profileKey(profileName, ProfileSyncService::secretKind()),
                     packBoundSecret(secret, QStringLiteral("https://api.clerk.com")),
                     m_secrets.get(), [&stored](const SecretStore::Result &) { stored = true; });
    QTRY_VERIFY(stored);
    screen->startRun();
    QTRY_VERIFY_WITH_TIMEOUT(screen->messageText().contains(QLatin1String("not sent there")),
                             waitMs);
    QCOMPARE(m_api->requestCount(), 0);

    // A wrong key: Clerk says 401, the screen says the run failed, never the key.
    stored = false;
    m_secrets->write(
        SecretStore::profileKey(profileName, ProfileSyncService::secretKind()),
        packBoundSecret(QByteArrayLiteral("sk_test_wrong"), originOf(QUrl(m_api->baseUrl()))),
        m_secrets.get(), [&stored](const SecretStore::Result &) { stored = true; });
    QTRY_VERIFY(stored);
    screen->startRun();
    QTRY_VERIFY_WITH_TIMEOUT(screen->messageText().contains(QLatin1String("did not complete")),
                             waitMs);
    QVERIFY(!screen->messageText().contains(QLatin1String("sk_test_wrong")));
    QVERIFY(m_api->unauthorizedCount() > 0);
    QVERIFY(screen->startButton()->isEnabled());
}

void TestSyncScreen::exportsAndCopiesRows()
{
    m_api->addUser([] {
        FakeClerkUser user = FakeClerkApi::seedUser(40);
        user.firstName = QStringLiteral("=HYPERLINK(\"x\")");
        return user;
    }());
    auto screen = makeScreen();
    QVERIFY(runToEnd(*screen));
    screen->countButton(SyncStatus::MissingInDatabase)->click();
    QCOMPARE(screen->table()->model()->rowCount(), 3);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("sync.csv"));
    QString error;
    QVERIFY2(screen->exportCsv(path, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString csv = QString::fromUtf8(file.readAll());
    QCOMPARE(csv.count(QStringLiteral("\r\n")), 4); // header and three people
    QVERIFY(csv.startsWith(QLatin1String("\"Clerk ID\",\"Status\",")));
    QVERIFY2(csv.contains(QLatin1String("'=HYPERLINK")), qPrintable(csv)); // formula guard
    QVERIFY(!screen->exportCsv(dir.filePath(QStringLiteral("no/such/dir.csv")), &error));
    QVERIFY(!error.isEmpty());

    QVERIFY(select(*screen, {id(31)}));
    screen->copySelectedRows();
    const QString copied = QApplication::clipboard()->text();
    QCOMPARE(copied.count(QLatin1Char('\n')), 2);
    QVERIFY(copied.contains(id(31) + QLatin1Char('\t')));
}

void TestSyncScreen::badgeShowsOneUser()
{
    auto screen = makeScreen();
    SyncStatusBadge badge(screen->model(), id(3));
    QVERIFY(badge.text().contains(QLatin1String("not checked")));
    QVERIFY(runToEnd(*screen));
    QCOMPARE(badge.text(), QStringLiteral("Sync: Drifted (email)"));
    badge.setClerkId(id(10));
    QCOMPARE(badge.text(), QStringLiteral("Sync: No default role"));
    badge.setClerkId(id(1));
    QCOMPARE(badge.text(), QStringLiteral("Sync: In sync"));
    QVERIFY(!badge.accessibleName().isEmpty());
}

void TestSyncScreen::closesInTheMiddleOfARun()
{
    m_api->behaviour().pageDelayMs = 200;
    auto screen = makeScreen(true, 5);
    screen->startRun();
    QTRY_VERIFY_WITH_TIMEOUT(screen->table()->model()->rowCount() > 0, waitMs);
    screen.reset(); // the run goes with it, reporting to nobody
    // A fixed wait: what is checked is that nothing happens (no crash) when the
    // page on its way (200 ms) comes back, and no signal is left to wait on.
    QTest::qWait(300);
}

QTEST_MAIN(TestSyncScreen)
#include "tst_syncscreen.moc"
