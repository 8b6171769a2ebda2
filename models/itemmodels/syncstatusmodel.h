#pragma once

#include "sync/syncstatus.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QPointer>

#include <array>
#include <optional>

namespace rolecall {

class SyncRun;

// Sync status, one row per person, growing while a SyncRun streams its
// verdicts in. A status filter shows only one kind; counts() are per status
// over everyone (a drifted user without the default role counts in both).
class SyncStatusModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncStatusModel)

public:
    enum Column {
        ClerkIdColumn,
        StatusColumn,
        EmailColumn,
        NameColumn,
        DifferencesColumn,
        DatabaseRowColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    // Beyond Qt's roles (and clear of modelroles.h's).
    enum Role {
        StatusRole = Qt::UserRole + 100, // QString: "missing", "drifted", ...
        ClerkIdRole,                     // QString
        DiffFieldsRole,                  // QStringList: the drifted columns
        LacksDefaultRoleRole,            // bool
    };

    explicit SyncStatusModel(QObject *parent = nullptr);
    ~SyncStatusModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Follows `run`: cleared when it starts, filled as it streams.
    void setRun(SyncRun *run);
    void clear();
    void addRecords(const QList<SyncRecord> &records);

    void setStatusFilter(std::optional<SyncStatus> status);
    std::optional<SyncStatus> statusFilter() const { return m_filter; }

    qint64 count(SyncStatus status) const { return m_counts.at(std::size_t(status)); }
    qint64 totalPeople() const { return m_records.size(); }
    const SyncRecord &recordAt(int row) const { return m_records.at(m_visible.at(row)); }
    // The verdict for one person (the user detail panel), if seen yet.
    std::optional<SyncRecord> recordFor(const QString &clerkId) const;
    // Everyone seen so far, whatever the filter, in arrival order.
    const QList<SyncRecord> &records() const { return m_records; }

    // "email: a@x → b@x; lastName: …", Clerk's value first.
    static QString differencesText(const SyncRecord &record);
    static QString statusText(const SyncRecord &record); // for people

Q_SIGNALS:
    void countsChanged();

private:
    bool visible(const SyncRecord &record) const;

    QList<SyncRecord> m_records;
    QList<qsizetype> m_visible; // indexes into m_records, in arrival order
    QHash<QString, qsizetype> m_byClerkId;
    std::array<qint64, syncStatusCount> m_counts{};
    std::optional<SyncStatus> m_filter;
    QPointer<SyncRun> m_run;
};

} // namespace rolecall
