#pragma once

#include "cli/clicontext.h"
#include "domain/domain.h"

#include <optional>

namespace rolecall {
class DataSource;
} // namespace rolecall

namespace rolecall::cli {

// rolecallctl users list: streams the users page by page (keyset), so any
// number of rows prints in bounded memory.
int runUsersList(CliContext &context);

// rolecallctl users show USER: one user's profile, roles and grants.
int runUsersShow(CliContext &context);

// Finds one user by Clerk ID, email or row id; nullopt when nobody matches.
// Used wherever a verb takes USER.
std::optional<User> findUser(DataSource &source, const QString &who);

} // namespace rolecall::cli
