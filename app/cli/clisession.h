#pragma once

#include "cli/clicontext.h"

namespace rolecall::cli {

// rolecallctl login [--no-browser] | logout | whoami [--format json]
int runLogin(CliContext &context);
int runLogout(CliContext &context);
int runWhoami(CliContext &context);

} // namespace rolecall::cli
