#include "support/testidp.h"

#include "support/testdata.h"

#include <QCryptographicHash>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace rolecall::testing {

namespace {

constexpr qsizetype maxRequestSize = 64 * 1024;
constexpr int idleTimeoutMs = 30'000;
constexpr qint64 codeLifetimeSecs = 600;

QByteArray reasonPhrase(int status)
{
    static const QHash<int, QByteArray> phrases{{200, "OK"},
                                                {302, "Found"},
                                                {400, "Bad Request"},
                                                {401, "Unauthorized"},
                                                {404, "Not Found"},
                                                {405, "Method Not Allowed"},
                                                {413, "Content Too Large"},
                                                {500, "Internal Server Error"},
                                                {501, "Not Implemented"}};
    return phrases.value(status, QByteArrayLiteral("Status"));
}

// application/x-www-form-urlencoded, where '+' is a space (QUrlQuery keeps it).
QUrlQuery formDecode(QByteArray encoded)
{
    encoded.replace('+', QByteArrayLiteral("%20"));
    return QUrlQuery(QString::fromLatin1(encoded));
}

QString value(const QUrlQuery &query, const QString &key)
{
    return query.queryItemValue(key, QUrl::FullyDecoded);
}

QByteArray formEncode(const QList<QPair<QString, QString>> &items)
{
    QByteArray out;
    for (const auto &[key, val] : items) {
        if (!out.isEmpty())
            out += '&';
        out += QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(val);
    }
    return out;
}

QJsonArray strings(std::initializer_list<const char *> values)
{
    QJsonArray array;
    for (const char *v : values)
        array.append(QString::fromLatin1(v));
    return array;
}

bool hasScope(const QString &scope, const QString &wanted)
{
    return scope.split(QLatin1Char(' '), Qt::SkipEmptyParts).contains(wanted);
}

} // namespace

TestIdentityProvider::TestIdentityProvider(QObject *parent)
    : QObject(parent)
    , m_server(new QTcpServer(this))
    , m_user{QStringLiteral("user_2testadmin000000000000000"), QStringLiteral("admin@example.test"),
             QStringLiteral("Ada"), QStringLiteral("Admin")}
{
    m_keys.append(RsaKeyPair());
    connect(m_server, &QTcpServer::newConnection, this, &TestIdentityProvider::onNewConnection);
}

TestIdentityProvider::~TestIdentityProvider() = default;

TestIdentityProvider::TestUser TestIdentityProvider::seedUser(int n)
{
    return {clerkIdOfSeedUser(n), emailOfSeedUser(n), firstNameOfSeedUser(n),
            lastNameOfSeedUser(n)};
}

bool TestIdentityProvider::start(QString *error, quint16 port)
{
    if (!m_keys.last().isValid()) {
        if (error)
            *error = QStringLiteral("could not generate an RSA key");
        return false;
    }
    if (!m_server->listen(QHostAddress(QHostAddress::LocalHost), port)) {
        if (error)
            *error = m_server->errorString();
        return false;
    }
    return true;
}

quint16 TestIdentityProvider::port() const
{
    return m_server->serverPort();
}

QString TestIdentityProvider::issuer() const
{
    return QStringLiteral("http://127.0.0.1:") +
           QString::number(m_publicPort ? m_publicPort : port());
}

void TestIdentityProvider::rotateSigningKey()
{
    m_keys.append(nextKey());
    m_nextKey.reset();
}

const RsaKeyPair &TestIdentityProvider::nextKey() const
{
    if (!m_nextKey)
        m_nextKey.emplace();
    return *m_nextKey;
}

QJsonObject TestIdentityProvider::jwks() const
{
    QJsonArray keys;
    for (const RsaKeyPair &key : m_keys)
        keys.append(key.publicJwk());
    return QJsonObject{{QStringLiteral("keys"), keys}};
}

QJsonObject TestIdentityProvider::userClaims() const
{
    const QString name = m_user.givenName + QLatin1Char(' ') + m_user.familyName;
    return QJsonObject{{QStringLiteral("sub"), m_user.subject},
                       {QStringLiteral("email"), m_user.email},
                       {QStringLiteral("email_verified"), true},
                       {QStringLiteral("given_name"), m_user.givenName},
                       {QStringLiteral("family_name"), m_user.familyName},
                       {QStringLiteral("name"), name.trimmed()}};
}

// --- connections ----------------------------------------------------------

