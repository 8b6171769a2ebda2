#include "itemmodels/grantstablemodel.h"

#include "async/futurewatch.h"
#include "itemmodels/modelroles.h"
#include "services/datasource.h"

#include <QLocale>

namespace rolecall {

namespace {

QString localTime(const QDateTime &utc, QLocale::FormatType format = QLocale::ShortFormat)
{
    return utc.isValid() ? QLocale().toString(utc.toLocalTime(), format) : QString();
}

QString personOf(const QString &email, const QString &clerkId)
{
    return email.isEmpty() ? clerkId : email;
}

} // namespace

GrantsTableModel::GrantsTableModel(DataSource *source, QObject *parent)
    : QAbstractTableModel(parent)
    , m_source(source)
{}

GrantsTableModel::~GrantsTableModel() = default;

QString GrantsTableModel::stateLabel(GrantState state)
{
    switch (state) {
    case GrantState::Active:
        return tr("Active");
    case GrantState::Future:
        return tr("Future");
    case GrantState::Ended:
        return tr("Ended");
    }
    return {};
}

int GrantsTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_grants.size());
}

int GrantsTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant GrantsTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const GrantView &view = m_grants.at(index.row());
    const RoleGrant &g = view.grant;
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case UserColumn:
            return view.userName.trimmed().isEmpty() ? view.userClerkId : view.userName;
        case EmailColumn:
            return view.userEmail;
        case RoleColumn:
            return g.role;
        case StateColumn:
            return stateLabel(view.state);
        case StartColumn:
            return localTime(g.effectiveStart);
        case EndColumn:
            return g.effectiveEnd.isValid() ? localTime(g.effectiveEnd) : tr("open-ended");
        case AssignedByColumn:
            if (g.assignedByEmail.isEmpty() && g.assignedBy.isEmpty())
                return tr("(not recorded)");
            return personOf(g.assignedByEmail, g.assignedBy);
        case ReasonColumn:
            return g.reason;
        case EndedColumn:
            if (view.endedBy.isEmpty())
                return QString();
            return view.endedReason.isEmpty() ? view.endedBy
                                              : tr("%1: %2").arg(view.endedBy, view.endedReason);
        case ColumnCount:
            break;
        }
        return {};
    case Qt::ToolTipRole:
        switch (Column(index.column())) {
        case UserColumn:
        case EmailColumn:
            return tr("%1\nClerk ID: %2").arg(view.userEmail, view.userClerkId);
        case StartColumn:
            return localTime(g.effectiveStart, QLocale::LongFormat);
        case EndColumn:
            return g.effectiveEnd.isValid() ? localTime(g.effectiveEnd, QLocale::LongFormat)
                                            : tr("No end date");
        case AssignedByColumn:
            return g.assignedBy.isEmpty()
                       ? tr("Not recorded")
                       : tr("%1\nClerk ID: %2").arg(g.assignedByEmail, g.assignedBy).trimmed();
        default:
            return data(index, Qt::DisplayRole);
        }
    case SortKeyRole:
        switch (Column(index.column())) {
        case StartColumn:
            return g.effectiveStart;
        case EndColumn:
            return g.effectiveEnd;
        case StateColumn:
            return grantStateName(view.state);
        default:
            return data(index, Qt::DisplayRole);
        }
    case UserIdRole:
        return g.userId;
    case ClerkIdRole:
        return view.userClerkId;
    case EmailRole:
        return view.userEmail;
    default:
        return {};
    }
}

QVariant GrantsTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case UserColumn:
        return tr("User");
    case EmailColumn:
        return tr("Email");
    case RoleColumn:
        return tr("Role");
    case StateColumn:
        return tr("State");
    case StartColumn:
        return tr("Starts");
    case EndColumn:
        return tr("Ends");
    case AssignedByColumn:
        return tr("Granted by");
    case ReasonColumn:
        return tr("Reason");
    case EndedColumn:
        return tr("Ended by");
    case ColumnCount:
        break;
    }
    return {};
}

bool GrantsTableModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_source && !m_atEnd && !m_loading && m_lastError.isEmpty();
}

void GrantsTableModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return; // also guards against re-entry while a page is on its way
    setLoading(true);
    const quint64 generation = m_generation;
    const auto onError = [this, generation](const QString &message) {
        if (generation != m_generation)
            return;
        setLoading(false);
        m_lastError = message;
        Q_EMIT errorOccurred(message);
    };
    if (m_expiringView) {
        watchFuture(
            m_source->fetchExpiring(m_expiringViewDays), this,
            [this, generation](const QList<GrantView> &grants) {
                if (generation == m_generation)
                    append(grants, true);
            },
            onError);
        return;
    }
    GrantListQuery query = m_filter;
    query.limit = m_pageSize;
    if (!m_grants.isEmpty()) {
        query.beforeCreatedAt = m_grants.constLast().grant.createdAt;
        query.beforeId = m_grants.constLast().grant.id;
    }
    watchFuture(
        m_source->fetchGrantPage(query), this,
        [this, generation](const GrantPage &page) {
            if (generation == m_generation)
                append(page.grants, page.atEnd);
        },
        onError);
}

void GrantsTableModel::append(const QList<GrantView> &grants, bool atEnd)
{
    // Still "loading" while rows go in, so a fetchMore() from a slot on
    // rowsAboutToBeInserted does not ask for this page again.
    if (!grants.isEmpty()) {
        beginInsertRows({}, int(m_grants.size()), int(m_grants.size() + grants.size()) - 1);
        m_grants.append(grants);
        endInsertRows();
    }
    m_atEnd = atEnd;
    setLoading(false);
    Q_EMIT pageLoaded();
}

void GrantsTableModel::setDataSource(DataSource *source)
{
    m_source = source;
    refresh();
}

void GrantsTableModel::setFilter(const GrantListQuery &filter)
{
    GrantListQuery f = filter;
    f.limit = GrantListQuery().limit;
    f.beforeCreatedAt = {};
    f.beforeId.clear();
    if (f == m_filter && !m_expiringView && m_generation > 0)
        return;
    m_filter = f;
    m_expiringView = false;
    refresh();
}

void GrantsTableModel::showExpiring(int days)
{
    m_expiringViewDays = qBound(1, days, 3650);
    m_expiringView = true;
    refresh();
}

void GrantsTableModel::showList()
{
    if (!m_expiringView && m_generation > 0)
        return;
    m_expiringView = false;
    refresh();
}

void GrantsTableModel::clear()
{
    ++m_generation;
    const bool wasLoading = m_loading;
    beginResetModel();
    m_grants = {};
    m_atEnd = true;
    m_lastError.clear();
    m_loading = false; // what was in flight belongs to the old generation
    endResetModel();
    if (wasLoading)
        Q_EMIT loadingChanged(false);
}

void GrantsTableModel::refresh()
{
    clear();
    m_atEnd = false;
    fetchMore({}); // no-op without a data source
}

void GrantsTableModel::setLoading(bool loading)
{
    if (m_loading == loading)
        return;
    m_loading = loading;
    Q_EMIT loadingChanged(loading);
}

} // namespace rolecall
