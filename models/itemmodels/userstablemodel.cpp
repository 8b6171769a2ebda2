#include "itemmodels/userstablemodel.h"

#include "async/futurewatch.h"
#include "itemmodels/modelroles.h"
#include "services/datasource.h"

#include <QLocale>
#include <QTimer>

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
    return parent.isValid() ? 0 : m_window.rowCount() - m_untoldRows;
}

int UsersTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant UsersTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const User *loaded = m_window.useRow(index.row());
    if (!loaded) {
        const int page = m_window.pageOf(index.row());
        if (!m_window.hasPage(page) && m_lastError.isEmpty())
            noteWanted(page);
        if (index.column() == NameColumn && (role == Qt::DisplayRole || role == Qt::ToolTipRole))
            return m_lastError.isEmpty() ? tr("Loading…") : QString();
        return {};
    }
    const User &user = *loaded;
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
    return !parent.isValid() && m_source && !isCounted() && !m_window.isAtEnd() &&
           !m_appendInFlight && m_lastError.isEmpty();
}

void UsersTableModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return; // also guards against re-entry while a page is on its way
    fetchPage(m_window.pageOf(m_window.rowCount()), true);
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
    if (key == m_sortKey && ascending == m_ascending && m_answers.hasStarted())
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
    if (size == m_window.pageSize())
        return;
    if (m_answers.hasStarted() || m_window.rowCount() > 0 || isLoading())
        reload(size); // the pages are cut differently now
    else
        m_window.reset(size); // nothing shown or asked for yet
}

const User &UsersTableModel::userAt(int row) const
{
    static const User none;
    const User *user = m_window.rowAt(row);
    return user ? *user : none;
}

void UsersTableModel::prefetch(int first, int last)
{
    first = qMax(0, first);
    last = qMin(last, rowCount() - 1);
    for (int page = m_window.pageOf(first); last >= 0 && page <= m_window.pageOf(last); ++page)
        if (!m_window.hasPage(page))
            noteWanted(page);
}

void UsersTableModel::setSearch(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_search && m_answers.hasStarted())
        return;
    m_search = trimmed;
    refresh();
}

void UsersTableModel::setRoleFilter(const QString &role)
{
    const QString trimmed = role.trimmed();
    if (trimmed == m_role && m_answers.hasStarted())
        return;
    m_role = trimmed;
    refresh();
}

void UsersTableModel::setNoRoleFilter(bool noRole)
{
    if (noRole == m_noRole && m_answers.hasStarted())
        return;
    m_noRole = noRole;
    refresh();
}

void UsersTableModel::setAsOf(const QDateTime &instant)
{
    const QDateTime utc = instant.isValid() ? instant.toUTC() : QDateTime();
    if (utc == m_asOf && m_answers.hasStarted())
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
        if (!m_window.hasPage(page) && !m_inFlight.contains(page) &&
            page * m_window.pageSize() < rowCount())
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
    const auto settle = [this, page, append] {
        if (append)
            m_appendInFlight = false;
        else
            m_inFlight.remove(page);
    };
    // Answers to a list that is no longer shown are dropped.
    const auto onPage = m_answers.current([this, page, append, settle](const UserPage &result) {
        const bool was = isLoading();
        // Still "loading" while rows go in: a fetchMore() from a slot on
        // rowsAboutToBeInserted would otherwise ask for this page again.
        storePage(page, append, result);
        settle();
        updateLoading(was);
        Q_EMIT pageLoaded();
        if (append && page == 0)
            startCount(result.atEnd);
        if (!m_wanted.isEmpty())
            fetchWanted();
    });
    const auto onError = m_answers.current([this, settle](const QString &message) {
        const bool was = isLoading();
        settle();
        updateLoading(was);
        fail(message);
    });
    watchFuture(m_source->fetchUsers(m_window.queryFor(page, currentQuery())), this, onPage,
                onError);
    updateLoading(wasLoading);
}

