#include "auth/oidcsigninservice.h"

#include "auth/loopbackreceiver.h"
#include "auth/pkce.h"
#include "services/secretstore.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QUrlQuery>

#include <memory>

Q_DECLARE_LOGGING_CATEGORY(lcAuth)

namespace rolecall::auth {

namespace {

constexpr int sessionFormat = 1;
constexpr int keychainPatienceMs = 20000;

QString encoded(const QString &value)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(value));
}

} // namespace

OidcSignInService::OidcSignInService(Profile profile, SecretStore *secrets,
                                     QNetworkAccessManager *network, BrowserOpener openBrowser,
                                     QObject *parent)
    : SignInService(parent)
    , m_profile(std::move(profile))
    , m_secrets(secrets)
    , m_openBrowser(std::move(openBrowser))
    , m_client(new OidcClient(m_profile.issuer, m_profile.clientId, network, this))
{
    m_refreshTimer.setSingleShot(true);
    connect(&m_refreshTimer, &QTimer::timeout, this, [this] {
        refreshTokens(m_attempt, [this](bool ok) {
            if (!ok && m_state == State::SignedIn)
                m_refreshTimer.start(30000); // the provider was unreachable: try again soon
        });
    });
}

OidcSignInService::~OidcSignInService() = default;

QString OidcSignInService::sessionKey() const
{
    return SecretStore::profileKey(m_profile.name, SecretStore::sessionKind());
}

void OidcSignInService::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void OidcSignInService::endAttempt(const QString &failure)
{
    ++m_attempt;
    if (m_receiver) {
        // Stop listening now, but let the page the browser is being sent
        // reach it before the sockets go.
        m_receiver->disconnect(this);
        m_receiver->cancel();
        QTimer::singleShot(std::chrono::seconds(5), m_receiver, &QObject::deleteLater);
        m_receiver = nullptr;
    }
    m_verifier.clear();
    m_nonce.clear();
    m_authorizationUrl.clear();
    if (!failure.isEmpty()) {
        setState(m_identity.isValid() ? State::SignedIn : State::SignedOut);
        Q_EMIT failed(failure);
    }
}

void OidcSignInService::withMetadata(quint64 attempt, std::function<void()> next)
{
    if (m_metadata) {
        next();
        return;
    }
    m_client->fetchMetadata([this, attempt, next](const std::optional<ProviderMetadata> &metadata,
                                                  const ProviderError &error) {
        if (attempt != m_attempt)
            return;
        if (!metadata) {
            endAttempt(error.message);
            return;
        }
        m_metadata = metadata;
        next();
    });
}

void OidcSignInService::signIn()
{
    if (m_state == State::WaitingForBrowser || m_state == State::Finishing)
        return;
    endAttempt({});
    const quint64 attempt = m_attempt;
    setState(State::WaitingForBrowser);
    withMetadata(attempt, [this, attempt] {
        m_receiver = new LoopbackReceiver(this);
        QString listenError;
        if (!m_receiver->listen(&listenError)) {
            endAttempt(QStringLiteral("Cannot listen for the browser's answer on 127.0.0.1: %1")
                           .arg(listenError));
            return;
        }
        m_redirectUri = m_receiver->redirectUri();
        // Fresh for every attempt, from the system's cryptographic RNG.
        m_verifier = randomUrlSafe(32); // 43 characters
        const QString state = QString::fromLatin1(randomUrlSafe(24));
        m_nonce = QString::fromLatin1(randomUrlSafe(24));

        const QStringList query = {
            QStringLiteral("response_type=code"),
            QStringLiteral("client_id=") + encoded(m_profile.clientId),
            QStringLiteral("redirect_uri=") + encoded(m_redirectUri.toString()),
            QStringLiteral("scope=") + encoded(m_profile.scopes.join(QLatin1Char(' '))),
            QStringLiteral("state=") + state,
            QStringLiteral("nonce=") + m_nonce,
            QStringLiteral("code_challenge=") + QString::fromLatin1(codeChallengeS256(m_verifier)),
            QStringLiteral("code_challenge_method=S256"),
        };
        QUrl url = m_metadata->authorizationEndpoint;
        const QString existing = url.query(QUrl::FullyEncoded);
        url.setQuery((existing.isEmpty() ? QString() : existing + QLatin1Char('&')) +
                         query.join(QLatin1Char('&')),
                     QUrl::StrictMode);
        m_authorizationUrl = url;

        connect(m_receiver, &LoopbackReceiver::codeReceived, this,
                [this, attempt](const QString &code) { onCodeReceived(attempt, code); });
        connect(m_receiver, &LoopbackReceiver::failed, this,
                [this, attempt](LoopbackReceiver::Failure, const QString &message) {
                    if (attempt == m_attempt)
                        endAttempt(message);
                });
        m_receiver->expect(state, m_metadata->issuer, m_browserTimeout,
                           m_metadata->issParameterSupported);
        Q_EMIT authorizationUrlReady(url);
        QString browserError;
        if (m_openBrowser && !m_openBrowser(url, &browserError))
            Q_EMIT notice(browserError + QStringLiteral(" Open the sign-in link by hand."));
    });
}

