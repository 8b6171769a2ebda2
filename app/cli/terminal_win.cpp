// Windows: terminal.h.
#include "cli/terminal.h"

#include <cstdio>
#include <io.h>

namespace rolecall::cli {

bool stdinIsTerminal()
{
    return _isatty(_fileno(stdin)) != 0;
}

} // namespace rolecall::cli
