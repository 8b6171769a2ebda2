#pragma once

#include "cli/clicontext.h"
#include "domain/connectionsettings.h"
#include "domain/roles.h"

#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>

#include <optional>

class QCommandLineParser;

namespace rolecall {
class DataSource;
class DataSourceError;
} // namespace rolecall

namespace rolecall::cli {

// rolecallctl roles list|expiring|grant|end|bulk-grant
int runRoles(const QString &verb, CliContext &context);
// rolecallctl audit list
int runAudit(const QString &verb, CliContext &context);

// --- shared by the users, roles and audit verbs ---

enum class Format { Table, Csv, Json };

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

// Option `name` as an instant (invalid when not given); false with the error
// printed when it is not a valid one.
bool instantOption(const QCommandLineParser &parser, const QString &name, CliContext &context,
                   QDateTime *instant);

// Option `name` as a whole number from `min` to `max`; false with the error printed.
bool numberOption(const QCommandLineParser &parser, const QString &name, qint64 min, qint64 max,
                  CliContext &context, qint64 *value);

// Prints a data-source failure in one line and returns its exit code.
int reportError(const DataSourceError &error, CliContext &context);

// The signed-in person of the profile as the actor of a write; nullopt with
// the error printed and *exitCode set (ExitNotSignedIn) otherwise.
std::optional<Actor> signedInActor(CliContext &context, int *exitCode);

// Finds one user by Clerk ID, email or row id; nullopt when nobody matches.
std::optional<User> findUser(DataSource &source, const QString &who);

QJsonValue nullable(const QString &text);
QJsonValue nullableInstant(const QDateTime &instant);
QJsonObject grantJson(const RoleGrant &grant);
QJsonObject grantViewJson(const GrantView &view);
QStringList grantCsvHeader();
QStringList grantCsvFields(const GrantView &view);
QString assignedByText(const RoleGrant &grant); // email, else Clerk ID

// Prints objects as a JSON array, one compact object per line.
class JsonArrayWriter
{
public:
    explicit JsonArrayWriter(QTextStream &out);
    void add(const QJsonObject &object);
    void finish();

private:
    QTextStream &m_out;
    bool m_empty = true;
};

void printTable(QTextStream &out, const QStringList &headers, const QList<QStringList> &rows);

} // namespace rolecall::cli
