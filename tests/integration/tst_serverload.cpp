// rolecall-server under many clients: keep-alive connections each on a thread
// of their own, far fewer database sessions behind them, and a bounded wait
// for a session (503 with Retry-After) instead of a failed connection.
#include "support/rolefixtures.h"
#include "support/serverfixture.h"

#include <QJsonDocument>
#include <QTest>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <httplib.h>

#include <netinet/in.h>
#include <sys/socket.h>

#include <algorithm>
#include <memory>
#include <vector>

using namespace rolecall;
using namespace rolecall::testing;

namespace {

// One client holding one keep-alive connection, as a console does.
struct KeepAliveClient
{
    explicit KeepAliveClient(quint16 port)
        : http(std::make_unique<httplib::Client>("127.0.0.1", port))
    {
        http->set_keep_alive(true);
        http->set_read_timeout(60, 0); // generous: a stalled server fails the test, not this
    }

    // GET under the API base; the status (0: no answer) and the local port of
    // the connection it went over.
    std::pair<int, int> get(const std::string &path, const QByteArray &token)
    {
        const auto answer = http->Get("/api/rolecall/v1" + path,
                                      {{"Authorization", "Bearer " + token.toStdString()}});
        sockaddr_in local{};
        socklen_t size = sizeof local;
        const int port =
            getsockname(http->socket(), reinterpret_cast<sockaddr *>(&local), &size) == 0
                ? ntohs(local.sin_port)
                : -1;
        return {answer ? answer->status : 0, port};
    }

