#include "itemmodels/audittablemodel.h"

#include "domain/utctime.h"
#include "itemmodels/modelroles.h"
#include "services/datasource.h"

#include <QJsonValue>
#include <QLocale>

namespace rolecall {

namespace {

// "Name (email)", or whichever of the two is known.
QString nameAndEmail(const QString &name, const QString &email)
{
    const QString n = name.trimmed();
    if (n.isEmpty())
        return email;
    if (email.isEmpty())
        return n;
    return QStringLiteral("%1 (%2)").arg(n, email);
}

QString jsonText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return QStringLiteral("—");
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return QString::number(value.toDouble());
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Array:
    case QJsonValue::Object:
        return QStringLiteral("…");
    }
    return {};
}

} // namespace

AuditTableModel::AuditTableModel(DataSource *source, QObject *parent)
    : PagedTableModel<AuditEvent>(source, ColumnCount, parent)
{}

AuditTableModel::~AuditTableModel() = default;

QString AuditTableModel::actionLabel(const QString &action)
{
    if (action == QLatin1String("granted"))
        return tr("Granted");
    if (action == QLatin1String("scheduled"))
        return tr("Scheduled");
    if (action == QLatin1String("ended"))
        return tr("Ended");
    if (action == QLatin1String("expired"))
        return tr("Expired");
    return action; // the audit table's own actions, as recorded
}

QString AuditTableModel::describeChange(const QJsonObject &before, const QJsonObject &after)
{
    QStringList keys = before.keys() + after.keys();
    keys.removeDuplicates();
    keys.sort();
    QStringList parts;
    for (const QString &key : std::as_const(keys)) {
        if (key == QLatin1String("updatedAt"))
            continue; // changes with every write; says nothing
        const QJsonValue b = before.value(key);
        const QJsonValue a = after.value(key);
        if (b == a)
            continue;
        parts << QStringLiteral("%1: %2 → %3").arg(key, jsonText(b), jsonText(a));
    }
    return parts.join(QStringLiteral("; "));
}

QString AuditTableModel::displayText(const AuditEvent &e, Column column)
{
    switch (column) {
    case AtColumn:
        return QLocale().toString(e.at.toLocalTime(), QLocale::ShortFormat);
    case ActionColumn:
        return actionLabel(e.action);
    case UserColumn:
        return nameAndEmail(e.targetName, e.targetEmail);
    case UserClerkIdColumn:
        return e.targetClerkId;
    case RoleColumn:
        return e.role;
    case ActorColumn:
        if (e.madeOutsideConsole())
            return tr("Outside the console (database login %1)").arg(e.databaseLogin);
        if (e.actorEmail.isEmpty() && e.actorClerkId.isEmpty())
            return e.action == QLatin1String("expired") ? tr("(end date passed)")
                                                        : tr("(not recorded)");
        if (e.actorEmail.isEmpty() || e.actorClerkId.isEmpty())
            return e.actorEmail.isEmpty() ? e.actorClerkId : e.actorEmail;
        return QStringLiteral("%1 (%2)").arg(e.actorEmail, e.actorClerkId);
    case ReasonColumn:
        return e.reason;
    case ChangeColumn:
        return describeChange(e.before, e.after);
    case ColumnCount:
        break;
    }
    return {};
}

QString AuditTableModel::columnTitle(Column column)
{
    switch (column) {
    case AtColumn:
        return tr("When");
    case ActionColumn:
        return tr("Action");
    case UserColumn:
        return tr("User");
    case UserClerkIdColumn:
        return tr("User's Clerk ID");
    case RoleColumn:
        return tr("Role");
    case ActorColumn:
        return tr("By");
    case ReasonColumn:
        return tr("Reason");
    case ChangeColumn:
        return tr("Before → after");
    case ColumnCount:
        break;
    }
    return {};
}

QStringList AuditTableModel::csvHeaders()
{
    QStringList headers;
    for (int c = 0; c < ColumnCount; ++c)
        headers << columnTitle(Column(c));
    return headers;
}

// As the table shows them, the instant in UTC ISO 8601 (as TableScreen's export).
QStringList AuditTableModel::csvFields(const AuditEvent &event)
{
    QStringList fields{isoUtc(event.at)};
    for (int c = AtColumn + 1; c < ColumnCount; ++c)
        fields << displayText(event, Column(c));
    return fields;
}

QVariant AuditTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AuditEvent &e = rowAt(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayText(e, Column(index.column()));
    case Qt::ToolTipRole:
        switch (Column(index.column())) {
        case AtColumn:
            return QLocale().toString(e.at.toLocalTime(), QLocale::LongFormat);
        case UserColumn:
            return tr("%1\nClerk ID: %2\nUser row: %3")
                .arg(nameAndEmail(e.targetName, e.targetEmail), e.targetClerkId, e.targetUserId);
        case ActorColumn:
            if (e.madeOutsideConsole())
                return tr("Changed outside the console, by the database login %1 (recorded by "
                          "the audit trigger of db install-rights).")
                    .arg(e.databaseLogin);
            return data(index, Qt::DisplayRole);
        case ChangeColumn:
            return e.before.isEmpty() && e.after.isEmpty()
                       ? tr("Before and after are recorded only in the audit table.")
                       : describeChange(e.before, e.after)
                             .replace(QStringLiteral("; "), QStringLiteral("\n"));
        default:
            return data(index, Qt::DisplayRole);
        }
    case SortKeyRole:
        if (index.column() == AtColumn)
            return e.at;
        return data(index, Qt::DisplayRole);
    case UserIdRole:
        return e.targetUserId;
    case ClerkIdRole:
        return e.targetClerkId;
    case EmailRole:
        return e.targetEmail;
    default:
        return {};
    }
}

QVariant AuditTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    return columnTitle(Column(section));
}

void AuditTableModel::requestPage(DataSource &source, int pageSize)
{
    AuditQuery query = m_filter;
    query.limit = pageSize;
    if (const AuditEvent *last = lastRow()) {
        query.beforeAt = last->at;
        query.beforeId = last->id;
    }
    receivePage(source.fetchAudit(query),
                [this](const AuditPage &page) { appendPage(page.events, page.atEnd); });
}

void AuditTableModel::setFilter(const AuditQuery &filter)
{
    m_filter = filter;
    m_filter.limit = AuditQuery().limit;
    m_filter.beforeAt = {};
    m_filter.beforeId.clear();
    refresh();
}

} // namespace rolecall
