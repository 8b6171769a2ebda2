#include "userstablemodel.h"

#include "datasource.h"
#include "futurewatch.h"
#include "modelroles.h"

#include <QLocale>
#include <QThreadPool>

namespace rolecall {

UsersTableModel::UsersTableModel(DataSource *source, QObject *parent)
    : QAbstractTableModel(parent)
    , m_source(source)
{}

UsersTableModel::~UsersTableModel() = default;

int UsersTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_users.size());
}

int UsersTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant UsersTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const User &user = m_users.at(index.row());
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
    return !parent.isValid() && m_source && !m_atEnd && !m_loading && m_lastError.isEmpty();
}

void UsersTableModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return; // also guards against re-entry while a page is on its way
    UserQuery query = currentQuery();
    query.limit = m_pageSize;
    if (!m_users.isEmpty()) {
        query.afterCreatedAt = m_users.constLast().createdAt;
        query.afterId = m_users.constLast().id;
    }
    setLoading(true);
    const quint64 generation = m_generation;
    watchFuture(
        m_source->fetchUsers(query), this,
        [this, generation](const UserPage &page) {
            if (generation != m_generation)
                return; // an answer to a search that is no longer shown
            // Still "loading" while rows go in: a fetchMore() from a slot on
            // rowsAboutToBeInserted would otherwise ask for this page again.
            if (!page.users.isEmpty()) {
                beginInsertRows({}, int(m_users.size()),
                                int(m_users.size() + page.users.size()) - 1);
                m_users.append(page.users);
                endInsertRows();
            }
            m_atEnd = page.atEnd;
            setLoading(false);
            Q_EMIT pageLoaded();
        },
        [this, generation](const QString &message) {
            if (generation != m_generation)
                return;
            setLoading(false);
            fail(message);
        });
}

void UsersTableModel::setPageSize(int rows)
{
    m_pageSize = qBound(1, rows, 5000);
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
    return query;
}

void UsersTableModel::refresh()
{
    ++m_generation;
    const bool wasLoading = m_loading;
    beginResetModel();
    // Freeing a million rows takes a while: do it off the GUI thread.
    if (m_users.size() > 10000)
        QThreadPool::globalInstance()->start(
            [rows = std::move(m_users)]() mutable { rows.clear(); });
    m_users = {};
    m_atEnd = false;
    m_lastError.clear();
    m_loading = false; // what was in flight belongs to the old generation
    endResetModel();   // a view may fetchMore() from here: then that is the first page
    if (wasLoading && !m_loading)
        Q_EMIT loadingChanged(false);
    if (m_totalCount != -1) {
        m_totalCount = -1;
        Q_EMIT totalCountChanged(m_totalCount);
    }
    if (!m_source)
        return;
    fetchMore({}); // no-op when a view already asked for the first page
    const quint64 generation = m_generation;
    watchFuture(
        m_source->countUsers(currentQuery()), this,
        [this, generation](qint64 count) {
            if (generation != m_generation)
                return;
            m_totalCount = count;
            Q_EMIT totalCountChanged(count);
        },
        [this, generation](const QString &message) {
            if (generation == m_generation)
                fail(message);
        });
}

void UsersTableModel::setLoading(bool loading)
{
    if (m_loading == loading)
        return;
    m_loading = loading;
    Q_EMIT loadingChanged(loading);
}

void UsersTableModel::fail(const QString &message)
{
    m_lastError = message;
    Q_EMIT errorOccurred(message);
}

} // namespace rolecall