void OidcSignInService::onCodeReceived(quint64 attempt, const QString &code)
{
    if (attempt != m_attempt)
        return;
    setState(State::Finishing);
    m_client->exchangeCode(
        m_metadata->tokenEndpoint, code, m_verifier, m_redirectUri,
        [this, attempt](const std::optional<TokenResponse> &tokens, const ProviderError &error) {
            if (attempt != m_attempt)
                return;
            if (!tokens) {
                m_receiver->finish(false, error.message);
                endAttempt(error.message);
                return;
            }
            if (tokens->idToken.isEmpty()) {
                const QString message = QStringLiteral("The sign-in provider sent no ID token; the "
                                                       "profile's scopes must include openid.");
                m_receiver->finish(false, message);
                endAttempt(message);
                return;
            }
            const TokenResponse answer = *tokens;
            verify(attempt, answer.idToken, m_nonce, [this, answer](const IdTokenClaims &claims) {
                m_receiver->finish(
                    true, QStringLiteral("Signed in as %1. You can close this tab.")
                              .arg(claims.email.isEmpty() ? claims.subject : claims.email));
                acceptTokens(answer, claims);
                endAttempt({});
                storeSession();
                setState(State::SignedIn);
                Q_EMIT signedIn(m_identity);
            });
        });
}

void OidcSignInService::verify(quint64 attempt, const QByteArray &idToken, const QString &nonce,
                               std::function<void(const IdTokenClaims &)> next, bool keysRefetched)
{
    auto failWith = [this](const QString &message) {
        const QString text = QStringLiteral("The ID token was rejected: %1").arg(message);
        if (m_receiver)
            m_receiver->finish(false, text);
        endAttempt(text);
    };
    if (!m_jwks) {
        m_client->fetchJwks(m_metadata->jwksUri, [this, attempt, idToken, nonce, next,
                                                  failWith](const std::optional<Jwks> &keys,
                                                            const ProviderError &error) {
            if (attempt != m_attempt)
                return;
            if (!keys) {
                failWith(error.message);
                return;
            }
            m_jwks = keys;
            verify(attempt, idToken, nonce, next, true); // fresh keys: no refetch
        });
        return;
    }
    IdTokenExpectations expected;
    expected.issuer = m_metadata->issuer;
    expected.clientId = m_profile.clientId;
    expected.nonce = nonce;
    const auto result = verifyIdToken(idToken, *m_jwks, expected);
    if (const auto *failure = std::get_if<IdTokenFailure>(&result)) {
        if (failure->error == IdTokenError::UnknownKey && !keysRefetched) {
            m_jwks.reset(); // the provider may have rotated its keys: fetch them once more
            verify(attempt, idToken, nonce, next, true);
            return;
        }
        failWith(failure->message);
        return;
    }
    next(std::get<IdTokenClaims>(result));
}

void OidcSignInService::acceptTokens(const TokenResponse &tokens, const Claims &claims)
{
    m_accessToken = tokens.accessToken;
    if (!tokens.refreshToken.isEmpty())
        m_refreshToken = tokens.refreshToken; // rotation: the new one replaces the old
    if (claims) {
        m_identity.profile = m_profile.name;
        m_identity.issuer = claims->issuer;
        m_identity.subject = claims->subject;
        m_identity.email = claims->email;
        m_identity.name = claims->name.isEmpty()
                              ? QStringList{claims->givenName, claims->familyName}
                                    .join(QLatin1Char(' '))
                                    .trimmed()
                              : claims->name;
    }
    const int lifetime = tokens.expiresIn > 0 ? tokens.expiresIn : 3600;
    m_identity.accessTokenExpiry = QDateTime::currentDateTimeUtc().addSecs(lifetime);
    scheduleRefresh(lifetime);
}

