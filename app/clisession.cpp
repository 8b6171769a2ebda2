#include "clisession.h"

#include "cli.h"

#include <QTextStream>

namespace rolecall::cli {

int runLogin(CliContext &context)
{
    context.err << "rolecallctl: login is not available yet\n";
    return ExitFailure;
}

int runLogout(CliContext &context)
{
    context.err << "rolecallctl: logout is not available yet\n";
    return ExitFailure;
}

int runWhoami(CliContext &context)
{
    context.err << "rolecallctl: not signed in\n";
    return ExitNotSignedIn;
}

} // namespace rolecall::cli
