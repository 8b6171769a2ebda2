#pragma once

#include "domain.h"

class QSqlDatabase;

namespace rolecall {

// The users list in one statement per page: keyset on ("createdAt", "id")
// descending, never OFFSET, and the page's active roles joined set-wise (one
// scan of "UserRole" per page even where "userId" has no index).
UserPage fetchUserPage(QSqlDatabase &db, const SchemaInfo &schema, const UserQuery &query);

qint64 countMatchingUsers(QSqlDatabase &db, const SchemaInfo &schema, const QString &search);

// The User row with this Clerk ID and its roles active now.
AccountAccess fetchAccountAccess(QSqlDatabase &db, const SchemaInfo &schema,
                                 const QString &clerkId);

// `text` as a LIKE pattern matching it anywhere, with %, _ and \ taken literally.
QString containsPattern(const QString &text);

} // namespace rolecall