void TestIdentityProvider::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        m_buffers.insert(socket, QByteArray());
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_buffers.remove(socket);
            socket->deleteLater();
        });
        // A client that never finishes its request must not hold a socket forever.
        QPointer<QTcpSocket> guard(socket);
        QTimer::singleShot(idleTimeoutMs, this, [guard] {
            if (guard)
                guard->abort();
        });
    }
}

void TestIdentityProvider::onReadyRead(QTcpSocket *socket)
{
    auto it = m_buffers.find(socket);
    if (it == m_buffers.end()) {
        socket->readAll(); // already answered: ignore anything more
        return;
    }
    it->append(socket->readAll());
    ParseResult result = parseRequest(*it);
    if (result.state == ParseResult::Incomplete)
        return;
    m_buffers.remove(socket); // one request per connection
    if (result.state == ParseResult::Failed) {
        sendRaw(socket, result.failure);
        Q_EMIT requestServed(QStringLiteral("-"), QStringLiteral("-"), result.failure.status);
        return;
    }
    dispatch(socket, result.request);
}

TestIdentityProvider::ParseResult TestIdentityProvider::parseRequest(const QByteArray &buffer)
{
    ParseResult result;
    const auto fail = [&result](int status, const char *message) {
        result.state = ParseResult::Failed;
        result.failure.status = status;
        result.failure.contentType = QByteArrayLiteral("text/plain; charset=utf-8");
        result.failure.body = QByteArray(message) + '\n';
        return result;
    };
    const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return buffer.size() > maxRequestSize ? fail(413, "Request header too large") : result;
    if (headerEnd > maxRequestSize)
        return fail(413, "Request header too large");

    const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
    const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
    if (requestLine.size() != 3 || !requestLine.at(2).startsWith("HTTP/1."))
        return fail(400, "Malformed request line");
    Request &request = result.request;
    request.method = requestLine.at(0);
    request.url = QUrl::fromEncoded(requestLine.at(1), QUrl::StrictMode);
    if (request.method.isEmpty() || !request.url.isValid() || !request.url.path().startsWith(u'/'))
        return fail(400, "Malformed request target");
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return fail(400, "Malformed header line");
        request.headers.insert(line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed());
    }
    if (request.headers.contains("transfer-encoding"))
        return fail(501, "Transfer-Encoding is not supported");
    qsizetype length = 0;
    if (request.headers.contains("content-length")) {
        bool ok = false;
        length = request.headers.value("content-length").toLongLong(&ok);
        if (!ok || length < 0)
            return fail(400, "Bad Content-Length");
    }
    const qsizetype bodyStart = headerEnd + 4;
    if (length > maxRequestSize - bodyStart)
        return fail(413, "Request too large");
    if (buffer.size() < bodyStart + length)
        return result; // the body is still coming
    request.body = buffer.mid(bodyStart, length);
    result.state = ParseResult::Complete;
    return result;
}

void TestIdentityProvider::dispatch(QTcpSocket *socket, const Request &request)
{
    if (injectFault(socket, request))
        return;
    const QString path = request.url.path();
    const bool get = request.method == "GET";
    const bool post = request.method == "POST";
    const auto notAllowed = [] { return text(405, "Method not allowed\n"); };
    const auto later = [this, socket, request](int delayMs, auto handler) {
        QPointer<QTcpSocket> guard(socket);
        QTimer::singleShot(delayMs, this, [this, guard, request, handler] {
            const Response response = handler();
            if (guard)
                reply(guard, request, response);
        });
    };

    if (path == QStringLiteral("/.well-known/openid-configuration") ||
        path == QStringLiteral("/.well-known/oauth-authorization-server")) {
        reply(socket, request, get ? discovery() : notAllowed());
    } else if (path == QStringLiteral("/.well-known/jwks.json")) {
        reply(socket, request, get ? jwksResponse() : notAllowed());
    } else if (path == QStringLiteral("/oauth/authorize")) {
        if (!get)
            reply(socket, request, notAllowed());
        else if (m_behaviour.authorizeDelayMs > 0)
            later(m_behaviour.authorizeDelayMs, [this, request] { return authorize(request); });
        else
            reply(socket, request, authorize(request));
    } else if (path == QStringLiteral("/oauth/token")) {
        if (!post)
            reply(socket, request, notAllowed());
        else if (m_behaviour.tokenDelayMs > 0)
            later(m_behaviour.tokenDelayMs, [this, request] { return token(request); });
        else
            reply(socket, request, token(request));
    } else if (path == QStringLiteral("/oauth/userinfo")) {
        reply(socket, request, get || post ? userInfo(request) : notAllowed());
    } else if (path == QStringLiteral("/oauth/token/revoke") && m_behaviour.revocation) {
        reply(socket, request, post ? revoke(request) : notAllowed());
    } else {
        reply(socket, request, text(404, "Not found\n"));
    }
}

