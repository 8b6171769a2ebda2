// rolecallctl audit list (cliaudit.h).
#include "cli/cliaudit.h"

#include "cli/cli.h"
#include "cli/cliconnection.h"
#include "cli/clidatasource.h"
#include "cli/cliinstant.h"
#include "cli/clioptions.h"
#include "cli/clioutput.h"
#include "domain/datasourceerror.h"
#include "domain/utctime.h"
#include "itemmodels/tableexport.h"
#include "pg/pgdatasource.h"

#include <QCommandLineParser>
#include <QTextStream>

namespace rolecall::cli {

namespace {

constexpr int auditPageSize = 500;

QString actorText(const AuditEvent &e)
{
    if (e.madeOutsideConsole())
        return QStringLiteral("outside the console, database login ") + e.databaseLogin;
    return e.actorEmail.isEmpty() ? e.actorClerkId : e.actorEmail;
}

QString targetText(const AuditEvent &e)
{
    if (e.targetEmail.isEmpty())
        return e.targetClerkId;
    if (e.targetClerkId.isEmpty())
        return e.targetEmail;
    return QString(e.targetEmail + QStringLiteral(" (") + e.targetClerkId + QLatin1Char(')'));
}

QJsonObject eventJson(const AuditEvent &e)
{
    return {
        {QStringLiteral("id"), e.id},
        {QStringLiteral("at"), nullableInstant(e.at)},
        {QStringLiteral("action"), e.action},
        {QStringLiteral("actorClerkId"), nullable(e.actorClerkId)},
        {QStringLiteral("actorEmail"), nullable(e.actorEmail)},
        {QStringLiteral("targetUserId"), nullable(e.targetUserId)},
        {QStringLiteral("targetClerkId"), nullable(e.targetClerkId)},
        {QStringLiteral("targetEmail"), nullable(e.targetEmail)},
        {QStringLiteral("targetName"), nullable(e.targetName)},
        {QStringLiteral("role"), nullable(e.role)},
        {QStringLiteral("grantId"), nullable(e.grantId)},
        {QStringLiteral("reason"), nullable(e.reason)},
        {QStringLiteral("notes"), nullable(e.notes)},
        {QStringLiteral("source"), nullable(e.source)},
        {QStringLiteral("databaseLogin"), nullable(e.databaseLogin)},
        {QStringLiteral("outsideConsole"), e.madeOutsideConsole()},
    };
}

QStringList eventCsv(const AuditEvent &e)
{
    return {e.id,           isoUtc(e.at),    e.action,      e.actorClerkId, e.actorEmail,
            e.targetUserId, e.targetClerkId, e.targetEmail, e.targetName,   e.role,
            e.grantId,      e.reason,        e.notes,       e.source,       e.databaseLogin};
}

int runAuditList(CliContext &context)
{
    // --user names the audited user here, so this verb has no database --user:
    // the --db URL carries it. The connection options are added by hand and
    // handed to connectionFromOptions through a parser of their own.
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("The audit trail of role changes, newest first."));
    parser.addOptions({
        {QStringLiteral("db"), QStringLiteral("PostgreSQL URL (no password)."),
         QStringLiteral("URL")},
        {QStringLiteral("host"), QStringLiteral("Database host or socket directory."),
         QStringLiteral("HOST")},
        {QStringLiteral("port"), QStringLiteral("Database port."), QStringLiteral("PORT")},
        {QStringLiteral("dbname"), QStringLiteral("Database name."), QStringLiteral("NAME")},
        {QStringLiteral("format"), QStringLiteral("table, csv or json (default table)."),
         QStringLiteral("FORMAT"), QStringLiteral("table")},
        {{QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help.")},
        {QStringLiteral("user"), QStringLiteral("Only changes to this user (Clerk ID, email, id)."),
         QStringLiteral("U")},
        {QStringLiteral("actor"), QStringLiteral("Only changes made by this admin."),
         QStringLiteral("A")},
        {QStringLiteral("role"), QStringLiteral("Only changes of this role."), QStringLiteral("R")},
        {QStringLiteral("since"), QStringLiteral("Only events at or after this instant."),
         QStringLiteral("INSTANT")},
        {QStringLiteral("until"), QStringLiteral("Only events before this instant."),
         QStringLiteral("INSTANT")},
        {QStringLiteral("limit"), QStringLiteral("At most N events; 0 for all (default 100)."),
         QStringLiteral("N"), QStringLiteral("100")},
    });
    if (!parser.parse(QStringList{context.command} + context.args)) {
        context.err << "rolecallctl: " << parser.errorText() << '\n';
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        context.out << verbHelp(parser, context);
        return ExitOk;
    }
    if (!parser.positionalArguments().isEmpty()) {
        context.err << "rolecallctl: unexpected argument '" << parser.positionalArguments().first()
                    << "'\n";
        return ExitUsage;
    }
    Format format = Format::Table;
    if (!parseFormat(parser.value(QStringLiteral("format")),
                     {Format::Table, Format::Csv, Format::Json}, context, &format))
        return ExitUsage;
    QCommandLineParser connection;
    addConnectionOptions(connection);
    QStringList connectionArgs{context.command};
    for (const QString &name : {QStringLiteral("db"), QStringLiteral("host"),
                                QStringLiteral("port"), QStringLiteral("dbname")}) {
        if (parser.isSet(name))
            connectionArgs << QStringLiteral("--") + name << parser.value(name);
    }
    connection.parse(connectionArgs);
    AuditQuery query;
    qint64 limit = 0;
    CliConnection settings;
    if (!instantOption(parser, QStringLiteral("since"), context, &query.since) ||
        !instantOption(parser, QStringLiteral("until"), context, &query.until) ||
        !numberOption(parser, QStringLiteral("limit"), 0, std::numeric_limits<int>::max(), context,
                      &limit) ||
        !verbConnection(connection, context, &settings))
        return ExitUsage;
    query.user = parser.value(QStringLiteral("user")).trimmed();
    query.actor = parser.value(QStringLiteral("actor")).trimmed();
    query.role = parser.value(QStringLiteral("role")).trimmed();

    CliDataSource opened(settings);
    int openCode = ExitOk;
    if (!opened.open(context, &openCode))
        return openCode;
    DataSource &source = opened.source();
    QTextStream &out = context.out;
    std::optional<JsonArrayWriter> json;
    if (format == Format::Json)
        json.emplace(out);
    if (format == Format::Csv)
        out << csvRecord({QStringLiteral("id"), QStringLiteral("at"), QStringLiteral("action"),
                          QStringLiteral("actorClerkId"), QStringLiteral("actorEmail"),
                          QStringLiteral("targetUserId"), QStringLiteral("targetClerkId"),
                          QStringLiteral("targetEmail"), QStringLiteral("targetName"),
                          QStringLiteral("role"), QStringLiteral("grantId"),
                          QStringLiteral("reason"), QStringLiteral("notes"),
                          QStringLiteral("source"), QStringLiteral("databaseLogin")});
    QList<QStringList> rows;
    try {
        const auto print = [&](const AuditEvent &e) {
            if (json)
                json->add(eventJson(e));
            else if (format == Format::Csv)
                out << csvRecord(eventCsv(e));
            else
                rows << QStringList{localText(e.at), e.action, actorText(e), targetText(e),
                                    e.role,          e.reason, e.grantId};
        };
        if (limit == 0) {
            // Every event: one statement read through a cursor (pg/pgstream.h).
            source
                .streamAudit(query,
                             [&](const QList<AuditEvent> &batch) {
                                 for (const AuditEvent &e : batch)
                                     print(e);
                                 out.flush();
                                 return true;
                             })
                .result();
        } else {
            streamPages(limit, auditPageSize, out, [&](int wanted) {
                query.limit = wanted;
                const AuditPage page = source.fetchAudit(query).result();
                for (const AuditEvent &e : page.events)
                    print(e);
                if (page.events.isEmpty())
                    return PageRead{};
                query.beforeAt = page.events.constLast().at;
                query.beforeId = page.events.constLast().id;
                return PageRead{page.events.size(), !page.atEnd};
            });
        }
    } catch (const DataSourceError &e) {
        return reportError(e, context);
    }
    if (json)
        json->finish();
    if (format == Format::Table)
        printTable(out,
                   {QStringLiteral("At"), QStringLiteral("Action"), QStringLiteral("Actor"),
                    QStringLiteral("Target"), QStringLiteral("Role"), QStringLiteral("Reason"),
                    QStringLiteral("Grant ID")},
                   rows);
    return ExitOk;
}

} // namespace

int runAudit(const QString &verb, CliContext &context)
{
    if (verb == QLatin1String("list"))
        return runAuditList(context);
    context.err << "rolecallctl: unknown command 'audit " << verb << "'; use audit list\n";
    return ExitUsage;
}

} // namespace rolecall::cli
