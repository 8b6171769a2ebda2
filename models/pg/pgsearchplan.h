#pragma once

// Which plan a users search page is read with first. A newest-first walk of
// the ("createdAt", "id") index, bounded, fills the page of a common term in
// a few hundred rows; the trigram index finds a rare term at once. Each is
// slow where the other is fast, so the search asks the planner's estimate
// first (one EXPLAIN, about a millisecond):
//
//   no keyset index ───────────────────────────────────────▶ Planner
//   EXPLAIN <matches>: read through an index, and too few
//     matches expected to fill half a page within the walk ─▶ Planner
//   otherwise (a common term, or no index serves the term) ─▶ WalkFirst
//
// A rare term (an email, a Clerk ID) no longer pays the walk before the
// trigram plan. Where no index serves the term, the planner's way is a scan
// of the table, against which the walk costs nothing, so it is tried. The
// page is the same whichever plan reads it.

#include "pg/pgstream.h"

class QSqlDatabase;

namespace rolecall {

enum class SearchStart { Planner, WalkFirst };

// For a search page of `pageRows` rows whose matches are "User" u WHERE
// `matches` (with its values), newest first, and a walk of `walkBudget` rows.
SearchStart chooseSearchStart(QSqlDatabase &db, const PgStatement &matches, int pageRows,
                              int walkBudget);

} // namespace rolecall
