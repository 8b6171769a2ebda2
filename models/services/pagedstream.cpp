#include "services/pagedstream.h"

#include <QtConcurrent/QtConcurrentRun>

namespace rolecall {

namespace {

// Reads a listing page by page on a worker thread, waiting for each page
// there (never on the caller's thread): `fetch` asks for the page after
// `query`'s cursor, `advance` moves the cursor past `rows` and says whether
// more follow.
template <typename Row, typename Query, typename Page>
QFuture<qint64> pageThrough(Query query, std::function<QFuture<Page>(const Query &)> fetch,
                            std::function<QList<Row>(const Page &)> rowsOf,
                            std::function<bool(Query &, const Page &)> advance,
                            DataSource::RowBatchSink<Row> sink)
{
    query.limit = exportPageRows;
    return QtConcurrent::run([query, fetch, rowsOf, advance, sink]() mutable {
        qint64 handed = 0;
        for (;;) {
            const Page page = fetch(query).result(); // rethrows the page's error
            const QList<Row> rows = rowsOf(page);
            if (rows.isEmpty())
                break;
            handed += rows.size();
            if (!sink(rows) || !advance(query, page))
                break;
        }
        return handed;
    });
}

} // namespace

QFuture<qint64> streamUsersByPages(DataSource &source, const UserQuery &query,
                                   DataSource::RowBatchSink<User> sink)
{
    UserQuery first = query;
    first.afterCreatedAt = {};
    first.afterKey.clear();
    first.afterId.clear();
    first.backward = false;
    first.offset = 0;
    return pageThrough<User, UserQuery, UserPage>(
        first, [src = &source](const UserQuery &q) { return src->fetchUsers(q); },
        [](const UserPage &page) { return page.users; },
        [](UserQuery &q, const UserPage &page) {
            q.afterKey = page.lastKey;
            q.afterCreatedAt = page.users.constLast().createdAt;
            q.afterId = page.users.constLast().id;
            return !page.atEnd;
        },
        std::move(sink));
}

QFuture<qint64> streamGrantsByPages(DataSource &source, const GrantListQuery &query,
                                    DataSource::RowBatchSink<GrantView> sink)
{
    GrantListQuery first = query;
    first.beforeCreatedAt = {};
    first.beforeId.clear();
    return pageThrough<GrantView, GrantListQuery, GrantPage>(
        first, [src = &source](const GrantListQuery &q) { return src->fetchGrantPage(q); },
        [](const GrantPage &page) { return page.grants; },
        [](GrantListQuery &q, const GrantPage &page) {
            q.beforeCreatedAt = page.grants.constLast().grant.createdAt;
            q.beforeId = page.grants.constLast().grant.id;
            return !page.atEnd;
        },
        std::move(sink));
}

QFuture<qint64> streamAuditByPages(DataSource &source, const AuditQuery &query,
                                   DataSource::RowBatchSink<AuditEvent> sink)
{
    AuditQuery first = query;
    first.beforeAt = {};
    first.beforeId.clear();
    return pageThrough<AuditEvent, AuditQuery, AuditPage>(
        first, [src = &source](const AuditQuery &q) { return src->fetchAudit(q); },
        [](const AuditPage &page) { return page.events; },
        [](AuditQuery &q, const AuditPage &page) {
            q.beforeAt = page.events.constLast().at;
            q.beforeId = page.events.constLast().id;
            return !page.atEnd;
        },
        std::move(sink));
}

} // namespace rolecall
