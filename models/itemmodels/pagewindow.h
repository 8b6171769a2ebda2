#pragma once

#include "domain/domain.h"

#include <QHash>
#include <QList>

namespace rolecall {

// The pages of a users list held in memory: a window over a list of any
// length that follows what a view shows. It places the pages it is given,
// drops the least recently used beyond maxPages(), finds a row, and says how
// to read a page most cheaply. It reads nothing and tells no view:
// UsersTableModel does both.
//
//   appending (until the count is in):  rows = the pages appended, in order
//   spanRows(count) ─▶ windowed:        rows = count; a page fills its places
//
//   queryFor(page):  the first page                ─▶ from the top
//                    the page before it was read   ─▶ forward from its last row
//                    the page after it was read    ─▶ backward from its first row
//                    the last page (windowed)      ─▶ backward from the end
//                    none of these (a jump)        ─▶ OFFSET page × pageSize
//
// Every page read leaves its first and last row's keys behind, even once
// dropped, so a page beside one seen before is read by keyset again.
class PageWindow
{
public:
    explicit PageWindow(int pageSize = 200, int maxPages = 10);

    int pageSize() const { return m_pageSize; }
    int maxPages() const { return m_maxPages; }
    // At least 2; drops the least recently used pages beyond it now.
    void setMaxPages(int pages);

    int rowCount() const { return m_rowCount; }
    // Every row of the list has its place: spanRows() came.
    bool isWindowed() const { return m_windowed; }
    // Appending reached the list's last row.
    bool isAtEnd() const { return m_atEnd; }
    int pageOf(int row) const { return row / m_pageSize; }
    // The rows page `page` holds once read: a full page while appending.
    int rowsInPage(int page) const;

    int pageCount() const { return int(m_pages.size()); }
    bool hasPage(int page) const { return m_pages.contains(page); }
    bool isRowLoaded(int row) const { return rowAt(row) != nullptr; }
    // The user in `row`, or null while its page is not held.
    const User *rowAt(int row) const;
    // The same, noting the page as just used (a view painted it): eviction
    // drops the pages used longest ago.
    const User *useRow(int row) const;

    // `query` (the list's filters and order) narrowed to page `page`.
    UserQuery queryFor(int page, UserQuery query) const;

    // Places `answer` after the last row (while appending).
    void appendPage(const UserPage &answer);
    // Places `answer` in page `page`'s places (windowed); returns the rows filled.
    int fillPage(int page, const UserPage &answer);
    // Every row of a `count`-row list gets its place (never fewer than now).
    void spanRows(int count);
    // Nothing held, appending from the top again; pages of `pageSize` rows.
    void reset(int pageSize);
    void reset() { reset(m_pageSize); }

private:
    struct Page
    {
        QList<User> users;
        mutable quint64 lastUsed = 0; // the clock when it was last used
    };
    // First and last row of a page once read: keyset cursors for its neighbours.
    struct PageBounds
    {
        QString firstKey, firstId, lastKey, lastId;
    };

    const Page *pageHolding(int row) const;
    void place(int page, QList<User> users, const UserPage &answer);
    void evict(int keep);

    QHash<int, Page> m_pages;
    QHash<int, PageBounds> m_bounds;
    mutable quint64 m_clock = 0;
    int m_pageSize;
    int m_maxPages;
    int m_rowCount = 0;
    bool m_windowed = false;
    bool m_atEnd = false;
};

} // namespace rolecall
