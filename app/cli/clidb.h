#pragma once

#include "cli/clicontext.h"

namespace rolecall::cli {

// rolecallctl db check | install-indexes | install-audit: schema maintenance,
// only ever on request and after showing the exact SQL.
int runDb(const QString &verb, CliContext &context);

} // namespace rolecall::cli
