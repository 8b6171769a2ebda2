#pragma once

#include "cli/clicontext.h"

namespace rolecall::cli {

// rolecallctl roles list|expiring|grant|end|bulk-grant: the reads here, the
// writes in clirolewrites.h.
int runRoles(const QString &verb, CliContext &context);

} // namespace rolecall::cli
