#include "cli/clidb.h"

#include "cli/cli.h"
#include "cli/clioptions.h"
#include "cli/clioutput.h"
#include "cli/clisessionsupport.h"
#include "cli/terminal.h"
#include "domain/datasourceerror.h"
#include "pg/pgdatasource.h"
#include "pg/pgrolewriter.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonObject>
#include <QTextStream>

#include <cstdio>

namespace rolecall::cli {

namespace {

// Asks `question` on stdin unless --yes; true only for a line "y" or "yes".
// A stdin that is no terminal is never asked: scripts must say --yes.
bool confirmed(const QCommandLineParser &parser, const QString &question, CliContext &context)
{
    if (parser.isSet(QStringLiteral("yes")))
        return true;
    context.out.flush();
    if (!stdinIsTerminal()) {
        context.err << "rolecallctl: stdin is not a terminal and --yes was not given; "
                       "nothing changed\n";
        return false;
    }
    context.out << question;
    context.out.flush();
    QFile in;
    QString answer;
    if (in.open(stdin, QIODevice::ReadOnly))
        answer = QString::fromUtf8(in.readLine()).trimmed().toLower();
    if (answer == QLatin1String("y") || answer == QLatin1String("yes"))
        return true;
    context.err << "rolecallctl: nothing changed\n";
    return false;
}

QCommandLineOption asOwnerOption()
{
    return {QStringLiteral("as-owner"),
            QStringLiteral("No sign-in: the database login must own the tables (a database "
                           "without an admin yet).")};
}

const QString alreadyInstalled =
    QStringLiteral("The audit table \"RolecallAuditEvent\" is already installed; nothing to do.\n");

// What every db verb reads first: its options (--format for check, --yes for
// the installers) and the database. False with *exitCode set otherwise.
bool parseDbVerb(QCommandLineParser &parser, CliContext &context, bool withFormat, bool withYes,
                 Format *format, ConnectionSettings *settings, int *exitCode)
{
    if (withYes)
        parser.addOption(
            {QStringLiteral("yes"), QStringLiteral("Do not ask; go ahead (for scripts).")});
    if (!parseVerb(parser, context, {},
                   withFormat ? QList<Format>{Format::Table, Format::Json} : QList<Format>{},
                   format, exitCode))
        return false;
    if (verbConnection(parser, context, settings))
        return true;
    *exitCode = ExitUsage;
    return false;
}

const char *presence(bool present)
{
    return present ? "present" : "missing";
}

void printRights(const RightsStatus &rights, CliContext &context)
{
    context.out << "\nDatabase rights (db install-rights): "
                << (rights.installed() ? "installed" : "not installed") << '\n'
                << "  roles rolecall_reader, rolecall_admin: "
                << presence(rights.readerRole && rights.adminRole) << '\n'
                << "  writer functions (guards in the database): "
                << presence(rights.writerFunctions) << '\n'
                << "  audit trigger on \"User\" and \"UserRole\": " << presence(rights.auditTrigger)
                << '\n'
                << "  audit table append-only for all but its owner: "
                << (rights.auditAppendOnly ? "yes" : "no") << '\n'
                << "  this login may change roles: " << (rights.loginCanWrite ? "yes" : "no")
                << '\n';
}

int runCheck(CliContext &context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Tell which indexes the console's queries would use are present and what each missing "
        "one costs. Changes nothing; 'rolecallctl db install-indexes' creates them."));
    Format format = Format::Table;
    ConnectionSettings settings;
    int exitCode = ExitOk;
    if (!parseDbVerb(parser, context, true, false, &format, &settings, &exitCode))
        return exitCode;
    PgDataSource source(settings);
    try {
        const QList<IndexAdvice> advice = source.adviseIndexes().result();
        if (format == Format::Json) {
            JsonArrayWriter writer(context.out);
            for (const IndexAdvice &item : advice)
                writer.add(QJsonObject{{QStringLiteral("name"), item.name},
                                       {QStringLiteral("present"), item.present},
                                       {QStringLiteral("purpose"), item.purpose},
                                       {QStringLiteral("cost"), item.cost},
                                       {QStringLiteral("sql"), item.sql}});
            writer.finish();
            return ExitOk;
        }
        qsizetype missing = 0;
        for (const IndexAdvice &item : advice) {
            context.out << item.name << ": " << (item.present ? "present" : "missing") << '\n'
                        << "  for:  " << item.purpose << '\n';
            if (!item.present) {
                context.out << "  cost: " << item.cost << '\n';
                ++missing;
            }
        }
        if (advice.isEmpty())
            context.out << "No index advice for this database.\n";
        else if (missing > 0)
            context.out << missing
                        << " missing; 'rolecallctl db install-indexes' shows the SQL and asks "
                           "before creating them.\n";
        printRights(source.rightsStatus().result(), context);
    } catch (const DataSourceError &e) {
        return reportError(e, context);
    }
    return ExitOk;
}

