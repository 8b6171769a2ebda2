#include "support/fakeclerkapi.h"

#include "support/socketfaults.h"
#include "support/testdata.h"

#include <QDateTime>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>
#include <QUrl>
#include <QUrlQuery>

#include <algorithm>
#include <memory>

namespace rolecall::testing {

namespace {

constexpr qsizetype maxRequestSize = 64 * 1024;
constexpr qint64 seedEpochMs = 1704067200000; // 2024-01-01T00:00:00Z

QByteArray reasonPhrase(int status)
{
    static const QHash<int, QByteArray> phrases{{200, "OK"},
                                                {400, "Bad Request"},
                                                {401, "Unauthorized"},
                                                {404, "Not Found"},
                                                {405, "Method Not Allowed"},
                                                {422, "Unprocessable Entity"},
                                                {429, "Too Many Requests"},
                                                {500, "Internal Server Error"}};
    return phrases.value(status, QByteArrayLiteral("Status"));
}

QJsonValue nullableString(const std::optional<QString> &text)
{
    return text ? QJsonValue(*text) : QJsonValue(QJsonValue::Null);
}

} // namespace

FakeClerkApi::FakeClerkApi(QObject *parent)
    : QObject(parent)
    , m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &FakeClerkApi::onNewConnection);
}

FakeClerkApi::~FakeClerkApi() = default;

bool FakeClerkApi::start(quint16 port)
{
    return m_server->listen(QHostAddress(QHostAddress::LocalHost), port);
}

bool FakeClerkApi::startOnThread(QThread &thread, quint16 port)
{
    moveToThread(&thread);
    connect(&thread, &QThread::finished, this, &QObject::deleteLater);
    thread.start();
    bool listening = false;
    QMetaObject::invokeMethod(
        this, [this, port] { return start(port); }, Qt::BlockingQueuedConnection, &listening);
    return listening;
}

quint16 FakeClerkApi::port() const
{
    return m_server->serverPort();
}

QString FakeClerkApi::baseUrl() const
{
    return QStringLiteral("http://127.0.0.1:%1/v1").arg(port());
}

FakeClerkUser FakeClerkApi::seedUser(int n)
{
    FakeClerkUser user;
    user.id = clerkIdOfSeedUser(n);
    user.emails << emailOfSeedUser(n);
    user.firstName = firstNameOfSeedUser(n);
    user.lastName = lastNameOfSeedUser(n);
    user.createdAtMs = seedEpochMs + qint64(n) * 1000;
    user.updatedAtMs = user.createdAtMs;
    return user;
}

QList<FakeClerkUser> FakeClerkApi::seedUsers(int first, int last)
{
    QList<FakeClerkUser> users;
    users.reserve(std::max(0, last - first + 1));
    for (int n = first; n <= last; ++n)
        users.append(seedUser(n));
    return users;
}

void FakeClerkApi::setUsers(QList<FakeClerkUser> users)
{
    m_users = std::move(users);
    m_json.clear();
    reindex();
}

void FakeClerkApi::addUser(const FakeClerkUser &user)
{
    m_users.append(user);
    reindex();
}

bool FakeClerkApi::updateUser(const FakeClerkUser &user)
{
    const auto it = m_index.constFind(user.id);
    if (it == m_index.constEnd())
        return false;
    m_users[*it] = user;
    m_json.remove(user.id);
    reindex();
    return true;
}

bool FakeClerkApi::removeUser(const QString &id)
{
    const auto it = m_index.constFind(id);
    if (it == m_index.constEnd())
        return false;
    m_users.removeAt(*it);
    m_json.remove(id);
    reindex();
    return true;
}

std::optional<FakeClerkUser> FakeClerkApi::user(const QString &id) const
{
    const auto it = m_index.constFind(id);
    if (it == m_index.constEnd())
        return std::nullopt;
    return m_users.at(*it);
}

void FakeClerkApi::prepareAll()
{
    for (const FakeClerkUser &user : std::as_const(m_users))
        userJson(user);
}

