#pragma once

#include <functional>

#include "domain/roles.h"

class QSqlDatabase;

namespace rolecall {

// Writing grants in an Akako LMS database, each call one transaction that
// leaves rows as Prisma would have written them. Throw DataSourceError:
// NotPermitted (actor not an active ADMIN), Validation (bad input, duplicate
// overlapping grant, last admin), Conflict (stale view), Schema, Connection or
// Query (nothing written).
RoleGrant writeGrant(QSqlDatabase &db, const SchemaInfo &schema, const Actor &actor,
                     const GrantRequest &request);
RoleGrant writeEndGrant(QSqlDatabase &db, const SchemaInfo &schema, const Actor &actor,
                        const EndRequest &request);
BulkPlan planBulk(QSqlDatabase &db, const SchemaInfo &schema, const Actor &actor,
                  const BulkGrantRequest &request);
QList<RoleGrant> writeBulkGrant(QSqlDatabase &db, const SchemaInfo &schema, const Actor &actor,
                                const BulkGrantRequest &request);

// The optional, append-only audit table. When it exists every write above also
// records an event in it, in the same transaction. auditTableSql() is the exact
// SQL installAuditTable() runs (in one transaction), for showing before asking.
QString auditTableSql();
// `check`, when given, runs first inside the same transaction (who may do it).
void installAuditTable(QSqlDatabase &db, const std::function<void(QSqlDatabase &)> &check = {});

} // namespace rolecall
