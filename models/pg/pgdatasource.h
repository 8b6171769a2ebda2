#pragma once

#include "domain/connectionsettings.h"
#include "pg/pgmaintenance.h"
#include "pg/pgrights.h"
#include "pg/pgsession.h"
#include "services/datasource.h"

#include <QMutex>

#include <functional>
#include <optional>

class QSqlDatabase;

namespace rolecall {

// How many sessions a PgDataSource keeps and how long a statement may run:
// the console's defaults, or rolecall-server's --threads/--statement-timeout.
struct PgPoolTuning
{
    int workers = 2; // pages and writes; counts have one worker of their own
    std::optional<std::chrono::seconds> statementTimeout; // nullopt: Interactive's
};

// DataSource on PostgreSQL through Qt Sql's QPSQL driver, on interactive
// sessions (pgsession.h): two workers for pages and writes, one for counts.
//
//   caller thread                 worker pool (own PgSession per thread)
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
    PgDataSource(ConnectionSettings settings, const PgPoolTuning &tuning,
                 QObject *parent = nullptr);
    ~PgDataSource() override;

    QFuture<SchemaInfo> detectSchema() override;
    QFuture<UserPage> fetchUsers(const UserQuery &query) override;
    using DataSource::countUsers; // the search-only overload
    QFuture<qint64> countUsers(const UserQuery &query) override;
    QFuture<AccountAccess> fetchAccount(const QString &clerkId) override;
    QFuture<QList<GrantView>> fetchGrants(const QString &user, const QDateTime &asOf) override;
    QFuture<QList<GrantView>> fetchExpiring(int days) override;
    QFuture<AuditPage> fetchAudit(const AuditQuery &query) override;
    QFuture<RoleGrant> grantRole(const Actor &actor, const GrantRequest &request) override;
    QFuture<RoleGrant> endGrant(const Actor &actor, const EndRequest &request) override;
    QFuture<BulkPlan> planBulkGrant(const Actor &actor, const BulkGrantRequest &request) override;
    QFuture<QList<RoleGrant>> applyBulkGrant(const Actor &actor,
                                             const BulkGrantRequest &request) override;
    QString displayName() const override;
    QFuture<GrantPage> fetchGrantPage(const GrantListQuery &query) override;
    QFuture<OverviewFigures> fetchOverview() override;
    bool answersOverviewInParts() const override { return true; }
    QFuture<OverviewFigures> fetchOverviewPart(OverviewPart part) override;
    QFuture<qint64> streamUsers(const UserQuery &query, RowBatchSink<User> sink) override;
    bool formatsUsersCsv() const override { return true; }
    QFuture<qint64> streamUsersCsv(const UserQuery &query, const UserCsvLayout &layout,
                                   CsvRecordsSink sink) override;
    QFuture<qint64> streamGrants(const GrantListQuery &query,
                                 RowBatchSink<GrantView> sink) override;
    QFuture<qint64> streamAudit(const AuditQuery &query, RowBatchSink<AuditEvent> sink) override;

    const ConnectionSettings &settings() const { return m_settings; }

    // Schema maintenance (pgmaintenance.h), outside the DataSource interface:
    // installIndex() runs one IndexAdvice::sql; installAuditTable() yields
    // false when the table was there already. Both need an active ADMIN, or
    // (nullopt) a login that owns the tables, checked with the DDL.
    QFuture<QList<IndexAdvice>> adviseIndexes();
    QFuture<void> installIndex(const QString &sql, const std::optional<Actor> &actor);
    QFuture<bool> installAuditTable(const std::optional<Actor> &actor);
    QFuture<bool> auditTableInstalled();
    // Database-enforced rights (pgrights.h): what is installed, the exact SQL
    // install/uninstall would run (the audit table's first when it is
    // missing), and running it as the tables' owner.
    QFuture<RightsStatus> rightsStatus();
    QFuture<QString> rightsSql(bool install);
    QFuture<void> installRights();
    QFuture<void> uninstallRights();

private:
    // Reads are retried once on a fresh connection when the server went away;
    // writes never are (the caller decides, with the input kept). See PgWork.
    template <typename T>
    QFuture<T> run(std::function<T(QSqlDatabase &)> work, PgWork kind = PgWork::Read,
                   PgSessionPool *pool = nullptr);
    SchemaInfo schema(QSqlDatabase &db);

    const ConnectionSettings m_settings;
    QMutex m_schemaMutex;
    std::optional<SchemaInfo> m_schema;
    // Declared last: destroyed first, ending the workers. Counts (whole-table
    // scans) get their own two workers so pages and writes never queue behind
    // them, and the overview's slow part runs beside its others.
    // Exports hold a session for as long as they write: a worker of their own.
    PgSessionPool m_countPool;
    PgSessionPool m_streamPool;
    PgSessionPool m_pool;
};

} // namespace rolecall
