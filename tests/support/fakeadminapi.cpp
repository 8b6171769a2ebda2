#include "support/fakeadminapi.h"

#include "api/apiplainbackend.h"
#include "api/apiroutes.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>

namespace rolecall::testing {

namespace {

constexpr auto apiPrefix = "/api/rolecall/v1";

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 404:
        return "Not Found";
    default:
        return "Status";
    }
}

} // namespace

FakeAdminApi::FakeAdminApi(QObject *parent)
    : QObject(parent)
    , m_server(new QTcpServer(this))
{
    m_handler = [this](const FakeHttpRequest &request) { return contractHandler(request); };
    connect(m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_server->nextPendingConnection()) {
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { read(socket); });
            connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
                m_buffers.remove(socket);
                socket->deleteLater();
            });
        }
    });
}

FakeAdminApi::~FakeAdminApi() = default;

bool FakeAdminApi::start()
{
    return m_server->listen(QHostAddress::LocalHost, 0);
}

QString FakeAdminApi::origin() const
{
    return QStringLiteral("http://127.0.0.1:%1").arg(m_server->serverPort());
}

QString FakeAdminApi::baseUrl() const
{
    return origin() + QLatin1String(apiPrefix);
}

void FakeAdminApi::read(QTcpSocket *socket)
{
    QByteArray &buffer = m_buffers[socket];
    buffer += socket->readAll();
    const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
    if (headEnd < 0)
        return;
    const QList<QByteArray> lines = buffer.left(headEnd).split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    FakeHttpRequest request;
    request.method = requestLine.value(0);
    const QUrl target(QString::fromLatin1(requestLine.value(1)));
    request.path = target.path(QUrl::FullyDecoded);
    request.query = QUrlQuery(target.query(QUrl::FullyEncoded));
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines.at(i).indexOf(':');
        if (colon > 0)
            request.headers.insert(lines.at(i).left(colon).trimmed().toLower(),
                                   lines.at(i).mid(colon + 1).trimmed());
    }
    const qsizetype length = request.header("content-length").toLongLong();
    if (buffer.size() < headEnd + 4 + length)
        return; // the body is still coming
    request.body = buffer.mid(headEnd + 4, length);
    m_buffers.remove(socket);
    socket->disconnect(this);
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    m_requests.append(request);
    answer(socket, request);
}

void FakeAdminApi::answer(QTcpSocket *socket, const FakeHttpRequest &request)
{
    const FakeHttpResponse response = m_handler(request);
    if (response.hang)
        return;
    const auto send = [socket, response] {
        if (response.drop) {
            socket->abort();
            return;
        }
        QByteArray out = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' +
                         reasonPhrase(response.status) + "\r\n";
        if (!response.body.isEmpty())
            out += "Content-Type: " + response.contentType + "\r\n";
        out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
        for (const auto &[name, value] : response.headers)
            out += name + ": " + value + "\r\n";
        out += "Connection: close\r\n\r\n" + response.body;
        socket->write(out);
        socket->disconnectFromHost();
    };
    if (response.delayMs > 0)
        QTimer::singleShot(response.delayMs, socket, send);
    else
        send();
}

FakeHttpResponse FakeAdminApi::json(const QJsonValue &body, int status)
{
    FakeHttpResponse response;
    response.status = status;
    response.body = body.isArray() ? QJsonDocument(body.toArray()).toJson(QJsonDocument::Compact)
                                   : QJsonDocument(body.toObject()).toJson(QJsonDocument::Compact);
    return response;
}

FakeHttpResponse FakeAdminApi::problem(apijson::ProblemType type, const QString &detail)
{
    FakeHttpResponse response =
        json(apijson::toJson(apijson::makeProblem(type, detail)), apijson::problemStatus(type));
    response.contentType = apijson::problemContentType;
    return response;
}

QList<User> FakeAdminApi::sampleUsers(int count)
{
    QList<User> users;
    const QDateTime start(QDate(2025, 1, 1), QTime(0, 0), Qt::UTC);
    for (int i = 0; i < count; ++i) {
        User user;
        user.id = QStringLiteral("ckuser%1").arg(i, 4, 10, QLatin1Char('0'));
        user.clerkId = QStringLiteral("user_%1").arg(i);
        user.email = QStringLiteral("person%1@example.com").arg(i);
        user.firstName = QStringLiteral("Person");
        user.lastName = QString::number(i);
        user.createdAt = start.addSecs(3600LL * i);
        user.updatedAt = user.createdAt;
        user.activeRoles = {i % 5 == 0 ? QStringLiteral("ADMIN") : QStringLiteral("LEARNER")};
        users.append(user);
    }
    return users;
}

FakeHttpResponse FakeAdminApi::contractHandler(const FakeHttpRequest &request) const
{
    using apijson::ProblemType;
    if (m_plain) {
        if (request.path == QLatin1String(apiroutes::plainUsersPath)) {
            QJsonArray rows;
            for (const User &user : m_users) {
                QJsonObject row = apijson::toJson(user);
                row.remove(QStringLiteral("activeRoles")); // Prisma rows have none
                rows.append(row);
            }
            return json(rows);
        }
        if (request.path == QLatin1String(apiroutes::plainProfilePath)) {
            QJsonObject profile = apijson::toJson(m_users.value(0));
            profile.insert(QStringLiteral("roles"), QJsonArray{QStringLiteral("ADMIN")});
            return json(profile);
        }
        return json(QJsonObject{{QStringLiteral("error"), QStringLiteral("Not Found")}}, 404);
    }
    if (!request.path.startsWith(QLatin1String(apiPrefix)))
        return problem(ProblemType::NotFound, QStringLiteral("No such path."));
    const QString path = request.path.mid(qsizetype(qstrlen(apiPrefix)));
    if (path == QLatin1String("/capabilities")) {
        apijson::Capabilities caps;
        caps.apiVersion = apijson::apiVersion();
        caps.server = QStringLiteral("fake-admin-api");
        caps.schema.kind = SchemaKind::AkakoLms;
        caps.schema.roles = {QStringLiteral("LEARNER"), QStringLiteral("MENTOR"),
                             QStringLiteral("ADMIN")};
        for (const char *name :
             {apijson::feature::users, apijson::feature::grants, apijson::feature::audit,
              apijson::feature::overview, apijson::feature::bulkGrant, apijson::feature::sync})
            caps.features.append(QString::fromLatin1(name));
        return json(apijson::toJson(caps));
    }
    if (!request.header("authorization").startsWith("Bearer "))
        return problem(ProblemType::Unauthorized, QStringLiteral("No bearer token."));
    if (path == QLatin1String("/users") || path == QLatin1String("/users/count")) {
        UserQuery query;
        QString why;
        if (!apijson::fromUrlQuery(request.query, &query, &why))
            return problem(ProblemType::Validation, why);
        QList<User> users;
        for (const User &user : m_users) {
            if (query.role.isEmpty() || user.activeRoles.contains(query.role))
                users.append(user);
        }
        if (path.endsWith(QLatin1String("/count")))
            return json(apijson::countJson(ApiPlainBackend::matching(users, query.search).size()));
        return json(apijson::toJson(ApiPlainBackend::page(users, query), query.sortKey));
    }
    if (path == QLatin1String("/me")) {
        AccountAccess access;
        access.userFound = !m_users.isEmpty();
        access.user = m_users.value(0);
        access.activeRoles = access.user.activeRoles;
        access.rolesSupported = true;
        return json(apijson::toJson(access));
    }
    return problem(ProblemType::NotFound, QStringLiteral("Nothing here: %1").arg(path));
}

} // namespace rolecall::testing
