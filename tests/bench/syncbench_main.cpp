// rolecall-sync-bench: sync status of N Clerk users (the fake Clerk Backend
// API, on its own thread) against N database users in a throwaway PostgreSQL,
// with a known mix of statuses. Prints JSON: the comparison time, the total
// run time, and the floor the rate limit imposes (requests / allowed rate).
// Run by hand; not a test.
#include "clerk/clerkapiclient.h"
#include "pg/pgsync.h"
#include "support/fakeclerkapi.h"
#include "support/pgtestcluster.h"
#include "support/testdata.h"
#include "sync/syncrun.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>
#include <QTimer>

#include <array>

using namespace rolecall;
using rolecall::testing::FakeClerkApi;
using rolecall::testing::FakeClerkUser;

namespace {

// The mix, by seed number n (1..N; the seed gives LEARNER to n % 10 != 0):
//   n % 50 == 25   not in Clerk            -> orphaned        (2 %)
//   n % 100 == 7   last name changed       -> drifted         (1 %)
//   n % 1000 == 3  takes user n+1's email  -> email conflict  (0.1 %)
//   n % 10 == 0    no LEARNER              -> no default role (10 %)
//   N+1 .. N+N/50  only in Clerk           -> missing         (2 %)
QList<FakeClerkUser> clerkUsers(int n)
{
    QList<FakeClerkUser> users;
    users.reserve(n + n / 50);
    for (int i = 1; i <= n + n / 50; ++i) {
        if (i <= n && i % 50 == 25)
            continue;
        FakeClerkUser user = FakeClerkApi::seedUser(i);
        if (i <= n && i % 100 == 7)
            user.lastName = QStringLiteral("Changed");
        if (i <= n && i % 1000 == 3)
            user.emails = {QStringLiteral("user%1@example.test").arg(i + 1)};
        users.append(user);
    }
    return users;
}

QJsonObject expectedCounts(int n)
{
    int orphaned = 0;
    int drifted = 0;
    int conflict = 0;
    int noRole = 0;
    for (int i = 1; i <= n; ++i) {
        if (i % 50 == 25)
            ++orphaned;
        else if (i % 1000 == 3)
            ++conflict;
        else if (i % 100 == 7)
            ++drifted;
        else if (i % 10 == 0)
            ++noRole;
    }
    const int missing = n / 50;
    return QJsonObject{{QStringLiteral("orphaned"), orphaned},
                       {QStringLiteral("drifted"), drifted},
                       {QStringLiteral("email-conflict"), conflict},
                       {QStringLiteral("no-default-role"), noRole},
                       {QStringLiteral("missing"), missing},
                       {QStringLiteral("in-sync"),
                        n + missing - orphaned - drifted - conflict - noRole - missing}};
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Sync status benchmark."));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("users"), QStringLiteral("Database users (default 100000)."),
         QStringLiteral("N"), QStringLiteral("100000")},
        {QStringLiteral("rate"),
         QStringLiteral("Clerk requests allowed per 10 s, client and fake (default 100)."),
         QStringLiteral("N"), QStringLiteral("100")},
        {QStringLiteral("json"), QStringLiteral("Also write the JSON here."),
         QStringLiteral("FILE")},
    });
    parser.process(app);
    const int n = parser.value(QStringLiteral("users")).toInt();
    const int rate = parser.value(QStringLiteral("rate")).toInt();
    if (n < 1000 || rate < 1) {
        qCritical("--users must be at least 1000 and --rate at least 1");
        return 2;
    }

    auto *cluster = rolecall::testing::PgTestCluster::shared();
    if (!cluster) {
        qCritical("%s", qPrintable(rolecall::testing::PgTestCluster::startError()));
        return 1;
    }
    QString error;
    const QString db = cluster->createDatabase(rolecall::testing::Fixture::AkakoLms, &error);
    if (db.isEmpty() || !rolecall::testing::seedAkakoUsers(*cluster, db, n, &error)) {
        qCritical("%s", qPrintable(error));
        return 1;
    }

    // The fake serves from its own thread, as a remote server would.
    const QByteArray key = QByteArrayLiteral("sk_test_syncbench");
    QThread serverThread;
    auto *api = new FakeClerkApi;
    api->setSecretKey(key);
    api->behaviour().rateLimit = rate;
    api->setUsers(clerkUsers(n));
    api->prepareAll();
    if (!api->startOnThread(serverThread)) {
        qCritical("the fake Clerk API could not listen");
        return 1;
    }

    ClerkApiSettings settings;
    settings.baseUrl = QUrl(api->baseUrl());
    settings.secretKey = key;
    settings.rateLimit = rate;
    PgSyncStore store(cluster->connection(db));
    ClerkApiClient client(settings, nullptr);
    SyncRun run(&store, &client);
    std::array<qint64, syncStatusCount> counts{};
    qint64 people = 0;
    QObject::connect(&run, &SyncRun::recordsReady, &app, [&](const QList<SyncRecord> &records) {
        people += records.size();
        for (const SyncRecord &record : records)
            ++counts[std::size_t(record.status)];
    });
    QString failure;
    qint64 snapshotMs = -1;
    QElapsedTimer timer;
    QObject::connect(&run, &SyncRun::snapshotLoaded, &app, [&] { snapshotMs = timer.elapsed(); });
    QObject::connect(&run, &SyncRun::finished, &app, &QCoreApplication::quit);
    QObject::connect(&run, &SyncRun::failed, &app, [&](const QString &message) {
        failure = message;
        QCoreApplication::quit();
    });
    timer.start();
    QTimer::singleShot(0, &run, &SyncRun::start);
    QCoreApplication::exec();
    const qint64 totalMs = timer.elapsed();
    int rateLimited = 0;
    QMetaObject::invokeMethod(
        api, [api] { return api->rateLimitedCount(); }, Qt::BlockingQueuedConnection, &rateLimited);
    serverThread.quit();
    serverThread.wait();
    if (!failure.isEmpty()) {
        qCritical("sync status failed: %s", qPrintable(failure));
        return 1;
    }

    const int requests = client.requestsSent();
    const double floorMs = double(requests) * 10000.0 / double(rate);
    QJsonObject found;
    for (const SyncStatus status : allSyncStatuses())
        found.insert(syncStatusName(status), counts[std::size_t(status)]);
    const QJsonObject expected = expectedCounts(n);
    bool mixOk = true;
    for (auto it = expected.constBegin(); it != expected.constEnd(); ++it)
        mixOk = mixOk && found.value(it.key()).toInteger() == it.value().toInteger();
    // The whole join: hashing the database side (worker) and every page (event loop).
    const double comparisonMs = double(run.comparisonNs() + run.hashBuildNs()) / 1e6;
    const QJsonObject result{
        {QStringLiteral("databaseUsers"), n},
        {QStringLiteral("clerkUsers"), run.clerkSeen()},
        {QStringLiteral("people"), people},
        {QStringLiteral("ratePer10s"), rate},
        {QStringLiteral("requests"), requests},
        {QStringLiteral("retries"), client.retries()},
        {QStringLiteral("rateLimitedByServer"), rateLimited},
        {QStringLiteral("floorMs"), floorMs},
        {QStringLiteral("totalMs"), totalMs},
        {QStringLiteral("totalOverFloor"), double(totalMs) / floorMs},
        {QStringLiteral("targetMet"), double(totalMs) <= 1.2 * floorMs},
        {QStringLiteral("comparisonMs"), comparisonMs},
        {QStringLiteral("comparisonShareOfFloor"), comparisonMs / floorMs},
        {QStringLiteral("hashBuildMsOnWorker"), double(run.hashBuildNs()) / 1e6},
        {QStringLiteral("pageJoinMsOnEventLoop"), double(run.comparisonNs()) / 1e6},
        {QStringLiteral("snapshotLoadedAtMs"), snapshotMs},
        {QStringLiteral("counts"), found},
        {QStringLiteral("expectedCounts"), expected},
        {QStringLiteral("mixAsExpected"), mixOk}};
    const QByteArray json = QJsonDocument(result).toJson(QJsonDocument::Indented);
    fwrite(json.constData(), 1, size_t(json.size()), stdout);
    if (parser.isSet(QStringLiteral("json"))) {
        QFile file(parser.value(QStringLiteral("json")));
        if (file.open(QIODevice::WriteOnly))
            file.write(json);
    }
    return mixOk ? 0 : 1;
}
