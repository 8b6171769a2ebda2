#pragma once

#include "grantlist.h"

class QSqlDatabase;

namespace rolecall {

// Every grant of every user, one keyset page per statement: the page is cut
// from "UserRole" alone (newest first by "createdAt", "id"; a top-N sort
// without an index, never OFFSET), then joined to its users by primary key.
GrantPage fetchGrantListPage(QSqlDatabase &db, const SchemaInfo &schema,
                             const GrantListQuery &query);

// The Overview screen's figures in three statements: totals, active grants per
// role now, and the 12-month series (generate_series over months and one pass
// over "UserRole": each grant adds +1 when its hold starts and -1 when it ends).
// SehatScan: only the user count.
OverviewFigures fetchOverviewFigures(QSqlDatabase &db, const SchemaInfo &schema);

} // namespace rolecall
