// rolecallctl roles grant | end | bulk-grant (clirolewrites.h).
#include "cli/clirolewrites.h"

#include "cli/cli.h"
#include "cli/clidatasource.h"
#include "cli/cliinstant.h"
#include "cli/clioptions.h"
#include "cli/clioutput.h"
#include "cli/clisessionsupport.h"
#include "cli/cliusers.h"
#include "domain/datasourceerror.h"
#include "domain/userlist.h"
#include "pg/pgdatasource.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>

#include <cstdio>

namespace rolecall::cli {

namespace {

// Checks what can be checked without the database; false with the error printed.
bool validateTexts(const QString &reason, const QString &notes, const QDateTime &start,
                   const QDateTime &end, CliContext &context)
{
    // The same sentence the console's dialogs and the data source give.
    QString problem = grantTextProblem(reason, notes);
    if (problem.isEmpty() && end.isValid() && start.isValid() && end <= start)
        problem = QStringLiteral("--end must be after --start");
    else if (problem.isEmpty() && end.isValid() && !start.isValid() &&
             end <= QDateTime::currentDateTimeUtc())
        problem = QStringLiteral("--end is in the past; a grant must end after it starts");
    if (problem.isEmpty())
        return true;
    context.err << "rolecallctl: " << problem << '\n';
    return false;
}

// The role must be one of the database's enum values; false with the exit
// code set otherwise (Schema errors and other databases: 1, unknown role: 5).
bool checkRole(DataSource &source, const QString &role, CliContext &context, int *exitCode)
{
    const SchemaInfo schema = source.detectSchema().result();
    if (!schema.hasRoles()) {
        context.err << "rolecallctl: this database has no roles (" << schema.describe() << ")\n";
        *exitCode = ExitFailure;
        return false;
    }
    if (!schema.roles.contains(role)) {
        context.err << "rolecallctl: unknown role '" << role << "'; this database has "
                    << schema.roles.join(QStringLiteral(", ")) << '\n';
        *exitCode = ExitValidation;
        return false;
    }
    return true;
}

QString userText(const User &user)
{
    return user.email.isEmpty()
               ? user.clerkId
               : QString(user.email + QStringLiteral(" (") + user.clerkId + QLatin1Char(')'));
}

QString spanText(const QDateTime &start, const QDateTime &end)
{
    return QString((start.isValid() ? localText(start) : QStringLiteral("now")) +
                   QStringLiteral(" until ") +
                   (end.isValid() ? localText(end) : QStringLiteral("further notice")));
}

QJsonArray usersJson(const QList<User> &users)
{
    QJsonArray array;
    for (const User &user : users)
        array.append(QJsonObject{{QStringLiteral("id"), user.id},
                                 {QStringLiteral("clerkId"), user.clerkId},
                                 {QStringLiteral("email"), nullable(user.email)}});
    return array;
}

// One Clerk ID or email per line (blank lines and # comments skipped), or a
// CSV export of users or grants (its clerkId column): parseUserList().
bool readUsersFile(const QString &path, QStringList *users, CliContext &context)
{
    QFile file;
    const bool opened = path == QLatin1String("-")
                            ? file.open(stdin, QIODevice::ReadOnly)
                            : (file.setFileName(path), file.open(QIODevice::ReadOnly));
    if (!opened) {
        context.err << "rolecallctl: cannot read " << path << ": " << file.errorString() << '\n';
        return false;
    }
    QString error;
    *users << parseUserList(file.readAll(), &error);
    if (!error.isEmpty()) {
        context.err << "rolecallctl: " << path << ": " << error << '\n';
        return false;
    }
    return true;
}

// The options every write shares: --reason, and (for new grants) the span.
QCommandLineOption reasonOption()
{
    return {QStringLiteral("reason"), QStringLiteral("Why (required, recorded)."),
            QStringLiteral("TEXT")};
}

QList<QCommandLineOption> spanOptions()
{
    return {{QStringLiteral("start"), QStringLiteral("When it starts (default now)."),
             QStringLiteral("INSTANT")},
            {QStringLiteral("end"), QStringLiteral("When it ends (default never)."),
             QStringLiteral("INSTANT")},
            {QStringLiteral("notes"), QStringLiteral("Notes for other admins."),
             QStringLiteral("TEXT")}};
}

// --reason given; false with "<verb> needs --reason TEXT" printed.
bool reasonGiven(const QCommandLineParser &parser, CliContext &context)
{
    if (parser.isSet(QStringLiteral("reason")))
        return true;
    context.err << "rolecallctl: " << context.verb << " needs --reason TEXT\n";
    return false;
}

// --start, --end and the database; false with the error printed.
bool spanAndConnection(const QCommandLineParser &parser, CliContext &context, QDateTime *start,
                       QDateTime *end, CliConnection *settings)
{
    return instantOption(parser, QStringLiteral("start"), context, start) &&
           instantOption(parser, QStringLiteral("end"), context, end) &&
           verbConnection(parser, context, settings);
}

// What every write checks before it reaches the database, in this order: the
// texts and the span, then who is signed in. nullopt with *exitCode set.
std::optional<Actor> checkedActor(const QString &reason, const QString &notes,
                                  const QDateTime &start, const QDateTime &end, CliContext &context,
                                  int *exitCode)
{
    if (!validateTexts(reason, notes, start, end, context)) {
        *exitCode = ExitValidation;
        return std::nullopt;
    }
    return signedInActor(context, exitCode);
}

void printIndented(QTextStream &out, const QJsonObject &json)
{
    out << QJsonDocument(json).toJson(QJsonDocument::Indented);
}

// roles grant --dry-run: everything but the write.
int showGrant(DataSource &source, const GrantRequest &request, const Actor &actor, Format format,
              CliContext &context)
{
    if (!mayWrite(source, actor, context))
        return ExitNotPermitted;
    const std::optional<User> user = findUser(source, request.user);
    if (!user) {
        context.err << "rolecallctl: no user '" << request.user << "'\n";
        return ExitValidation;
    }
    if (format == Format::Json) {
        printIndented(context.out, {{QStringLiteral("dryRun"), true},
                                    {QStringLiteral("userId"), user->id},
                                    {QStringLiteral("userClerkId"), user->clerkId},
                                    {QStringLiteral("userEmail"), nullable(user->email)},
                                    {QStringLiteral("role"), request.role},
                                    {QStringLiteral("start"), nullableInstant(request.start)},
                                    {QStringLiteral("end"), nullableInstant(request.end)},
                                    {QStringLiteral("reason"), request.reason},
                                    {QStringLiteral("notes"), nullable(request.notes)},
                                    {QStringLiteral("assignedByClerkId"), actor.clerkId},
                                    {QStringLiteral("assignedByEmail"), nullable(actor.email)}});
        return ExitOk;
    }
    context.out << "Would grant " << request.role << " to " << userText(*user) << " from "
                << spanText(request.start, request.end) << ", reason \"" << request.reason
                << "\", assigned by " << (actor.email.isEmpty() ? actor.clerkId : actor.email)
                << ". Nothing was written (--dry-run).\n";
    return ExitOk;
}

// roles bulk-grant --dry-run: the plan.
void showBulkPlan(const BulkPlan &plan, const QString &role, Format format, QTextStream &out)
{
    if (format == Format::Json) {
        printIndented(out, {{QStringLiteral("dryRun"), true},
                            {QStringLiteral("role"), role},
                            {QStringLiteral("willChange"), usersJson(plan.willChange)},
                            {QStringLiteral("alreadyHave"), usersJson(plan.alreadyHave)},
                            {QStringLiteral("unknown"), QJsonArray::fromStringList(plan.unknown)}});
        return;
    }
    out << "Would grant " << role << " to " << plan.willChange.size() << " users; "
        << plan.alreadyHave.size() << " already have it; " << plan.unknown.size()
        << " unknown. Nothing was written (--dry-run).\n";
    for (const User &user : plan.willChange)
        out << "  will change:  " << userText(user) << '\n';
    for (const User &user : plan.alreadyHave)
        out << "  already have: " << userText(user) << '\n';
    for (const QString &name : plan.unknown)
        out << "  unknown:      " << name << '\n';
}

} // namespace

int runRolesGrant(CliContext &context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Grant ROLE to USER (Clerk ID, email or row id), from --start (default now) until --end "
        "(default open-ended). Needs the profile's signed-in session of an active ADMIN."));
    parser.addOption(reasonOption());
    parser.addOptions(spanOptions());
    parser.addOption(
        {QStringLiteral("dry-run"), QStringLiteral("Check and show the grant; write nothing.")});
    Format format = Format::Table;
    int exitCode = ExitOk;
    if (!parseVerb(parser, context, {QStringLiteral("USER"), QStringLiteral("ROLE")},
                   {Format::Table, Format::Json}, &format, &exitCode))
        return exitCode;
    if (!reasonGiven(parser, context))
        return ExitUsage;
    GrantRequest request;
    request.user = parser.positionalArguments().at(0);
    request.role = parser.positionalArguments().at(1);
    request.reason = parser.value(QStringLiteral("reason"));
    request.notes = parser.value(QStringLiteral("notes"));
    CliConnection settings;
    if (!spanAndConnection(parser, context, &request.start, &request.end, &settings))
        return ExitUsage;
    const std::optional<Actor> actor =
        checkedActor(request.reason, request.notes, request.start, request.end, context, &exitCode);
    if (!actor)
        return exitCode;

    CliDataSource opened(settings);
    if (!opened.open(context, &exitCode))
        return exitCode;
    DataSource &source = opened.source();
    try {
        if (!checkRole(source, request.role, context, &exitCode))
            return exitCode;
        if (parser.isSet(QStringLiteral("dry-run")))
            return showGrant(source, request, *actor, format, context);
        const RoleGrant grant = source.grantRole(*actor, request).result();
        if (format == Format::Json)
            printIndented(context.out, grantJson(grant));
        else
            context.out << "Granted " << grant.role << " to " << request.user << " from "
                        << spanText(grant.effectiveStart, grant.effectiveEnd) << " (grant "
                        << grant.id << ").\n";
    } catch (const DataSourceError &e) {
        return reportError(e, context);
    }
    return ExitOk;
}

