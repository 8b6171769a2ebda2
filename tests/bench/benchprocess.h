#pragma once

#include <QJsonObject>
#include <QString>

namespace rolecall::bench {

// Whole processes, as a script runs them, against psql running the best
// hand-written SQL for the same rows (median of `runs`, after one warm-up):
//   `rolecallctl users list --limit 0 --format csv` vs `psql -c "\copy (…) to stdout csv"`
//   `rolecallctl audit list --limit 200`            vs `psql -f` of the top-200 per kind
// Standard output goes to the null device. `url` is the database's
// postgresql:// URL (no password: trust or ~/.pgpass).
QJsonObject wholeProcesses(const QString &url, const QString &rolecallctl, const QString &psql,
                           int runs = 5);

} // namespace rolecall::bench
