#pragma once

#include "auth/browser.h"
#include "auth/keychainsecretstore.h"
#include "auth/oidcsigninservice.h"
#include "cli/clicontext.h"
#include "domain/profile.h"

#include <QEventLoop>
#include <QNetworkAccessManager>

#include <optional>

namespace rolecall::cli {

// Everything a session verb needs, alive for the verb's run.
struct SessionRig
{
    explicit SessionRig(const Profile &profile, auth::BrowserOpener opener)
        : service(profile, &secrets, &network, std::move(opener))
    {}
    KeychainSecretStore secrets;
    QNetworkAccessManager network;
    auth::OidcSignInService service;
    QEventLoop loop;
};

// The profile --profile names (or the default one); nullopt with the error
// printed and *exitCode set to ExitUsage otherwise.
std::optional<Profile> resolveProfile(CliContext &context, int *exitCode);

// Runs the loop until the keychain has the latest refresh token: a rotated
// one that never reached it would be lost with this process.
void waitForStorage(SessionRig &rig);

// Signs in silently from the keychain; false when there is no session.
bool restore(SessionRig &rig, CliContext &context);

} // namespace rolecall::cli
