#pragma once

#include "auth/jwks.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

#include <functional>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace rolecall::auth {

// The parts of the provider's discovery document the console uses.
struct ProviderMetadata
{
    QString issuer;
    QUrl authorizationEndpoint;
    QUrl tokenEndpoint;
    QUrl jwksUri;
    QUrl userinfoEndpoint;
    QUrl revocationEndpoint; // empty when the provider has none
    // RFC 9207 authorization_response_iss_parameter_supported: callbacks
    // without iss are then refused.
    bool issParameterSupported = false;
};

// A token endpoint answer (RFC 6749 §5.1; OIDC adds id_token).
struct TokenResponse
{
    QString accessToken;
    QString refreshToken; // empty when the provider kept the old one
    QByteArray idToken;   // empty when none was sent (common on refresh)
    int expiresIn = 0;    // seconds; 0 when not said
    QString scope;
};

// How a request to the provider ended, when it did not succeed.
struct ProviderError
{
    enum class Kind { Network, Http, Protocol, InvalidGrant };
    Kind kind = Kind::Network;
    QString message; // for people; never contains a token or code
};

// The OpenID provider's endpoints, one small asynchronous call each. Every
// request has a timeout; callbacks run on this object's thread and not at all
// once it is gone. Nothing here is specific to Clerk: all endpoints come from
// the issuer's discovery document.
class OidcClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OidcClient)

public:
    template <typename T>
    using Callback =
        std::function<void(const std::optional<T> &result, const ProviderError &error)>;

    OidcClient(QString issuer, QString clientId, QNetworkAccessManager *network,
               QObject *parent = nullptr);

    const QString &issuer() const { return m_issuer; }
    const QString &clientId() const { return m_clientId; }
    // Inactivity: silence this long aborts a request.
    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds; }
    // Deadline: the whole request, send to last byte, however it trickles.
    void setDeadline(int milliseconds) { m_deadlineMs = milliseconds; }

    void fetchMetadata(Callback<ProviderMetadata> done);
    void fetchJwks(const QUrl &jwksUri, Callback<Jwks> done);
    void exchangeCode(const QUrl &tokenEndpoint, const QString &code, const QByteArray &verifier,
                      const QUrl &redirectUri, Callback<TokenResponse> done);
    void refresh(const QUrl &tokenEndpoint, const QString &refreshToken,
                 Callback<TokenResponse> done);
    // RFC 7009; `hint` is "refresh_token" or "access_token".
    void revoke(const QUrl &revocationEndpoint, const QString &token, const QString &hint,
                Callback<bool> done);

private:
    using FormFields = QList<std::pair<QString, QString>>;
    QNetworkReply *get(const QUrl &url, qint64 maxBytes);
    QNetworkReply *bounded(QNetworkReply *reply, qint64 maxBytes) const;
    static QString networkProblem(const QNetworkReply *reply);
    QNetworkReply *postForm(const QUrl &url, const FormFields &form);
    void tokenRequest(const QUrl &tokenEndpoint, const FormFields &form,
                      Callback<TokenResponse> done);
    QString hostOf(const QUrl &url) const;

    const QString m_issuer;
    const QString m_clientId;
    QPointer<QNetworkAccessManager> m_network;
    int m_timeoutMs = 30000;
    int m_deadlineMs = 60000;
};

} // namespace rolecall::auth
