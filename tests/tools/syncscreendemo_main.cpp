// rolecall-sync-screen-demo: the Sync screen alone on demo-like data, for
// looking at it (xvfb-run + import -window root). Starts a throwaway
// PostgreSQL with N seed users and the fake Clerk API holding a mix of every
// status, signs nobody in (--admin: seed user 5, the ADMIN), and runs once.
#include "console/profilesyncservice.h"
#include "screens/syncscreen.h"
#include "services/memorysecretstore.h"
#include "support/fakeclerkapi.h"
#include "support/pgtestcluster.h"
#include "support/rolefixtures.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCommandLineParser>
#include <QTableView>
#include <QTimer>

using namespace rolecall;
using namespace rolecall::testing;

namespace {

class DemoDatabases : public RoleWriterDatabases
{
public:
    PgTestCluster *cluster() const { return m_cluster; }
};

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("The Sync screen on demo data."));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("users"), QStringLiteral("Database users (default 400)."),
         QStringLiteral("N"), QStringLiteral("400")},
        {QStringLiteral("admin"), QStringLiteral("Act as the seeded ADMIN (else read-only).")},
        {QStringLiteral("no-key"), QStringLiteral("Store no Clerk secret key.")},
        {QStringLiteral("select"),
         QStringLiteral("Select this Clerk ID after the run (else the first row)."),
         QStringLiteral("ID")},
        {QStringLiteral("open-missing"),
         QStringLiteral("After the run, open the sync-all-missing preview (needs --admin).")},
        {QStringLiteral("filter"), QStringLiteral("Show only this status (e.g. drifted)."),
         QStringLiteral("S")},
    });
    parser.process(app);
    const int count = std::max(40, parser.value(QStringLiteral("users")).toInt());

    DemoDatabases databases;
    QString error;
    if (!databases.start(&error)) {
        qCritical("rolecall-sync-screen-demo: %s", qPrintable(error));
        return 1;
    }
    const QString db = databases.freshDatabase(count);
    // Clerk: most seed users, some changed, some new, the last few gone.
    QList<FakeClerkUser> users = FakeClerkApi::seedUsers(1, count - 6);
    users += FakeClerkApi::seedUsers(count + 1, count + 12);
    for (int i = 0; i < users.size(); ++i) {
        FakeClerkUser &user = users[i];
        if (i % 37 == 3)
            user.emails = {QStringLiteral("renamed%1@example.test").arg(i)};
        if (i % 41 == 4)
            user.lastName = QStringLiteral("Married-Name");
        if (i == 6)
            user.emails = {emailOfSeedUser(8)};
    }
    FakeClerkApi api;
    api.setSecretKey(QByteArrayLiteral("sk_test_demo"));
    api.setUsers(users);
    if (!api.start())
        return 1;
    MemorySecretStore secrets;
    if (!parser.isSet(QStringLiteral("no-key")))
        secrets.write(
            SecretStore::profileKey(QStringLiteral("demo"), ProfileSyncService::secretKind()),
            QByteArrayLiteral("sk_test_demo"), &secrets, [](const SecretStore::Result &) {});
    ClerkApiSettings clerk;
    clerk.baseUrl = QUrl(api.baseUrl());
    clerk.pageSize = 50;

    SyncScreen screen;
    screen.setService(new ProfileSyncService(
        QStringLiteral("demo"), databases.cluster()->connection(db), clerk, &secrets, nullptr));
    if (parser.isSet(QStringLiteral("admin")))
        screen.setWriteAccess(true, admin());
    screen.resize(1280, 800);
    screen.move(0, 0);
    screen.show();
    const QString select = parser.value(QStringLiteral("select"));
    const std::optional<SyncStatus> filter =
        syncStatusFromName(parser.value(QStringLiteral("filter")));
    QObject::connect(screen.service(), &SyncService::runStarted, &screen, [&](SyncRun *run) {
        QObject::connect(run, &SyncRun::finished, &screen, [&] {
            if (filter)
                screen.countButton(filter)->click();
            QTableView *table = screen.table();
            table->selectRow(0);
            for (int row = 0; row < table->model()->rowCount(); ++row)
                if (table->model()->index(row, 0).data().toString() == select)
                    table->selectRow(row);
            if (parser.isSet(QStringLiteral("open-missing")))
                screen.openAction(SyncScreen::Action::SyncAllMissing);
        });
    });
    QTimer::singleShot(0, &screen, &SyncScreen::startRun);
    const int result = QApplication::exec();
    databases.removeConnections();
    return result;
}