void TestIdentityProvider::reply(QTcpSocket *socket, const Request &request,
                                 const Response &response)
{
    sendRaw(socket, response);
    Q_EMIT requestServed(QString::fromLatin1(request.method), request.url.path(), response.status);
}

void TestIdentityProvider::sendRaw(QTcpSocket *socket, const Response &response)
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' +
                     reasonPhrase(response.status) + "\r\n";
    if (!response.contentType.isEmpty())
        out += "Content-Type: " + response.contentType + "\r\n";
    out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    out += "Cache-Control: no-store\r\nConnection: close\r\n";
    for (const auto &[name, val] : response.headers)
        out += name + ": " + val + "\r\n";
    out += "\r\n" + response.body;
    socket->write(out);
    socket->disconnectFromHost(); // after the write has been flushed
}

// --- endpoints --------------------------------------------------------------

TestIdentityProvider::Response TestIdentityProvider::json(int status, const QJsonObject &body)
{
    return Response{status,
                    QByteArrayLiteral("application/json"),
                    QJsonDocument(body).toJson(QJsonDocument::Compact),
                    {}};
}

TestIdentityProvider::Response TestIdentityProvider::text(int status, const QByteArray &body)
{
    return Response{status, QByteArrayLiteral("text/plain; charset=utf-8"), body, {}};
}

TestIdentityProvider::Response TestIdentityProvider::discovery() const
{
    const QString base = issuer();
    const auto at = [&base](const QString &path) { return QString(base + path); };
    QJsonObject doc{
        {QStringLiteral("issuer"), base},
        {QStringLiteral("authorization_endpoint"), at(QStringLiteral("/oauth/authorize"))},
        {QStringLiteral("token_endpoint"), at(QStringLiteral("/oauth/token"))},
        {QStringLiteral("jwks_uri"), at(QStringLiteral("/.well-known/jwks.json"))},
        {QStringLiteral("userinfo_endpoint"), at(QStringLiteral("/oauth/userinfo"))},
        {QStringLiteral("response_types_supported"), strings({"code"})},
        {QStringLiteral("response_modes_supported"), strings({"query"})},
        {QStringLiteral("grant_types_supported"), strings({"authorization_code", "refresh_token"})},
        {QStringLiteral("code_challenge_methods_supported"), strings({"S256"})},
        {QStringLiteral("id_token_signing_alg_values_supported"), strings({"RS256"})},
        {QStringLiteral("scopes_supported"),
         strings({"openid", "profile", "email", "offline_access"})},
        {QStringLiteral("token_endpoint_auth_methods_supported"),
         strings({"none", "client_secret_basic"})},
        {QStringLiteral("subject_types_supported"), strings({"public"})},
        {QStringLiteral("claims_supported"),
         strings({"sub", "iss", "aud", "exp", "iat", "email", "name"})},
        {QStringLiteral("authorization_response_iss_parameter_supported"),
         m_behaviour.sendIss || m_behaviour.advertiseIss},
    };
    if (m_behaviour.revocation)
        doc.insert(QStringLiteral("revocation_endpoint"),
                   at(QStringLiteral("/oauth/token/revoke")));
    return json(200, doc);
}

TestIdentityProvider::Response TestIdentityProvider::jwksResponse()
{
    ++m_jwksRequests;
    return json(200, jwks());
}

