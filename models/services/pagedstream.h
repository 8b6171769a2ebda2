#pragma once

#include "services/datasource.h"

namespace rolecall {

// The whole-table streams of a data source without a stream of its own (the
// admin API): the listing's keyset pages, exportPageRows at a time, read one
// after another on a worker thread, which waits for each page there (never
// on the caller's thread). Same contract as DataSource::streamUsers() and the
// others: every row the filters match, in the listing's order, in batches to
// `sink` (false stops); the future holds the rows handed over. `source` must
// outlive the stream.
constexpr int exportPageRows = 1000; // the admin API's largest page

QFuture<qint64> streamUsersByPages(DataSource &source, const UserQuery &query,
                                   DataSource::RowBatchSink<User> sink);
QFuture<qint64> streamGrantsByPages(DataSource &source, const GrantListQuery &query,
                                    DataSource::RowBatchSink<GrantView> sink);
QFuture<qint64> streamAuditByPages(DataSource &source, const AuditQuery &query,
                                   DataSource::RowBatchSink<AuditEvent> sink);

} // namespace rolecall
