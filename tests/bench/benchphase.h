#pragma once

// One phase of rolecall-bench: the console's data paths (model, view, data
// source) against raw libpq baselines, on the database as it is now.
#include "benchqueries.h"
#include "benchsupport.h"
#include "domain/datasourceerror.h"
#include "itemmodels/userstablemodel.h"
#include "pg/pgdatasource.h"
#include "support/pgtestcluster.h"
#include "support/stallwatchdog.h"

#include <QCryptographicHash>
#include <QFutureWatcher>
#include <QJsonObject>
#include <QTableView>
#include <QTimeZone>

#include <functional>

namespace rolecall::bench {

constexpr int pageRows = 200;
constexpr qint64 opTimeoutMs = 10 * 60 * 1000;
inline const QString bulkReason = QStringLiteral("rolecall-bench bulk grant");

template <typename T>
T await(QFuture<T> future, const QString &what)
{
    // Waited for on the event loop, not with waitForFinished(): that may run
    // the task on this thread instead of the data source's pool. A watcher
    // wakes the loop the moment it is done (polling would add up to the
    // watchdog's 5 ms to every figure).
    QFutureWatcher<T> watcher;
    bool done = false;
    QObject::connect(&watcher, &QFutureWatcherBase::finished, &watcher, [&done] { done = true; });
    watcher.setFuture(future);
    if (!spinUntil([&] { return done || future.isFinished(); }, opTimeoutMs))
        fatal(what + QStringLiteral(": timed out"));
    try {
        return future.result();
    } catch (const DataSourceError &e) {
        fatal(what + QStringLiteral(": ") + e.message());
    }
}

class Bench
{
public:
    Bench(const ConnectionSettings &connection, int users, bool scroll)
        : m_raw(connection.toUrl())
        , m_source(connection)
        , m_model(&m_source)
        , m_users(users)
        , m_scroll(scroll)
    {
        if (!m_raw.ok())
            fatal(QStringLiteral("libpq: ") + m_raw.error());
        await(m_source.detectSchema(), QStringLiteral("detect the schema"));
        QObject::connect(&m_model, &UsersTableModel::pageLoaded, &m_model,
                         [this] { ++m_pagesLoaded; });
        QObject::connect(
            &m_model, &UsersTableModel::errorOccurred, &m_model,
            [](const QString &message) { fatal(QStringLiteral("model: ") + message); });
        m_view.setModel(&m_model);
        m_view.resize(1200, 800);
        m_view.show();
        const QString clerk =
            QString::fromLatin1(QCryptographicHash::hash("5", QCryptographicHash::Md5).toHex());
        m_actor.clerkId = QStringLiteral("user_") + clerk.left(27);
        m_actor.email = QStringLiteral("user5@example.test");
    }

    // Only the users list's reads: nothing is written (a shared database).
    void setListOnly(bool on) { m_listOnly = on; }

    QJsonObject phase(const QString &name)
    {
        QJsonObject out;
        m_watchdog.reset();
        m_stalls = QJsonObject();

        progress(name + QStringLiteral(": first page"));
        out.insert(QStringLiteral("first_page"), firstPage());
        const qint64 firstPageKb = residentKb();

        progress(name + QStringLiteral(": last page"));
        out.insert(QStringLiteral("last_page"), lastPage());

        progress(name + QStringLiteral(": search"));
        UserQuery obrien;
        obrien.search = QStringLiteral("o'brien");
        out.insert(QStringLiteral("search_obrien"), sourceVsRaw(obrien));
        UserQuery rare;
        rare.search = rareEmail();
        QJsonObject rareOut = sourceVsRaw(rare);
        rareOut.insert(QStringLiteral("fragment"), rare.search);
        out.insert(QStringLiteral("search_rare_email"), rareOut);

        progress(name + QStringLiteral(": as-of filter"));
        UserQuery asOf;
        asOf.role = QStringLiteral("LEARNER");
        asOf.asOf = QDateTime::currentDateTimeUtc().addDays(-90);
        out.insert(QStringLiteral("as_of_filter"), sourceVsRaw(asOf));

        progress(name + QStringLiteral(": search and filter through the model and view"));
        out.insert(QStringLiteral("model_view_ms"), modelViewOps(rare.search));

        if (!m_listOnly) {
            progress(name + QStringLiteral(": bulk grant"));
            out.insert(QStringLiteral("bulk_grant"), bulkGrant());
        }

        if (m_scroll) {
            progress(name + QStringLiteral(": scrolling the whole list"));
            out.insert(QStringLiteral("memory"), scrollAll(firstPageKb));
        }

        const double stall = m_watchdog.total().longestMs;
        out.insert(QStringLiteral("max_gui_stall_ms"), rounded(stall));
        out.insert(QStringLiteral("gui_stall_by_op_ms"), m_stalls);
        out.insert(QStringLiteral("gui_stall"),
                   QJsonObject{{QStringLiteral("max_ms"), rounded(stall)},
                               {QStringLiteral("target_ms"), 50},
                               {QStringLiteral("met"), stall <= 50},
                               {QStringLiteral("watchdog_interval_ms"),
                                testing::StallWatchdog::intervalMs}});
        return out;
    }

