#include "itemmodels/userstablemodel.h"

#include "async/futurewatch.h"
#include "itemmodels/modelroles.h"
#include "services/datasource.h"

#include <QLocale>

#include <limits>

namespace rolecall {

namespace {
// Pages read at once: the data source has two workers for pages.
constexpr int maxInFlight = 2;
// Pages painted but not yet asked for that are remembered; older wishes (a
// scrollbar dragged past them) are forgotten.
constexpr int maxWanted = 4;
} // namespace

UsersTableModel::UsersTableModel(DataSource *source, QObject *parent)
    : QAbstractTableModel(parent)
    , m_source(source)
{}

UsersTableModel::~UsersTableModel() = default;

int UsersTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rowCount;
}

int UsersTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant UsersTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int page = index.row() / m_pageSize;
    const auto found = m_pages.constFind(page);
    const int offset = index.row() % m_pageSize;
    if (found == m_pages.constEnd() || offset >= found->users.size()) {
        if (found == m_pages.constEnd() && m_lastError.isEmpty())
            noteWanted(page);
        if (index.column() == NameColumn && (role == Qt::DisplayRole || role == Qt::ToolTipRole))
            return m_lastError.isEmpty() ? tr("Loading…") : QString();
        return {};
    }
    found->lastUsed = ++m_clock;
    const User &user = found->users.at(offset);
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case NameColumn:
            return user.displayName();
        case EmailColumn:
            return user.email;
        case ClerkIdColumn:
            return user.clerkId;
        case RolesColumn:
            return user.activeRoles.join(QStringLiteral(", "));
        case CreatedColumn:
            return QLocale().toString(user.createdAt.toLocalTime(), QLocale::ShortFormat);
        case ColumnCount:
            break;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == CreatedColumn)
            return QLocale().toString(user.createdAt.toLocalTime(), QLocale::LongFormat);
        if (index.column() == RolesColumn && user.activeRoles.isEmpty())
            return tr("No active role");
        return data(index, Qt::DisplayRole);
    case SortKeyRole:
        if (index.column() == CreatedColumn)
            return user.createdAt;
        return data(index, Qt::DisplayRole);
    case UserIdRole:
        return user.id;
    case ClerkIdRole:
        return user.clerkId;
    case EmailRole:
        return user.email;
    case ActiveRolesRole:
        return user.activeRoles;
    case CreatedAtRole:
        return user.createdAt;
    default:
        return {};
    }
}

QVariant UsersTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case NameColumn:
        return tr("Name");
    case EmailColumn:
        return tr("Email");
    case ClerkIdColumn:
        return tr("Clerk ID");
    case RolesColumn:
        return tr("Active roles");
    case CreatedColumn:
        return tr("Created");
    case ColumnCount:
        break;
    }
    return {};
}

bool UsersTableModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_source && !m_windowed && !m_atEnd && !m_appendInFlight &&
           m_lastError.isEmpty();
}

void UsersTableModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return; // also guards against re-entry while a page is on its way
    fetchPage(m_rowCount / m_pageSize, true);
}

void UsersTableModel::sort(int column, Qt::SortOrder order)
{
    UserSortKey key = m_sortKey;
    switch (Column(column)) {
    case NameColumn:
        key = UserSortKey::Name;
        break;
    case EmailColumn:
        key = UserSortKey::Email;
        break;
    case ClerkIdColumn:
        key = UserSortKey::ClerkId;
        break;
    case CreatedColumn:
        key = UserSortKey::Created;
        break;
    case RolesColumn:
    case ColumnCount:
        return;
    }
    const bool ascending = order == Qt::AscendingOrder;
    if (key == m_sortKey && ascending == m_ascending && m_generation > 0)
        return;
    m_sortKey = key;
    m_ascending = ascending;
    refresh();
}

int UsersTableModel::sortColumn() const
{
    switch (m_sortKey) {
    case UserSortKey::Name:
        return NameColumn;
    case UserSortKey::Email:
        return EmailColumn;
    case UserSortKey::ClerkId:
        return ClerkIdColumn;
    case UserSortKey::Created:
        break;
    }
    return CreatedColumn;
}

void UsersTableModel::setPageSize(int rows)
{
    const int size = qBound(1, rows, 5000);
    if (size == m_pageSize)
        return;
    m_pageSize = size;
    if (m_generation > 0)
        refresh(); // the pages are cut differently now
}

