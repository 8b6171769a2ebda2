#pragma once

#include "domain/domain.h"

class QSqlDatabase;
class QSqlQuery;

namespace rolecall {

// Reads the catalog and tells which seed system's schema the database holds.
// Extra columns and extra enum values are fine; missing ones are named.
// Throws DataSourceError (Query) when the catalog cannot be read.
SchemaInfo detectPgSchema(QSqlDatabase &db);

// Whether the optional audit table "RolecallAuditEvent" exists in the current
// schema: the one probe every writer, reader and installer asks. It reads the
// catalog (pg_class), not information_schema, which hides tables the role has
// no privilege on: a table the console may not write is then found, and the
// write fails loudly rather than going unrecorded. Throws DataSourceError (Query).
bool auditTableExists(QSqlDatabase &db);

// "name" with embedded quotes doubled, for identifiers that cannot be bound.
QString quoteIdentifier(const QString &name);

// Runs a prepared query; throws DataSourceError (Query) with the server's message.
void execOrThrow(QSqlQuery &query, const QString &what);

// Runs `sql` (no placeholders) in one round trip, as execOrThrow() reports
// failures. QPSQL's prepare() costs a PREPARE and a DEALLOCATE besides the
// EXECUTE: three round trips for a catalog probe or a page.
void execSqlOrThrow(QSqlQuery &query, const QString &sql, const QString &what);

} // namespace rolecall
