#pragma once

#include "domain/domain.h"

class QSqlDatabase;
class QSqlQuery;

namespace rolecall {

// Reads the catalog and tells which seed system's schema the database holds.
// Extra columns and extra enum values are fine; missing ones are named.
// Throws DataSourceError (Query) when the catalog cannot be read.
SchemaInfo detectPgSchema(QSqlDatabase &db);

// "name" with embedded quotes doubled, for identifiers that cannot be bound.
QString quoteIdentifier(const QString &name);

// Runs a prepared query; throws DataSourceError (Query) with the server's message.
void execOrThrow(QSqlQuery &query, const QString &what);

} // namespace rolecall
