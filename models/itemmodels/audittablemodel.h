#pragma once

#include "domain/roles.h"

#include <QAbstractTableModel>
#include <QPointer>

namespace rolecall {

class DataSource;

// The audit trail, newest first, paged on demand from DataSource::fetchAudit
// with a keyset cursor (the last event's time and id). Who was affected and who
// acted are shown by name and email beside their Clerk IDs; before/after where
// the audit table recorded them. A new filter starts a new generation: answers
// to older requests are dropped.
class AuditTableModel final : public QAbstractTableModel
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

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    AuditQuery filter() const { return m_filter; }
    bool isLoading() const { return m_loading; }
    bool isComplete() const { return m_atEnd; }
    QString lastError() const { return m_lastError; }
    void setPageSize(int rows) { m_pageSize = qBound(1, rows, 5000); }
    const AuditEvent &eventAt(int row) const { return m_events.at(row); }

    static QString actionLabel(const QString &action);
    // "field: before → after; ..." for the fields that differ.
    static QString describeChange(const QJsonObject &before, const QJsonObject &after);

public Q_SLOTS:
    void setDataSource(DataSource *source); // not owned; reloads
    // The filters (limit and cursor are ignored); reloads from the top.
    void setFilter(const AuditQuery &filter);
    void refresh();
    void clear(); // shows nothing and asks nothing (a schema without roles)

Q_SIGNALS:
    void loadingChanged(bool loading);
    void errorOccurred(const QString &message);
    void pageLoaded();

private:
    void setLoading(bool loading);

    QPointer<DataSource> m_source;
    QList<AuditEvent> m_events;
    AuditQuery m_filter;
    QString m_lastError;
    quint64 m_generation = 0;
    int m_pageSize = 200;
    bool m_loading = false;
    bool m_atEnd = true; // nothing to fetch until refresh()
};

} // namespace rolecall
