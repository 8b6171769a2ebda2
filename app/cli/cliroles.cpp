#include "cli/cliroles.h"

#include "cli/cli.h"
#include "cli/cliconnection.h"
#include "cli/cliinstant.h"
#include "cli/clisessionsupport.h"
#include "domain/datasourceerror.h"
#include "itemmodels/tableexport.h"
#include "pg/pgdatasource.h"
#include "services/profilestore.h"

#include <QCommandLineParser>
#include <QJsonDocument>
#include <QSettings>
#include <QTextStream>

namespace rolecall::cli {

// Writes live in clirolewrites.cpp.
int runRolesGrant(CliContext &context);
int runRolesEnd(CliContext &context);
int runRolesBulkGrant(CliContext &context);

// ---------------------------------------------------------------- shared

QString verbHelp(const QCommandLineParser &parser, const CliContext &context)
{
    // Qt's usage line names the binary's path; name the verb instead.
    const QString help = parser.helpText();
    const qsizetype eol = help.indexOf(QLatin1Char('\n'));
    const qsizetype options = help.left(eol).indexOf(QLatin1String(" [options]"));
    if (eol < 0 || options < 0)
        return help;
    return QStringLiteral("Usage: rolecallctl ") + context.command.section(QLatin1Char(' '), 1) +
           help.mid(options);
}

bool parseVerb(QCommandLineParser &parser, CliContext &context, const QStringList &positionals,
               const QList<Format> &formats, Format *format, int *exitCode)
{
    addConnectionOptions(parser);
    if (!formats.isEmpty()) {
        const QString names = formats.size() == 3 ? QStringLiteral("table, csv or json")
                                                  : QStringLiteral("table or json");
        parser.addOption({QStringLiteral("format"),
                          QStringLiteral("%1 (default table).").arg(names),
                          QStringLiteral("FORMAT"), QStringLiteral("table")});
    }
    parser.addOption(
        {{QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help.")});
    for (const QString &name : positionals)
        parser.addPositionalArgument(name, QString());
    *exitCode = ExitUsage;
    if (!parser.parse(QStringList{context.command} + context.args)) {
        context.err << "rolecallctl: " << parser.errorText() << '\n';
        return false;
    }
    const QString shortCommand = context.command.section(QLatin1Char(' '), 1);
    if (parser.isSet(QStringLiteral("help"))) {
        context.out << verbHelp(parser, context);
        *exitCode = ExitOk;
        return false;
    }
    const QStringList given = parser.positionalArguments();
    if (given.size() < positionals.size()) {
        context.err << "rolecallctl: " << shortCommand << " needs "
                    << positionals.mid(given.size()).join(QLatin1Char(' ')) << "; see --help\n";
        return false;
    }
    if (given.size() > positionals.size()) {
        context.err << "rolecallctl: unexpected argument '" << given.value(positionals.size())
                    << "'\n";
        return false;
    }
    if (!formats.isEmpty()) {
        const QString name = parser.value(QStringLiteral("format"));
        const QList<std::pair<QString, Format>> known = {{QStringLiteral("table"), Format::Table},
                                                         {QStringLiteral("csv"), Format::Csv},
                                                         {QStringLiteral("json"), Format::Json}};
        bool found = false;
        for (const auto &[knownName, knownFormat] : known) {
            if (knownName == name && formats.contains(knownFormat)) {
                *format = knownFormat;
                found = true;
            }
        }
        if (!found) {
            context.err << "rolecallctl: --format must be "
                        << (formats.size() == 3 ? "table, csv or json" : "table or json")
                        << ", not '" << name << "'\n";
            return false;
        }
    }
    *exitCode = ExitOk;
    return true;
}

bool verbConnection(const QCommandLineParser &parser, CliContext &context,
                    ConnectionSettings *settings)
{
    QString error;
    if (connectionFromOptions(parser, context.profile, settings, &error))
        return true;
    context.err << "rolecallctl: " << error << '\n';
    return false;
}

bool instantOption(const QCommandLineParser &parser, const QString &name, CliContext &context,
                   QDateTime *instant)
{
    *instant = QDateTime();
    if (!parser.isSet(name))
        return true;
    QString error;
    const std::optional<QDateTime> parsed = parseInstant(parser.value(name), &error);
    if (!parsed) {
        context.err << "rolecallctl: --" << name << ": " << error << '\n';
        return false;
    }
    *instant = *parsed;
    return true;
}

bool numberOption(const QCommandLineParser &parser, const QString &name, qint64 min, qint64 max,
                  CliContext &context, qint64 *value)
{
    bool ok = false;
    *value = parser.value(name).toLongLong(&ok);
    if (ok && *value >= min && *value <= max)
        return true;
    context.err << "rolecallctl: --" << name << " must be a whole number from " << min << " to "
                << max << '\n';
    return false;
}

int reportError(const DataSourceError &error, CliContext &context)
{
    // A refused self-demotion names the CLI's own way to confirm.
    const QString message =
        error.kind() == DataSourceError::Kind::SelfDemotion
            ? QStringLiteral("This ends your own ADMIN role; pass --force to go on.")
            : error.message();
    context.out.flush();
    context.err << "rolecallctl: " << message << '\n';
    switch (error.kind()) {
    case DataSourceError::Kind::NotPermitted:
        return ExitNotPermitted;
    case DataSourceError::Kind::Validation:
    case DataSourceError::Kind::Conflict:
    case DataSourceError::Kind::SelfDemotion:
        return ExitValidation;
    case DataSourceError::Kind::Schema:
    case DataSourceError::Kind::Connection:
    case DataSourceError::Kind::Query:
        break;
    }
    return ExitFailure;
}

std::optional<Actor> signedInActor(CliContext &context, int *exitCode)
{
    *exitCode = ExitNotSignedIn;
    const std::unique_ptr<QSettings> settings = openAppSettings();
    const ProfileStore store(*settings);
    QString error;
    const std::optional<Profile> profile = store.resolve(context.profile, &error);
    if (!profile) {
        // A write is made by someone: with no usable profile nobody is signed in.
        context.err << "rolecallctl: not signed in: " << error << '\n';
        return std::nullopt;
    }
    SessionRig rig(*profile, {});
    if (!restore(rig, context)) {
        context.err << "rolecallctl: not signed in to " << profile->name
                    << "; run 'rolecallctl login'\n";
        return std::nullopt;
    }
    const Identity identity = rig.service.identity();
    *exitCode = ExitOk;
    return Actor{identity.subject, identity.email};
}

std::optional<User> findUser(DataSource &source, const QString &who)
{
    if (who.startsWith(QLatin1String("user_"))) {
        const AccountAccess access = source.fetchAccount(who).result();
        if (access.userFound)
            return access.user;
    }
    // Email or Clerk ID: the search finds it among substrings; keep the exact one.
    UserQuery query;
    query.search = who;
    query.limit = 200;
    const UserPage page = source.fetchUsers(query).result();
    for (const User &user : page.users) {
        if (user.id == who || user.clerkId == who ||
            user.email.compare(who, Qt::CaseInsensitive) == 0)
            return user;
    }
    // A row id is not searched: its grants name the user.
    const QList<GrantView> grants = source.fetchGrants(who, QDateTime()).result();
    if (!grants.isEmpty() && !grants.first().userClerkId.isEmpty()) {
        const AccountAccess access = source.fetchAccount(grants.first().userClerkId).result();
        if (access.userFound)
            return access.user;
    }
    return std::nullopt;
}

QJsonValue nullable(const QString &text)
{
    return text.isEmpty() ? QJsonValue() : QJsonValue(text);
}

QJsonValue nullableInstant(const QDateTime &instant)
{
    return instant.isValid() ? QJsonValue(isoUtc(instant)) : QJsonValue();
}

QString assignedByText(const RoleGrant &grant)
{
    return grant.assignedByEmail.isEmpty() ? grant.assignedBy : grant.assignedByEmail;
}

QJsonObject grantJson(const RoleGrant &grant)
{
    return {
        {QStringLiteral("id"), grant.id},
        {QStringLiteral("userId"), grant.userId},
        {QStringLiteral("role"), grant.role},
        {QStringLiteral("start"), nullableInstant(grant.effectiveStart)},
        {QStringLiteral("end"), nullableInstant(grant.effectiveEnd)},
        {QStringLiteral("assignedBy"), nullable(assignedByText(grant))},
        {QStringLiteral("assignedByClerkId"), nullable(grant.assignedBy)},
        {QStringLiteral("assignedByEmail"), nullable(grant.assignedByEmail)},
        {QStringLiteral("reason"), nullable(grant.reason)},
        {QStringLiteral("notes"), nullable(grant.adminNotes)},
        {QStringLiteral("isActive"), grant.isActiveFlag},
        {QStringLiteral("createdAt"), nullableInstant(grant.createdAt)},
        {QStringLiteral("updatedAt"), nullableInstant(grant.updatedAt)},
    };
}

QJsonObject grantViewJson(const GrantView &view)
{
    QJsonObject json = grantJson(view.grant);
    json.insert(QStringLiteral("state"), grantStateName(view.state));
    json.insert(QStringLiteral("userClerkId"), nullable(view.userClerkId));
    json.insert(QStringLiteral("userEmail"), nullable(view.userEmail));
    json.insert(QStringLiteral("endedBy"), nullable(view.endedBy));
    json.insert(QStringLiteral("endedReason"), nullable(view.endedReason));
    return json;
}

QStringList grantCsvHeader()
{
    return {
        QStringLiteral("id"),          QStringLiteral("role"),        QStringLiteral("state"),
        QStringLiteral("start"),       QStringLiteral("end"),         QStringLiteral("assignedBy"),
        QStringLiteral("reason"),      QStringLiteral("notes"),       QStringLiteral("endedBy"),
        QStringLiteral("endedReason"), QStringLiteral("userClerkId"), QStringLiteral("userEmail")};
}

QStringList grantCsvFields(const GrantView &view)
{
    const RoleGrant &g = view.grant;
    return {g.id,
            g.role,
            grantStateName(view.state),
            isoUtc(g.effectiveStart),
            isoUtc(g.effectiveEnd),
            assignedByText(g),
            g.reason,
            g.adminNotes,
            view.endedBy,
            view.endedReason,
            view.userClerkId,
            view.userEmail};
}

JsonArrayWriter::JsonArrayWriter(QTextStream &out)
    : m_out(out)
{
    m_out << '[';
}

void JsonArrayWriter::add(const QJsonObject &object)
{
    m_out << (m_empty ? "\n  " : ",\n  ")
          << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
    m_empty = false;
}

void JsonArrayWriter::finish()
{
    m_out << (m_empty ? "]\n" : "\n]\n");
}

void printTable(QTextStream &out, const QStringList &headers, const QList<QStringList> &rows)
{
    const QStringList lines = formatTextTable(headers, rows);
    for (const QString &line : lines)
        out << line << '\n';
}

// ---------------------------------------------------------------- reads

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
    ConnectionSettings settings;
    if (!instantOption(parser, QStringLiteral("as-of"), context, &asOf) ||
        !verbConnection(parser, context, &settings))
        return ExitUsage;
    const bool history = parser.isSet(QStringLiteral("history"));

    PgDataSource source(settings);
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
    ConnectionSettings settings;
    if (!numberOption(parser, QStringLiteral("days"), 1, 3650, context, &days) ||
        !verbConnection(parser, context, &settings))
        return ExitUsage;

    PgDataSource source(settings);
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
    context.err << "rolecallctl: unknown command 'roles " << verb
                << "'; use list, expiring, grant, end or bulk-grant\n";
    return ExitUsage;
}

} // namespace rolecall::cli
