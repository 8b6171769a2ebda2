#pragma once

#include "auth/browser.h"
#include "auth/idtokenverifier.h"
#include "auth/oidcclient.h"
#include "domain/profile.h"
#include "services/signinservice.h"

#include <QPointer>
#include <QTimer>

#include <functional>
#include <optional>

class QNetworkAccessManager;

namespace rolecall {
class SecretStore;
}

namespace rolecall::auth {

class LoopbackReceiver;

// Sign-in with any OpenID provider, as RFC 8252 says native apps must.
//
//  signIn(): discovery ─▶ loopback listener on 127.0.0.1:<free port>
//            ─▶ browser: authorize?code_challenge(S256)&state&nonce
//            ─▶ redirect with code ─▶ token endpoint (code_verifier)
//            ─▶ ID token verified (JWKS by kid, refetched once) ─▶ page told
//            ─▶ refresh token into the keychain ─▶ SignedIn
//  restore(): keychain entry ─▶ refresh (rotation stored at once)
//            ─▶ new ID token verified, same subject ─▶ SignedIn
//  while SignedIn: refresh a minute before the access token expires.
//  signOut(): revoke the refresh token (if the provider can) ─▶ delete entry.
//
// The access token lives in memory only. Without a usable keychain the
// session still works for this run, and notice() says so.
class OidcSignInService final : public SignInService
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OidcSignInService)

public:
    OidcSignInService(Profile profile, SecretStore *secrets, QNetworkAccessManager *network,
                      BrowserOpener openBrowser, QObject *parent = nullptr);
    ~OidcSignInService() override;

    State state() const override { return m_state; }
    Identity identity() const override { return m_identity; }
    QUrl authorizationUrl() const override { return m_authorizationUrl; }
    bool keychainAvailable() const override { return m_keychainAvailable; }

    // The current access token (memory only), for calls to the application's API.
    QString accessToken() const { return m_accessToken; }
    const Profile &profile() const { return m_profile; }

    // A keychain write is under way (after sign-in or a refresh that rotated
    // the refresh token); sessionStored() follows. A CLI waits for it before
    // exiting, or a rotated token would be lost.
    bool isStoringSession() const { return m_pendingStores > 0; }

    // How long the browser has to come back (default 5 minutes).
    void setBrowserTimeout(std::chrono::milliseconds timeout) { m_browserTimeout = timeout; }

    void restore() override;
    void signIn() override;
    void cancel() override;
    void signOut() override;
    // After a 401 from the API: refresh now; `done(true)` once a new access
    // token is in place.
    void refreshNow(std::function<void(bool)> done = {});

Q_SIGNALS:
    void sessionStored(bool stored);
    // signOut() has removed the keychain entry and asked the provider to revoke.
    void signOutFinished();

private:
    using Claims = std::optional<IdTokenClaims>;
    void withMetadata(quint64 attempt, std::function<void()> next);
    void verify(quint64 attempt, const QByteArray &idToken, const QString &nonce,
                std::function<void(const IdTokenClaims &)> next, bool keysRefetched = false);
    void onCodeReceived(quint64 attempt, const QString &code);
    void acceptTokens(const TokenResponse &tokens, const Claims &claims);
    void storeSession();
    void forgetSession(std::function<void()> removed = {});
    void scheduleRefresh(int expiresIn);
    void refreshTokens(quint64 attempt, std::function<void(bool)> done);
    void endAttempt(const QString &failure);
    void setState(State state);
    QString sessionKey() const;

    const Profile m_profile;
    QPointer<SecretStore> m_secrets;
    BrowserOpener m_openBrowser;
    OidcClient *m_client;
    std::optional<ProviderMetadata> m_metadata;
    std::optional<Jwks> m_jwks;
    LoopbackReceiver *m_receiver = nullptr;
    std::chrono::milliseconds m_browserTimeout = std::chrono::minutes(5);

    // The attempt in flight; answers to older ones are dropped.
    quint64 m_attempt = 0;
    QByteArray m_verifier;
    QString m_nonce;
    QUrl m_authorizationUrl;
    QUrl m_redirectUri;

    State m_state = State::SignedOut;
    Identity m_identity;
    QString m_accessToken;
    QString m_refreshToken;
    QTimer m_refreshTimer;
    bool m_keychainAvailable = true;
    int m_pendingStores = 0;
};

} // namespace rolecall::auth