void OidcSignInService::scheduleRefresh(int expiresIn)
{
    if (m_refreshToken.isEmpty())
        return;
    // A minute early, or at 80% for short lifetimes.
    const qint64 seconds = expiresIn > 300 ? expiresIn - 60 : expiresIn * 8 / 10;
    m_refreshTimer.start(std::chrono::seconds(std::max<qint64>(seconds, 1)));
}

void OidcSignInService::storeSession()
{
    if (m_refreshToken.isEmpty()) {
        Q_EMIT notice(QStringLiteral("The provider issued no refresh token (is offline_access in "
                                     "the scopes?); this session ends with this run."));
        return;
    }
    if (!m_secrets)
        return;
    const QJsonObject session{
        {QStringLiteral("format"), sessionFormat},
        {QStringLiteral("issuer"), m_identity.issuer},
        {QStringLiteral("clientId"), m_profile.clientId},
        {QStringLiteral("subject"), m_identity.subject},
        {QStringLiteral("email"), m_identity.email},
        {QStringLiteral("name"), m_identity.name},
        {QStringLiteral("refreshToken"), m_refreshToken},
    };
    ++m_pendingStores;
    m_secrets->write(sessionKey(), QJsonDocument(session).toJson(QJsonDocument::Compact), this,
                     [this](const SecretStore::Result &result) {
                         --m_pendingStores;
                         m_keychainAvailable = result.status == SecretStore::Status::Ok;
                         if (!m_keychainAvailable)
                             Q_EMIT notice(result.message +
                                           QStringLiteral(" You stay signed in until Rolecall "
                                                          "closes; nothing was written anywhere "
                                                          "else."));
                         Q_EMIT sessionStored(m_keychainAvailable);
                     });
}

void OidcSignInService::forgetSession(std::function<void()> removed)
{
    m_refreshTimer.stop();
    m_identity = {};
    m_accessToken.clear();
    m_refreshToken.clear();
    if (!m_secrets) {
        if (removed)
            removed();
        return;
    }
    m_secrets->remove(sessionKey(), this, [removed](const SecretStore::Result &) {
        if (removed)
            removed();
    });
}

void OidcSignInService::restore()
{
    if (m_state != State::SignedOut || !m_secrets) {
        if (!m_secrets)
            Q_EMIT signedOut();
        return;
    }
    endAttempt({});
    const quint64 attempt = m_attempt;
    setState(State::Restoring);
    // A keychain that never answers (a prompt nobody can see) must not leave
    // the console waiting: after a while, go on without it.
    QTimer::singleShot(keychainPatienceMs, this, [this, attempt] {
        if (attempt != m_attempt || m_state != State::Restoring || !m_identity.subject.isEmpty())
            return;
        ++m_attempt;
        m_keychainAvailable = false;
        setState(State::SignedOut);
        Q_EMIT notice(tr("The OS keychain did not answer; sign in again (the session will last "
                         "until Rolecall closes)."));
        Q_EMIT signedOut();
    });
    m_secrets->read(sessionKey(), this, [this, attempt](const SecretStore::Result &result) {
        if (attempt != m_attempt)
            return;
        if (result.status != SecretStore::Status::Ok) {
            if (result.status == SecretStore::Status::Unavailable) {
                m_keychainAvailable = false;
                Q_EMIT notice(result.message);
            }
            setState(State::SignedOut);
            Q_EMIT signedOut();
            return;
        }
        const QJsonObject session = QJsonDocument::fromJson(result.value).object();
        const QString issuedBy = session.value(QLatin1String("issuer")).toString();
        if (session.value(QLatin1String("format")).toInt() == sessionFormat &&
            issuedBy != m_profile.issuer) {
            // Bound to where it was issued: a refresh token never goes to
            // another issuer's token endpoint, whatever the settings now say.
            Q_EMIT notice(tr("The stored session was issued by %1, not by this profile's issuer "
                             "%2, so it was not sent there and is deleted; sign in again.")
                              .arg(issuedBy.isEmpty() ? tr("an unknown issuer") : issuedBy,
                                   m_profile.issuer));
            setState(State::SignedOut);
            // signedOut() once the entry is gone, so a CLI that exits then
            // leaves nothing behind.
            forgetSession([this] { Q_EMIT signedOut(); });
            return;
        }
        if (session.value(QLatin1String("format")).toInt() != sessionFormat ||
            session.value(QLatin1String("clientId")).toString() != m_profile.clientId ||
            session.value(QLatin1String("refreshToken")).toString().isEmpty()) {
            forgetSession(); // from another configuration: of no use
            setState(State::SignedOut);
            Q_EMIT signedOut();
            return;
        }
        m_refreshToken = session.value(QLatin1String("refreshToken")).toString();
        m_identity.profile = m_profile.name;
        m_identity.issuer = session.value(QLatin1String("issuer")).toString();
        m_identity.subject = session.value(QLatin1String("subject")).toString();
        m_identity.email = session.value(QLatin1String("email")).toString();
        m_identity.name = session.value(QLatin1String("name")).toString();
        refreshTokens(attempt, [this](bool ok) {
            if (ok) {
                setState(State::SignedIn);
                Q_EMIT signedIn(m_identity);
            }
        });
    });
}

