#include "support/fakesigninservice.h"

#include "support/testdata.h"

namespace rolecall::testing {

void FakeSignInService::moveTo(State state)
{
    m_state = state;
    Q_EMIT stateChanged(state);
}

void FakeSignInService::offerUrl(const QUrl &url)
{
    m_url = url;
    Q_EMIT authorizationUrlReady(url);
}

void FakeSignInService::succeed(const Identity &identity)
{
    m_identity = identity;
    moveTo(State::SignedIn);
    Q_EMIT signedIn(identity);
}

Identity identityOfSeedUser(int n)
{
    Identity identity;
    identity.profile = QStringLiteral("test");
    identity.subject = clerkIdOfSeedUser(n);
    identity.email = emailOfSeedUser(n);
    return identity;
}

} // namespace rolecall::testing
