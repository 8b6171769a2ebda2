#include "cli/clioptions.h"

#include "cli/cli.h"
#include "cli/cliconnection.h"
#include "cli/clidatasource.h"
#include "cli/cliinstant.h"
#include "domain/datasourceerror.h"

#include <QCommandLineParser>
#include <QTextStream>

namespace rolecall::cli {

namespace {

QString formatNames(const QList<Format> &formats)
{
    return formats.size() == 3 ? QStringLiteral("table, csv or json")
                               : QStringLiteral("table or json");
}

} // namespace

bool parseFormat(const QString &name, const QList<Format> &formats, CliContext &context,
                 Format *format)
{
    const QList<std::pair<QString, Format>> known = {{QStringLiteral("table"), Format::Table},
                                                     {QStringLiteral("csv"), Format::Csv},
                                                     {QStringLiteral("json"), Format::Json}};
    for (const auto &[knownName, knownFormat] : known) {
        if (knownName == name && formats.contains(knownFormat)) {
            *format = knownFormat;
            return true;
        }
    }
    context.err << "rolecallctl: --format must be " << formatNames(formats) << ", not '" << name
                << "'\n";
    return false;
}

QString verbHelp(const QCommandLineParser &parser, const CliContext &context)
{
    // Qt's usage line names the binary's path; name the verb instead.
    const QString help = parser.helpText();
    const qsizetype eol = help.indexOf(QLatin1Char('\n'));
    const qsizetype options = help.left(eol).indexOf(QLatin1String(" [options]"));
    if (eol < 0 || options < 0)
        return help;
    return QStringLiteral("Usage: rolecallctl ") + context.verb + help.mid(options);
}

bool parseVerb(QCommandLineParser &parser, CliContext &context, const QStringList &positionals,
               const QList<Format> &formats, Format *format, int *exitCode)
{
    addConnectionOptions(parser);
    if (!formats.isEmpty())
        parser.addOption({QStringLiteral("format"),
                          QStringLiteral("%1 (default table).").arg(formatNames(formats)),
                          QStringLiteral("FORMAT"), QStringLiteral("table")});
    parser.addOption(
        {{QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help.")});
    for (const QString &name : positionals)
        parser.addPositionalArgument(name, QString());
    *exitCode = ExitUsage;
    if (!parser.parse(QStringList{context.command} + context.args)) {
        context.err << "rolecallctl: " << parser.errorText() << '\n';
        return false;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        context.out << verbHelp(parser, context);
        *exitCode = ExitOk;
        return false;
    }
    const QStringList given = parser.positionalArguments();
    if (given.size() < positionals.size()) {
        context.err << "rolecallctl: " << context.verb << " needs "
                    << positionals.mid(given.size()).join(QLatin1Char(' ')) << "; see --help\n";
        return false;
    }
    if (given.size() > positionals.size()) {
        context.err << "rolecallctl: unexpected argument '" << given.value(positionals.size())
                    << "'\n";
        return false;
    }
    if (!formats.isEmpty() &&
        !parseFormat(parser.value(QStringLiteral("format")), formats, context, format))
        return false;
    *exitCode = ExitOk;
    return true;
}

bool verbConnection(const QCommandLineParser &parser, CliContext &context,
                    ConnectionSettings *settings)
{
    QString error;
    if (!connectionFromOptions(parser, context.profile, settings, &error)) {
        context.err << "rolecallctl: " << error << '\n';
        return false;
    }
    // A weaker sslmode is the URL's own choice; it is said, not refused.
    if (const QString warning = settings->transportWarning(); !warning.isEmpty())
        context.err << "rolecallctl: warning: " << warning << '\n';
    return true;
}

bool verbConnection(const QCommandLineParser &parser, CliContext &context,
                    CliConnection *connection)
{
    QString error;
    if (cliConnectionFromOptions(parser, context.profile, connection, &error))
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
    // A refused self-demotion names the CLI's own way to confirm; a refusal of
    // this person says so first, as the access check before a dry run does,
    // whether it came at the start or mid-run.
    QString message = error.kind() == DataSourceError::Kind::SelfDemotion
                          ? QStringLiteral("This ends your own ADMIN role; pass --force to go on.")
                          : error.summary();
    if (error.kind() == DataSourceError::Kind::NotPermitted &&
        !message.startsWith(QLatin1String("not permitted")))
        message = QStringLiteral("not permitted: ") + message;
    context.out.flush();
    if (!message.isEmpty())
        context.err << "rolecallctl: " << message << '\n';
    // A server's per-field problems, one per line, each naming its field.
    for (const FieldError &e : error.fieldErrors())
        context.err << "rolecallctl: "
                    << (e.field.isEmpty() ? QString() : e.field + QLatin1String(": ")) << e.message
                    << '\n';
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

} // namespace rolecall::cli