void FakeClerkApi::reindex()
{
    std::stable_sort(m_users.begin(), m_users.end(),
                     [](const FakeClerkUser &a, const FakeClerkUser &b) {
                         return a.createdAtMs < b.createdAtMs;
                     });
    m_index.clear();
    m_index.reserve(m_users.size());
    for (qsizetype i = 0; i < m_users.size(); ++i)
        m_index.insert(m_users.at(i).id, i);
}

QByteArray FakeClerkApi::userJson(const FakeClerkUser &user)
{
    const auto cached = m_json.constFind(user.id);
    if (cached != m_json.constEnd())
        return *cached;
    QJsonArray emails;
    for (qsizetype i = 0; i < user.emails.size(); ++i) {
        const QJsonObject verification{
            {QStringLiteral("object"), QStringLiteral("verification_otp")},
            {QStringLiteral("status"),
             user.emailVerified ? QStringLiteral("verified") : QStringLiteral("unverified")},
            {QStringLiteral("strategy"), QStringLiteral("email_code")},
            {QStringLiteral("attempts"), 1},
            {QStringLiteral("expire_at"), user.createdAtMs + 600000}};
        emails.append(QJsonObject{
            {QStringLiteral("id"), QStringLiteral("idn_%1_%2").arg(user.id.mid(5)).arg(i)},
            {QStringLiteral("object"), QStringLiteral("email_address")},
            {QStringLiteral("email_address"), user.emails.at(i)},
            {QStringLiteral("reserved"), false},
            {QStringLiteral("verification"), verification},
            {QStringLiteral("linked_to"), QJsonArray()},
            {QStringLiteral("created_at"), user.createdAtMs},
            {QStringLiteral("updated_at"), user.updatedAtMs}});
    }
    const QJsonValue primary =
        user.primaryEmail >= 0 && user.primaryEmail < user.emails.size()
            ? QJsonValue(QStringLiteral("idn_%1_%2").arg(user.id.mid(5)).arg(user.primaryEmail))
            : QJsonValue(QJsonValue::Null);
    QJsonObject metadata;
    if (!user.publicRole.isEmpty())
        metadata.insert(QStringLiteral("role"), user.publicRole);
    const QJsonObject object{
        {QStringLiteral("id"), user.id},
        {QStringLiteral("object"), QStringLiteral("user")},
        {QStringLiteral("external_id"), QJsonValue::Null},
        {QStringLiteral("username"), QJsonValue::Null},
        {QStringLiteral("first_name"), nullableString(user.firstName)},
        {QStringLiteral("last_name"), nullableString(user.lastName)},
        {QStringLiteral("locale"), QJsonValue::Null},
        {QStringLiteral("primary_email_address_id"), primary},
        {QStringLiteral("primary_phone_number_id"), QJsonValue::Null},
        {QStringLiteral("primary_web3_wallet_id"), QJsonValue::Null},
        {QStringLiteral("image_url"), QString(QStringLiteral("https://img.clerk.com/") + user.id)},
        {QStringLiteral("has_image"), false},
        {QStringLiteral("public_metadata"), metadata},
        {QStringLiteral("private_metadata"), QJsonObject()},
        {QStringLiteral("unsafe_metadata"), QJsonObject()},
        {QStringLiteral("email_addresses"), emails},
        {QStringLiteral("phone_numbers"), QJsonArray()},
        {QStringLiteral("web3_wallets"), QJsonArray()},
        {QStringLiteral("passkeys"), QJsonArray()},
        {QStringLiteral("external_accounts"), QJsonArray()},
        {QStringLiteral("saml_accounts"), QJsonArray()},
        {QStringLiteral("enterprise_accounts"), QJsonArray()},
        {QStringLiteral("password_enabled"), false},
        {QStringLiteral("two_factor_enabled"), false},
        {QStringLiteral("totp_enabled"), false},
        {QStringLiteral("backup_code_enabled"), false},
        {QStringLiteral("last_sign_in_at"), user.updatedAtMs},
        {QStringLiteral("last_active_at"), user.updatedAtMs},
        {QStringLiteral("banned"), user.banned},
        {QStringLiteral("locked"), false},
        {QStringLiteral("deprovisioned"), false},
        {QStringLiteral("created_at"), user.createdAtMs},
        {QStringLiteral("updated_at"), user.updatedAtMs},
        {QStringLiteral("delete_self_enabled"), true},
        {QStringLiteral("create_organization_enabled"), true},
        {QStringLiteral("bypass_client_trust"), false}};
    const QByteArray json = QJsonDocument(object).toJson(QJsonDocument::Compact);
    m_json.insert(user.id, json);
    return json;
}

