#pragma once

#include <QDateTime>
#include <QObject>
#include <QString>
#include <QUrl>

namespace rolecall {

// Who is signed in, as the verified ID token says.
struct Identity
{
    QString profile;
    QString issuer;
    QString subject; // the Clerk user ID
    QString email;
    QString name;
    QDateTime accessTokenExpiry; // UTC

    bool isValid() const { return !subject.isEmpty(); }
};

// Signing in to one profile's OpenID provider. The GUI and the CLI talk to
// this interface; app/ implements it with OIDC, PKCE, a loopback receiver and
// the OS keychain.
class SignInService : public QObject
{
    Q_OBJECT

public:
    enum class State {
        SignedOut,
        Restoring,         // looking for a session in the keychain
        WaitingForBrowser, // the authorization URL is open; waiting for the redirect
        Finishing,         // exchanging the code and checking the ID token
        SignedIn,
    };
    Q_ENUM(State)

    using QObject::QObject;
    ~SignInService() override = default;

    virtual State state() const = 0;
    virtual Identity identity() const = 0; // valid while SignedIn
    // While WaitingForBrowser: the URL to open by hand if no browser came up.
    virtual QUrl authorizationUrl() const = 0;
    // False once the keychain turned out to be unusable: the session lives in
    // memory for this run only.
    virtual bool keychainAvailable() const = 0;

public Q_SLOTS:
    virtual void restore() = 0; // silent: SignedIn or SignedOut, no browser
    virtual void signIn() = 0;
    virtual void cancel() = 0;
    virtual void signOut() = 0;

Q_SIGNALS:
    void stateChanged(rolecall::SignInService::State state);
    void authorizationUrlReady(const QUrl &url);
    void signedIn(const rolecall::Identity &identity);
    void signedOut();
    // A sign-in attempt (or restore) ended without a session: why, in one line.
    void failed(const QString &message);
    // Something the person should know that is not a failure, e.g. no keychain.
    void notice(const QString &message);
};

} // namespace rolecall

Q_DECLARE_METATYPE(rolecall::Identity)
