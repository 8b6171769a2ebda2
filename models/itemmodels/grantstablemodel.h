#pragma once

#include "domain/grantlist.h"

#include <QAbstractTableModel>
#include <QPointer>

namespace rolecall {

class DataSource;

// Every grant of every user, paged on demand, or the "expiring soon" list.
//
//   view scrolls ─▶ canFetchMore()/fetchMore() ─▶ DataSource::fetchGrantPage(cursor)
//                                                        │ (worker thread)
//   rowsInserted ◀── page appended if still current ◀────┘
//
// Pages are asked for with a keyset cursor (the last row's createdAt and id).
// Changing a filter, the view or the data source starts a new generation:
// answers to older requests are dropped. The expiring view is one list from
// DataSource::fetchExpiring(days), soonest first.
class GrantsTableModel final : public QAbstractTableModel
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

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    GrantListQuery filter() const { return m_filter; }
    bool isExpiringView() const { return m_expiringView; }
    int expiringViewDays() const { return m_expiringViewDays; }
    bool isLoading() const { return m_loading; }
    bool isComplete() const { return m_atEnd; }
    QString lastError() const { return m_lastError; }
    void setPageSize(int rows) { m_pageSize = qBound(1, rows, 5000); }
    const GrantView &grantAt(int row) const { return m_grants.at(row); }

    static QString stateLabel(GrantState state);

public Q_SLOTS:
    void setDataSource(DataSource *source); // not owned; reloads
    // The list's filters (limit and cursor are ignored); reloads from the top.
    void setFilter(const GrantListQuery &filter);
    // Active grants ending within `days`, soonest first, instead of the list.
    void showExpiring(int days);
    void showList(); // back to the paged list with its filters
    void refresh();  // drops what is loaded and loads the first page again
    void clear();    // shows nothing and asks nothing (a schema without roles)

Q_SIGNALS:
    void loadingChanged(bool loading);
    void errorOccurred(const QString &message);
    void pageLoaded();

private:
    void setLoading(bool loading);
    void append(const QList<GrantView> &grants, bool atEnd);

    QPointer<DataSource> m_source;
    QList<GrantView> m_grants;
    GrantListQuery m_filter;
    QString m_lastError;
    quint64 m_generation = 0;
    int m_pageSize = 200;
    int m_expiringViewDays = 30;
    bool m_expiringView = false;
    bool m_loading = false;
    bool m_atEnd = true; // nothing to fetch until refresh()
};

} // namespace rolecall
