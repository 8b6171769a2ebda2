#pragma once

#include "domain/roles.h"
#include "pg/pgstream.h"

class QSqlDatabase;
class QSqlQuery;

namespace rolecall {

// Reading grants and the audit trail of an Akako LMS database. Set-based, one
// statement per call; all instants UTC. Throw DataSourceError: Schema for a
// schema without roles, Validation for bad input, Query otherwise.
QList<GrantView> fetchGrantViews(QSqlDatabase &db, const SchemaInfo &schema, const QString &user,
                                 const QDateTime &asOf);
QList<GrantView> fetchExpiringGrants(QSqlDatabase &db, const SchemaInfo &schema, int days);
AuditPage fetchAuditPage(QSqlDatabase &db, const SchemaInfo &schema, const AuditQuery &query);
// The audit page's statement; `whole`: every event the filters match (limit
// and cursor ignored) for streamStatement(), rows read by auditEventFromRow().
PgStatement auditStatement(QSqlDatabase &db, const SchemaInfo &schema, const AuditQuery &query,
                           bool whole);
AuditEvent auditEventFromRow(const QSqlQuery &q);

// Internal: shared by pgrolesquery.cpp and pgauditquery.cpp.
namespace rolesql {

// A LEFT JOIN LATERAL (named `alias`, columns "endedBy" and "endedReason")
// parsing the last line of `grant`."adminNotes" of the form
// "Ended <ISO-8601 UTC> by <actor>: <reason>". Binds :endedPattern.
QString endedNotesJoin(const QString &grant, const QString &alias);
QString endedNotesPattern();

// "`column` names the user `param`": row id, Clerk ID, or email (any case).
QString userMatches(const QString &column, const QString &param);

// The columns every grant query returns first, of grant `g` and its user `u`:
// the grant (0..11, instants as epoch ms), the user's Clerk ID, email and
// name (12..14). grantViewFrom() reads them and, after them, the state
// ("active", "future", "ended"), endedBy and endedReason (15..17).
QString grantViewColumns();
GrantView grantViewFrom(const QSqlQuery &q);

} // namespace rolesql

} // namespace rolecall
