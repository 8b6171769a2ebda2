#pragma once

// Whole-table reads in one statement and flat memory. QPSQL hands a result
// over only whole (libpq's single-row mode is not reachable through Qt Sql,
// and setForwardOnly() still fetches every row), so a listing is read through
// a server-side cursor instead:
//
//   BEGIN ─▶ DECLARE c NO SCROLL CURSOR FOR <listing> ─▶ FETCH 5000 ─▶ batch ─▶ FETCH … ─▶ COMMIT
//                                                         (until empty, or the sink says stop)
//
// The server runs the listing's plan once (one scan, whatever the indexes);
// the client holds one batch at a time.

#include <QList>
#include <QString>
#include <QVariantMap>

#include <functional>

class QSqlDatabase;
class QSqlQuery;

namespace rolecall {

// A statement with named placeholders (":name") and their values.
struct PgStatement
{
    QString sql;
    QVariantMap values;
};

// Runs `statement` (forward only) with its values inlined (inlineValues()),
// in one round trip; throws DataSourceError (Query) naming `what` on failure.
void execStatement(QSqlQuery &q, const PgStatement &statement, const QString &what);

// `value` as an SQL literal: NULL, a number, true/false, or an escaped string
// (E'…', valid whatever standard_conforming_strings says).
QString sqlLiteral(const QVariant &value);

// `statement`'s SQL with each placeholder replaced by its value's literal:
// what DECLARE needs, since it cannot be prepared. Quoted text and "::" casts
// are left alone; a placeholder without a value throws Validation.
QString inlineValues(const PgStatement &statement);

constexpr int streamBatchRows = 5000;

// Reads every row of `statement` through a cursor, in its order, calling
// `onRow` for each and `onBatch` after each batch of up to streamBatchRows
// (false from it stops). Returns the rows read. DataSourceError on failure.
qint64 streamStatement(QSqlDatabase &db, const PgStatement &statement, const QString &what,
                       const std::function<void(const QSqlQuery &)> &onRow,
                       const std::function<bool()> &onBatch);

// streamStatement() with each row turned into a Row by `rowFrom` and the
// batches handed to `sink` (false from it stops).
template <typename Row>
qint64 streamRows(QSqlDatabase &db, const PgStatement &statement, const QString &what,
                  const std::function<Row(const QSqlQuery &)> &rowFrom,
                  const std::function<bool(const QList<Row> &)> &sink)
{
    QList<Row> batch;
    batch.reserve(streamBatchRows);
    return streamStatement(
        db, statement, what, [&](const QSqlQuery &q) { batch << rowFrom(q); },
        [&] {
            const bool more = batch.isEmpty() || sink(batch);
            batch.clear();
            return more;
        });
}

} // namespace rolecall
