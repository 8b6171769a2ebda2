#pragma once

#include "cli/clicontext.h"

namespace rolecall::cli {

// rolecallctl sync status | apply: Clerk users against the database.
int runSync(const QString &verb, CliContext &context);

} // namespace rolecall::cli
