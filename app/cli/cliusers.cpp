#include "cli/cliusers.h"

#include "cli/cli.h"
#include "cli/clidatasource.h"
#include "cli/cliinstant.h"
#include "cli/clioptions.h"
#include "cli/clioutput.h"
#include "domain/datasourceerror.h"
#include "domain/utctime.h"
#include "itemmodels/tableexport.h"
#include "itemmodels/userscsvexport.h"
#include "pg/pgdatasource.h"

#include <QCommandLineParser>
#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace rolecall::cli {

namespace {

// Large pages: without an index on ("createdAt", "id") every page is one scan of
// the table, so fewer pages cost less; 5,000 rows still bound the memory.
constexpr int cliPageSize = 5000;

// Names may be missing (null) or empty; only null is JSON null here, as before.
QJsonValue nullName(const QString &text)
{
    return text.isNull() ? QJsonValue() : QJsonValue(text);
}

QJsonObject toJson(const User &user)
{
    return {
        {QStringLiteral("id"), user.id},
        {QStringLiteral("clerkId"), user.clerkId},
        {QStringLiteral("email"), user.email},
        {QStringLiteral("firstName"), nullName(user.firstName)},
        {QStringLiteral("lastName"), nullName(user.lastName)},
        {QStringLiteral("activeRoles"), QJsonArray::fromStringList(user.activeRoles)},
        {QStringLiteral("createdAt"), isoUtc(user.createdAt)},
        {QStringLiteral("updatedAt"), isoUtc(user.updatedAt)},
    };
}

// `users list --format csv`: the columns of the JSON form, roles joined by spaces.
UserCsvLayout csvLayout()
{
    return {{UserCsvColumn::Id, UserCsvColumn::ClerkId, UserCsvColumn::Email,
             UserCsvColumn::FirstName, UserCsvColumn::LastName, UserCsvColumn::ActiveRoles,
             UserCsvColumn::CreatedAt, UserCsvColumn::UpdatedAt},
            QStringLiteral(" ")};
}

QStringList tableCells(const User &user)
{
    return {user.displayName(), user.email, user.clerkId,
            user.activeRoles.join(QStringLiteral(", ")), localText(user.createdAt)};
}

} // namespace

int runUsersList(CliContext &context)
{
    QTextStream &out = context.out;
    QTextStream &err = context.err;
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("List users, newest first."));
    parser.addOptions({
        {QStringLiteral("search"),
         QStringLiteral("Only users whose name, email or Clerk ID contains TEXT."),
         QStringLiteral("TEXT")},
        {QStringLiteral("role"), QStringLiteral("Only users who hold role R at --as-of."),
         QStringLiteral("R")},
        {QStringLiteral("no-role"), QStringLiteral("Only users who hold no role at --as-of.")},
        {QStringLiteral("as-of"), QStringLiteral("Judge roles at this instant (default now)."),
         QStringLiteral("INSTANT")},
        {QStringLiteral("limit"), QStringLiteral("At most N users; 0 for all (default 100)."),
         QStringLiteral("N"), QStringLiteral("100")},
    });
    Format format = Format::Table;
    int exitCode = ExitOk;
    if (!parseVerb(parser, context, {}, {Format::Table, Format::Csv, Format::Json}, &format,
                   &exitCode))
        return exitCode;
    bool limitOk = false;
    const qint64 limit = parser.value(QStringLiteral("limit")).toLongLong(&limitOk);
    if (!limitOk || limit < 0) {
        err << "rolecallctl: --limit must be a whole number, 0 for all\n";
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("role")) && parser.isSet(QStringLiteral("no-role"))) {
        err << "rolecallctl: --role and --no-role exclude each other\n";
        return ExitUsage;
    }
    UserQuery query;
    CliConnection settings;
    if (!instantOption(parser, QStringLiteral("as-of"), context, &query.asOf) ||
        !verbConnection(parser, context, &settings))
        return ExitUsage;

    CliDataSource opened(settings);
    if (!opened.open(context, &exitCode))
        return exitCode;
    DataSource &source = opened.source();
    query.role = parser.value(QStringLiteral("role")).trimmed();
    query.noRole = parser.isSet(QStringLiteral("no-role"));
    query.search = parser.value(QStringLiteral("search")).trimmed();
    QList<QStringList> tableRows;
    if (format == Format::Csv)
        out << csvRecord({QStringLiteral("id"), QStringLiteral("clerkId"), QStringLiteral("email"),
                          QStringLiteral("firstName"), QStringLiteral("lastName"),
                          QStringLiteral("activeRoles"), QStringLiteral("createdAt"),
                          QStringLiteral("updatedAt")});
    std::optional<JsonArrayWriter> json; // writes "[" as it is made
    if (format == Format::Json)
        json.emplace(out);
    try {
        const auto print = [&](const User &user) {
            switch (format) {
            case Format::Table:
                tableRows << tableCells(user);
                break;
            case Format::Csv:
                out << csvRecord(userCsvFields(user, csvLayout()));
                break;
            case Format::Json:
                json->add(toJson(user));
                break;
            }
        };
        if (limit == 0 && format == Format::Csv) {
            // Everyone as CSV: the records as the database writes them where
            // it can (streamUsersAsCsv()), their bytes passed straight on.
            out.flush();
            QIODevice *device = out.device();
            streamUsersAsCsv(source, query, csvLayout(), [&](const QByteArray &records, qint64) {
                if (device)
                    return device->write(records) == records.size();
                out << QString::fromUtf8(records);
                return true;
            }).result();
        } else if (limit == 0) {
            // Everyone: one statement read through a cursor (pg/pgstream.h),
            // one scan whatever the indexes, a batch in memory at a time.
            source
                .streamUsers(query,
                             [&](const QList<User> &batch) {
                                 for (const User &user : batch)
                                     print(user);
                                 out.flush();
                                 return true;
                             })
                .result();
        } else {
            streamPages(limit, cliPageSize, out, [&](int wanted) {
                query.limit = wanted;
                // The CLI has no event loop to keep alive: waiting here is fine.
                const UserPage page = source.fetchUsers(query).result();
                for (const User &user : page.users)
                    print(user);
                if (page.users.isEmpty())
                    return PageRead{};
                query.afterCreatedAt = page.users.constLast().createdAt;
                query.afterId = page.users.constLast().id;
                return PageRead{page.users.size(), !page.atEnd};
            });
        }
    } catch (const DataSourceError &e) {
        return reportError(e, context);
    }
    if (json)
        json->finish();
    if (format == Format::Table)
        printTable(out,
                   {QStringLiteral("Name"), QStringLiteral("Email"), QStringLiteral("Clerk ID"),
                    QStringLiteral("Active roles"), QStringLiteral("Created")},
                   tableRows);
    return ExitOk;
}

