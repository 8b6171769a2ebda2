// rolecallctl: the command-line front on the same services the console uses.
#include "buildinfo/buildinfo.h"
#include "cli/cli.h"
#include "services/syncservice.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

int main(int argc, char *argv[])
{
    // Before anything can start a child process: it must not inherit the key.
    rolecall::takeClerkSecretKeyFromEnvironment();
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Rolecall"));
    QCoreApplication::setApplicationName(QStringLiteral("rolecallctl"));
    QCoreApplication::setApplicationVersion(rolecall::buildinfo::version());
    QTextStream out(stdout);
    QTextStream err(stderr);
    const int code = rolecall::cli::run(QCoreApplication::arguments(), out, err);
    out.flush();
    err.flush();
    return code;
}
