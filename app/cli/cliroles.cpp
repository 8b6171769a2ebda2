// rolecallctl roles list | expiring, and the roles verbs' dispatch.
#include "cli/cliroles.h"

#include "cli/cli.h"
#include "cli/clidatasource.h"
#include "cli/cliexplain.h"
#include "cli/cliinstant.h"
#include "cli/clioptions.h"
#include "cli/clioutput.h"
#include "cli/clirolewrites.h"
#include "domain/datasourceerror.h"
#include "domain/utctime.h"
#include "itemmodels/tableexport.h"
#include "pg/pgdatasource.h"

#include <QCommandLineParser>
#include <QTextStream>

namespace rolecall::cli {

namespace {

int runRolesList(CliContext &context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("A user's grants (USER: Clerk ID, email or row id), newest first: those "
                       "active or future at --as-of, or all of them with --history."));
    parser.addOptions({
        {QStringLiteral("as-of"), QStringLiteral("Judge the grants at this instant (default now)."),
         QStringLiteral("INSTANT")},
        {QStringLiteral("history"), QStringLiteral("Show ended grants too.")},
    });
    Format format = Format::Table;
    int exitCode = ExitOk;
    if (!parseVerb(parser, context, {QStringLiteral("USER")},
                   {Format::Table, Format::Csv, Format::Json}, &format, &exitCode))
        return exitCode;
    QDateTime asOf;
    CliConnection settings;
    if (!instantOption(parser, QStringLiteral("as-of"), context, &asOf) ||
        !verbConnection(parser, context, &settings))
        return ExitUsage;
    const bool history = parser.isSet(QStringLiteral("history"));

    CliDataSource opened(settings);
    if (!opened.open(context, &exitCode))
        return exitCode;
    DataSource &source = opened.source();
    QList<GrantView> grants;
    try {
        grants = source.fetchGrants(parser.positionalArguments().constFirst(), asOf).result();
    } catch (const DataSourceError &e) {
        return reportError(e, context);
    }
    if (!history)
        grants.removeIf([](const GrantView &v) { return v.state == GrantState::Ended; });

    QTextStream &out = context.out;
    if (format == Format::Json) {
        JsonArrayWriter json(out);
        for (const GrantView &view : std::as_const(grants))
            json.add(grantViewJson(view));
        json.finish();
    } else if (format == Format::Csv) {
        out << csvRecord(grantCsvHeader());
        for (const GrantView &view : std::as_const(grants))
            out << csvRecord(grantCsvFields(view));
    } else {
        QStringList headers = {QStringLiteral("ID"),     QStringLiteral("Role"),
                               QStringLiteral("State"),  QStringLiteral("Start"),
                               QStringLiteral("End"),    QStringLiteral("Assigned by"),
                               QStringLiteral("Reason"), QStringLiteral("Notes")};
        if (history)
            headers << QStringLiteral("Ended by") << QStringLiteral("Ended reason");
        QList<QStringList> rows;
        for (const GrantView &view : std::as_const(grants)) {
            const RoleGrant &g = view.grant;
            QStringList row = {g.id,
                               g.role,
                               grantStateName(view.state),
                               localText(g.effectiveStart),
                               localText(g.effectiveEnd),
                               assignedByText(g),
                               g.reason,
                               g.adminNotes};
            if (history)
                row << view.endedBy << view.endedReason;
            rows << row;
        }
        printTable(out, headers, rows);
    }
    return ExitOk;
}

int runRolesExpiring(CliContext &context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Active grants that end within the next N days, soonest first."));
    parser.addOption({QStringLiteral("days"), QStringLiteral("Days ahead (default 30)."),
                      QStringLiteral("N"), QStringLiteral("30")});
    Format format = Format::Table;
    int exitCode = ExitOk;
    if (!parseVerb(parser, context, {}, {Format::Table, Format::Csv, Format::Json}, &format,
                   &exitCode))
        return exitCode;
    qint64 days = 0;
    CliConnection settings;
    if (!numberOption(parser, QStringLiteral("days"), 1, 3650, context, &days) ||
        !verbConnection(parser, context, &settings))
        return ExitUsage;

    CliDataSource opened(settings);
    if (!opened.open(context, &exitCode))
        return exitCode;
    DataSource &source = opened.source();
    QList<GrantView> grants;
    try {
        grants = source.fetchExpiring(int(days)).result();
    } catch (const DataSourceError &e) {
        return reportError(e, context);
    }
    QTextStream &out = context.out;
    if (format == Format::Json) {
        JsonArrayWriter json(out);
        for (const GrantView &v : std::as_const(grants))
            json.add({{QStringLiteral("userEmail"), nullable(v.userEmail)},
                      {QStringLiteral("userClerkId"), nullable(v.userClerkId)},
                      {QStringLiteral("userName"), nullable(v.userName)},
                      {QStringLiteral("role"), v.grant.role},
                      {QStringLiteral("end"), nullableInstant(v.grant.effectiveEnd)},
                      {QStringLiteral("grantId"), v.grant.id}});
        json.finish();
    } else if (format == Format::Csv) {
        out << csvRecord({QStringLiteral("userEmail"), QStringLiteral("userClerkId"),
                          QStringLiteral("userName"), QStringLiteral("role"), QStringLiteral("end"),
                          QStringLiteral("grantId")});
        for (const GrantView &v : std::as_const(grants))
            out << csvRecord({v.userEmail, v.userClerkId, v.userName, v.grant.role,
                              isoUtc(v.grant.effectiveEnd), v.grant.id});
    } else {
        QList<QStringList> rows;
        for (const GrantView &v : std::as_const(grants))
            rows << QStringList{v.userEmail, v.userClerkId, v.grant.role,
                                localText(v.grant.effectiveEnd), v.grant.id};
        printTable(out,
                   {QStringLiteral("Email"), QStringLiteral("Clerk ID"), QStringLiteral("Role"),
                    QStringLiteral("Ends"), QStringLiteral("Grant ID")},
                   rows);
    }
    return ExitOk;
}

} // namespace

int runRoles(const QString &verb, CliContext &context)
{
    if (verb == QLatin1String("list"))
        return runRolesList(context);
    if (verb == QLatin1String("expiring"))
        return runRolesExpiring(context);
    if (verb == QLatin1String("grant"))
        return runRolesGrant(context);
    if (verb == QLatin1String("end"))
        return runRolesEnd(context);
    if (verb == QLatin1String("bulk-grant"))
        return runRolesBulkGrant(context);
    if (verb == QLatin1String("explain"))
        return runRolesExplain(context);
    context.err << "rolecallctl: unknown command 'roles " << verb
                << "'; use list, expiring, grant, end, bulk-grant or explain\n";
    return ExitUsage;
}

} // namespace rolecall::cli
