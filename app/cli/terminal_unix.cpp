// POSIX (Linux, macOS, the BSDs): terminal.h.
#include "cli/terminal.h"

#include <cstdio>
#include <unistd.h>

namespace rolecall::cli {

bool stdinIsTerminal()
{
    return isatty(fileno(stdin)) != 0;
}

} // namespace rolecall::cli
