#pragma once

#include "domain/roles.h"
#include "itemmodels/pagedtablemodel.h"

namespace rolecall {

// The audit trail, newest first, paged on demand.
//
//   setFilter(f) ─▶ refresh(): rows dropped, older answers made stale
//   view scrolls ─▶ canFetchMore()/fetchMore() ─▶ DataSource::fetchAudit(cursor)
//                                                        │ (worker thread)
//   rowsInserted ◀── page appended if still current ◀────┤
//   errorOccurred (a bad filter) ◀── if still current ◀──┘
//
// Pages are asked for with a keyset cursor (the last event's time and id);
// the paging itself is PagedTableModel's. Who was affected and who acted are
// shown by name and email beside their Clerk IDs; before/after where the
// audit table recorded them.
class AuditTableModel final : public PagedTableModel<AuditEvent>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuditTableModel)

public:
    enum Column {
        AtColumn,
        ActionColumn,
        UserColumn,
        UserClerkIdColumn,
        RoleColumn,
        ActorColumn,
        ReasonColumn,
        ChangeColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    explicit AuditTableModel(DataSource *source, QObject *parent = nullptr);
    ~AuditTableModel() override;

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    AuditQuery filter() const { return m_filter; }
    const AuditEvent &eventAt(int row) const { return rowAt(row); }

    static QString actionLabel(const QString &action);
    static QString columnTitle(Column column);
    // A column's text for `event`, as the table shows it.
    static QString displayText(const AuditEvent &event, Column column);
    // The whole-trail export: the table's columns, the instant in UTC ISO 8601.
    static QStringList csvHeaders();
    static QStringList csvFields(const AuditEvent &event);
    // "field: before → after; ..." for the fields that differ.
    static QString describeChange(const QJsonObject &before, const QJsonObject &after);

public Q_SLOTS:
    // The filters (limit and cursor are ignored); reloads from the top.
    void setFilter(const AuditQuery &filter);

private:
    void requestPage(DataSource &source, int pageSize) override;

    AuditQuery m_filter;
};

} // namespace rolecall
