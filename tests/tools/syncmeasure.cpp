#include "syncmeasure.h"

#include "phasewatch.h"

#include "console/profilesyncservice.h"
#include "itemmodels/syncstatusmodel.h"
#include "screens/syncscreen.h"
#include "services/boundsecret.h"
#include "services/memorysecretstore.h"
#include "support/fakeclerkapi.h"
#include "sync/syncrun.h"

#include <QAbstractButton>
#include <QLineEdit>
#include <QTableView>
#include <QThread>

#include <algorithm>
#include <limits>

namespace rolecall {

namespace {

const QString profile = QStringLiteral("measure");
const QByteArray secretKey = QByteArrayLiteral("sk_test_measure");

} // namespace

bool measureSyncScreen(const ConnectionSettings &connection, int clerkUsers, PhaseWatch &watch)
{
    using testing::FakeClerkApi;
    QThread serverThread;
    auto *api = new FakeClerkApi;
    api->setSecretKey(secretKey);
    api->behaviour().rateLimit = std::numeric_limits<int>::max(); // the screen, not the limit
    api->setUsers(FakeClerkApi::seedUsers(1, clerkUsers));
    api->prepareAll();
    const bool listening = api->startOnThread(serverThread);
    const auto stopServer = [&serverThread] {
        serverThread.quit();
        serverThread.wait();
    };
    if (!listening) {
        qCritical("the fake Clerk API could not listen");
        stopServer();
        return false;
    }

    ClerkApiSettings clerk;
    clerk.baseUrl = QUrl(api->baseUrl());
    clerk.rateLimit = std::numeric_limits<int>::max() / 2;
    MemorySecretStore secrets;
    secrets.write(SecretStore::profileKey(profile, ProfileSyncService::secretKind()),
                  packBoundSecret(secretKey, originOf(clerk.baseUrl)), &secrets,
                  [](const SecretStore::Result &) {});

    bool ok = true;
    const auto check = [&ok](bool done, const char *what) {
        if (!done)
            qCritical("%s: not done within %lld s", what, phaseTimeoutMs / 1000);
        ok = ok && done;
    };
    {
        SyncScreen screen;
        screen.setService(
            new ProfileSyncService(profile, connection, clerk, &secrets, nullptr, &screen));
        screen.resize(1200, 760);
        screen.show();
        settle(200);

        bool finished = false;
        QString failure;
        QObject::connect(screen.service(), &SyncService::runStarted, &screen, [&](SyncRun *run) {
            QObject::connect(run, &SyncRun::finished, &screen, [&finished] { finished = true; });
            QObject::connect(run, &SyncRun::failed, &screen, [&](const QString &message) {
                failure = message;
                finished = true;
            });
        });
        QObject::connect(screen.service(), &SyncService::runRefused, &screen,
                         [&](const QString &message) {
                             failure = message;
                             finished = true;
                         });

        watch.begin("sync: compare until every row is shown");
        QElapsedTimer timer;
        timer.start();
        screen.startRun();
        check(waitFor([&] { return finished; }), "sync run");
        qInfo("%-40s %9.1f ms (%d Clerk users, %d rows)", "sync: every row shown", msSince(timer),
              clerkUsers, screen.model()->rowCount());
        watch.end();
        if (!failure.isEmpty()) {
            qCritical("sync: %s", qUtf8Printable(failure));
            ok = false;
        }

        QTableView *table = screen.table();
        watch.begin("sync: scroll 20 pages");
        for (int page = 1; page <= 20; ++page) {
            const int row = std::min(page * 200, table->model()->rowCount() - 1);
            table->scrollTo(table->model()->index(row, 0), QAbstractItemView::PositionAtTop);
            settle(20);
        }
        watch.end();

        watch.begin("sync: search \"user12345@\" typed");
        screen.searchField()->setText(QStringLiteral("user12345@"));
        settle(100); // the proxy filters as the text changes
        watch.end();
        qInfo("  (%d rows match)", table->model()->rowCount());

        watch.begin("sync: search cleared");
        screen.searchField()->clear();
        settle(100);
        watch.end();

        watch.begin("sync: status filter no-default-role and back");
        screen.countButton(SyncStatus::NoDefaultRole)->click();
        settle(300);
        qInfo("  (%d rows without the default role)", table->model()->rowCount());
        screen.countButton(std::nullopt)->click();
        settle(300);
        watch.end();
    }
    stopServer();
    return ok;
}

} // namespace rolecall
