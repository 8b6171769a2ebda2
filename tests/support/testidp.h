#pragma once

#include "support/rsakeypair.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <QUrlQuery>

#include <optional>

class QTcpServer;
class QTcpSocket;

namespace rolecall::testing {

// An OpenID Connect provider on 127.0.0.1 that behaves like Clerk's as Clerk
// documents its OAuth endpoints: authorization code with PKCE S256 only, opaque
// access tokens, RS256 ID tokens, JWKS, userinfo and revocation. It
// auto-approves every valid authorization request, and `behaviour()` makes it
// misbehave on purpose. Everything runs on the event loop, so it keeps serving
// while a test spins in QTRY_* or waits on a QNetworkReply.
class TestIdentityProvider : public QObject
{
    Q_OBJECT

public:
    struct TestUser
    {
        QString subject, email, givenName, familyName;
    };
    // Seed user N of tests/support/testdata.h, signing in.
    static TestUser seedUser(int n);

    struct Behaviour
    {
        // authorize
        bool sendIss = true;      // RFC 9207 iss in the redirect
        bool deny = false;        // error=access_denied
        bool wrongState = false;  // a state the client did not send
        bool omitState = false;   // no state at all
        bool wrongIss = false;    // iss=http://evil.example
        int authorizeDelayMs = 0; // before the 302
        // token
        QString tokenError;              // non-empty: always this RFC 6749 error, 400
        int tokenHttpStatus = 0;         // non-zero: this status with an HTML body
        int tokenDelayMs = 0;            // before answering
        QByteArray idTokenOverride;      // returned instead of the real id_token
        bool signWithUnknownKid = false; // sign with the key rotateSigningKey() adds next
        bool omitIdTokenOnRefresh = false;
        bool rotateRefreshTokens = true; // false: the refresh response has no refresh_token
        int accessTokenLifetime = 3600;  // expires_in, seconds
        bool jwtAccessTokens = false;    // access tokens as RS256 at+jwt instead of oat_…
        // discovery
        bool revocation = true; // false: no revocation_endpoint, and it answers 404
        // faults (tst_providerfaults.cpp)
        bool advertiseIss = false;          // advertise RFC 9207 iss even when sendIss is false
        QSet<QString> downPaths;            // these paths: the connection closes unanswered
        QHash<QString, QByteArray> garbage; // these paths: 200 with this body
        QHash<QString, int> pathDelayMs;    // these paths answer this many ms later
        QString tricklePath;                // this path's answer comes a byte at a time ...
        int trickleIntervalMs = 50;         // ... every this many ms
        qint64 clockSkewSeconds = 0;        // the provider's clock is off by this much
    };

    explicit TestIdentityProvider(QObject *parent = nullptr);
    ~TestIdentityProvider() override;

    // Listens on 127.0.0.1:port (0: any free port).
    bool start(QString *error, quint16 port = 0);
    quint16 port() const;
    QString issuer() const; // http://127.0.0.1:PORT, no trailing slash
    // Behind a proxy (tests/support/tcpfaultproxy.h): the issuer and every
    // endpoint it advertises name the proxy's port instead of its own.
    void setPublicPort(quint16 port) { m_publicPort = port; }

    void setClientId(const QString &clientId) { m_clientId = clientId; }
    QString clientId() const { return m_clientId; }
    void setUser(const TestUser &user) { m_user = user; }
    TestUser user() const { return m_user; }
    Behaviour &behaviour() { return m_behaviour; }

    QList<QUrlQuery> tokenRequests() const { return m_tokenRequests; }
    QStringList revokedTokens() const { return m_revokedTokens; }
    QString lastNonce() const { return m_lastNonce; }
    QUrl lastRedirectUri() const { return m_lastRedirectUri; }
    QString lastScope() const { return m_lastScope; }
    int jwksRequestCount() const { return m_jwksRequests; }

    // Adds a new key to the JWKS and signs with it from now on; the old keys
    // stay in the set.
    void rotateSigningKey();
    const RsaKeyPair &currentKey() const { return m_keys.last(); }
    QJsonObject jwks() const;

    // A valid ID token for the current user, signed with the current key, with
    // `overrides` applied on top of the standard claims (a null value removes
    // the claim).
    QByteArray makeIdToken(const QJsonObject &overrides, const QString &nonce) const;

    // Access tokens as Clerk issues them for an OAuth application, for the
    // current user: a JWT (header typ at+jwt, RS256, iss, sub, azp and
    // client_id = the client ID, exp = now + accessTokenLifetime) with
    // `overrides` applied like makeIdToken()'s, or an opaque oat_… token that
    // userinfo accepts until it expires or is revoked.
    QByteArray makeAccessToken(const QJsonObject &overrides) const;
    QString issueOpaqueAccessToken(int lifetimeSecs = 3600);
    // As if the user had signed out elsewhere: userinfo refuses it from now on.
    void revokeAccessToken(const QString &token);

Q_SIGNALS:
    // After each response; path without the query, so never a code or token.
    void requestServed(const QString &method, const QString &path, int status);

private:
    struct Request
    {
        QByteArray method;
        QUrl url;
        QHash<QByteArray, QByteArray> headers; // names in lower case
        QByteArray body;
    };
    struct Response
    {
        int status = 200;
        QByteArray contentType;
        QByteArray body;
        QList<QPair<QByteArray, QByteArray>> headers;
    };
    struct Grant
    {
        QString clientId, redirectUri, codeChallenge, nonce, scope;
        QDateTime expiresAt;
    };

    struct ParseResult
    {
        enum State { Incomplete, Complete, Failed } state = Incomplete;
        Request request;  // when Complete
        Response failure; // when Failed: the 400/413/501 to send
    };

    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    static ParseResult parseRequest(const QByteArray &buffer);
    void dispatch(QTcpSocket *socket, const Request &request);
    // Behaviour's faults; true when it answered (or will) in their place.
    bool injectFault(QTcpSocket *socket, const Request &request);
    void reply(QTcpSocket *socket, const Request &request, const Response &response);
    void sendRaw(QTcpSocket *socket, const Response &response);

    static QString randomToken(int bytes = 24);
    static Response json(int status, const QJsonObject &body);
    static Response text(int status, const QByteArray &body);
    Response discovery() const;
    Response authorize(const Request &request);
    Response token(const Request &request);
    Response tokenSuccess(const Grant &grant, bool withNonce, bool isRefresh,
                          const QString &keepRefreshToken);
    Response userInfo(const Request &request) const;
    Response revoke(const Request &request);
    Response jwksResponse();
    const RsaKeyPair &nextKey() const;
    QJsonObject userClaims() const; // sub, email and names, as in both ID token and userinfo

    QTcpServer *m_server = nullptr;
    QHash<QTcpSocket *, QByteArray> m_buffers; // connections still reading a request
    QString m_clientId = QStringLiteral("rolecall-test");
    quint16 m_publicPort = 0;
    TestUser m_user;
    Behaviour m_behaviour;
    QList<RsaKeyPair> m_keys;
    mutable std::optional<RsaKeyPair> m_nextKey;
    QHash<QString, Grant> m_codes;
    QHash<QString, Grant> m_refreshTokens;
    QHash<QString, QDateTime> m_accessTokens;
    QSet<QString> m_revoked;
    QList<QUrlQuery> m_tokenRequests;
    QStringList m_revokedTokens;
    QString m_lastNonce, m_lastScope;
    QUrl m_lastRedirectUri;
    int m_jwksRequests = 0;
    bool m_delayedDispatch = false;
};

} // namespace rolecall::testing