void UsersTableModel::storePage(int page, bool append, const UserPage &result)
{
    if (append && !m_window.isWindowed()) {
        const int first = m_window.rowCount();
        const int rows = int(result.users.size());
        if (rows > 0)
            beginInsertRows({}, first, first + rows - 1);
        m_window.appendPage(result);
        if (rows > 0)
            endInsertRows();
        expandToCount();
        return;
    }
    const int first = page * m_window.pageSize();
    const int rows = qMin(m_window.fillPage(page, result), rowCount() - first);
    if (rows > 0)
        Q_EMIT dataChanged(index(first, 0), index(first + rows - 1, ColumnCount - 1));
}

// Once the count is in, every matching row gets its place, so the scrollbar
// spans the whole list and the view can jump anywhere.
void UsersTableModel::expandToCount()
{
    if (isCounted() || m_window.isAtEnd() || m_totalCount < 0)
        return;
    const int total = int(qMin<qint64>(m_totalCount, std::numeric_limits<int>::max()));
    const int rows = m_window.rowCount();
    m_window.spanRows(total); // all there already when the count is behind
    m_untoldRows = m_window.rowCount() - rows;
    tellRows();
}

// A header view makes (and lays out) one section per row it is told of, so a
// million at once blocks the GUI thread; a slice per turn keeps each turn short.
void UsersTableModel::tellRows()
{
    if (m_untoldRows <= 0)
        return;
    const int first = rowCount();
    const int rows = qMin(m_untoldRows, m_rowsPerTelling);
    beginInsertRows({}, first, first + rows - 1);
    m_untoldRows -= rows;
    endInsertRows();
    // One turn at a time, and not dropped by a refresh: a reset leaves nothing
    // untold, and rows kept on screen while a refresh is on its way are still
    // to be told.
    if (m_untoldRows > 0 && !m_tellScheduled) {
        m_tellScheduled = true;
        QTimer::singleShot(0, this, [this] {
            m_tellScheduled = false;
            tellRows();
        });
    }
}

void UsersTableModel::refresh()
{
    reload(m_window.pageSize());
}

void UsersTableModel::reload(int pageSize)
{
    m_answers.renew();
    const bool wasLoading = isLoading();
    beginResetModel();
    m_window.reset(pageSize);
    m_untoldRows = 0;
    m_inFlight.clear(); // what was in flight was for the rows just dropped
    m_wanted.clear();
    m_appendInFlight = false;
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

void UsersTableModel::refreshKeepingRows()
{
    if (!m_source || m_window.rowCount() == 0) {
        refresh();
        return;
    }
    m_answers.renew(); // the reads of the rows shown no longer matter
    const bool wasLoading = isLoading();
    m_inFlight.clear();
    m_wanted.clear();
    m_appendInFlight = true; // no fetchMore() until the first page is in
    m_lastError.clear();
    const auto onPage = m_answers.current([this](const UserPage &result) {
        const bool was = isLoading();
        const int pageSize = m_window.pageSize();
        beginResetModel();
        m_window.reset(pageSize);
        m_untoldRows = 0;
        endResetModel();
        if (m_totalCount != -1) {
            m_totalCount = -1;
            Q_EMIT totalCountChanged(m_totalCount);
        }
        storePage(0, true, result);
        m_appendInFlight = false;
        updateLoading(was);
        Q_EMIT pageLoaded();
        startCount(result.atEnd);
    });
    const auto onError = m_answers.current([this](const QString &message) {
        const bool was = isLoading();
        m_appendInFlight = false;
        updateLoading(was);
        fail(message); // the rows stay; fetching waits for the next refresh
    });
    watchFuture(m_source->fetchUsers(m_window.queryFor(0, currentQuery())), this, onPage, onError);
    updateLoading(wasLoading);
}

// Counting waits for the first page: on a large table the count would compete
// with it for the server, and a first page that is also the last one is the count.
void UsersTableModel::startCount(bool firstPageWasLast)
{
    if (firstPageWasLast) {
        m_totalCount = m_window.rowCount();
        Q_EMIT totalCountChanged(m_totalCount);
        return;
    }
    const auto onCount = m_answers.current([this](qint64 count) {
        m_totalCount = count;
        expandToCount(); // rows first, so listeners see them counted
        Q_EMIT totalCountChanged(count);
    });
    watchFuture(m_source->countUsers(currentQuery()), this, onCount,
                m_answers.current([this](const QString &message) { fail(message); }));
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
