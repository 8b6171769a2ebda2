#include "itemmodels/grantstablemodel.h"

#include "domain/utctime.h"
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
    : PagedTableModel<GrantView>(source, ColumnCount, parent)
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

QString GrantsTableModel::displayText(const GrantView &view, Column column)
{
    const RoleGrant &g = view.grant;
    switch (column) {
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
}

QString GrantsTableModel::columnTitle(Column column)
{
    switch (column) {
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

QStringList GrantsTableModel::csvHeaders()
{
    QStringList headers;
    for (int c = 0; c < ColumnCount; ++c)
        headers << columnTitle(Column(c));
    return headers;
}

// As the table shows them, instants in UTC ISO 8601 (as TableScreen's export).
QStringList GrantsTableModel::csvFields(const GrantView &view)
{
    QStringList fields;
    for (int c = 0; c < ColumnCount; ++c) {
        switch (Column(c)) {
        case StartColumn:
            fields << isoUtc(view.grant.effectiveStart);
            break;
        case EndColumn:
            fields << isoUtc(view.grant.effectiveEnd);
            break;
        default:
            fields << displayText(view, Column(c));
        }
    }
    return fields;
}

QVariant GrantsTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const GrantView &view = rowAt(index.row());
    const RoleGrant &g = view.grant;
    switch (role) {
    case Qt::DisplayRole:
        return displayText(view, Column(index.column()));
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
    return columnTitle(Column(section));
}

void GrantsTableModel::requestPage(DataSource &source, int pageSize)
{
    if (m_expiringView) {
        receivePage(source.fetchExpiring(m_expiringViewDays),
                    [this](const QList<GrantView> &grants) { appendPage(grants, true); });
        return;
    }
    GrantListQuery query = m_filter;
    query.limit = pageSize;
    if (const GrantView *last = lastRow()) {
        query.beforeCreatedAt = last->grant.createdAt;
        query.beforeId = last->grant.id;
    }
    receivePage(source.fetchGrantPage(query),
                [this](const GrantPage &page) { appendPage(page.grants, page.atEnd); });
}

void GrantsTableModel::setFilter(const GrantListQuery &filter)
{
    GrantListQuery f = filter;
    f.limit = GrantListQuery().limit;
    f.beforeCreatedAt = {};
    f.beforeId.clear();
    if (f == m_filter && !m_expiringView && hasStarted())
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
    if (!m_expiringView && hasStarted())
        return;
    m_expiringView = false;
    refresh();
}

} // namespace rolecall
