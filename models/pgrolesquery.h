#pragma once

#include "roles.h"

class QSqlDatabase;

namespace rolecall {

// Reading grants and the audit trail of an Akako LMS database. Set-based, one
// statement per call; all instants UTC. Throw DataSourceError: Schema for a
// schema without roles, Validation for bad input, Query otherwise.
QList<GrantView> fetchGrantViews(QSqlDatabase &db, const SchemaInfo &schema, const QString &user,
                                 const QDateTime &asOf);
QList<GrantView> fetchExpiringGrants(QSqlDatabase &db, const SchemaInfo &schema, int days);
AuditPage fetchAuditPage(QSqlDatabase &db, const SchemaInfo &schema, const AuditQuery &query);

} // namespace rolecall
