#include "cliusers.h"

#include "cli.h"
#include "cliconnection.h"
#include "datasourceerror.h"
#include "pgdatasource.h"
#include "tableexport.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace rolecall::cli {

namespace {

enum class Format { Table, Csv, Json };

// Large pages: without an index on ("createdAt", "id") every page is one scan of
// the table, so fewer pages cost less; 5,000 rows still bound the memory.
constexpr int cliPageSize = 5000;

QString isoUtc(const QDateTime &instant)
{
    return instant.isValid() ? instant.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QJsonValue nullable(const QString &text)
{
    return text.isNull() ? QJsonValue() : QJsonValue(text);
}

QJsonObject toJson(const User &user)
{
    return {
        {QStringLiteral("id"), user.id},
        {QStringLiteral("clerkId"), user.clerkId},
        {QStringLiteral("email"), user.email},
        {QStringLiteral("firstName"), nullable(user.firstName)},
        {QStringLiteral("lastName"), nullable(user.lastName)},
        {QStringLiteral("activeRoles"), QJsonArray::fromStringList(user.activeRoles)},
        {QStringLiteral("createdAt"), isoUtc(user.createdAt)},
        {QStringLiteral("updatedAt"), isoUtc(user.updatedAt)},
    };
}

QStringList csvFields(const User &user)
{
    return {user.id,
            user.clerkId,
            user.email,
            user.firstName,
            user.lastName,
            user.activeRoles.join(QLatin1Char(' ')),
            isoUtc(user.createdAt),
            isoUtc(user.updatedAt)};
}

QStringList tableCells(const User &user)
{
    return {user.displayName(), user.email, user.clerkId,
            user.activeRoles.join(QStringLiteral(", ")),
            user.createdAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))};
}

} // namespace

int runUsersList(CliContext &context)
{
    QTextStream &out = context.out;
    QTextStream &err = context.err;
    const QString &command = context.command;
    const QStringList &args = context.args;
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("List users, newest first."));
    addConnectionOptions(parser);
    parser.addOptions({
        {QStringLiteral("search"),
         QStringLiteral("Only users whose name, email or Clerk ID contains TEXT."),
         QStringLiteral("TEXT")},
        {QStringLiteral("limit"), QStringLiteral("At most N users; 0 for all (default 100)."),
         QStringLiteral("N"), QStringLiteral("100")},
        {QStringLiteral("format"), QStringLiteral("table, csv or json (default table)."),
         QStringLiteral("FORMAT"), QStringLiteral("table")},
        {{QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help.")},
    });
    if (!parser.parse(QStringList{command} + args)) {
        err << "rolecallctl: " << parser.errorText() << '\n';
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out << parser.helpText().replace(command + QStringLiteral(" [options]"),
                                         QStringLiteral("rolecallctl users list [options]"));
        return ExitOk;
    }
    if (!parser.positionalArguments().isEmpty()) {
        err << "rolecallctl: unexpected argument '" << parser.positionalArguments().first()
            << "'\n";
        return ExitUsage;
    }

    const QString formatName = parser.value(QStringLiteral("format"));
    Format format = Format::Table;
    if (formatName == QLatin1String("csv"))
        format = Format::Csv;
    else if (formatName == QLatin1String("json"))
        format = Format::Json;
    else if (formatName != QLatin1String("table")) {
        err << "rolecallctl: --format must be table, csv or json, not '" << formatName << "'\n";
        return ExitUsage;
    }
    bool limitOk = false;
    const qint64 limit = parser.value(QStringLiteral("limit")).toLongLong(&limitOk);
    if (!limitOk || limit < 0) {
        err << "rolecallctl: --limit must be a whole number, 0 for all\n";
        return ExitUsage;
    }

    ConnectionSettings settings;
    QString error;
    if (!connectionFromOptions(parser, context.profile, &settings, &error)) {
        err << "rolecallctl: " << error << '\n';
        return ExitUsage;
    }

    PgDataSource source(settings);
    UserQuery query;
    query.search = parser.value(QStringLiteral("search")).trimmed();
    qint64 printed = 0;
    QList<QStringList> tableRows;
    if (format == Format::Csv)
        out << csvRecord({QStringLiteral("id"), QStringLiteral("clerkId"), QStringLiteral("email"),
                          QStringLiteral("firstName"), QStringLiteral("lastName"),
                          QStringLiteral("activeRoles"), QStringLiteral("createdAt"),
                          QStringLiteral("updatedAt")});
    if (format == Format::Json)
        out << '[';
    try {
        for (;;) {
            const qint64 wanted =
                limit == 0 ? cliPageSize : std::min<qint64>(cliPageSize, limit - printed);
            if (wanted <= 0)
                break;
            query.limit = int(wanted);
            // The CLI has no event loop to keep alive: waiting here is fine.
            const UserPage page = source.fetchUsers(query).result();
            for (const User &user : page.users) {
                switch (format) {
                case Format::Table:
                    tableRows << tableCells(user);
                    break;
                case Format::Csv:
                    out << csvRecord(csvFields(user));
                    break;
                case Format::Json:
                    out << (printed == 0 ? "\n  " : ",\n  ")
                        << QString::fromUtf8(
                               QJsonDocument(toJson(user)).toJson(QJsonDocument::Compact));
                    break;
                }
                ++printed;
            }
            if (page.atEnd || page.users.isEmpty())
                break;
            query.afterCreatedAt = page.users.constLast().createdAt;
            query.afterId = page.users.constLast().id;
            out.flush();
        }
    } catch (const DataSourceError &e) {
        out.flush();
        err << "rolecallctl: " << e.message() << '\n';
        return e.kind() == DataSourceError::Kind::Validation ? ExitValidation : ExitFailure;
    }
    if (format == Format::Json)
        out << (printed == 0 ? "]\n" : "\n]\n");
    if (format == Format::Table) {
        const QStringList lines = formatTextTable(
            {QStringLiteral("Name"), QStringLiteral("Email"), QStringLiteral("Clerk ID"),
             QStringLiteral("Active roles"), QStringLiteral("Created")},
            tableRows);
        for (const QString &line : lines)
            out << line << '\n';
    }
    return ExitOk;
}

} // namespace rolecall::cli