void UsersTableModel::setMaxCachedPages(int pages)
{
    m_maxPages = qMax(2, pages);
    evictPages(-1);
}

bool UsersTableModel::isRowLoaded(int row) const
{
    const auto found = m_pages.constFind(row / m_pageSize);
    return found != m_pages.constEnd() && row % m_pageSize < found->users.size();
}

const User &UsersTableModel::userAt(int row) const
{
    static const User none;
    const auto found = m_pages.constFind(row / m_pageSize);
    if (found == m_pages.constEnd() || row < 0 || row % m_pageSize >= found->users.size())
        return none;
    return found->users.at(row % m_pageSize);
}

void UsersTableModel::prefetch(int first, int last)
{
    first = qMax(0, first);
    last = qMin(last, m_rowCount - 1);
    for (int page = first / m_pageSize; last >= 0 && page <= last / m_pageSize; ++page)
        if (!m_pages.contains(page))
            noteWanted(page);
}

void UsersTableModel::setSearch(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_search && m_generation > 0)
        return;
    m_search = trimmed;
    refresh();
}

void UsersTableModel::setRoleFilter(const QString &role)
{
    const QString trimmed = role.trimmed();
    if (trimmed == m_role && m_generation > 0)
        return;
    m_role = trimmed;
    refresh();
}

void UsersTableModel::setNoRoleFilter(bool noRole)
{
    if (noRole == m_noRole && m_generation > 0)
        return;
    m_noRole = noRole;
    refresh();
}

void UsersTableModel::setAsOf(const QDateTime &instant)
{
    const QDateTime utc = instant.isValid() ? instant.toUTC() : QDateTime();
    if (utc == m_asOf && m_generation > 0)
        return;
    m_asOf = utc;
    refresh();
}

UserQuery UsersTableModel::currentQuery() const
{
    UserQuery query;
    query.search = m_search;
    query.role = m_role;
    query.noRole = m_noRole;
    query.asOf = m_asOf;
    query.sortKey = m_sortKey;
    query.ascending = m_ascending;
    return query;
}

int UsersTableModel::rowsInPage(int page) const
{
    if (!m_windowed)
        return m_pageSize;
    return qBound(0, m_rowCount - page * m_pageSize, m_pageSize);
}

