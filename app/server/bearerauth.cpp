#include "server/bearerauth.h"

#include "auth/idtokenverifier.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutexLocker>

namespace rolecall::server {

namespace {

constexpr qsizetype maxTokenBytes = 16 * 1024;
constexpr qsizetype maxCachedOpaqueTokens = 10000;

QString withoutTrailingSlash(QString url)
{
    while (url.endsWith(QLatin1Char('/')))
        url.chop(1);
    return url;
}

AuthFailure failure(const QString &message)
{
    return AuthFailure{message};
}

} // namespace

BearerAuthenticator::BearerAuthenticator(Config config, IssuerFetch fetch)
    : m_config(std::move(config))
    , m_fetch(std::move(fetch))
{}

std::variant<Principal, AuthFailure>
BearerAuthenticator::authenticate(const QByteArray &authorization)
{
    if (authorization.isEmpty())
        return failure(QStringLiteral("This request needs an Authorization: Bearer access token."));
    const QByteArray scheme = authorization.left(7);
    if (scheme.compare("Bearer ", Qt::CaseInsensitive) != 0)
        return failure(QStringLiteral("The Authorization header is not a Bearer token."));
    const QByteArray token = authorization.mid(7).trimmed();
    if (token.isEmpty() || token.size() > maxTokenBytes)
        return failure(QStringLiteral("The bearer token is empty or too large."));
    for (const char c : token) {
        // RFC 6750 b64token characters; anything else cannot be a token.
        const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                        (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~' ||
                        c == '+' || c == '/' || c == '=';
        if (!ok)
            return failure(QStringLiteral("The bearer token has characters no token has."));
    }
    return token.count('.') == 2 ? verifyJwt(token) : verifyOpaque(token);
}

std::optional<BearerAuthenticator::Endpoints> BearerAuthenticator::endpoints(QString *error)
{
    // Called with m_mutex held.
    if (m_endpoints)
        return m_endpoints;
    const QString issuer = withoutTrailingSlash(m_config.issuer.toString());
    const FetchResult answer =
        m_fetch(QUrl(issuer + QStringLiteral("/.well-known/openid-configuration")), {});
    if (answer.status != 200) {
        *error =
            answer.status == 0
                ? QStringLiteral("The identity provider cannot be reached (%1).").arg(answer.error)
                : QStringLiteral("The identity provider's discovery document answered "
                                 "HTTP %1.")
                      .arg(answer.status);
        return std::nullopt;
    }
    const QJsonObject doc = QJsonDocument::fromJson(answer.body).object();
    if (withoutTrailingSlash(doc.value(QLatin1String("issuer")).toString()) != issuer) {
        *error = QStringLiteral("The identity provider's discovery document names another "
                                "issuer.");
        return std::nullopt;
    }
    Endpoints found{QUrl(doc.value(QLatin1String("jwks_uri")).toString()),
                    QUrl(doc.value(QLatin1String("userinfo_endpoint")).toString())};
    if (!found.jwks.isValid() || found.jwks.isEmpty()) {
        *error = QStringLiteral("The identity provider's discovery document has no jwks_uri.");
        return std::nullopt;
    }
    m_endpoints = found;
    return m_endpoints;
}

std::optional<auth::Jwks> BearerAuthenticator::keys(bool refetch, QString *error)
{
    // Called with m_mutex held: one thread fetches, the others wait for it.
    // A token with an unknown kid must not make every request a fetch: such
    // refetches are at least jwksRefetchInterval apart.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const bool mayRefetch =
        !m_lastRefetchAt.isValid() ||
        m_lastRefetchAt.secsTo(now) >= qint64(m_config.jwksRefetchInterval.count());
    if (m_jwks && (!refetch || !mayRefetch))
        return m_jwks;
    const auto found = endpoints(error);
    if (!found)
        return std::nullopt;
    const FetchResult answer = m_fetch(found->jwks, {});
    if (m_jwks)
        m_lastRefetchAt = now;
    if (answer.status != 200) {
        *error = QStringLiteral("The identity provider's key set cannot be read (%1).")
                     .arg(answer.status == 0 ? answer.error
                                             : QStringLiteral("HTTP %1").arg(answer.status));
        return m_jwks; // keep the keys we had
    }
    auto parsed = auth::Jwks::parse(answer.body, error);
    if (parsed)
        m_jwks = std::move(parsed);
    return m_jwks;
}

std::variant<Principal, AuthFailure> BearerAuthenticator::verifyJwt(const QByteArray &token)
{
    QMutexLocker lock(&m_mutex);
    QString error;
    auto jwks = keys(false, &error);
    if (!jwks)
        return failure(error);
    const auth::AccessTokenExpectations expected{withoutTrailingSlash(m_config.issuer.toString()),
                                                 m_config.audience,
                                                 {},
                                                 m_config.leewaySeconds};
    auto verified = auth::verifyAccessToken(token, *jwks, expected);
    const auto *failed = std::get_if<auth::IdTokenFailure>(&verified);
    if (failed && failed->error == auth::IdTokenError::UnknownKey) {
        // The provider may have rotated its keys: look once more, rate-limited.
        jwks = keys(true, &error);
        if (!jwks)
            return failure(error);
        verified = auth::verifyAccessToken(token, *jwks, expected);
        failed = std::get_if<auth::IdTokenFailure>(&verified);
    }
    if (failed)
        return failure(failed->message);
    return Principal{std::get<auth::AccessTokenClaims>(verified).subject};
}

std::variant<Principal, AuthFailure> BearerAuthenticator::verifyOpaque(const QByteArray &token)
{
    const QByteArray key = QCryptographicHash::hash(token, QCryptographicHash::Sha256);
    QUrl userInfo;
    {
        QMutexLocker lock(&m_mutex);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const auto cached = m_opaque.constFind(key);
        if (cached != m_opaque.cend() && cached->until > now)
            return Principal{cached->subject};
        QString error;
        const auto found = endpoints(&error);
        if (!found)
            return failure(error);
        userInfo = found->userInfo;
    }
    if (!userInfo.isValid() || userInfo.isEmpty())
        return failure(QStringLiteral("The identity provider has no userinfo endpoint to check an "
                                      "opaque access token at."));
    // Outside the lock: a slow provider must not hold up JWT requests.
    const FetchResult answer = m_fetch(userInfo, token);
    if (answer.status == 401 || answer.status == 403)
        return failure(QStringLiteral("The identity provider does not accept this access token "
                                      "(expired or revoked)."));
    if (answer.status != 200)
        return failure(QStringLiteral("The identity provider could not check the access token "
                                      "(%1).")
                           .arg(answer.status == 0 ? answer.error
                                                   : QStringLiteral("HTTP %1").arg(answer.status)));
    const QString subject =
        QJsonDocument::fromJson(answer.body).object().value(QLatin1String("sub")).toString();
    if (subject.isEmpty())
        return failure(QStringLiteral("The identity provider's userinfo answer names no user."));

    QMutexLocker lock(&m_mutex);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (m_opaque.size() >= maxCachedOpaqueTokens) {
        for (auto it = m_opaque.begin(); it != m_opaque.end();)
            it = it->until <= now ? m_opaque.erase(it) : std::next(it);
        if (m_opaque.size() >= maxCachedOpaqueTokens)
            m_opaque.clear();
    }
    m_opaque.insert(key, CachedOpaque{subject, now.addSecs(m_config.opaqueCacheTime.count())});
    return Principal{subject};
}

} // namespace rolecall::server
