#include "cli/cli.h"

#include "buildinfo/buildinfo.h"
#include "cli/cliaudit.h"
#include "cli/clicontext.h"
#include "cli/clidb.h"
#include "cli/cliprofiles.h"
#include "cli/cliroles.h"
#include "cli/clisession.h"
#include "cli/clisync.h"
#include "cli/cliusers.h"

#include <QCoreApplication>
#include <QTextStream>

namespace rolecall::cli {

namespace {

void printUsage(QTextStream &out)
{
    out << "Usage: rolecallctl [--profile NAME] <command> [options]\n\n"
           "Commands:\n"
           "  users list        List users: [--search TEXT] [--role R | --no-role]\n"
           "                    [--as-of INSTANT] [--limit N]\n"
           "  users show USER   One user's profile, roles and grants [--as-of INSTANT]\n"
           "  roles list USER   A user's grants [--as-of INSTANT] [--history]\n"
           "  roles expiring    Grants that end soon [--days N]\n"
           "  roles grant USER ROLE --reason TEXT [--start I] [--end I] [--notes TEXT]\n"
           "                    [--dry-run]\n"
           "  roles end GRANT_ID --reason TEXT [--at INSTANT] [--force]\n"
           "  roles bulk-grant ROLE --reason TEXT (--users-file F | --search T | --role R)\n"
           "                    [--dry-run]\n"
           "  roles explain USER ROLE  Whether USER holds ROLE and why [--as-of INSTANT]\n"
           "  audit list        Role changes, newest first: [--user U] [--actor A] [--role R]\n"
           "                    [--since I] [--until I] [--limit N]\n"
           "  db check          Which indexes the console would use are missing, and their cost\n"
           "  db install-indexes [--yes]  Show the CREATE INDEX CONCURRENTLY SQL, ask, run it\n"
           "  db install-audit [--yes]    Show the audit table's SQL, ask, create it (ADMIN)\n"
           "  db install-rights [--yes]   Show the SQL, ask, make the database enforce rights\n"
           "  db uninstall-rights [--yes] Show the SQL, ask, undo install-rights\n"
           "  profiles list|show|add|edit|remove|set-default\n"
           "                    Deployments to sign in to and read (issuer, client ID, database)\n"
           "  profiles remove --all --yes\n"
           "                    Every profile, its keychain entries and Rolecall's settings\n"
           "  profiles set-secret NAME clerk-secret-key\n"
           "                    Store a secret of the profile in the keychain\n"
           "  login [--no-browser]  Sign in with the profile's OpenID provider\n"
           "  logout            Sign out and remove the session from the keychain\n"
           "  whoami [--format json]  Who is signed in (exit code 3 when nobody)\n"
           "  sync status [--status S]  Clerk users against the database, per person\n"
           "  sync apply (--all-missing | --all-drifted | USER...) [--dry-run]\n"
           "                    Sync users from Clerk, grant the default role, end orphans' "
           "grants\n\n"
           "Data verbs take --db URL and --format table|csv|json (show, grant, end and\n"
           "bulk-grant: table|json). Instants are ISO 8601 with a zone: 2025-03-01 (UTC\n"
           "midnight), 2025-03-01T12:00:00Z or 2025-03-01T14:00+02:00. Writes need\n"
           "'rolecallctl login' as an active ADMIN. Exit codes: 0 ok, 1 failure, 2 usage,\n"
           "3 not signed in, 4 not permitted, 5 invalid or conflicting change.\n\n"
           "--profile NAME picks a profile (default: the one marked default).\n"
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
        out << buildinfo::versionText(QCoreApplication::applicationName());
        return ExitOk;
    }
    // Global options come before the command.
    QStringList rest = args;
    QString profile;
    while (!rest.isEmpty() && rest.first().startsWith(QLatin1String("--profile"))) {
        const QString option = rest.takeFirst();
        if (option.startsWith(QLatin1String("--profile="))) {
            profile = option.mid(int(qstrlen("--profile=")));
        } else if (!rest.isEmpty()) {
            profile = rest.takeFirst();
        } else {
            err << "rolecallctl: --profile needs a name\n";
            return ExitUsage;
        }
    }
    if (rest.isEmpty()) {
        printUsage(err);
        return ExitUsage;
    }
    const QString program = arguments.first();
    const QString group = rest.value(0);
    const QString verb = rest.value(1);
    auto context = [&](int verbWords) {
        const QString verbName = rest.mid(0, verbWords).join(QLatin1Char(' '));
        return CliContext{program + QLatin1Char(' ') + verbName,
                          verbName,
                          rest.mid(verbWords),
                          profile,
                          out,
                          err};
    };
    if (group == QLatin1String("users") && verb == QLatin1String("list")) {
        CliContext c = context(2);
        return runUsersList(c);
    }
    if (group == QLatin1String("users") && verb == QLatin1String("show")) {
        CliContext c = context(2);
        return runUsersShow(c);
    }
    if ((group == QLatin1String("roles") || group == QLatin1String("audit")) && !verb.isEmpty()) {
        CliContext c = context(2);
        return group == QLatin1String("roles") ? runRoles(verb, c) : runAudit(verb, c);
    }
    if (group == QLatin1String("db") && !verb.isEmpty()) {
        CliContext c = context(2);
        return runDb(verb, c);
    }
    if (group == QLatin1String("profiles") && !verb.isEmpty()) {
        CliContext c = context(2);
        return runProfiles(verb, c);
    }
    if (group == QLatin1String("sync") && !verb.isEmpty()) {
        CliContext c = context(2);
        return runSync(verb, c);
    }
    if (group == QLatin1String("login")) {
        CliContext c = context(1);
        return runLogin(c);
    }
    if (group == QLatin1String("logout")) {
        CliContext c = context(1);
        return runLogout(c);
    }
    if (group == QLatin1String("whoami")) {
        CliContext c = context(1);
        return runWhoami(c);
    }

    err << "rolecallctl: unknown command '" << rest.mid(0, 2).join(QLatin1Char(' '))
        << "'; see rolecallctl --help\n";
    return ExitUsage;
}

} // namespace rolecall::cli