// --- connections ----------------------------------------------------------

void FakeClerkApi::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        m_buffers.insert(socket, QByteArray());
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_buffers.remove(socket);
            m_hanging.removeAll(socket);
            socket->deleteLater();
        });
    }
}

void FakeClerkApi::onReadyRead(QTcpSocket *socket)
{
    auto it = m_buffers.find(socket);
    if (it == m_buffers.end()) {
        socket->readAll();
        return;
    }
    it->append(socket->readAll());
    const qsizetype headerEnd = it->indexOf("\r\n\r\n");
    if (headerEnd < 0) {
        if (it->size() > maxRequestSize)
            send(socket, clerkError(400, "request_too_large", QStringLiteral("Too large")));
        return;
    }
    const QList<QByteArray> lines = it->left(headerEnd).split('\n');
    m_buffers.remove(socket); // one request per connection (GET: no body)
    const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
    if (requestLine.size() != 3) {
        send(socket, clerkError(400, "bad_request", QStringLiteral("Malformed request line")));
        return;
    }
    QHash<QByteArray, QByteArray> headers;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            headers.insert(line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed());
    }
    handle(socket, requestLine.at(0), requestLine.at(1), headers);
}

void FakeClerkApi::handle(QTcpSocket *socket, const QByteArray &method, const QByteArray &target,
                          const QHash<QByteArray, QByteArray> &headers)
{
    const int index = m_requestCount++;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    // Rate limit: at most rateLimit in any window; past it, blocked until
    // the oldest request of the window leaves it.
    while (!m_recent.empty() && m_recent.front() <= now - m_behaviour.rateWindowMs)
        m_recent.pop_front();
    m_recent.push_back(now);
    m_maxInWindow = std::max(m_maxInWindow, int(m_recent.size()));
    if (int(m_recent.size()) > m_behaviour.rateLimit && m_blockedUntil <= now)
        m_blockedUntil = m_recent.front() + m_behaviour.rateWindowMs;
    if (index < m_behaviour.storm429) {
        ++m_rateLimited;
        Response response =
            clerkError(429, "too_many_requests", QStringLiteral("Too many requests, retry later."));
        response.headers.append({QByteArrayLiteral("Retry-After"), m_behaviour.stormRetryAfter});
        send(socket, response);
        return;
    }
    if (index == m_behaviour.forced429 || m_blockedUntil > now) {
        ++m_rateLimited;
        const qint64 waitMs = index == m_behaviour.forced429
                                  ? qint64(m_behaviour.forced429RetryAfter) * 1000
                                  : m_blockedUntil - now;
        Response response =
            clerkError(429, "too_many_requests", QStringLiteral("Too many requests, retry later."));
        response.headers.append(
            {QByteArrayLiteral("Retry-After"), QByteArray::number((waitMs + 999) / 1000)});
        send(socket, response);
        return;
    }
    if (headers.value("authorization") != "Bearer " + m_secretKey) {
        ++m_unauthorized;
        send(socket, clerkError(401, "authentication_invalid",
                                QStringLiteral("The provided secret key is invalid.")));
        return;
    }
    const QUrl url = QUrl::fromEncoded(target);
    if (method != "GET") {
        send(socket, clerkError(405, "method_not_allowed", QStringLiteral("GET only here")));
        return;
    }
    if (url.path() == QLatin1String("/v1/users/count")) {
        send(socket, countUsers());
        return;
    }
    if (url.path().startsWith(QLatin1String("/v1/users/"))) { // GET /v1/users/{user_id}
        ++m_userRequests;
        const std::optional<FakeClerkUser> found = user(url.path().mid(10));
        send(socket, found ? Response{200, userJson(*found), {}}
                           : clerkError(404, "resource_not_found", QStringLiteral("Not found")));
        return;
    }
    if (url.path() != QLatin1String("/v1/users")) {
        send(socket, clerkError(404, "resource_not_found", QStringLiteral("Not found")));
        return;
    }
    const int listIndex = m_listRequests++;
    m_listQueries << url.query(QUrl::FullyDecoded);
    const Response response = listUsers(url.query(QUrl::FullyEncoded), listIndex);
    // The instance changes under the walk, once this page is on its way.
    for (const QString &id : m_behaviour.deleteAfterList.value(listIndex))
        removeUser(id);
    for (const FakeClerkUser &user : m_behaviour.addAfterList.value(listIndex))
        addUser(user);
    if (response.status == -1) { // hang: never answer this one
        m_hanging.append(socket);
        return;
    }
    int delay = m_behaviour.pageDelayMs;
    const int page = response.headers.isEmpty() ? -1 : response.headers.first().second.toInt();
    if (page >= 0 && page == m_behaviour.oversizedPage) {
        sendOversized(socket);
        return;
    }
    if (page >= 0 && m_behaviour.rawPages.contains(page)) {
        send(socket, Response{200, m_behaviour.rawPages.value(page), {}});
        return;
    }
    if (page >= 0 && page == m_behaviour.tricklePage) {
        Response clean = response;
        clean.headers.clear();
        trickle(socket, clean);
        return;
    }
    if (m_behaviour.slowPages.contains(page))
        delay += m_behaviour.slowPageDelayMs;
    Response clean = response;
    clean.headers.clear();
    if (delay <= 0) {
        send(socket, clean);
        return;
    }
    QPointer<QTcpSocket> guard(socket);
    QTimer::singleShot(delay, this, [this, guard, clean] {
        if (guard)
            send(guard, clean);
    });
}