int runInstallIndexes(CliContext &context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Create the missing indexes 'rolecallctl db check' names, after showing the exact SQL "
        "and asking. Each is built with CREATE INDEX CONCURRENTLY: writes go on meanwhile, but "
        "it can take a while on big tables. Needs the profile's signed-in session of an active "
        "ADMIN, or --as-owner with the login that owns the tables (a database without an admin "
        "yet); checked again with the DDL."));
    parser.addOption(asOwnerOption());
    Format format = Format::Table;
    ConnectionSettings settings;
    int exitCode = ExitOk;
    if (!parseDbVerb(parser, context, false, true, &format, &settings, &exitCode))
        return exitCode;
    PgDataSource source(settings);
    try {
        QList<IndexAdvice> missing;
        const QList<IndexAdvice> advice = source.adviseIndexes().result();
        for (const IndexAdvice &item : advice) {
            if (!item.present)
                missing << item;
        }
        if (missing.isEmpty()) {
            context.out << "All the indexes the console uses are present; nothing to do.\n";
            return ExitOk;
        }
        // Who may: asked before anything is shown, and checked again with the DDL.
        std::optional<Actor> actor;
        if (!parser.isSet(QStringLiteral("as-owner"))) {
            actor = signedInActor(context, &exitCode);
            if (!actor)
                return exitCode;
        }
        context.out << "These statements will run, one at a time:\n\n";
        for (const IndexAdvice &item : std::as_const(missing))
            context.out << item.sql << '\n';
        context.out << '\n';
        if (!confirmed(parser, QStringLiteral("Create these indexes? [y/N] "), context))
            return ExitFailure;
        for (const IndexAdvice &item : std::as_const(missing)) {
            context.out << "Creating " << item.name << " ...";
            context.out.flush();
            QElapsedTimer timer;
            timer.start();
            source.installIndex(item.sql, actor).waitForFinished();
            context.out << " done (" << QString::number(double(timer.elapsed()) / 1000.0, 'f', 1)
                        << " s)\n";
        }
        context.out << "Created " << missing.size() << " indexes.\n";
    } catch (const DataSourceError &e) {
        context.out << '\n';
        return reportError(e, context);
    }
    return ExitOk;
}

int runInstallAudit(CliContext &context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Create the optional, append-only audit table \"RolecallAuditEvent\" after showing the "
        "exact SQL and asking. From then on every role change also records an event in it. "
        "Needs the profile's signed-in session of an active ADMIN, or --as-owner with the login "
        "that owns the tables; checked in the same transaction as the DDL."));
    parser.addOption(asOwnerOption());
    Format format = Format::Table;
    ConnectionSettings settings;
    int exitCode = ExitOk;
    if (!parseDbVerb(parser, context, false, true, &format, &settings, &exitCode))
        return exitCode;
    PgDataSource source(settings);
    try {
        if (source.auditTableInstalled().result()) {
            context.out << alreadyInstalled;
            return ExitOk;
        }
        std::optional<Actor> actor;
        if (!parser.isSet(QStringLiteral("as-owner"))) {
            actor = signedInActor(context, &exitCode);
            if (!actor)
                return exitCode;
            if (!mayWrite(source, *actor, context))
                return ExitNotPermitted;
        }
        context.out << "This SQL will run, in one transaction:\n\n" << auditTableSql() << '\n';
        if (!confirmed(parser, QStringLiteral("Create the audit table? [y/N] "), context))
            return ExitFailure;
        if (source.installAuditTable(actor).result())
            context.out << "Created the audit table \"RolecallAuditEvent\".\n";
        else
            context.out << alreadyInstalled;
    } catch (const DataSourceError &e) {
        return reportError(e, context);
    }
    return ExitOk;
}

// install-rights (install true) or uninstall-rights: show the SQL, ask, run
// it in one transaction as the tables' owner.
int runRights(CliContext &context, bool install)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        install ? QStringLiteral(
                      "Make the database enforce the console's rules against any client: group "
                      "roles rolecall_reader and rolecall_admin, writes to \"UserRole\" only "
                      "through functions that apply the console's guards, an audit trigger on "
                      "\"User\" and \"UserRole\", and an audit table only its owner may "
                      "rewrite. Shows the exact SQL and asks first; running it again changes "
                      "nothing; 'rolecallctl db uninstall-rights' undoes it. Run it as the "
                      "owner of the tables (a login that may also create roles).")
                : QStringLiteral("Undo 'rolecallctl db install-rights': drop the functions, the "
                                 "trigger and (when nothing else uses them) the group roles. "
                                 "The audit events stay. Shows the SQL and asks first."));
    Format format = Format::Table;
    ConnectionSettings settings;
    int exitCode = ExitOk;
    if (!parseDbVerb(parser, context, false, true, &format, &settings, &exitCode))
        return exitCode;
    PgDataSource source(settings);
    try {
        const RightsStatus before = source.rightsStatus().result();
        if (!install && !before.writerFunctions && !before.auditTrigger && !before.readerRole &&
            !before.adminRole) {
            context.out << "The database rights are not installed; nothing to do.\n";
            return ExitOk;
        }
        context.out << "This SQL will run, in one transaction:\n\n"
                    << source.rightsSql(install).result() << '\n';
        if (!confirmed(parser,
                       install ? QStringLiteral("Install the database rights? [y/N] ")
                               : QStringLiteral("Remove the database rights? [y/N] "),
                       context))
            return ExitFailure;
        if (install) {
            source.installRights().waitForFinished();
            context.out << "Installed the database rights. Let logins join a group: "
                           "GRANT rolecall_reader TO <login>; or GRANT rolecall_admin TO "
                           "<login>;\n";
        } else {
            source.uninstallRights().waitForFinished();
            context.out << "Removed the database rights.\n";
        }
    } catch (const DataSourceError &e) {
        return reportError(e, context);
    }
    return ExitOk;
}

} // namespace

int runDb(const QString &verb, CliContext &context)
{
    if (verb == QLatin1String("check"))
        return runCheck(context);
    if (verb == QLatin1String("install-indexes"))
        return runInstallIndexes(context);
    if (verb == QLatin1String("install-audit"))
        return runInstallAudit(context);
    if (verb == QLatin1String("install-rights"))
        return runRights(context, true);
    if (verb == QLatin1String("uninstall-rights"))
        return runRights(context, false);
    context.err << "rolecallctl: unknown command 'db " << verb
                << "'; db has check, install-indexes, install-audit, install-rights and "
                   "uninstall-rights\n";
    return ExitUsage;
}

} // namespace rolecall::cli
