#include "support/serverfixture.h"

#include "support/pgtestcluster.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QMutexLocker>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>
#include <QtCore/qtestsupport_core.h>

#include <httplib.h>

namespace rolecall::testing {

QJsonObject HttpAnswer::json() const
{
    return QJsonDocument::fromJson(body).object();
}

QFuture<HttpAnswer> requestLater(quint16 port, const HttpCall &call)
{
    // Not the global pool: on a 2-core machine it runs two calls at a time,
    // and the concurrency tests need more clients than that.
    static QThreadPool clients;
    clients.setMaxThreadCount(64);
    return QtConcurrent::run(&clients, [port, call] {
        HttpAnswer answer;
        QElapsedTimer timer;
        timer.start();
        httplib::Client client("127.0.0.1", port);
        client.set_read_timeout(60, 0);
        httplib::Headers headers;
        if (!call.bearer.isEmpty())
            headers.emplace("Authorization", "Bearer " + call.bearer.toStdString());
        for (const auto &[name, value] : call.headers)
            headers.emplace(name.toStdString(), value.toStdString());
        const std::string path = "/api/rolecall/v1" + call.path.toStdString();
        httplib::Result result =
            call.method == "GET" ? client.Get(path, headers)
            : call.method == "DELETE"
                ? client.Delete(path, headers)
                : client.Post(path, headers, call.body.toStdString(), "application/json");
        answer.milliseconds = timer.elapsed();
        if (!result) {
            answer.error = QString::fromStdString(httplib::to_string(result.error()));
            return answer;
        }
        answer.status = result->status;
        answer.body = QByteArray::fromStdString(result->body);
        for (const auto &[name, value] : result->headers)
            answer.headers.insert(QByteArray::fromStdString(name).toLower(),
                                  QByteArray::fromStdString(value));
        return answer;
    });
}

HttpAnswer request(quint16 port, const HttpCall &call)
{
    QFuture<HttpAnswer> future = requestLater(port, call);
    if (!QTest::qWaitFor([&future] { return future.isFinished(); }, 120'000))
        return HttpAnswer{0, {}, {}, QStringLiteral("no answer within 120 s"), 0};
    return future.result();
}

ServerFixture::ServerFixture() = default;

ServerFixture::~ServerFixture()
{
    stop();
}

bool ServerFixture::start(const QString &database, QString *error,
                          const std::function<void(server::ServerOptions &)> &tweak)
{
    PgTestCluster *cluster = PgTestCluster::shared();
    if (!cluster) {
        *error = PgTestCluster::startError();
        return false;
    }
    if (!m_idp.port() && !m_idp.start(error))
        return false;
    m_idp.setUser(TestIdentityProvider::seedUser(5));
    m_options = server::ServerOptions{};
    m_options.database = cluster->connection(database);
    m_options.issuer = QUrl(m_idp.issuer());
    m_options.audience = m_idp.clientId();
    m_options.listenPort = 0;
    m_options.databaseSessions = 8;
    m_options.testFaults = true;
    if (tweak)
        tweak(m_options);
    m_server = std::make_unique<server::RolecallServer>(m_options, [this](const QByteArray &line) {
        QMutexLocker lock(&m_logMutex);
        m_log.append(QString::fromUtf8(line).trimmed());
    });
    // Preparing the database blocks only this thread; the IdP is not asked yet.
    return m_server->start(error);
}

void ServerFixture::stop()
{
    if (m_server)
        m_server->stop();
    m_server.reset();
}

quint16 ServerFixture::port() const
{
    return m_server ? m_server->port() : 0;
}

QByteArray ServerFixture::tokenOf(int n)
{
    const auto previous = m_idp.user();
    m_idp.setUser(TestIdentityProvider::seedUser(n));
    const QByteArray token = m_idp.makeAccessToken({});
    m_idp.setUser(previous);
    return token;
}

HttpAnswer ServerFixture::get(const QString &path, const QByteArray &bearer)
{
    return request(port(), HttpCall{QByteArrayLiteral("GET"), path, bearer, {}, {}});
}

HttpAnswer ServerFixture::post(const QString &path, const QByteArray &body,
                               const QByteArray &bearer, const QByteArray &idempotencyKey,
                               const QList<QPair<QByteArray, QByteArray>> &headers)
{
    HttpCall call{QByteArrayLiteral("POST"), path, bearer, body, headers};
    if (!idempotencyKey.isEmpty())
        call.headers.append({QByteArrayLiteral("Idempotency-Key"), idempotencyKey});
    return request(port(), call);
}

bool ServerFixture::armFault(const QByteArray &json)
{
    return request(
               port(),
               HttpCall{QByteArrayLiteral("POST"), QStringLiteral("/_test/faults"), {}, json, {}})
               .status == 200;
}

QStringList ServerFixture::logLines() const
{
    QMutexLocker lock(&m_logMutex);
    return m_log;
}

} // namespace rolecall::testing