FakeClerkApi::Response FakeClerkApi::countUsers() const
{
    const QJsonObject body{{QStringLiteral("object"), QStringLiteral("total_count")},
                           {QStringLiteral("total_count"), qint64(m_users.size())}};
    return Response{200, QJsonDocument(body).toJson(QJsonDocument::Compact), {}};
}

FakeClerkApi::Response FakeClerkApi::listUsers(const QString &queryText, int listIndex)
{
    Q_UNUSED(listIndex);
    const QUrlQuery query(queryText);
    const auto value = [&query](const char *key) {
        return query.queryItemValue(QLatin1String(key), QUrl::FullyDecoded);
    };
    bool ok = true;
    const int limit = query.hasQueryItem(QStringLiteral("limit")) ? value("limit").toInt(&ok) : 10;
    if (!ok || limit < 1 || limit > 500)
        return clerkError(422, "form_param_value_invalid",
                          QStringLiteral("limit must be between 1 and 500"));
    const qint64 offset =
        query.hasQueryItem(QStringLiteral("offset")) ? value("offset").toLongLong(&ok) : 0;
    if (!ok || offset < 0)
        return clerkError(422, "form_param_value_invalid", QStringLiteral("offset is invalid"));
    const QString orderBy = value("order_by");
    const bool descending = orderBy.isEmpty() || orderBy == QLatin1String("-created_at");
    const bool createdOrder = orderBy.isEmpty() || orderBy == QLatin1String("created_at") ||
                              orderBy == QLatin1String("+created_at") ||
                              orderBy == QLatin1String("-created_at");
    const QString after = value("starting_after");
    if (!after.isEmpty()) {
        if (m_behaviour.refuseCursor)
            return clerkError(422, "form_param_unknown",
                              QStringLiteral("starting_after is not a valid parameter"));
        if (!createdOrder)
            return clerkError(422, "form_param_value_invalid",
                              QStringLiteral("starting_after needs created_at ordering"));
        if (offset != 0)
            return clerkError(422, "form_param_value_invalid",
                              QStringLiteral("starting_after cannot be combined with offset"));
    }
    // Positions in the requested order.
    const qsizetype n = m_users.size();
    const auto at = [&](qsizetype position) -> const FakeClerkUser & {
        return m_users.at(descending ? n - 1 - position : position);
    };
    qsizetype start = offset;
    if (!after.isEmpty()) {
        const auto it = m_index.constFind(after);
        if (it == m_index.constEnd())
            return clerkError(422, "resource_not_found",
                              QStringLiteral("starting_after names no user"));
        start = (descending ? n - 1 - *it : *it) + 1;
    }
    const int page = int(start / limit);
    // Failing and hanging pages, by their place in the walk.
    if (m_behaviour.hangPages.contains(page) && !m_hung.contains(page)) {
        m_hung.insert(page);
        return Response{-1, {}, {}};
    }
    const int failures = m_behaviour.failPages.value(page, 0);
    if (m_failuresServed.value(page, 0) < failures) {
        ++m_failuresServed[page];
        return clerkError(500, "internal_clerk_error", QStringLiteral("Something went wrong"));
    }
    QByteArray body = "[";
    for (qsizetype p = start; p < std::min<qsizetype>(n, start + limit); ++p) {
        if (body.size() > 1)
            body += ',';
        body += userJson(at(p));
    }
    body += ']';
    return Response{200, body, {{QByteArrayLiteral("x-page"), QByteArray::number(page)}}};
}

