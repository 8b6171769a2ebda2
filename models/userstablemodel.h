#pragma once

#include "domain.h"

#include <QAbstractTableModel>
#include <QPointer>

namespace rolecall {

class DataSource;

// The users list, paged on demand from a DataSource.
//
//   view scrolls ─▶ canFetchMore()/fetchMore() ─▶ DataSource::fetchUsers(cursor)
//                                                        │ (worker thread)
//   rowsInserted ◀── page appended if still current ◀────┘
//
// Pages are asked for with a keyset cursor (the last row's createdAt and id),
// so the cost of a page does not grow with its position. Changing the search,
// the role filters or the as-of instant starts a new generation: answers to
// older requests are dropped.
class UsersTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UsersTableModel)

public:
    enum Column { NameColumn, EmailColumn, ClerkIdColumn, RolesColumn, CreatedColumn, ColumnCount };
    Q_ENUM(Column)

    explicit UsersTableModel(DataSource *source, QObject *parent = nullptr);
    ~UsersTableModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    QString search() const { return m_search; }
    QString roleFilter() const { return m_role; }
    bool noRoleFilter() const { return m_noRole; }
    QDateTime asOf() const { return m_asOf; } // invalid: now
    bool isLoading() const { return m_loading; }
    bool isComplete() const { return m_atEnd; }
    qint64 totalCount() const { return m_totalCount; } // -1 until counted
    QString lastError() const { return m_lastError; }
    int pageSize() const { return m_pageSize; }
    void setPageSize(int rows);
    const User &userAt(int row) const { return m_users.at(row); }

public Q_SLOTS:
    // Server-side search on name, email and Clerk ID; reloads from the top.
    void setSearch(const QString &text);
    // Only users holding `role` at asOf() (empty: any); reloads from the top.
    void setRoleFilter(const QString &role);
    // Only users holding no role at asOf(); reloads from the top.
    void setNoRoleFilter(bool noRole);
    // The instant roles are shown and filtered at (invalid: now); reloads.
    void setAsOf(const QDateTime &instant);
    // Drops what is loaded and loads the first page again.
    void refresh();

Q_SIGNALS:
    void loadingChanged(bool loading);
    void totalCountChanged(qint64 count);
    void errorOccurred(const QString &message);
    // A page arrived (also the first one after a refresh or a new search).
    void pageLoaded();

private:
    void setLoading(bool loading);
    UserQuery currentQuery() const; // the filters, without limit or cursor
    void fail(const QString &message);

    QPointer<DataSource> m_source;
    QList<User> m_users;
    QString m_search;
    QString m_role;
    QDateTime m_asOf;
    bool m_noRole = false;
    QString m_lastError;
    qint64 m_totalCount = -1;
    quint64 m_generation = 0;
    int m_pageSize = 200;
    bool m_loading = false;
    bool m_atEnd = false;
};

} // namespace rolecall
