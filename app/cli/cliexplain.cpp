#include "cli/cliexplain.h"

#include "cli/cli.h"
#include "cli/clidatasource.h"
#include "cli/cliinstant.h"
#include "cli/clioptions.h"
#include "cli/clioutput.h"
#include "cli/cliusers.h"
#include "domain/accessexplanation.h"
#include "domain/datasourceerror.h"
#include "domain/utctime.h"

#include <QCommandLineParser>
#include <QJsonDocument>
#include <QTextStream>

namespace rolecall::cli {

int runRolesExplain(CliContext &context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Whether USER (Clerk ID, email or row id) holds ROLE at --as-of (default now), and why: "
        "the grants that make it so, or the grant that ended, the one still to start, or that "
        "it was never granted."));
    parser.addOption({QStringLiteral("as-of"),
                      QStringLiteral("Judge at this instant (default now)."),
                      QStringLiteral("INSTANT")});
    Format format = Format::Table;
    int exitCode = ExitOk;
    if (!parseVerb(parser, context, {QStringLiteral("USER"), QStringLiteral("ROLE")},
                   {Format::Table, Format::Json}, &format, &exitCode))
        return exitCode;
    QDateTime asOf;
    CliConnection settings;
    if (!instantOption(parser, QStringLiteral("as-of"), context, &asOf) ||
        !verbConnection(parser, context, &settings))
        return ExitUsage;
    const QString who = parser.positionalArguments().value(0);
    const QString role = parser.positionalArguments().value(1);

    CliDataSource opened(settings);
    if (!opened.open(context, &exitCode))
        return exitCode;
    DataSource &source = opened.source();
    AccessExplanation explanation;
    try {
        const SchemaInfo schema = source.detectSchema().result();
        if (!schema.hasRoles()) {
            context.err << "rolecallctl: this database has no roles (" << schema.describe()
                        << ")\n";
            return ExitFailure;
        }
        if (!schema.roles.contains(role)) {
            context.err << "rolecallctl: unknown role '" << role << "'; this database has "
                        << schema.roles.join(QStringLiteral(", ")) << '\n';
            return ExitValidation;
        }
        const std::optional<User> user = findUser(source, who);
        if (!user) {
            context.err << "rolecallctl: no user '" << who << "'\n";
            return ExitValidation;
        }
        // The Clerk ID or email: what the API finds a user by in one lookup.
        const QString ref = !user->clerkId.isEmpty() ? user->clerkId
                            : !user->email.isEmpty() ? user->email
                                                     : user->id;
        explanation = source.fetchAccessExplanation(ref, role, asOf).result();
    } catch (const DataSourceError &e) {
        return reportError(e, context);
    }
    if (format == Format::Json) {
        context.out << QJsonDocument(explanationJson(explanation)).toJson(QJsonDocument::Indented);
        return ExitOk;
    }
    const QStringList lines =
        explanationLines(explanation, [](const QDateTime &instant) { return isoUtc(instant); });
    for (const QString &line : lines)
        context.out << line << '\n';
    return ExitOk;
}

} // namespace rolecall::cli
