#include "itemmodels/pagewindow.h"

#include <QtGlobal>

namespace rolecall {

PageWindow::PageWindow(int pageSize, int maxPages)
    : m_pageSize(qBound(1, pageSize, 5000))
    , m_maxPages(qMax(2, maxPages))
{}

void PageWindow::setMaxPages(int pages)
{
    m_maxPages = qMax(2, pages);
    evict(-1);
}

int PageWindow::rowsInPage(int page) const
{
    if (!m_windowed)
        return m_pageSize;
    return qBound(0, m_rowCount - page * m_pageSize, m_pageSize);
}

const PageWindow::Page *PageWindow::pageHolding(int row) const
{
    if (row < 0)
        return nullptr;
    const auto found = m_pages.constFind(pageOf(row));
    if (found == m_pages.constEnd() || row % m_pageSize >= found->users.size())
        return nullptr;
    return &*found;
}

const User *PageWindow::rowAt(int row) const
{
    const Page *page = pageHolding(row);
    return page ? &page->users.at(row % m_pageSize) : nullptr;
}

const User *PageWindow::useRow(int row) const
{
    const Page *page = pageHolding(row);
    if (!page)
        return nullptr;
    page->lastUsed = ++m_clock;
    return &page->users.at(row % m_pageSize);
}

// The cheapest way to a page: by keyset from a neighbour read before, the
// last page backwards from the end, and OFFSET only for the unvisited middle.
UserQuery PageWindow::queryFor(int page, UserQuery query) const
{
    query.limit = m_pageSize;
    query.afterCreatedAt = {};
    query.afterKey.clear();
    query.afterId.clear();
    query.backward = false;
    query.offset = 0;
    if (page == 0)
        return query;
    if (const auto before = m_bounds.constFind(page - 1); before != m_bounds.constEnd()) {
        query.afterKey = before->lastKey;
        query.afterId = before->lastId;
        return query;
    }
    if (const auto after = m_bounds.constFind(page + 1); after != m_bounds.constEnd()) {
        query.backward = true;
        query.afterKey = after->firstKey;
        query.afterId = after->firstId;
        return query;
    }
    if (m_windowed && (page + 1) * m_pageSize >= m_rowCount) {
        query.backward = true;
        query.limit = qMax(1, rowsInPage(page));
        return query;
    }
    query.offset = page * m_pageSize;
    return query;
}

void PageWindow::appendPage(const UserPage &answer)
{
    m_atEnd = answer.atEnd;
    if (answer.users.isEmpty())
        return;
    const int page = pageOf(m_rowCount);
    m_rowCount += int(answer.users.size());
    place(page, answer.users, answer);
}

int PageWindow::fillPage(int page, const UserPage &answer)
{
    // The rows have their places already (counted): fill them in.
    QList<User> users = answer.users;
    if (users.size() > rowsInPage(page))
        users.resize(rowsInPage(page));
    const int rows = int(users.size());
    place(page, std::move(users), answer);
    return rows;
}

void PageWindow::place(int page, QList<User> users, const UserPage &answer)
{
    if (!answer.users.isEmpty())
        m_bounds.insert(page, PageBounds{answer.firstKey, answer.users.constFirst().id,
                                         answer.lastKey, answer.users.constLast().id});
    m_pages.insert(page, Page{std::move(users), ++m_clock});
    evict(page);
}

void PageWindow::spanRows(int count)
{
    m_rowCount = qMax(m_rowCount, count);
    m_windowed = true;
}

// Drops the least recently used pages beyond the limit (never `keep`).
void PageWindow::evict(int keep)
{
    while (m_pages.size() > m_maxPages) {
        auto oldest = m_pages.end();
        for (auto it = m_pages.begin(); it != m_pages.end(); ++it)
            if (it.key() != keep && (oldest == m_pages.end() || it->lastUsed < oldest->lastUsed))
                oldest = it;
        if (oldest == m_pages.end())
            return;
        m_pages.erase(oldest);
    }
}

void PageWindow::reset(int pageSize)
{
    m_pageSize = qBound(1, pageSize, 5000);
    m_pages.clear();
    m_bounds.clear();
    m_rowCount = 0;
    m_windowed = false;
    m_atEnd = false;
}

} // namespace rolecall
