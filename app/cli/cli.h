#pragma once

#include <QStringList>

class QTextStream;

namespace rolecall::cli {

// Exit codes of rolecallctl, stable for scripts.
enum ExitCode {
    ExitOk = 0,
    ExitFailure = 1, // anything else: connection, query, I/O
    ExitUsage = 2,   // bad command line
    ExitNotSignedIn = 3,
    ExitNotPermitted = 4,
    ExitValidation = 5, // bad input or a conflict
};

// Runs one rolecallctl command line (arguments[0] is the program name).
// Results go to `out`, one-line errors to `err`.
int run(const QStringList &arguments, QTextStream &out, QTextStream &err);

} // namespace rolecall::cli
