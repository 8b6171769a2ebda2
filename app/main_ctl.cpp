// rolecallctl: the command-line front on the same services the console uses.
#include "buildinfo/buildinfo.h"
#include "cli/cli.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

int main(int argc, char *argv[])
{
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
