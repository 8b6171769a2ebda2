#include "cliprofiles.h"

#include "cli.h"

#include <QTextStream>

namespace rolecall::cli {

int runProfiles(const QString &verb, CliContext &context)
{
    context.err << "rolecallctl: profiles " << verb << " is not available yet\n";
    return ExitFailure;
}

} // namespace rolecall::cli
