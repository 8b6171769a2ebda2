#pragma once

#include "domain/grantlist.h"
#include "itemmodels/pagedtablemodel.h"

namespace rolecall {

// Every grant of every user, paged on demand, or the "expiring soon" list.
//
//   view scrolls ─▶ canFetchMore()/fetchMore() ─▶ DataSource::fetchGrantPage(cursor)
//                                                        │ (worker thread)
//   rowsInserted ◀── page appended if still current ◀────┘
//
// Pages are asked for with a keyset cursor (the last row's createdAt and id);
// the paging itself is PagedTableModel's. Changing a filter, the view or the
// data source reloads: answers to older requests are dropped. The expiring
// view is one list from DataSource::fetchExpiring(days), soonest first.
class GrantsTableModel final : public PagedTableModel<GrantView>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GrantsTableModel)

public:
    enum Column {
        UserColumn,
        EmailColumn,
        RoleColumn,
        StateColumn,
        StartColumn,
        EndColumn,
        AssignedByColumn,
        ReasonColumn,
        EndedColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    explicit GrantsTableModel(DataSource *source, QObject *parent = nullptr);
    ~GrantsTableModel() override;

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    GrantListQuery filter() const { return m_filter; }
    bool isExpiringView() const { return m_expiringView; }
    int expiringViewDays() const { return m_expiringViewDays; }
    const GrantView &grantAt(int row) const { return rowAt(row); }

    static QString stateLabel(GrantState state);
    static QString columnTitle(Column column);
    // A column's text for `view`, as the table shows it.
    static QString displayText(const GrantView &view, Column column);
    // The whole-list export: the table's columns, instants in UTC ISO 8601.
    static QStringList csvHeaders();
    static QStringList csvFields(const GrantView &view);

public Q_SLOTS:
    // The list's filters (limit and cursor are ignored); reloads from the top.
    void setFilter(const GrantListQuery &filter);
    // Active grants ending within `days`, soonest first, instead of the list.
    void showExpiring(int days);
    void showList(); // back to the paged list with its filters

private:
    void requestPage(DataSource &source, int pageSize) override;

    GrantListQuery m_filter;
    int m_expiringViewDays = 30;
    bool m_expiringView = false;
};

} // namespace rolecall
