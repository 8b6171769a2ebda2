#include "itemmodels/syncstatusmodel.h"

#include "sync/syncrun.h"

namespace rolecall {

SyncStatusModel::SyncStatusModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

SyncStatusModel::~SyncStatusModel() = default;

int SyncStatusModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_visible.size());
}

int SyncStatusModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString SyncStatusModel::differencesText(const SyncRecord &record)
{
    QStringList parts;
    for (const FieldDiff &diff : record.diffs)
        parts << tr("%1: %2 → %3")
                     .arg(diff.field,
                          diff.databaseValue.isEmpty() ? tr("(empty)") : diff.databaseValue,
                          diff.clerkValue.isEmpty() ? tr("(empty)") : diff.clerkValue);
    if (record.status == SyncStatus::EmailConflict)
        parts.prepend(tr("email held by %1").arg(record.conflictClerkId));
    return parts.join(QStringLiteral("; "));
}

QString SyncStatusModel::statusText(const SyncRecord &record)
{
    QString text;
    switch (record.status) {
    case SyncStatus::InSync:
        text = tr("In sync");
        break;
    case SyncStatus::MissingInDatabase:
        text = tr("Missing in database");
        break;
    case SyncStatus::Orphaned:
        text = tr("Orphaned");
        break;
    case SyncStatus::Drifted:
        text = tr("Drifted");
        break;
    case SyncStatus::NoDefaultRole:
        text = tr("No default role");
        break;
    case SyncStatus::EmailConflict:
        text = tr("Email conflict");
        break;
    case SyncStatus::PasswordAccount:
        text = tr("Password account");
        break;
    }
    if (record.lacksDefaultRole && record.status != SyncStatus::NoDefaultRole)
        text += tr(", no default role");
    return text;
}

QVariant SyncStatusModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SyncRecord &record = recordAt(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        switch (Column(index.column())) {
        case ClerkIdColumn:
            return record.clerkId;
        case StatusColumn:
            return statusText(record);
        case EmailColumn:
            return record.email;
        case NameColumn:
            return record.name;
        case DifferencesColumn:
            return differencesText(record);
        case DatabaseRowColumn:
            return record.databaseRowId;
        case ColumnCount:
            break;
        }
        return {};
    case StatusRole:
        return syncStatusName(record.status);
    case ClerkIdRole:
        return record.clerkId;
    case DiffFieldsRole: {
        QStringList fields;
        for (const FieldDiff &diff : record.diffs)
            fields << diff.field;
        return fields;
    }
    case LacksDefaultRoleRole:
        return record.lacksDefaultRole;
    default:
        return {};
    }
}

QVariant SyncStatusModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case ClerkIdColumn:
        return tr("Clerk ID");
    case StatusColumn:
        return tr("Status");
    case EmailColumn:
        return tr("Email");
    case NameColumn:
        return tr("Name");
    case DifferencesColumn:
        return tr("Differences (database → Clerk)");
    case DatabaseRowColumn:
        return tr("Database row");
    case ColumnCount:
        break;
    }
    return {};
}

void SyncStatusModel::setRun(SyncRun *run)
{
    if (m_run)
        disconnect(m_run, nullptr, this, nullptr);
    m_run = run;
    clear();
    if (!run)
        return;
    connect(run, &SyncRun::recordsReady, this, &SyncStatusModel::addRecords);
    connect(run, &SyncRun::snapshotLoaded, this, [this] { clear(); });
}

void SyncStatusModel::clear()
{
    beginResetModel();
    m_records.clear();
    m_visible.clear();
    m_byClerkId.clear();
    m_counts.fill(0);
    endResetModel();
    Q_EMIT countsChanged();
}

bool SyncStatusModel::visible(const SyncRecord &record) const
{
    return !m_filter || record.matches(*m_filter);
}

void SyncStatusModel::addRecords(const QList<SyncRecord> &records)
{
    if (records.isEmpty())
        return;
    QList<qsizetype> shown;
    const qsizetype base = m_records.size();
    // No reserve(base + n) here: growing to the exact size each batch copied
    // every record so far each time (quadratic; 160 ms a batch at 1M people).
    for (qsizetype i = 0; i < records.size(); ++i) {
        const SyncRecord &record = records.at(i);
        m_records.append(record);
        m_byClerkId.insert(record.clerkId, base + i);
        for (const SyncStatus status : allSyncStatuses())
            if (record.matches(status))
                ++m_counts[std::size_t(status)];
        if (visible(record))
            shown.append(base + i);
    }
    if (!shown.isEmpty()) {
        const int first = int(m_visible.size());
        beginInsertRows({}, first, first + int(shown.size()) - 1);
        m_visible.append(shown);
        endInsertRows();
    }
    Q_EMIT countsChanged();
}

void SyncStatusModel::setStatusFilter(std::optional<SyncStatus> status)
{
    if (status == m_filter)
        return;
    beginResetModel();
    m_filter = status;
    m_visible.clear();
    for (qsizetype i = 0; i < m_records.size(); ++i)
        if (visible(m_records.at(i)))
            m_visible.append(i);
    endResetModel();
}

std::optional<SyncRecord> SyncStatusModel::recordFor(const QString &clerkId) const
{
    const auto it = m_byClerkId.constFind(clerkId);
    if (it == m_byClerkId.constEnd())
        return std::nullopt;
    return m_records.at(*it);
}

} // namespace rolecall
