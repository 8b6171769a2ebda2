#pragma once

#include "connectionsettings.h"
#include "datasource.h"

#include <QHash>
#include <QMutex>
#include <QThreadPool>

#include <functional>
#include <memory>
#include <optional>

class QSqlDatabase;

namespace rolecall {

class PgConnection;

// DataSource on PostgreSQL through Qt Sql's QPSQL driver.
//
//   caller thread                 worker pool (own QSqlDatabase per thread)
//   fetchUsers(q) ──QFuture──▶  connect/reconnect ─▶ detect schema once ─▶ SQL
//        ▲                                                        │
//        └──────────── result or DataSourceError ◀────────────────┘
//
// Queries are set-based and parameterised; one page costs one round trip.
class PgDataSource final : public DataSource
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PgDataSource)

public:
    explicit PgDataSource(ConnectionSettings settings, QObject *parent = nullptr);
    ~PgDataSource() override;

    QFuture<SchemaInfo> detectSchema() override;
    QFuture<UserPage> fetchUsers(const UserQuery &query) override;
    QFuture<qint64> countUsers(const QString &search) override;
    QFuture<AccountAccess> fetchAccount(const QString &clerkId) override;
    QString displayName() const override;

    const ConnectionSettings &settings() const { return m_settings; }

private:
    template <typename T>
    QFuture<T> run(std::function<T(QSqlDatabase &)> work);
    QSqlDatabase &connectionForThisThread();
    SchemaInfo schema(QSqlDatabase &db);

    const ConnectionSettings m_settings;
    QMutex m_schemaMutex;
    std::optional<SchemaInfo> m_schema;
    PgConnection &connectionObjectForThisThread();

    QMutex m_connectionsMutex;
    QHash<QThread *, std::shared_ptr<PgConnection>> m_connections; // one per worker thread
    QThreadPool m_pool; // declared last: destroyed first, ending the workers
};

} // namespace rolecall
