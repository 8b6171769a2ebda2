#pragma once

#include "domain/domain.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QPointer>
#include <QSet>

namespace rolecall {

class DataSource;

// The users list as a window cache over a DataSource: memory follows what is
// on screen, not the size of the table.
//
//   refresh ─▶ first page + count ──▶ rowCount() = the count ("windowed")
//   view paints row r ─▶ data() notes page r/pageSize as wanted ─▶ fetch
//   page arrives ─▶ dataChanged; the least recently painted pages beyond
//   maxCachedPages() are dropped and fetched again when looked at
//
// Until the count is in, pages are appended as the view scrolls
// (canFetchMore/fetchMore). A page is read by keyset from a neighbour whose
// first or last row is known (every page read leaves its bounds behind, even
// when evicted), the last page backwards from the end, and only a jump into
// the unvisited middle falls back to OFFSET. Changing the search, the filters,
// the as-of instant or the order starts a new generation: answers to older
// requests are dropped.
class UsersTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UsersTableModel)

public:
    enum Column { NameColumn, EmailColumn, ClerkIdColumn, RolesColumn, CreatedColumn, ColumnCount };
    Q_ENUM(Column)

    explicit UsersTableModel(DataSource *source, QObject *parent = nullptr);
    ~UsersTableModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    // Server-side: name, email, Clerk ID or created; the roles column keeps
    // the current order.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    QString search() const { return m_search; }
    QString roleFilter() const { return m_role; }
    bool noRoleFilter() const { return m_noRole; }
    QDateTime asOf() const { return m_asOf; } // invalid: now
    int sortColumn() const;
    Qt::SortOrder sortOrder() const
    {
        return m_ascending ? Qt::AscendingOrder : Qt::DescendingOrder;
    }
    bool isLoading() const { return m_appendInFlight || !m_inFlight.isEmpty(); }
    // Every matching row has a place in rowCount(): counted, or paged to the end.
    bool isComplete() const { return m_windowed || m_atEnd; }
    qint64 totalCount() const { return m_totalCount; } // -1 until counted
    QString lastError() const { return m_lastError; }
    int pageSize() const { return m_pageSize; }
    void setPageSize(int rows);
    int maxCachedPages() const { return m_maxPages; }
    void setMaxCachedPages(int pages);

    bool isRowLoaded(int row) const;
    int cachedPageCount() const { return int(m_pages.size()); }
    // The user in `row`, or an empty User while that row is not loaded.
    const User &userAt(int row) const;
    // Asks for the pages holding rows `first` to `last` now (an export, a
    // "go to row"): as if a view had painted them.
    void prefetch(int first, int last);

public Q_SLOTS:
    // Server-side search on name, email and Clerk ID; reloads from the top.
    void setSearch(const QString &text);
    // Only users holding `role` at asOf() (empty: any); reloads from the top.
    void setRoleFilter(const QString &role);
    // Only users holding no role at asOf(); reloads from the top.
    void setNoRoleFilter(bool noRole);
    // The instant roles are shown and filtered at (invalid: now); reloads.
    void setAsOf(const QDateTime &instant);
    // Drops what is loaded and loads the first page again.
    void refresh();

Q_SIGNALS:
    void loadingChanged(bool loading);
    void totalCountChanged(qint64 count);
    void errorOccurred(const QString &message);
    // A page arrived (also the first one after a refresh or a new search).
    void pageLoaded();

private:
    struct Page
    {
        QList<User> users;
        mutable quint64 lastUsed = 0; // the clock when a view last painted it
    };
    // First and last row of a page once read: keyset cursors for its neighbours.
    struct PageBounds
    {
        QString firstKey, firstId, lastKey, lastId;
    };

    UserQuery currentQuery() const; // the filters and order, without limit or cursor
    UserQuery pageQuery(int page) const;
    int rowsInPage(int page) const;
    void noteWanted(int page) const;
    void fetchWanted();
    void fetchPage(int page, bool append);
    void storePage(int page, bool append, const UserPage &result);
    void startCount(bool firstPageWasLast);
    void expandToCount();
    void evictPages(int keep);
    void updateLoading(bool wasLoading);
    void fail(const QString &message);

    QPointer<DataSource> m_source;
    QHash<int, Page> m_pages;
    QHash<int, PageBounds> m_bounds;
    QSet<int> m_inFlight;
    mutable QList<int> m_wanted; // pages painted but not loaded, most recent last
    mutable quint64 m_clock = 0;
    mutable bool m_fetchScheduled = false;
    QString m_search;
    QString m_role;
    QDateTime m_asOf;
    UserSortKey m_sortKey = UserSortKey::Created;
    bool m_ascending = false;
    bool m_noRole = false;
    QString m_lastError;
    qint64 m_totalCount = -1;
    quint64 m_generation = 0;
    int m_rowCount = 0;
    int m_pageSize = 200;
    int m_maxPages = 10;
    bool m_windowed = false;
    bool m_appendInFlight = false;
    bool m_atEnd = false;
};

} // namespace rolecall
