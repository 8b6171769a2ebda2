#pragma once

#include "auth/browser.h"
#include "auth/keychainsecretstore.h"
#include "auth/oidcsigninservice.h"
#include "cli/clicontext.h"
#include "domain/profile.h"
#include "domain/roles.h"
#include "services/secretstore.h"

#include <QEventLoop>
#include <QNetworkAccessManager>

#include <functional>
#include <optional>

namespace rolecall {
class DataSource;
} // namespace rolecall

namespace rolecall::cli {

// Everything a session verb needs, alive for the verb's run.
struct SessionRig
{
    // `store` (not owned): where the session entry is kept instead of the
    // keychain (a relay of it for another thread); null: the keychain.
    explicit SessionRig(const Profile &profile, auth::BrowserOpener opener,
                        SecretStore *store = nullptr)
        : service(profile, store ? store : &secrets, &network, std::move(opener))
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
// restore(), saying "not signed in to <profile>; run 'rolecallctl login'"
// when there is no session.
bool restoreOrSayHow(SessionRig &rig, const Profile &profile, CliContext &context);

// The signed-in person of the profile as the actor of a write; nullopt with
// the error printed and *exitCode set (ExitNotSignedIn) otherwise.
std::optional<Actor> signedInActor(CliContext &context, int *exitCode);

// Whether `actor` may write now (an active ADMIN by their own rows in
// `source`), asked before a write that only shows what it would do; false
// with "not permitted" printed. The write itself checks again.
bool mayWrite(DataSource &source, const Actor &actor, CliContext &context);

// Starts one keychain call with `start(context, done)` and runs a local loop
// until it answers: the CLI has no window to keep responsive. Bounded to two
// minutes, so a script never hangs on a stuck D-Bus call.
SecretStore::Result
waitForKeychain(const std::function<void(QObject *, SecretStore::Callback)> &start);

} // namespace rolecall::cli
