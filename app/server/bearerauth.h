#pragma once

#include "auth/jwks.h"
#include "server/issuerfetch.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QMutex>
#include <QString>
#include <QUrl>

#include <chrono>
#include <optional>
#include <variant>

namespace rolecall::server {

// Who a request comes from: the `sub` of a verified access token.
struct Principal
{
    QString subject;
};

struct AuthFailure
{
    QString message; // for the 401 problem; never contains the token
};

// Verifies `Authorization: Bearer` access tokens for rolecall-server; safe to
// call from any number of worker threads at once.
//
//   token ─ three parts? ─yes─▶ JWKS (fetched once from discovery's jwks_uri)
//     │                          ─▶ verifyAccessToken ─ unknown kid ─▶ refetch
//     │                                    JWKS once (such refetches ≥ 30 s apart)
//     └─no (oat_…)──▶ cache (SHA-256 of the token, 60 s) ─miss─▶ GET userinfo
//                                                                 with the token
// Discovery and the JWKS are kept for the life of the process; only what the
// network said about an opaque token expires.
class BearerAuthenticator
{
public:
    struct Config
    {
        QUrl issuer;
        QString audience;
        int leewaySeconds = 30;
        std::chrono::seconds opaqueCacheTime{60};
        std::chrono::seconds jwksRefetchInterval{30};
    };

    explicit BearerAuthenticator(Config config, IssuerFetch fetch = fetchFromIssuer);
    Q_DISABLE_COPY_MOVE(BearerAuthenticator)

    // `authorization`: the header's value as received (may be empty).
    std::variant<Principal, AuthFailure> authenticate(const QByteArray &authorization);

private:
    struct Endpoints
    {
        QUrl jwks, userInfo;
    };
    struct CachedOpaque
    {
        QString subject;
        QDateTime until;
    };

    std::optional<Endpoints> endpoints(QString *error);
    std::optional<auth::Jwks> keys(bool refetch, QString *error);
    std::variant<Principal, AuthFailure> verifyJwt(const QByteArray &token);
    std::variant<Principal, AuthFailure> verifyOpaque(const QByteArray &token);

    const Config m_config;
    const IssuerFetch m_fetch;
    QMutex m_mutex; // guards everything below
    std::optional<Endpoints> m_endpoints;
    std::optional<auth::Jwks> m_jwks;
    QDateTime m_lastRefetchAt;                // of a refetch for an unknown kid
    QHash<QByteArray, CachedOpaque> m_opaque; // key: SHA-256 of the token
};

} // namespace rolecall::server
