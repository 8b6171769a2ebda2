#include "benchserver.h"

#include "benchqueries.h"
#include "benchsupport.h"
#include "pg/pgdatasource.h"
#include "server/awaitfuture.h"
#include "support/testidp.h"

#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryFile>
#include <QTimer>

#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <thread>

namespace rolecall::bench {

namespace {

constexpr int pageRows = 200;

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const size_t at =
        std::min(values.size() - 1, static_cast<size_t>(p * static_cast<double>(values.size())));
    return values[at];
}

QJsonObject latencies(const std::vector<double> &ms)
{
    return {{QStringLiteral("samples"), static_cast<qint64>(ms.size())},
            {QStringLiteral("median_ms"), rounded(median(ms))},
            {QStringLiteral("p99_ms"), rounded(percentile(ms, 0.99))}};
}

// Runs the event loop (the identity provider answers on it) until `done`.
template <typename Done>
void spin(Done done)
{
    QTimer wake;
    wake.start(5);
    if (!spinUntil(done, 10 * 60 * 1000))
        fatal(QStringLiteral("the server bench timed out"));
}

qint64 residentKbOf(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QRegularExpression rss(QStringLiteral("^VmRSS:\\s+(\\d+) kB"),
                                 QRegularExpression::MultilineOption);
    const auto match = rss.match(QString::fromLatin1(status.readAll()));
    return match.hasMatch() ? match.captured(1).toLongLong() : -1;
}

// The server's memory before the clients, at the start, middle and end of
// their run (the first, middle and last one-second samples), and after. Flat:
// the second half of the run grew it by less than 2 % (allocator noise),
// after the first half had warmed every thread and session up.
QJsonObject residentSummary(qint64 before, const std::vector<qint64> &samples, qint64 after)
{
    QJsonObject out{{QStringLiteral("before"), before}, {QStringLiteral("after"), after}};
    if (samples.size() < 3)
        return out;
    const qint64 mid = samples[samples.size() / 2];
    const qint64 end = samples.back();
    out.insert(QStringLiteral("start"), samples.front());
    out.insert(QStringLiteral("mid"), mid);
    out.insert(QStringLiteral("end"), end);
    out.insert(QStringLiteral("max"), *std::max_element(samples.begin(), samples.end()));
    QJsonArray series;
    for (const qint64 kb : samples)
        series.append(kb);
    out.insert(QStringLiteral("series"), series);
    out.insert(QStringLiteral("flat_second_half"), end - mid < mid / 50);
    return out;
}

// What became of one request: empty when it succeeded, else why it failed
// ("HTTP 503", "Read", "Connection", ...), so a failure says its cause.
using Outcome = QString;

// `clients` threads, each with its own keep-alive connection (or data source
// call), doing `request` for `seconds`; the latencies of all of them.
template <typename Request>
QJsonObject concurrent(int clients, int seconds, Request request)
{
    std::atomic<bool> stop{false};
    std::atomic<int> running{clients};
    std::atomic<qint64> failures{0};
    std::mutex causesMutex;
    QJsonObject causes; // failures per cause
    std::vector<std::vector<double>> perClient(static_cast<size_t>(clients));
    std::vector<std::thread> threads;
    QElapsedTimer wall;
    wall.start();
    for (int c = 0; c < clients; ++c) {
        threads.emplace_back([&, c] {
            auto call = request();
            QElapsedTimer timer;
            while (!stop.load()) {
                timer.start();
                const Outcome failed = call();
                if (failed.isEmpty()) {
                    perClient[static_cast<size_t>(c)].push_back(elapsedMs(timer));
                } else {
                    ++failures;
                    const std::lock_guard lock(causesMutex);
                    causes.insert(failed, causes.value(failed).toInteger() + 1);
                }
            }
            --running;
        });
    }
    QTimer::singleShot(seconds * 1000, [&stop] { stop = true; });
    spin([&] { return running.load() == 0; });
    const double wallMs = elapsedMs(wall);
    for (auto &thread : threads)
        thread.join();
    std::vector<double> all;
    for (const auto &ms : perClient)
        all.insert(all.end(), ms.begin(), ms.end());
    QJsonObject out = latencies(all);
    out.insert(QStringLiteral("requests_per_s"),
               rounded(static_cast<double>(all.size()) * 1000.0 / wallMs));
    out.insert(QStringLiteral("failures"), failures.load());
    out.insert(QStringLiteral("failure_causes"), causes);
    return out;
}

} // namespace