int runUsersShow(CliContext &context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("One user (USER: Clerk ID, email or row id): profile, active roles as "
                       "of --as-of, and every grant."));
    parser.addOption({QStringLiteral("as-of"),
                      QStringLiteral("Judge roles at this instant (default now)."),
                      QStringLiteral("INSTANT")});
    Format format = Format::Table;
    int exitCode = ExitOk;
    if (!parseVerb(parser, context, {QStringLiteral("USER")}, {Format::Table, Format::Json},
                   &format, &exitCode))
        return exitCode;
    QDateTime asOf;
    CliConnection settings;
    if (!instantOption(parser, QStringLiteral("as-of"), context, &asOf) ||
        !verbConnection(parser, context, &settings))
        return ExitUsage;
    const QString who = parser.positionalArguments().constFirst();

    CliDataSource opened(settings);
    if (!opened.open(context, &exitCode))
        return exitCode;
    DataSource &source = opened.source();
    std::optional<User> user;
    QList<GrantView> grants;
    try {
        user = findUser(source, who);
        if (!user) {
            context.err << "rolecallctl: no user '" << who << "'\n";
            return ExitValidation;
        }
        grants = source.fetchGrants(user->id, asOf).result();
    } catch (const DataSourceError &e) {
        return reportError(e, context);
    }
    // The roles held at --as-of, from the grants judged at that instant.
    QStringList roles;
    for (const GrantView &view : std::as_const(grants)) {
        if (view.state == GrantState::Active && !roles.contains(view.grant.role))
            roles << view.grant.role;
    }
    const QDateTime judgedAt = asOf.isValid() ? asOf : QDateTime::currentDateTimeUtc();

    QTextStream &out = context.out;
    if (format == Format::Json) {
        QJsonObject json = toJson(*user);
        json.insert(QStringLiteral("activeRoles"), QJsonArray::fromStringList(roles));
        json.insert(QStringLiteral("asOf"), isoUtc(judgedAt));
        QJsonArray array;
        for (const GrantView &view : std::as_const(grants))
            array.append(grantViewJson(view));
        json.insert(QStringLiteral("grants"), array);
        out << QJsonDocument(json).toJson(QJsonDocument::Indented);
        return ExitOk;
    }
    out << "ID:           " << terminalSafe(user->id) << '\n'
        << "Clerk ID:     " << terminalSafe(user->clerkId) << '\n'
        << "Email:        " << terminalSafe(user->email) << '\n'
        << "Name:         " << terminalSafe(user->displayName()) << '\n'
        << "Created:      " << localText(user->createdAt) << '\n'
        << "Active roles: "
        << (roles.isEmpty() ? QStringLiteral("none") : roles.join(QStringLiteral(", ")))
        << " (as of " << localText(judgedAt) << ")\n\n";
    QList<QStringList> rows;
    for (const GrantView &view : std::as_const(grants)) {
        const RoleGrant &g = view.grant;
        rows << QStringList{g.id,
                            g.role,
                            grantStateName(view.state),
                            localText(g.effectiveStart),
                            localText(g.effectiveEnd),
                            assignedByText(g),
                            g.reason,
                            view.endedBy,
                            view.endedReason};
    }
    printTable(out,
               {QStringLiteral("Grant ID"), QStringLiteral("Role"), QStringLiteral("State"),
                QStringLiteral("Start"), QStringLiteral("End"), QStringLiteral("Assigned by"),
                QStringLiteral("Reason"), QStringLiteral("Ended by"),
                QStringLiteral("Ended reason")},
               rows);
    return ExitOk;
}

} // namespace rolecall::cli