TestIdentityProvider::Response TestIdentityProvider::authorize(const Request &request)
{
    const QUrlQuery query = formDecode(request.url.query(QUrl::FullyEncoded).toLatin1());
    const auto bad = [](const char *message) {
        return text(400, QByteArray("Invalid authorization request: ") + message + '\n');
    };
    const QString redirectUri = value(query, QStringLiteral("redirect_uri"));
    const QString state = value(query, QStringLiteral("state"));
    const QString challenge = value(query, QStringLiteral("code_challenge"));
    if (value(query, QStringLiteral("response_type")) != QStringLiteral("code"))
        return bad("response_type must be code");
    if (value(query, QStringLiteral("client_id")) != m_clientId)
        return bad("unknown client_id");
    const QUrl redirect(redirectUri, QUrl::StrictMode);
    if (!redirectUri.startsWith(QStringLiteral("http://127.0.0.1:")) || !redirect.isValid() ||
        redirect.host() != QStringLiteral("127.0.0.1") || redirect.port() <= 0)
        return bad("redirect_uri must be a loopback http://127.0.0.1:PORT URL");
    if (challenge.isEmpty())
        return bad("code_challenge is required");
    if (value(query, QStringLiteral("code_challenge_method")) != QStringLiteral("S256"))
        return bad("code_challenge_method must be S256");
    if (state.isEmpty())
        return bad("state is required");

    const QString scope = query.hasQueryItem(QStringLiteral("scope"))
                              ? value(query, QStringLiteral("scope"))
                              : QStringLiteral("profile email"); // Clerk's default
    const Grant grant{m_clientId, redirectUri,
                      challenge,  value(query, QStringLiteral("nonce")),
                      scope,      QDateTime::currentDateTimeUtc().addSecs(codeLifetimeSecs)};
    m_lastNonce = grant.nonce;
    m_lastRedirectUri = redirect;
    m_lastScope = grant.scope;

    QList<QPair<QString, QString>> items;
    if (m_behaviour.deny) {
        items = {{QStringLiteral("error"), QStringLiteral("access_denied")},
                 {QStringLiteral("error_description"),
                  QStringLiteral("The user denied the authorization request.")}};
    } else {
        const QString code = randomToken();
        m_codes.insert(code, grant);
        items = {{QStringLiteral("code"), code}};
    }
    if (m_behaviour.wrongState)
        items.append({QStringLiteral("state"), QStringLiteral("not-the-state-you-sent")});
    else if (!m_behaviour.omitState)
        items.append({QStringLiteral("state"), state});
    if (m_behaviour.wrongIss)
        items.append({QStringLiteral("iss"), QStringLiteral("http://evil.example")});
    else if (m_behaviour.sendIss)
        items.append({QStringLiteral("iss"), issuer()});

    QByteArray location = redirect.toEncoded(QUrl::RemoveQuery | QUrl::RemoveFragment);
    const QByteArray existing = redirect.query(QUrl::FullyEncoded).toLatin1();
    location += '?' + (existing.isEmpty() ? QByteArray() : existing + '&') + formEncode(items);
    return Response{302,
                    QByteArrayLiteral("text/plain"),
                    QByteArrayLiteral("Redirecting\n"),
                    {{QByteArrayLiteral("Location"), location}}};
}

TestIdentityProvider::Response TestIdentityProvider::token(const Request &request)
{
    const auto error = [](int status, const QString &code, const char *description) {
        return json(status, QJsonObject{{QStringLiteral("error"), code},
                                        {QStringLiteral("error_description"),
                                         QString::fromLatin1(description)}});
    };
    const auto invalidGrant = [&error](int status, const char *description) {
        return error(status, QStringLiteral("invalid_grant"), description);
    };
    const QUrlQuery form = formDecode(request.body);
    m_tokenRequests.append(form);

    if (m_behaviour.tokenHttpStatus != 0 && m_behaviour.tokenHttpStatus != 200)
        return Response{m_behaviour.tokenHttpStatus,
                        QByteArrayLiteral("text/html; charset=utf-8"),
                        QByteArrayLiteral("<!DOCTYPE html><html><head><title>Error</title></head>"
                                          "<body><h1>Something went wrong</h1></body></html>\n"),
                        {}};
    if (!m_behaviour.tokenError.isEmpty())
        return error(400, m_behaviour.tokenError, "Forced by the test.");
    if (!request.headers.value("content-type").startsWith("application/x-www-form-urlencoded"))
        return error(400, QStringLiteral("invalid_request"),
                     "The body must be application/x-www-form-urlencoded.");

    // client_secret_basic names the client in the Authorization header.
    QString clientId = value(form, QStringLiteral("client_id"));
    const QByteArray authorization = request.headers.value("authorization");
    if (authorization.startsWith("Basic ")) {
        const QByteArray pair = QByteArray::fromBase64(authorization.mid(6));
        clientId = QUrl::fromPercentEncoding(pair.left(pair.indexOf(':')));
    }
    if (clientId != m_clientId)
        return error(401, QStringLiteral("invalid_client"), "Unknown client.");

    const QString grantType = value(form, QStringLiteral("grant_type"));
    if (grantType == QStringLiteral("authorization_code")) {
        const QString code = value(form, QStringLiteral("code"));
        const auto it = m_codes.constFind(code);
        if (code.isEmpty() || it == m_codes.constEnd())
            return invalidGrant(400, "The authorization code is invalid or was already used.");
        const Grant grant = *it;
        if (grant.expiresAt < QDateTime::currentDateTimeUtc()) {
            m_codes.remove(code);
            return invalidGrant(400, "The authorization code has expired.");
        }
        if (value(form, QStringLiteral("redirect_uri")) != grant.redirectUri)
            return invalidGrant(400, "redirect_uri does not match the authorization request.");
        const QByteArray verifier = value(form, QStringLiteral("code_verifier")).toLatin1();
        const QByteArray computed =
            base64Url(QCryptographicHash::hash(verifier, QCryptographicHash::Sha256));
        if (verifier.isEmpty() || QString::fromLatin1(computed) != grant.codeChallenge)
            return invalidGrant(401, "The code_verifier does not match the code_challenge.");
        m_codes.remove(code); // single use
        return tokenSuccess(grant, true, false, QString());
    }
    if (grantType == QStringLiteral("refresh_token")) {
        const QString refresh = value(form, QStringLiteral("refresh_token"));
        const auto it = m_refreshTokens.constFind(refresh);
        if (refresh.isEmpty() || it == m_refreshTokens.constEnd() || m_revoked.contains(refresh))
            return invalidGrant(400, "The refresh token is invalid, revoked or was rotated.");
        const Grant grant = *it;
        if (m_behaviour.rotateRefreshTokens) {
            m_refreshTokens.remove(refresh);
            return tokenSuccess(grant, false, true, QString());
        }
        return tokenSuccess(grant, false, true, refresh);
    }
    return error(401, QStringLiteral("unsupported_grant_type"),
                 "grant_type must be authorization_code or refresh_token.");
}