FakeClerkApi::Response FakeClerkApi::clerkError(int status, const char *code,
                                                const QString &message)
{
    const QJsonObject error{{QStringLiteral("message"), message},
                            {QStringLiteral("long_message"), message},
                            {QStringLiteral("code"), QString::fromLatin1(code)},
                            {QStringLiteral("meta"), QJsonObject()}};
    const QJsonObject body{{QStringLiteral("errors"), QJsonArray{error}},
                           {QStringLiteral("meta"), QJsonObject()},
                           {QStringLiteral("clerk_trace_id"), QStringLiteral("trace_fake")}};
    return Response{status, QJsonDocument(body).toJson(QJsonDocument::Compact), {}};
}

void FakeClerkApi::send(QTcpSocket *socket, const Response &response)
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' +
                     reasonPhrase(response.status) + "\r\n";
    out += "Content-Type: application/json\r\n";
    out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    out += "Connection: close\r\n";
    for (const auto &[name, val] : response.headers)
        out += name + ": " + val + "\r\n";
    out += "\r\n" + response.body;
    socket->write(out);
    socket->disconnectFromHost();
}

void FakeClerkApi::sendOversized(QTcpSocket *socket) const
{
    // A JSON array that never ends, in 64 KiB writes as the socket drains,
    // until oversizedBytes are out or the client hangs up.
    QByteArray head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n";
    if (!m_behaviour.hideOversizedLength)
        head += "Content-Length: " + QByteArray::number(m_behaviour.oversizedBytes) + "\r\n";
    head += "Connection: close\r\n\r\n[";
    socket->write(head);
    auto left = std::make_shared<qint64>(m_behaviour.oversizedBytes - 1);
    const QByteArray chunk(64 * 1024, ' ');
    auto pump = [socket, left, chunk] {
        while (*left > 0 && socket->bytesToWrite() < 256 * 1024 &&
               socket->state() == QAbstractSocket::ConnectedState) {
            const qint64 n = std::min<qint64>(*left, chunk.size());
            socket->write(chunk.constData(), n);
            *left -= n;
        }
        if (*left <= 0)
            socket->disconnectFromHost();
    };
    connect(socket, &QTcpSocket::bytesWritten, socket, pump);
    pump();
}

void FakeClerkApi::trickle(QTcpSocket *socket, const Response &response) const
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' +
                     reasonPhrase(response.status) + "\r\n";
    out += "Content-Type: application/json\r\n";
    out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    out += "Connection: close\r\n\r\n" + response.body;
    testing::trickle(socket, out, m_behaviour.trickleIntervalMs);
}

} // namespace rolecall::testing