    RawPg &raw() { return m_raw; }
    PgDataSource &source() { return m_source; }

private:
    static double timed(int runs, const std::function<void()> &op) { return timedMedian(runs, op); }

    void waitForPage(int before, const QString &what)
    {
        if (!spinUntil([&] { return m_pagesLoaded > before && !m_model.isLoading(); }, opTimeoutMs))
            fatal(what + QStringLiteral(": no page within the time limit"));
    }

    // Runs `change` on the model with the watchdog on; ms until its page is in.
    double throughModel(const std::function<void()> &change, const QString &what)
    {
        m_watchdog.setRecording(true);
        QElapsedTimer t;
        t.start();
        const int before = m_pagesLoaded;
        change();
        waitForPage(before, what);
        const double ms = elapsedMs(t);
        m_watchdog.setRecording(false);
        noteStall(what);
        return ms;
    }

    void noteStall(const QString &what)
    {
        const double gap = m_watchdog.span().longestMs;
        if (gap > m_stalls.value(what).toDouble())
            m_stalls.insert(what, rounded(gap));
    }

    double rawMs(const UserQuery &query, int runs)
    {
        const RawQuery raw = rawUsersQuery(query);
        return timed(runs, [&] {
            if (m_raw.exec(raw.sql, raw.params) < 0)
                fatal(QStringLiteral("raw users query: ") + m_raw.error());
        });
    }

    QJsonObject firstPage()
    {
        const double modelMs = timed(5, [this] {
            throughModel([this] { m_model.refresh(); }, QStringLiteral("first page"));
        });
        UserQuery query;
        query.limit = m_model.pageSize();
        QJsonObject out = compare(modelMs, rawMs(query, 5), 2.0);
        out.insert(QStringLiteral("measured"),
                   QStringLiteral("UsersTableModel::refresh() until pageLoaded, view attached"));
        out.insert(QStringLiteral("baseline"), QStringLiteral("replicated SQL"));
        return out;
    }

    QJsonObject sourceVsRaw(const UserQuery &filters, int runs = 5)
    {
        UserQuery query = filters;
        query.limit = pageRows;
        qsizetype rows = 0;
        const double modelMs = timed(runs, [&] {
            rows = await(m_source.fetchUsers(query), QStringLiteral("fetchUsers")).users.size();
        });
        const double plannerMs = rawMs(query, runs);
        if (query.search.isEmpty() || !query.role.isEmpty()) {
            QJsonObject out = compare(modelMs, plannerMs, 2.0);
            out.insert(QStringLiteral("rows"), rows);
            out.insert(QStringLiteral("measured"), QStringLiteral("PgDataSource::fetchUsers"));
            out.insert(QStringLiteral("baseline"), QStringLiteral("replicated SQL"));
            return out;
        }
        // A search: against the better of the two hand-written plans.
        const RawQuery walk = rawSearchWalkQuery(query);
        const double walkMs = timed(runs, [&] {
            if (m_raw.exec(walk.sql, walk.params) < 0)
                fatal(QStringLiteral("raw search walk: ") + m_raw.error());
        });
        QJsonObject out = compare(modelMs, std::min(plannerMs, walkMs), 2.0);
        out.insert(QStringLiteral("rows"), rows);
        out.insert(QStringLiteral("baseline_planner_ms"), rounded(plannerMs));
        out.insert(QStringLiteral("baseline_walk_ms"), rounded(walkMs));
        out.insert(QStringLiteral("measured"), QStringLiteral("PgDataSource::fetchUsers"));
        out.insert(QStringLiteral("baseline"),
                   QStringLiteral("the faster of: the replicated SQL as planned, and a "
                                  "hand-written newest-first walk of (\"createdAt\", \"id\")"));
        return out;
    }

    // Resets the model and waits until it is counted (windowed) with its first page.
    void freshCountedModel()
    {
        throughModel([this] { m_model.refresh(); }, QStringLiteral("first page"));
        if (!spinUntil([this] { return m_model.isComplete() && !m_model.isLoading(); },
                       opTimeoutMs))
            fatal(QStringLiteral("the users count did not arrive"));
    }