QJsonObject serverPhase(const ConnectionSettings &connection, const ServerBenchOptions &options)
{
    testing::TestIdentityProvider idp;
    QString error;
    if (!idp.start(&error))
        fatal(QStringLiteral("identity provider: ") + error);
    idp.setUser(testing::TestIdentityProvider::seedUser(5)); // the seeded ADMIN
    idp.behaviour().accessTokenLifetime = 24 * 3600;
    const std::string token = idp.makeAccessToken({}).toStdString();

    QTemporaryFile log;
    if (!log.open())
        fatal(QStringLiteral("cannot make a temporary file for the server's log"));
    QProcess server;
    server.setStandardErrorFile(log.fileName());
    server.setStandardOutputFile(QProcess::nullDevice());
    QStringList arguments{QStringLiteral("--db"),          connection.toUrl(),
                          QStringLiteral("--issuer"),      idp.issuer(),
                          QStringLiteral("--audience"),    idp.clientId(),
                          QStringLiteral("--listen"),      QStringLiteral("127.0.0.1:0"),
                          QStringLiteral("--db-sessions"), QString::number(options.serverThreads)};
    arguments << options.serverArguments;
    server.start(QStringLiteral(ROLECALL_SERVER_PATH), arguments);
    int port = 0;
    const QRegularExpression serving(QStringLiteral("http://127\\.0\\.0\\.1:(\\d+)/"));
    spin([&] {
        if (server.state() == QProcess::NotRunning)
            return true;
        QFile read(log.fileName());
        if (read.open(QIODevice::ReadOnly)) {
            const auto match = serving.match(QString::fromUtf8(read.readAll()));
            if (match.hasMatch())
                port = match.captured(1).toInt();
        }
        return port != 0;
    });
    if (port == 0) {
        QFile read(log.fileName());
        fatal(QStringLiteral("rolecall-server did not start: ") +
              QString::fromUtf8(read.open(QIODevice::ReadOnly) ? read.readAll() : QByteArray()));
    }
    const std::string page = "/api/rolecall/v1/users?limit=" + std::to_string(pageRows);
    const httplib::Headers headers{{"Authorization", "Bearer " + token}};

    // One page, one client: through the API, directly, and an empty round
    // trip, taken in turn on one thread of its own. In turn, because the
    // machine is shared: one side timed after the other saw different load,
    // and the ratio moved by half from run to run. On a thread, because
    // waiting on this thread's event loop rounds samples up to its 5 ms wake-ups.
    progress(QStringLiteral("server: one page through the API and from PgDataSource, in turn ..."));
    PgDataSource direct(connection, PgPoolTuning{options.serverThreads, std::nullopt});
    UserQuery query;
    query.limit = pageRows;
    const qint64 rssBefore = residentKbOf(server.processId());
    std::vector<double> apiPage, directPage, roundTrip;
    std::atomic<bool> done{false};
    std::thread client([&] {
        httplib::Client http("127.0.0.1", port);
        http.set_keep_alive(true);
        http.set_tcp_nodelay(true);
        QElapsedTimer timer;
        for (int i = 0; i <= options.repeats; ++i) {
            // The first turn warms up (the server fetches the JWKS) and is not kept.
            timer.start();
            const auto answer = http.Get(page, headers);
            const double api = elapsedMs(timer);
            timer.start();
            server::awaitFuture(direct.fetchUsers(query));
            const double directMs = elapsedMs(timer);
            // No route, no token, no SQL: one local HTTP round trip and nothing else.
            timer.start();
            http.Get("/api/rolecall/v1/no-such-path");
            const double trip = elapsedMs(timer);
            if (i == 0)
                continue;
            if (answer && answer->status == 200)
                apiPage.push_back(api);
            directPage.push_back(directMs);
            roundTrip.push_back(trip);
        }
        done = true;
    });
    spin([&] { return done.load(); });
    client.join();

    progress(QStringLiteral("server: %1 clients through the API for %2 s ...")
                 .arg(options.clients)
                 .arg(options.seconds));
    // The server's resident memory once a second while the clients run.
    std::vector<qint64> rssSamples;
    QTimer rssTimer;
    QObject::connect(&rssTimer, &QTimer::timeout,
                     [&] { rssSamples.push_back(residentKbOf(server.processId())); });
    rssTimer.start(1000);
    const QJsonObject apiConcurrent = concurrent(options.clients, options.seconds, [&] {
        auto http = std::make_shared<httplib::Client>("127.0.0.1", port);
        http->set_keep_alive(true);
        http->set_tcp_nodelay(true);
        return [http, &page, &headers]() -> Outcome {
            const auto answer = http->Get(page, headers);
            if (!answer)
                return QString::fromStdString(httplib::to_string(answer.error()));
            return answer->status == 200 ? Outcome()
                                         : QStringLiteral("HTTP %1").arg(answer->status);
        };
    });
    rssTimer.stop();
    const qint64 rssAfter = residentKbOf(server.processId());
    progress(QStringLiteral("server: %1 clients on PgDataSource directly for %2 s ...")
                 .arg(options.clients)
                 .arg(options.seconds));
    const QJsonObject directConcurrent = concurrent(options.clients, options.seconds, [&] {
        return [&direct, query]() -> Outcome {
            try {
                server::awaitFuture(direct.fetchUsers(query));
                return {};
            } catch (const DataSourceError &e) {
                return e.message();
            }
        };
    });

    server.terminate();
    if (!server.waitForFinished(10000))
        server.kill();
    if (apiPage.size() != directPage.size())
        fatal(QStringLiteral("%1 of %2 API pages failed")
                  .arg(directPage.size() - apiPage.size())
                  .arg(directPage.size()));
    const double medianApi = median(apiPage), medianDirect = median(directPage),
                 medianTrip = median(roundTrip);
    // Each turn's own ratio: its three samples saw the same load.
    std::vector<double> turnRatios;
    for (size_t i = 0; i < apiPage.size(); ++i)
        turnRatios.push_back(apiPage[i] / (1.5 * directPage[i] + roundTrip[i]));
    return {
        {QStringLiteral("page_rows"), pageRows},
        {QStringLiteral("server_db_sessions"), options.serverThreads},
        {QStringLiteral("server_arguments"), QJsonArray::fromStringList(options.serverArguments)},
        {QStringLiteral("one_page_api"), latencies(apiPage)},
        {QStringLiteral("one_page_direct"), latencies(directPage)},
        {QStringLiteral("local_round_trip"), latencies(roundTrip)},
        // The target: API <= 1.5 x direct + one round trip.
        {QStringLiteral("api_vs_budget"), rounded(medianApi / (1.5 * medianDirect + medianTrip))},
        {QStringLiteral("api_vs_budget_per_turn_median"), rounded(median(turnRatios))},
        {QStringLiteral("concurrent_clients"), options.clients},
        {QStringLiteral("concurrent_api"), apiConcurrent},
        {QStringLiteral("concurrent_direct"), directConcurrent},
        {QStringLiteral("server_rss_kb"), residentSummary(rssBefore, rssSamples, rssAfter)},
    };
}

} // namespace rolecall::bench
