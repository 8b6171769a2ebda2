#pragma once

#include "cli/clicontext.h"

namespace rolecall::cli {

// rolecallctl profiles list|add|edit|remove|show|set-default
int runProfiles(const QString &verb, CliContext &context);

} // namespace rolecall::cli
