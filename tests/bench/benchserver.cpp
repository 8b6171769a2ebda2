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

    // One page, one client: through the API and directly.
    const auto httpSamples = [&](const std::string &path, const httplib::Headers &h) {
        std::vector<double> ms;
        std::atomic<bool> done{false};
        std::thread client([&] {
            httplib::Client http("127.0.0.1", port);
            http.set_keep_alive(true);
            http.set_tcp_nodelay(true);
            for (int i = 0; i <= options.repeats; ++i) {
                QElapsedTimer timer;
                timer.start();
                const auto answer = http.Get(path, h);
                if (i > 0 && answer) // the first one warms up (and fetches the JWKS)
                    ms.push_back(elapsedMs(timer));
            }
            done = true;
        });
        spin([&] { return done.load(); });
        client.join();
        return ms;
    };
    progress(QStringLiteral("server: one page through the API ..."));
    const qint64 rssBefore = residentKbOf(server.processId());
    const std::vector<double> apiPage = httpSamples(page, headers);
    // No route, no token, no SQL: one local HTTP round trip and nothing else.
    const std::vector<double> roundTrip = httpSamples("/api/rolecall/v1/no-such-path", {});

    progress(QStringLiteral("server: the same page from PgDataSource ..."));
    PgDataSource direct(connection, PgPoolTuning{options.serverThreads, std::nullopt});
    UserQuery query;
    query.limit = pageRows;
    // Timed on a thread of its own, as the API's page is: waiting on this
    // thread's event loop would round each sample up to its 5 ms wake-ups.
    std::vector<double> directPage;
    std::atomic<bool> directDone{false};
    std::thread directClient([&] {
        for (int i = 0; i <= options.repeats; ++i) {
            QElapsedTimer timer;
            timer.start();
            server::awaitFuture(direct.fetchUsers(query));
            if (i > 0)
                directPage.push_back(elapsedMs(timer));
        }
        directDone = true;
    });
    spin([&] { return directDone.load(); });
    directClient.join();

    progress(QStringLiteral("server: %1 clients through the API for %2 s ...")
                 .arg(options.clients)
                 .arg(options.seconds));
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
    const double medianApi = median(apiPage), medianDirect = median(directPage),
                 medianTrip = median(roundTrip);
    return {
        {QStringLiteral("page_rows"), pageRows},
        {QStringLiteral("server_db_sessions"), options.serverThreads},
        {QStringLiteral("server_arguments"), QJsonArray::fromStringList(options.serverArguments)},
        {QStringLiteral("one_page_api"), latencies(apiPage)},
        {QStringLiteral("one_page_direct"), latencies(directPage)},
        {QStringLiteral("local_round_trip"), latencies(roundTrip)},
        // The target: API <= 1.5 x direct + one round trip.
        {QStringLiteral("api_vs_budget"), rounded(medianApi / (1.5 * medianDirect + medianTrip))},
        {QStringLiteral("concurrent_clients"), options.clients},
        {QStringLiteral("concurrent_api"), apiConcurrent},
        {QStringLiteral("concurrent_direct"), directConcurrent},
        {QStringLiteral("server_rss_kb"),
         QJsonObject{{QStringLiteral("before"), rssBefore}, {QStringLiteral("after"), rssAfter}}},
    };
}

} // namespace rolecall::bench