// keepRefreshToken: the refresh token stays valid and the response carries
// none (as Clerk may do), so clients must keep the one they have.
TestIdentityProvider::Response TestIdentityProvider::tokenSuccess(const Grant &grant,
                                                                  bool withNonce, bool isRefresh,
                                                                  const QString &keepRefreshToken)
{
    const QString accessToken = m_behaviour.jwtAccessTokens
                                    ? QString::fromLatin1(makeAccessToken({}))
                                    : issueOpaqueAccessToken(m_behaviour.accessTokenLifetime);
    QJsonObject body{
        {QStringLiteral("access_token"), accessToken},
        {QStringLiteral("token_type"), QStringLiteral("Bearer")},
        {QStringLiteral("expires_in"), m_behaviour.accessTokenLifetime},
        {QStringLiteral("scope"), grant.scope},
    };
    if (hasScope(grant.scope, QStringLiteral("offline_access")) && keepRefreshToken.isEmpty()) {
        const QString refreshToken = QStringLiteral("clk_refresh_") + randomToken();
        m_refreshTokens.insert(refreshToken, grant);
        body.insert(QStringLiteral("refresh_token"), refreshToken);
    }
    if (!(isRefresh && m_behaviour.omitIdTokenOnRefresh)) {
        const QByteArray idToken = m_behaviour.idTokenOverride.isEmpty()
                                       ? makeIdToken({}, withNonce ? grant.nonce : QString())
                                       : m_behaviour.idTokenOverride;
        body.insert(QStringLiteral("id_token"), QString::fromLatin1(idToken));
    }
    return json(200, body);
}

TestIdentityProvider::Response TestIdentityProvider::userInfo(const Request &request) const
{
    const QByteArray authorization = request.headers.value("authorization");
    const QString accessToken = authorization.startsWith("Bearer ")
                                    ? QString::fromLatin1(authorization.mid(7).trimmed())
                                    : QString();
    const auto it = m_accessTokens.constFind(accessToken);
    if (accessToken.isEmpty() || it == m_accessTokens.constEnd() ||
        m_revoked.contains(accessToken) || *it < QDateTime::currentDateTimeUtc())
        return Response{401,
                        QByteArrayLiteral("application/json"),
                        QByteArrayLiteral("{\"error\":\"invalid_token\"}"),
                        {{QByteArrayLiteral("WWW-Authenticate"),
                          QByteArrayLiteral("Bearer error=\"invalid_token\"")}}};
    QJsonObject user = userClaims();
    user.insert(QStringLiteral("object"), QStringLiteral("oauth_user_info"));
    user.insert(QStringLiteral("user_id"), m_user.subject);
    return json(200, user);
}

TestIdentityProvider::Response TestIdentityProvider::revoke(const Request &request)
{
    const QUrlQuery form = formDecode(request.body);
    const QString token = value(form, QStringLiteral("token"));
    if (token.isEmpty())
        return json(400, QJsonObject{{QStringLiteral("error"), QStringLiteral("invalid_request")}});
    // RFC 7009: unknown tokens are answered with 200 too.
    m_revoked.insert(token);
    m_revokedTokens.append(token);
    return json(200, QJsonObject{});
}

} // namespace rolecall::testing