int runRolesEnd(CliContext &context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "End the grant GRANT_ID now or at --at. Ending your own ADMIN grant needs --force."));
    parser.addOption(reasonOption());
    parser.addOptions({
        {QStringLiteral("at"), QStringLiteral("When it ends (default now)."),
         QStringLiteral("INSTANT")},
        {QStringLiteral("force"), QStringLiteral("Go on even when it ends your own ADMIN role.")},
    });
    Format format = Format::Table;
    int exitCode = ExitOk;
    if (!parseVerb(parser, context, {QStringLiteral("GRANT_ID")}, {Format::Table, Format::Json},
                   &format, &exitCode))
        return exitCode;
    if (!reasonGiven(parser, context))
        return ExitUsage;
    EndRequest request;
    request.grantId = parser.positionalArguments().constFirst();
    request.reason = parser.value(QStringLiteral("reason"));
    request.confirmSelfDemotion = parser.isSet(QStringLiteral("force"));
    CliConnection settings;
    if (!instantOption(parser, QStringLiteral("at"), context, &request.at) ||
        !verbConnection(parser, context, &settings))
        return ExitUsage;
    const std::optional<Actor> actor = checkedActor(request.reason, {}, {}, {}, context, &exitCode);
    if (!actor)
        return exitCode;

    CliDataSource opened(settings);
    if (!opened.open(context, &exitCode))
        return exitCode;
    DataSource &source = opened.source();
    try {
        const RoleGrant grant = source.endGrant(*actor, request).result();
        if (format == Format::Json)
            printIndented(context.out, grantJson(grant));
        else
            context.out << "Ended grant " << grant.id << " (" << grant.role << ") at "
                        << localText(grant.effectiveEnd) << ".\n";
    } catch (const DataSourceError &e) {
        return reportError(e, context);
    }
    return ExitOk;
}