void OidcSignInService::refreshNow(std::function<void(bool)> done)
{
    refreshTokens(m_attempt, std::move(done));
}

void OidcSignInService::refreshTokens(quint64 attempt, std::function<void(bool)> done)
{
    if (m_refreshToken.isEmpty()) {
        if (done)
            done(false);
        return;
    }
    auto finish = [done](bool ok) {
        if (done)
            done(ok);
    };
    withMetadata(attempt, [this, attempt, finish] {
        m_client->refresh(
            m_metadata->tokenEndpoint, m_refreshToken,
            [this, attempt, finish](const std::optional<TokenResponse> &tokens,
                                    const ProviderError &error) {
                if (attempt != m_attempt)
                    return;
                if (!tokens) {
                    if (error.kind == ProviderError::Kind::InvalidGrant) {
                        // Revoked, expired or rotated away: sign in again.
                        forgetSession();
                        setState(State::SignedOut);
                        Q_EMIT failed(QStringLiteral("Your session has ended; sign in again."));
                        Q_EMIT signedOut();
                    } else if (m_state == State::Restoring) {
                        m_identity = {};
                        m_refreshToken.clear();
                        setState(State::SignedOut);
                        Q_EMIT failed(error.message);
                    }
                    finish(false);
                    return;
                }
                const TokenResponse answer = *tokens;
                auto accept = [this, answer, finish](const Claims &claims) {
                    acceptTokens(answer, claims);
                    if (!answer.refreshToken.isEmpty())
                        storeSession(); // store a rotated token at once
                    finish(true);
                };
                if (answer.idToken.isEmpty()) {
                    accept(std::nullopt);
                    return;
                }
                const QString subject = m_identity.subject;
                verify(attempt, answer.idToken, QString(),
                       [this, accept, subject](const IdTokenClaims &claims) {
                           if (claims.subject != subject) {
                               forgetSession();
                               setState(State::SignedOut);
                               Q_EMIT failed(QStringLiteral(
                                   "The provider answered for another user; sign in again."));
                               return;
                           }
                           accept(claims);
                       });
            });
    });
}

void OidcSignInService::cancel()
{
    if (m_state != State::WaitingForBrowser && m_state != State::Finishing &&
        m_state != State::Restoring)
        return;
    endAttempt(QStringLiteral("Sign-in was cancelled.")); // also closes the listener
}

void OidcSignInService::signOut()
{
    const QString refreshToken = m_refreshToken;
    const bool wasSignedIn = m_identity.isValid();
    const bool revoke =
        !refreshToken.isEmpty() && m_metadata && !m_metadata->revocationEndpoint.isEmpty();
    endAttempt({});
    // Two things to wait for: the keychain entry gone, and the provider told.
    auto pending = std::make_shared<int>(revoke ? 2 : 1);
    auto oneDone = [this, pending] {
        if (--*pending == 0)
            Q_EMIT signOutFinished();
    };
    forgetSession(oneDone);
    setState(State::SignedOut);
    if (revoke) {
        // Best effort: the local session is gone whatever the provider says.
        m_client->revoke(
            m_metadata->revocationEndpoint, refreshToken, QStringLiteral("refresh_token"),
            [this, oneDone](const std::optional<bool> &ok, const ProviderError &error) {
                if (!ok)
                    Q_EMIT notice(error.message);
                oneDone();
            });
    }
    if (wasSignedIn)
        Q_EMIT signedOut();
}

} // namespace rolecall::auth
