#pragma once

// Rights and audit the database enforces (rolecallctl db install-rights):
// group roles, SECURITY DEFINER writers with the console's guards, an audit
// trigger on "User" and "UserRole". The SQL is resources/sql/rights-*.sql;
// the writers here call those functions when they are installed.

#include "domain/domain.h"
#include "domain/roles.h"

#include <QString>
#include <QStringList>

class QSqlDatabase;
class QSqlQuery;

namespace rolecall {

// What of install-rights a database holds (db check reports it).
struct RightsStatus
{
    bool readerRole = false;      // rolecall_reader exists
    bool adminRole = false;       // rolecall_admin exists
    bool writerFunctions = false; // rolecall_grant_role and its siblings
    bool auditTrigger = false;    // rolecall_audit on "UserRole"
    bool auditAppendOnly = false; // nobody but the owner may UPDATE/DELETE/TRUNCATE it
    bool loginCanWrite = false;   // this session's login may change roles

    bool installed() const { return writerFunctions && auditTrigger; }
};

// Reads the catalog; throws DataSourceError (Query).
RightsStatus readRightsStatus(QSqlDatabase &db, const SchemaInfo &schema);
// The writers' probe: are the SECURITY DEFINER functions installed here?
bool rightsFunctionsInstalled(QSqlDatabase &db);
// Whether the audit table has the columns install-rights adds (the trigger's).
bool auditHasTriggerColumns(QSqlDatabase &db);
// Whether the session's login may write roles (Akako: INSERT on "UserRole" or
// EXECUTE on the writer functions; SehatScan: INSERT on "User").
bool databaseLoginCanWrite(QSqlDatabase &db, const SchemaInfo &schema);
// What databaseLoginCanWrite() asks, as a boolean SQL expression (false when
// the table is missing), for a statement that reads it beside other columns.
QString loginCanWriteSql(const SchemaInfo &schema);

// The exact SQL install/uninstall runs, for `schemaName` (the tables' schema).
QString rightsInstallSql(const QString &schemaName);
QString rightsUninstallSql(const QString &schemaName);
// `sql` cut into statements at top-level semicolons (not inside quotes,
// dollar quotes or comments); empty statements dropped.
QStringList splitSqlStatements(const QString &sql);

// The schema "User" lives in for this session (current_schema()).
QString tablesSchema(QSqlDatabase &db);

// Installs (creating the audit table first when missing) or removes, each in
// one transaction. Only the tables' owner may (NotPermitted otherwise);
// Schema when the database has no roles.
void installRights(QSqlDatabase &db, const SchemaInfo &schema);
void uninstallRights(QSqlDatabase &db, const SchemaInfo &schema);

namespace rights {

// The writers through the functions, inside the caller's transaction, after
// the caller's own checks of the input. Errors come back as the console's
// kinds (Validation, NotPermitted, Conflict, SelfDemotion).
RoleGrant grant(QSqlDatabase &db, const Actor &actor, const QString &userId, const QString &role,
                const QDateTime &start, const QDateTime &end, const QString &reason,
                const QString &notes);
RoleGrant endGrant(QSqlDatabase &db, const Actor &actor, const EndRequest &request);
QList<RoleGrant> bulkGrant(QSqlDatabase &db, const Actor &actor, const BulkGrantRequest &request,
                           const QDateTime &start, const QDateTime &end,
                           const QStringList &userIds);

} // namespace rights

} // namespace rolecall
