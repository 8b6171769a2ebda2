#pragma once

#include "domain/grantlist.h"
#include "pg/pgstream.h"

class QSqlDatabase;

namespace rolecall {

// Every grant of every user, one keyset page per statement: the page is cut
// from "UserRole" alone (newest first by "createdAt", "id"; a top-N sort
// without an index, never OFFSET), then joined to its users by primary key.
GrantPage fetchGrantListPage(QSqlDatabase &db, const SchemaInfo &schema,
                             const GrantListQuery &query);
// The page's statement; `whole`: every grant the filters match (limit and
// cursor ignored) for streamStatement(), rows read by rolesql::grantViewFrom().
PgStatement grantListStatement(QSqlDatabase &db, const SchemaInfo &schema,
                               const GrantListQuery &query, bool whole);

// The Overview screen's figures, one statement per OverviewPart: the user
// count; the grants held now per role (one scan of "UserRole"); the users
// holding each role and any (distinct users, the slow part); the 12-month
// series (generate_series months; each grant adds +1 when its hold starts and
// -1 when it ends, summed per month). SehatScan: only the user count.
OverviewFigures fetchOverviewPart(QSqlDatabase &db, const SchemaInfo &schema, OverviewPart part);
// Every part, one after the other, merged (mergeOverviewPart()).
OverviewFigures fetchOverviewFigures(QSqlDatabase &db, const SchemaInfo &schema);

} // namespace rolecall
