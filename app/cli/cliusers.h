#pragma once

#include "cli/clicontext.h"
#include "domain/domain.h"
#include "services/finduser.h" // findUser(): how every verb that takes USER finds it

namespace rolecall::cli {

// rolecallctl users list: streams the users page by page (keyset), so any
// number of rows prints in bounded memory.
int runUsersList(CliContext &context);

// rolecallctl users show USER: one user's profile, roles and grants.
int runUsersShow(CliContext &context);

} // namespace rolecall::cli