    // Ms from a view's scrollTo(row) until rows row..row+visible are loaded.
    double scrollTo(int row, const QString &what)
    {
        const int last = std::min(m_model.rowCount() - 1, row + 20);
        m_watchdog.setRecording(true);
        QElapsedTimer t;
        t.start();
        // Until the view has laid out rows just counted, scrollTo() cannot get there.
        const QModelIndex target = m_model.index(row, 0);
        if (!spinUntil(
                [&] {
                    m_view.scrollTo(target, QAbstractItemView::PositionAtTop);
                    return m_view.visualRect(target).intersects(m_view.viewport()->rect());
                },
                opTimeoutMs))
            fatal(what + QStringLiteral(": the view did not scroll"));
        // What painting the rows does; the offscreen platform does not paint.
        const int bottom = m_view.rowAt(m_view.viewport()->height() - 1);
        m_model.prefetch(m_view.rowAt(0), bottom < 0 ? m_model.rowCount() - 1 : bottom);
        if (!spinUntil([&] { return m_model.isRowLoaded(row) && m_model.isRowLoaded(last); },
                       opTimeoutMs))
            fatal(what + QStringLiteral(": rows not loaded within the time limit"));
        const double ms = elapsedMs(t);
        m_watchdog.setRecording(false);
        noteStall(what);
        return ms;
    }

    QJsonObject lastPage()
    {
        std::vector<double> times;
        for (int run = 0; run < 6; ++run) {
            freshCountedModel(); // untimed: the jump starts from a counted first page
            const double ms =
                scrollTo(m_model.rowCount() - 1, QStringLiteral("jump to the last page"));
            if (run > 0)
                times.push_back(ms); // the first run warms up
        }
        UserQuery query;
        query.backward = true;
        query.limit = m_model.pageSize();
        QJsonObject out = compare(median(times), rawMs(query, 5), 2.0);
        out.insert(QStringLiteral("model_can_jump"), true);
        out.insert(QStringLiteral("measured"),
                   QStringLiteral("QTableView::scrollTo(last row) on a counted model until the "
                                  "visible rows are loaded (read backwards from the end)"));
        out.insert(QStringLiteral("baseline"),
                   QStringLiteral("replicated SQL, the last 200 rows in reverse order"));
        return out;
    }

    QString rareEmail() const
    {
        return QStringLiteral("user") + QString::number(m_users - m_users / 7) + QLatin1Char('@');
    }

    QJsonObject modelViewOps(const QString &rare)
    {
        QJsonObject out;
        out.insert(QStringLiteral("search_obrien"),
                   rounded(throughModel([this] { m_model.setSearch(QStringLiteral("o'brien")); },
                                        QStringLiteral("model search"))));
        out.insert(QStringLiteral("search_rare_email"),
                   rounded(throughModel([&] { m_model.setSearch(rare); },
                                        QStringLiteral("model rare search"))));
        out.insert(QStringLiteral("clear_search"),
                   rounded(throughModel([this] { m_model.setSearch(QString()); },
                                        QStringLiteral("model clear search"))));
        out.insert(QStringLiteral("as_of_filter"),
                   rounded(throughModel(
                       [this] {
                           m_model.setAsOf(QDateTime::currentDateTimeUtc().addDays(-90));
                           m_model.setRoleFilter(QStringLiteral("LEARNER"));
                       },
                       QStringLiteral("model as-of filter"))));
        out.insert(QStringLiteral("clear_filter"), rounded(throughModel(
                                                       [this] {
                                                           m_model.setRoleFilter(QString());
                                                           m_model.setAsOf(QDateTime());
                                                       },
                                                       QStringLiteral("model clear filter"))));
        out.insert(QStringLiteral("note"),
                   QStringLiteral("wall ms through UsersTableModel with a QTableView, one run "
                                  "each; informative (no target), watched for GUI stalls"));
        return out;
    }

    // Two disjoint sets of users that hold no MENTOR grant overlapping now.
    QStringList bulkUsers(int set, int size) const
    {
        QStringList ids;
        int n = 10 + set * (size + size / 500 + 10);
        while (ids.size() < size && n <= m_users) {
            if (n % 1000 != 2 && n != 5)
                ids << QStringLiteral("cu") + QStringLiteral("%1").arg(n, 10, 10, QLatin1Char('0'));
            ++n;
        }
        return ids;
    }

    void removeBulkRows()
    {
        if (m_raw.exec(QStringLiteral(R"(DELETE FROM "UserRole" WHERE "reason" = $1)"),
                       {bulkReason}) < 0)
            fatal(QStringLiteral("clean up the bulk grant: ") + m_raw.error());
    }

