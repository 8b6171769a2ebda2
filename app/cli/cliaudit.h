#pragma once

#include "cli/clicontext.h"

namespace rolecall::cli {

// rolecallctl audit list: the audit trail, newest first, streamed page by page
// (keyset on the last event) so any length prints in bounded memory.
int runAudit(const QString &verb, CliContext &context);

} // namespace rolecall::cli
