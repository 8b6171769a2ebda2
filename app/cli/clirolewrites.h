#pragma once

#include "cli/clicontext.h"

namespace rolecall::cli {

// rolecallctl roles grant | end | bulk-grant: the writes. Each needs the
// profile's signed-in session (the actor the database records); the service
// checks again, inside the write's transaction, that the actor is an ADMIN.
int runRolesGrant(CliContext &context);
int runRolesEnd(CliContext &context);
int runRolesBulkGrant(CliContext &context);

} // namespace rolecall::cli
