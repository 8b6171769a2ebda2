#pragma once

#include "services/signinservice.h"

namespace rolecall::testing {

// A SignInService the test drives: it records the calls it gets and moves to
// the states and sends the signals the test asks for. The real sign-in flow
// is tst_signin's and tst_consolecontroller's.
class FakeSignInService final : public SignInService
{
    Q_OBJECT

public:
    using SignInService::SignInService;

    State state() const override { return m_state; }
    Identity identity() const override { return m_identity; }
    QUrl authorizationUrl() const override { return m_url; }
    bool keychainAvailable() const override { return m_keychain; }

    void restore() override { ++restoreCalls; }
    void signIn() override { ++signInCalls; }
    void cancel() override { ++cancelCalls; }
    void signOut() override { ++signOutCalls; }

    void moveTo(State state);
    void offerUrl(const QUrl &url);
    // Signed in as `identity`, with the signals a real sign-in sends.
    void succeed(const Identity &identity);
    void setKeychainAvailable(bool available) { m_keychain = available; }

    int restoreCalls = 0;
    int signInCalls = 0;
    int cancelCalls = 0;
    int signOutCalls = 0;

private:
    State m_state = State::SignedOut;
    Identity m_identity;
    QUrl m_url;
    bool m_keychain = true;
};

// Seed user N of tests/support/testdata.h signed in to the profile "test".
Identity identityOfSeedUser(int n);

} // namespace rolecall::testing