int runRolesBulkGrant(CliContext &context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Grant ROLE to many users at once, all or nothing. Name them with exactly one of "
        "--users-file, --search or --role. --dry-run shows the plan."));
    parser.addOption(reasonOption());
    parser.addOptions({
        {QStringLiteral("users-file"),
         QStringLiteral("One Clerk ID or email per line; # comments; '-' reads stdin."),
         QStringLiteral("FILE")},
        {QStringLiteral("search"),
         QStringLiteral("Every user whose name, email or Clerk ID "
                        "contains TEXT."),
         QStringLiteral("TEXT")},
        {QStringLiteral("role"), QStringLiteral("Every user who holds role R now."),
         QStringLiteral("R")},
    });
    parser.addOptions(spanOptions());
    parser.addOption(
        {QStringLiteral("dry-run"), QStringLiteral("Show who would change; write nothing.")});
    Format format = Format::Table;
    int exitCode = ExitOk;
    if (!parseVerb(parser, context, {QStringLiteral("ROLE")}, {Format::Table, Format::Json},
                   &format, &exitCode))
        return exitCode;
    const int ways = int(parser.isSet(QStringLiteral("users-file"))) +
                     int(parser.isSet(QStringLiteral("search"))) +
                     int(parser.isSet(QStringLiteral("role")));
    if (ways != 1 || !parser.isSet(QStringLiteral("reason"))) {
        context.err << "rolecallctl: roles bulk-grant needs --reason TEXT and exactly one of "
                       "--users-file, --search or --role\n";
        return ExitUsage;
    }
    BulkGrantRequest request;
    request.role = parser.positionalArguments().constFirst();
    request.reason = parser.value(QStringLiteral("reason"));
    request.notes = parser.value(QStringLiteral("notes"));
    CliConnection settings;
    if (!spanAndConnection(parser, context, &request.start, &request.end, &settings))
        return ExitUsage;
    if (parser.isSet(QStringLiteral("users-file"))) {
        if (!readUsersFile(parser.value(QStringLiteral("users-file")), &request.users, context))
            return ExitFailure;
    } else {
        request.useFilter = true;
        request.filter.search = parser.value(QStringLiteral("search")).trimmed();
        request.filter.role = parser.value(QStringLiteral("role"));
    }
    const std::optional<Actor> actor =
        checkedActor(request.reason, request.notes, request.start, request.end, context, &exitCode);
    if (!actor)
        return exitCode;

    CliDataSource opened(settings);
    if (!opened.open(context, &exitCode))
        return exitCode;
    DataSource &source = opened.source();
    QTextStream &out = context.out;
    try {
        if (!checkRole(source, request.role, context, &exitCode))
            return exitCode;
        if (parser.isSet(QStringLiteral("dry-run"))) {
            showBulkPlan(source.planBulkGrant(*actor, request).result(), request.role, format, out);
            return ExitOk;
        }
        const QList<RoleGrant> grants = source.applyBulkGrant(*actor, request).result();
        if (format == Format::Json) {
            QJsonArray array;
            for (const RoleGrant &grant : grants)
                array.append(grantJson(grant));
            printIndented(out, {{QStringLiteral("role"), request.role},
                                {QStringLiteral("granted"), array.size()},
                                {QStringLiteral("grants"), array}});
        } else {
            out << "Granted " << request.role << " to " << grants.size() << " users\n";
        }
    } catch (const DataSourceError &e) {
        return reportError(e, context);
    }
    return ExitOk;
}

} // namespace rolecall::cli
