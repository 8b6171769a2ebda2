#pragma once

#include "async/staleanswerguard.h"
#include "domain/domain.h"
#include "itemmodels/pagewindow.h"

#include <QAbstractTableModel>
#include <QPointer>
#include <QSet>

namespace rolecall {

class DataSource;

// The users list as a window cache over a DataSource: memory follows what is
// on screen, not the size of the table.
//
//   refresh ─▶ first page + count ──▶ rowCount() = the count ("windowed"),
//              told to the views 131,072 rows per turn of the event loop
//   view paints row r ─▶ data() notes page r/pageSize as wanted ─▶ fetch
//   page arrives ─▶ dataChanged; the least recently painted pages beyond
//   maxCachedPages() are dropped and fetched again when looked at
//
// Until the count is in, pages are appended as the view scrolls
// (canFetchMore/fetchMore). Which pages are held, and how each is read
// (keyset from a neighbour, the last page backwards from the end, OFFSET
// only for a jump into the unvisited middle), is PageWindow's; this model
// decides when to read and tells the views. Changing the search, the
// filters, the as-of instant or the order reloads: answers to older
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
    // (The views are told of counted rows a slice per turn of the event loop:
    // a view's header makes one section per row, which for a million rows at
    // once blocks the GUI thread for tens of milliseconds.)
    bool isComplete() const { return (isCounted() && m_untoldRows == 0) || m_window.isAtEnd(); }
    // Counted rows told to the views per turn of the event loop (at least 1).
    void setRowsPerTelling(int rows) { m_rowsPerTelling = qMax(1, rows); }
    qint64 totalCount() const { return m_totalCount; } // -1 until counted
    QString lastError() const { return m_lastError; }
    int pageSize() const { return m_window.pageSize(); }
    void setPageSize(int rows);
    int maxCachedPages() const { return m_window.maxPages(); }
    void setMaxCachedPages(int pages) { m_window.setMaxPages(pages); }

    bool isRowLoaded(int row) const { return m_window.isRowLoaded(row); }
    int cachedPageCount() const { return m_window.pageCount(); }
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
    // Reads the first page again but keeps the rows shown until it arrives:
    // F5 and the error banner's Retry, so an outage leaves the list in place
    // (its error reported) instead of an empty table.
    void refreshKeepingRows();

Q_SIGNALS:
    void loadingChanged(bool loading);
    void totalCountChanged(qint64 count);
    void errorOccurred(const QString &message);
    // A page arrived (also the first one after a refresh or a new search).
    void pageLoaded();

private:
    UserQuery currentQuery() const; // the filters and order, without limit or cursor
    void noteWanted(int page) const;
    void fetchWanted();
    void fetchPage(int page, bool append);
    void storePage(int page, bool append, const UserPage &result);
    void startCount(bool firstPageWasLast);
    void expandToCount();
    void tellRows(); // the next slice of m_untoldRows to the views
    bool isCounted() const { return m_window.isWindowed(); }
    void reload(int pageSize);
    void updateLoading(bool wasLoading);
    void fail(const QString &message);

    QPointer<DataSource> m_source;
    PageWindow m_window;
    StaleAnswerGuard m_answers;
    QSet<int> m_inFlight;
    mutable QList<int> m_wanted; // pages painted but not loaded, most recent last
    mutable bool m_fetchScheduled = false;
    QString m_search;
    QString m_role;
    QDateTime m_asOf;
    UserSortKey m_sortKey = UserSortKey::Created;
    bool m_ascending = false;
    bool m_noRole = false;
    QString m_lastError;
    qint64 m_totalCount = -1;
    int m_untoldRows = 0;           // counted rows the views have not been told of yet
    int m_rowsPerTelling = 1 << 17; // a few milliseconds of a header's work
    bool m_tellScheduled = false;
    bool m_appendInFlight = false;
};

} // namespace rolecall
