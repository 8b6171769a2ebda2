#pragma once

// Schema maintenance the console only does when asked: the indexes that keep
// its pages fast, and the optional audit table.

#include "domain/domain.h"
#include "domain/roles.h"

#include <QList>
#include <QString>
#include <optional>

class QSqlDatabase;

namespace rolecall {

// One index the console's queries would use: whether it is there, what it is
// for, what its absence costs, and the exact SQL that creates it.
struct IndexAdvice
{
    QString name;
    QString purpose;
    QString sql; // statements each ending with ';', one per line
    bool present = false;
    QString cost; // what a missing one costs
};

// The advice for `schema`'s tables in the current schema. Akako LMS: the
// UserRole "userId" index, the Grants screen's and the audit trail's indexes
// on UserRole (and, with the audit table, its "grantId" index), the users
// list's keyset index and (where pg_trgm is installed or available) a trigram
// index for search; SehatScan: the last two.
// Throws DataSourceError (Query) when the catalog cannot be read.
QList<IndexAdvice> adviseIndexes(QSqlDatabase &db, const SchemaInfo &schema);

// Runs one advice's SQL, each statement on its own (CREATE INDEX CONCURRENTLY
// cannot run in a transaction) and without the session's statement timeout.
// Accepts only CREATE INDEX CONCURRENTLY IF NOT EXISTS and CREATE EXTENSION IF
// NOT EXISTS pg_trgm (Validation otherwise). On failure drops the INVALID index
// a failed concurrent build leaves and throws Query with the server's message.
//
// Who: `actor` must be an active ADMIN, or, with nullopt (rolecallctl
// --as-owner: a database without an admin yet), the login must own the
// tables; NotPermitted otherwise. The check runs under the admins' lock,
// held (session-level, shared) until the last statement is done, so no ADMIN
// grant can be ended between the check and the DDL. (CREATE INDEX
// CONCURRENTLY cannot run inside the check's transaction.)
void runIndexStatement(QSqlDatabase &db, const QString &sql, const std::optional<Actor> &actor);

// Creates the audit table (installAuditTable()) after checking, in the same
// transaction as the DDL, that `actor` is an active ADMIN (or, nullopt, that
// the login owns the tables); NotPermitted otherwise. False when it was there.
bool installAuditTableAs(QSqlDatabase &db, const SchemaInfo &schema,
                         const std::optional<Actor> &actor);

// The check both installers run: an active ADMIN, or the tables' owner.
void requireSchemaRights(QSqlDatabase &db, const std::optional<Actor> &actor);

} // namespace rolecall