    std::unique_ptr<httplib::Client> http;
};

// Runs `work` for every client at once, each on a thread of its own, while
// this thread's event loop answers the server's calls to the identity
// provider; their results in client order.
template <typename Work>
auto allAtOnce(std::vector<KeepAliveClient> &clients, Work work)
{
    static QThreadPool threads;
    threads.setMaxThreadCount(128);
    QList<QFuture<std::pair<int, int>>> futures;
    for (auto &client : clients)
        futures << QtConcurrent::run(&threads, [&client, work] { return work(client); });
    // An unfinished one is reported as no answer (status 0) below.
    if (!QTest::qWaitFor(
            [&futures] {
                return std::all_of(futures.cbegin(), futures.cend(),
                                   [](const auto &f) { return f.isFinished(); });
            },
            180'000))
        qWarning("some clients got no answer within 180 s");
    std::vector<std::pair<int, int>> results;
    for (auto &future : futures)
        results.push_back(future.isFinished() ? future.result() : std::pair{0, -1});
    return results;
}

} // namespace

class TestServerLoad : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void manyKeepAliveClientsAreAllServed();
    void aSlowRequestDoesNotStallAFastOneFromAnotherClient();
    void aRequestWithNoSessionInTimeIsAnsweredBusy();

private:
    QString m_db;
};

void TestServerLoad::initTestCase()
{
    RoleWriterDatabases databases;
    QString error;
    if (!databases.start(&error))
        QSKIP(qPrintable(error));
    m_db = databases.freshDatabase(60);
    QVERIFY(!m_db.isEmpty());
}

void TestServerLoad::manyKeepAliveClientsAreAllServed()
{
    // 40 clients, each keeping its connection open (for a minute if idle),
    // on 4 database sessions: every request of every round is answered, and
    // each client stays on its one connection throughout.
    ServerFixture server;
    QString error;
    QVERIFY2(server.start(m_db, &error,
                          [](server::ServerOptions &o) {
                              o.databaseSessions = 4;
                              o.keepAliveTimeout = std::chrono::seconds(60);
                          }),
             qPrintable(error));
    const QByteArray token = server.tokenOf(5);
    std::vector<KeepAliveClient> clients;
    for (int i = 0; i < 40; ++i)
        clients.emplace_back(server.port());

    std::vector<int> firstPorts;
    for (int round = 0; round < 5; ++round) {
        const auto results = allAtOnce(clients, [&token](KeepAliveClient &client) {
            return client.get("/users?limit=20", token);
        });
        for (size_t c = 0; c < results.size(); ++c) {
            QCOMPARE(results[c].first, 200);
            if (round == 0)
                firstPorts.push_back(results[c].second);
            else
                QCOMPARE(results[c].second, firstPorts[c]); // the same connection
        }
    }
}

void TestServerLoad::aSlowRequestDoesNotStallAFastOneFromAnotherClient()
{
    // More slow requests than database sessions, each from its own client,
    // beside 32 open keep-alive connections: a fast request from yet another
    // client is answered while every slow one is still waiting.
    ServerFixture server;
    QString error;
    QVERIFY2(server.start(m_db, &error,
                          [](server::ServerOptions &o) {
                              o.databaseSessions = 2;
                              o.keepAliveTimeout = std::chrono::seconds(60);
                          }),
             qPrintable(error));
    const QByteArray token = server.tokenOf(5);
    std::vector<KeepAliveClient> idle;
    for (int i = 0; i < 32; ++i)
        idle.emplace_back(server.port());
    for (const auto &[status, port] :
         allAtOnce(idle, [&token](KeepAliveClient &c) { return c.get("/me", token); }))
        QCOMPARE(status, 200);

    QVERIFY(server.armFault(R"({"fault":"slow","ms":8000,"count":4,"path":"/overview"})"));
    QList<QFuture<HttpAnswer>> slow;
    for (int i = 0; i < 4; ++i)
        slow << requestLater(
            server.port(),
            HttpCall{QByteArrayLiteral("GET"), QStringLiteral("/overview"), token, {}, {}});
    QTest::qWait(300); // let them reach the server and start waiting
    const HttpAnswer fast = server.get(QStringLiteral("/users?limit=20"), token);
    QCOMPARE(fast.status, 200);
    for (const auto &future : std::as_const(slow))
        QVERIFY(!future.isFinished());
    for (auto &future : slow) {
        QTRY_VERIFY_WITH_TIMEOUT(future.isFinished(), 60'000);
        QCOMPARE(future.result().status, 200);
    }
}

void TestServerLoad::aRequestWithNoSessionInTimeIsAnsweredBusy()
{
    // One database session, held by a slow statement: the next request waits
    // --session-wait for it, then is told to come back, and is served then.
    ServerFixture server;
    QString error;
    QVERIFY2(server.start(m_db, &error,
                          [](server::ServerOptions &o) {
                              o.databaseSessions = 1;
                              o.sessionWait = std::chrono::seconds(1);
                          }),
             qPrintable(error));
    const QByteArray token = server.tokenOf(5);
    QCOMPARE(server.get(QStringLiteral("/me"), token).status, 200); // the JWKS is fetched
    QVERIFY(server.armFault(R"({"fault":"slow-query","ms":6000,"path":"/me/slow"})"));
    const QFuture<HttpAnswer> slow =
        requestLater(server.port(),
                     HttpCall{QByteArrayLiteral("GET"), QStringLiteral("/me/slow"), token, {}, {}});
    QTest::qWait(300); // let it take the session

    const HttpAnswer busy = server.get(QStringLiteral("/users?limit=5"), token);
    QCOMPARE(busy.status, 503);
    QCOMPARE(busy.headers.value("retry-after"), QByteArray("1"));
    QCOMPARE(busy.headers.value("content-type"), QByteArray("application/problem+json"));
    QCOMPARE(busy.json().value(QLatin1String("status")).toInt(), 503);
    QVERIFY(!slow.isFinished());

    QTRY_VERIFY_WITH_TIMEOUT(slow.isFinished(), 60'000);
    QCOMPARE(server.get(QStringLiteral("/users?limit=5"), token).status, 200);
}

QTEST_GUILESS_MAIN(TestServerLoad)
#include "tst_serverload.moc"
