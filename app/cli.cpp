#include "cli.h"

#include "cliusers.h"

#include <QCoreApplication>
#include <QTextStream>

namespace rolecall::cli {

namespace {

void printUsage(QTextStream &out)
{
    out << "Usage: rolecallctl <command> [options]\n\n"
           "Commands:\n"
           "  users list   List users: --db URL [--search TEXT] [--limit N] "
           "[--format table|csv|json]\n\n"
           "The database is given by --db postgresql://user@host:port/db?sslmode=..., by\n"
           "ROLECALL_DATABASE_URL, or by --host/--port/--user/--dbname. Passwords come from\n"
           "PGPASSWORD or ~/.pgpass, never from the command line.\n"
           "Run 'rolecallctl <command> --help' for a command's options.\n";
}

} // namespace

int run(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    const QStringList args = arguments.mid(1);
    if (args.isEmpty() || args.first() == QLatin1String("--help") ||
        args.first() == QLatin1String("-h") || args.first() == QLatin1String("help")) {
        printUsage(args.isEmpty() ? err : out);
        return args.isEmpty() ? ExitUsage : ExitOk;
    }
    if (args.first() == QLatin1String("--version")) {
        out << QCoreApplication::applicationName() << ' ' << QCoreApplication::applicationVersion()
            << '\n';
        return ExitOk;
    }
    const QString group = args.value(0);
    const QString verb = args.value(1);
    if (group == QLatin1String("users") && verb == QLatin1String("list"))
        return runUsersList(arguments.first() + QStringLiteral(" users list"), args.mid(2), out,
                            err);

    err << "rolecallctl: unknown command '" << QStringList(args.mid(0, 2)).join(QLatin1Char(' '))
        << "'; see rolecallctl --help\n";
    return ExitUsage;
}

} // namespace rolecall::cli
