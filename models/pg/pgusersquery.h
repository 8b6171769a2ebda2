#pragma once

#include "domain/domain.h"
#include "pg/pgstream.h"

#include <QStringList>

class QSqlDatabase;
class QSqlQuery;

namespace rolecall {

// The users list in one statement per page: keyset on ("createdAt", "id")
// descending, never OFFSET, and the page's active roles joined set-wise (one
// scan of "UserRole" per page even where "userId" has no index).
UserPage fetchUserPage(QSqlDatabase &db, const SchemaInfo &schema, const UserQuery &query);

// Every user the query's filters match (its limit, offset and cursor
// ignored), in the list's order, as one statement for streamStatement():
// rows as userWithRolesFromRow() reads them. Its columns are named "id",
// "clerkId", "email", "firstName", "lastName", "createdAt", "updatedAt",
// "createdAtMs", "updatedAtMs" (epoch milliseconds), "roles" (the active
// roles joined by ',') and "sortKey" (the list is ordered by "sortKey", "id").
PgStatement userListStatement(QSqlDatabase &db, const SchemaInfo &schema, const UserQuery &query);
User userWithRolesFromRow(const QSqlQuery &q);

// How many users match the query's search, role and no-role filters (its
// limit and cursor are ignored).
qint64 countMatchingUsers(QSqlDatabase &db, const SchemaInfo &schema, const UserQuery &query);

// Row ids of the users the query's filters match (as the users list and its
// count match them), in id order, at most `cap`.
QStringList matchingUserIds(QSqlDatabase &db, const SchemaInfo &schema, const UserQuery &query,
                            int cap);

// The User row with this Clerk ID and its roles active now.
AccountAccess fetchAccountAccess(QSqlDatabase &db, const SchemaInfo &schema,
                                 const QString &clerkId);

// The User of a row whose columns 0..4 are "id", "clerkId", "email",
// "firstName" and "lastName", and whose columns `instantsAt` and the next are
// "createdAt" and "updatedAt" as epoch milliseconds.
User userFromRow(const QSqlQuery &q, int instantsAt = 5);

// Throws DataSourceError (Schema) unless the schema has roles at all.
void requireRoles(const SchemaInfo &schema);

// Throws DataSourceError (Validation) unless `role` is a value of the Role enum.
// The enum is read again when `role` is not in `schema.roles`, so a value
// added (ALTER TYPE ... ADD VALUE) since the schema was detected is known.
void requireKnownRole(QSqlDatabase &db, const SchemaInfo &schema, const QString &role);

// The SQL condition "grant `alias` is held at `instant`" (an SQL expression of
// type timestamp, UTC); see pgusersquery.cpp for the rule.
QString heldAtCondition(const QString &alias, const QString &instant);

// The one text every user search looks in: name, email and Clerk ID (SehatScan:
// email, id and name) lower-cased and joined by spaces. `db install-indexes`
// builds its trigram index on exactly this expression (alias empty), so a
// search can use it. `alias` qualifies the columns ("u"); empty: unqualified.
QString userSearchExpression(SchemaKind kind, const QString &alias);
// "(<expression> LIKE lower(<placeholder>) ESCAPE '\')" for a containsPattern() value.
QString userSearchCondition(SchemaKind kind, const QString &alias, const QString &placeholder);

// `text` as a LIKE pattern matching it anywhere, with %, _ and \ taken literally.
QString containsPattern(const QString &text);

} // namespace rolecall