    QJsonObject bulkGrant()
    {
        const int size = std::min(10000, (m_users - 20) / 2);
        const QStringList modelIds = bulkUsers(0, size);
        const QStringList rawIds = bulkUsers(1, size);
        BulkGrantRequest request;
        request.role = QStringLiteral("MENTOR");
        request.reason = bulkReason;
        request.users = modelIds;
        qsizetype modelRows = 0;
        const double modelMs = timed(3, [&] {
            modelRows =
                await(m_source.applyBulkGrant(m_actor, request), QStringLiteral("applyBulkGrant"))
                    .size();
            removeBulkRows();
        });
        const QString rawSql = QStringLiteral(R"(INSERT INTO "UserRole"
            ("id", "userId", "role", "effectiveStartDate", "effectiveEndDate", "assignedBy",
             "assignedByEmail", "reason", "adminNotes", "isActive", "createdAt", "updatedAt")
            SELECT 'bench' || md5(random()::text), u."id", 'MENTOR'::"Role", timezone('UTC', now()),
                   NULL, $2, $3, $4, NULL, true, timezone('UTC', now()), timezone('UTC', now())
            FROM "User" u WHERE u."id" = ANY(CAST($1 AS text[])) RETURNING *)");
        const Params params{QLatin1Char('{') + rawIds.join(QLatin1Char(',')) + QLatin1Char('}'),
                            m_actor.clerkId, m_actor.email, bulkReason};
        qint64 rawRows = 0;
        const double rawMs = timed(3, [&] {
            rawRows = m_raw.exec(rawSql, params);
            if (rawRows < 0)
                fatal(QStringLiteral("raw bulk insert: ") + m_raw.error());
            removeBulkRows();
        });
        QJsonObject out = compare(modelMs, rawMs, 3.0);
        out.insert(QStringLiteral("model_rows"), modelRows);
        out.insert(QStringLiteral("baseline_rows"), rawRows);
        out.insert(QStringLiteral("measured"),
                   QStringLiteral("PgDataSource::applyBulkGrant by a list of User ids vs one "
                                  "INSERT ... SELECT ... RETURNING *, disjoint user sets, rows "
                                  "deleted after each run (untimed)"));
        return out;
    }

    // Scrolls a view down the whole list a page at a time (as far as the cap
    // allows), then to the end: the window cache keeps only what is near the
    // screen, so memory stays where it was after the first page.
    QJsonObject scrollAll(qint64 firstPageKb)
    {
        const qint64 capMs = 5 * 60 * 1000;
        freshCountedModel();
        const int rows = m_model.rowCount();
        QElapsedTimer t;
        t.start();
        int row = 0;
        for (; row < rows && t.elapsed() < capMs; row += m_model.pageSize())
            scrollTo(row, QStringLiteral("scroll page by page"));
        const bool complete = row >= rows;
        const int scrolled = std::min(row, rows);
        const double scrollMs = elapsedMs(t);
        scrollTo(rows - 1, QStringLiteral("scroll to the end"));
        const qint64 afterKb = residentKb();
        const double ratio =
            firstPageKb > 0 ? static_cast<double>(afterKb) / static_cast<double>(firstPageKb) : 0;
        QJsonObject out{{QStringLiteral("first_page_kb"), firstPageKb},
                        {QStringLiteral("after_scroll_kb"), afterKb},
                        {QStringLiteral("ratio"), rounded(ratio)},
                        {QStringLiteral("target"), 1.5},
                        {QStringLiteral("met"), ratio <= 1.5},
                        {QStringLiteral("rows"), rows},
                        {QStringLiteral("rows_scrolled"), scrolled},
                        {QStringLiteral("complete"), complete},
                        {QStringLiteral("pages_cached"), m_model.cachedPageCount()},
                        {QStringLiteral("scroll_ms"), rounded(scrollMs)},
                        {QStringLiteral("note"),
                         QStringLiteral("VmRSS after malloc_trim; QTableView::scrollTo() a page "
                                        "at a time from the top (capped at 5 min), then to the "
                                        "last row")}};
        // Back to one page, so the next phase starts from the same state.
        throughModel([this] { m_model.refresh(); }, QStringLiteral("reset"));
        return out;
    }

    RawPg m_raw;
    PgDataSource m_source;
    UsersTableModel m_model;
    QTableView m_view;
    testing::StallWatchdog m_watchdog;
    Actor m_actor;
    int m_users = 0;
    bool m_scroll = true;
    bool m_listOnly = false; // reads only: no bulk grant
    int m_pagesLoaded = 0;
    QJsonObject m_stalls; // the longest event-loop gap per model/view operation
};

} // namespace rolecall::bench