// The cheapest way to a page: by keyset from a neighbour read before, the
// last page backwards from the end, and OFFSET only for the unvisited middle.
UserQuery UsersTableModel::pageQuery(int page) const
{
    UserQuery query = currentQuery();
    query.limit = m_pageSize;
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

void UsersTableModel::noteWanted(int page) const
{
    if (m_inFlight.contains(page))
        return;
    m_wanted.removeOne(page);
    m_wanted.append(page);
    while (m_wanted.size() > maxWanted)
        m_wanted.removeFirst();
    if (m_fetchScheduled)
        return;
    // data() is const and may run inside a paint: ask once the paint is done.
    m_fetchScheduled = true;
    auto *self = const_cast<UsersTableModel *>(this);
    QMetaObject::invokeMethod(
        self, [self] { self->fetchWanted(); }, Qt::QueuedConnection);
}

void UsersTableModel::fetchWanted()
{
    m_fetchScheduled = false;
    if (!m_source || !m_lastError.isEmpty()) {
        m_wanted.clear();
        return;
    }
    // The most recently painted first: that is where the view is now.
    while (m_inFlight.size() < maxInFlight && !m_wanted.isEmpty()) {
        const int page = m_wanted.takeLast();
        if (!m_pages.contains(page) && !m_inFlight.contains(page) && page * m_pageSize < m_rowCount)
            fetchPage(page, false);
    }
}

void UsersTableModel::fetchPage(int page, bool append)
{
    const bool wasLoading = isLoading();
    if (append)
        m_appendInFlight = true;
    else
        m_inFlight.insert(page);
    const quint64 generation = m_generation;
    watchFuture(
        m_source->fetchUsers(pageQuery(page)), this,
        [this, generation, page, append](const UserPage &result) {
            if (generation != m_generation)
                return; // an answer to a list that is no longer shown
            const bool was = isLoading();
            // Still "loading" while rows go in: a fetchMore() from a slot on
            // rowsAboutToBeInserted would otherwise ask for this page again.
            storePage(page, append, result);
            if (append)
                m_appendInFlight = false;
            else
                m_inFlight.remove(page);
            updateLoading(was);
            Q_EMIT pageLoaded();
            if (append && page == 0)
                startCount(result.atEnd);
            if (!m_wanted.isEmpty())
                fetchWanted();
        },
        [this, generation, page, append](const QString &message) {
            if (generation != m_generation)
                return;
            const bool was = isLoading();
            if (append)
                m_appendInFlight = false;
            else
                m_inFlight.remove(page);
            updateLoading(was);
            fail(message);
        });
    updateLoading(wasLoading);
}

void UsersTableModel::storePage(int page, bool append, const UserPage &result)
{
    QList<User> users = result.users;
    if (!users.isEmpty())
        m_bounds.insert(page, PageBounds{result.firstKey, users.constFirst().id, result.lastKey,
                                         users.constLast().id});
    const int first = page * m_pageSize;
    if (append && !m_windowed) {
        if (!users.isEmpty()) {
            beginInsertRows({}, m_rowCount, m_rowCount + int(users.size()) - 1);
            m_rowCount += int(users.size());
            m_pages.insert(page, Page{std::move(users), ++m_clock});
            endInsertRows();
        }
        m_atEnd = result.atEnd;
        expandToCount();
    } else {
        // The rows have their places already (counted): fill them in.
        if (users.size() > rowsInPage(page))
            users.resize(rowsInPage(page));
        const int rows = int(users.size());
        m_pages.insert(page, Page{std::move(users), ++m_clock});
        if (rows > 0)
            Q_EMIT dataChanged(index(first, 0), index(first + rows - 1, ColumnCount - 1));
    }
    evictPages(page);
}

// Once the count is in, every matching row gets its place, so the scrollbar
// spans the whole list and the view can jump anywhere.
void UsersTableModel::expandToCount()
{
    if (m_windowed || m_atEnd || m_totalCount < 0)
        return;
    const int total = int(qMin<qint64>(m_totalCount, std::numeric_limits<int>::max()));
    if (total > m_rowCount) {
        beginInsertRows({}, m_rowCount, total - 1);
        m_rowCount = total;
        m_windowed = true;
        endInsertRows();
    } else {
        m_windowed = true; // all there already (or the count is behind)
    }
}

// Drops the least recently painted pages beyond the limit (never `keep`).
void UsersTableModel::evictPages(int keep)
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

void UsersTableModel::refresh()
{
    ++m_generation;
    const bool wasLoading = isLoading();
    beginResetModel();
    m_pages.clear();
    m_bounds.clear();
    m_inFlight.clear(); // what was in flight belongs to the old generation
    m_wanted.clear();
    m_rowCount = 0;
    m_windowed = false;
    m_appendInFlight = false;
    m_atEnd = false;
    m_lastError.clear();
    endResetModel(); // a view may fetchMore() from here: then that is the first page
    updateLoading(wasLoading);
    if (m_totalCount != -1) {
        m_totalCount = -1;
        Q_EMIT totalCountChanged(m_totalCount);
    }
    if (!m_source)
        return;
    fetchMore({}); // no-op when a view already asked for the first page
}

// Counting waits for the first page: on a large table the count would compete
// with it for the server, and a first page that is also the last one is the count.
void UsersTableModel::startCount(bool firstPageWasLast)
{
    if (firstPageWasLast) {
        m_totalCount = m_rowCount;
        Q_EMIT totalCountChanged(m_totalCount);
        return;
    }
    const quint64 generation = m_generation;
    watchFuture(
        m_source->countUsers(currentQuery()), this,
        [this, generation](qint64 count) {
            if (generation != m_generation)
                return;
            m_totalCount = count;
            expandToCount(); // rows first, so listeners see them counted
            Q_EMIT totalCountChanged(count);
        },
        [this, generation](const QString &message) {
            if (generation == m_generation)
                fail(message);
        });
}

void UsersTableModel::updateLoading(bool wasLoading)
{
    if (wasLoading != isLoading())
        Q_EMIT loadingChanged(isLoading());
}

void UsersTableModel::fail(const QString &message)
{
    m_lastError = message;
    Q_EMIT errorOccurred(message);
}

} // namespace rolecall
