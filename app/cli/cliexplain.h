#pragma once

#include "cli/clicontext.h"

namespace rolecall::cli {

// rolecallctl roles explain USER ROLE [--as-of INSTANT]: whether USER holds
// ROLE at the instant and why (explainAccess() in domain/accessexplanation.h).
// Exit code 0 either way; 5 for an unknown user or role.
int runRolesExplain(CliContext &context);

} // namespace rolecall::cli
