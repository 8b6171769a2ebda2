#pragma once

#include "cli/clicontext.h"
#include "domain/connectionsettings.h"

#include <QDateTime>
#include <QList>

class QCommandLineParser;

namespace rolecall {
class DataSourceError;
} // namespace rolecall

namespace rolecall::cli {

struct CliConnection;

// Reading a verb's command line, and saying in one line what went wrong. Each
// helper prints its own error ("rolecallctl: ...") to context.err; the exit
// codes are cli.h's.

enum class Format { Table, Csv, Json };

// `name` (--format's value) as one of `formats`; false with the error printed.
bool parseFormat(const QString &name, const QList<Format> &formats, CliContext &context,
                 Format *format);

// Parses the verb's arguments into `parser` after adding the connection
// options, --format (when `formats` is not empty) and --help. `positionals`
// names the positional arguments ("USER", "ROLE"), all required. Returns false
// with *exitCode set when the verb must end (help shown or a usage error).
bool parseVerb(QCommandLineParser &parser, CliContext &context, const QStringList &positionals,
               const QList<Format> &formats, Format *format, int *exitCode);

// The verb's --help text, its usage line naming "rolecallctl group verb".
QString verbHelp(const QCommandLineParser &parser, const CliContext &context);

// The database the options name; false with the error printed otherwise.
bool verbConnection(const QCommandLineParser &parser, CliContext &context,
                    ConnectionSettings *settings);
// The same, or the backend API for a profile with an API URL (clidatasource.h).
bool verbConnection(const QCommandLineParser &parser, CliContext &context,
                    CliConnection *connection);

// Option `name` as an instant (invalid when not given); false with the error
// printed when it is not a valid one.
bool instantOption(const QCommandLineParser &parser, const QString &name, CliContext &context,
                   QDateTime *instant);

// Option `name` as a whole number from `min` to `max`; false with the error printed.
bool numberOption(const QCommandLineParser &parser, const QString &name, qint64 min, qint64 max,
                  CliContext &context, qint64 *value);

// Prints a data-source failure in one line and returns its exit code.
int reportError(const DataSourceError &error, CliContext &context);

} // namespace rolecall::cli
