#pragma once

#include "benchsupport.h"
#include "domain/domain.h"

#include <QJsonArray>
#include <QJsonObject>

#include <optional>

namespace rolecall::bench {

using Params = QList<std::optional<QString>>;

double rounded(double value); // to 3 decimals
// {"model_ms", "baseline_ms", "ratio", "target", "met"}
QJsonObject compare(double modelMs, double baselineMs, double target);
QString utcText(const QDateTime &instant); // as the console binds instants

// The statement of pgusersquery.cpp's fetchUserPage() for the Akako schema,
// replicated with $n placeholders (the builder is not exposed); the held-at
// condition and the LIKE pattern come from the model's own helpers.
struct RawQuery
{
    QString sql;
    Params params;
};
RawQuery rawUsersQuery(const UserQuery &query);

// The best hand-written users search for a common term: the ("createdAt",
// "id") index walked newest first, each row tested, stopping at the page (the
// OFFSET 0 keeps the planner from turning it into the trigram plan). The same
// rows as rawUsersQuery() of a search without a cursor.
RawQuery rawSearchWalkQuery(const UserQuery &query);

// The hand-written audit page: a top-N per kind of event (granted/scheduled
// by "createdAt", ended and expired by their end), each cut at the cursor
// (empty: the first page), merged, then joined to the N users; no notes
// parsed. $1 the page size + 1, $2/$3 the cursor's instant and event id.
RawQuery rawAuditPageQuery(int limit, const QDateTime &beforeAt, const QString &beforeId);

// What `\copy` of the users list does: the users ⋈ active-roles join, in the
// list's order, as CSV (for RawPg::copyOut()).
QString rawUsersCopy();

// The indexes `db install-indexes` would build now (`advice`'s SQL of the
// ones not present), then ANALYZE; one entry per statement with its outcome
// (a failure is recorded, not fatal).
QJsonArray createIndexes(RawPg &raw, const QStringList &adviceSql);

} // namespace rolecall::bench
