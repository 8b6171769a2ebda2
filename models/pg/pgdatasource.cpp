#include "pg/pgdatasource.h"

#include "domain/datasourceerror.h"
#include "pg/pgcsv.h"
#include "pg/pggrantsquery.h"
#include "pg/pgrolesquery.h"
#include "pg/pgrolewriter.h"
#include "pg/pgschema.h"
#include "pg/pgstream.h"
#include "pg/pgusersquery.h"

#include <QSqlDatabase>
#include <QSqlQuery>

namespace rolecall {

PgDataSource::PgDataSource(ConnectionSettings settings, QObject *parent)
    : PgDataSource(std::move(settings), PgPoolTuning{}, parent)
{}

PgDataSource::PgDataSource(ConnectionSettings settings, const PgPoolTuning &tuning, QObject *parent)
    : DataSource(parent)
    , m_settings(std::move(settings))
    , m_countPool(m_settings, PgSessionPurpose::Interactive, 2, tuning.statementTimeout)
    , m_streamPool(m_settings, PgSessionPurpose::Interactive, 1, tuning.statementTimeout)
    , m_pool(m_settings, PgSessionPurpose::Interactive, qMax(1, tuning.workers),
             tuning.statementTimeout)
{}

PgDataSource::~PgDataSource() = default;

QString PgDataSource::displayName() const
{
    return m_settings.displayName();
}

template <typename T>
QFuture<T> PgDataSource::run(std::function<T(QSqlDatabase &)> work, PgWork kind,
                             PgSessionPool *pool)
{
    return (pool ? pool : &m_pool)->run<T>(kind, std::move(work));
}

SchemaInfo PgDataSource::schema(QSqlDatabase &db)
{
    QMutexLocker lock(&m_schemaMutex);
    if (!m_schema)
        m_schema = detectPgSchema(db);
    return *m_schema;
}

QFuture<SchemaInfo> PgDataSource::detectSchema()
{
    return run<SchemaInfo>([this](QSqlDatabase &db) {
        {
            QMutexLocker lock(&m_schemaMutex);
            m_schema.reset(); // asked explicitly: look again
        }
        return schema(db);
    });
}

QFuture<UserPage> PgDataSource::fetchUsers(const UserQuery &query)
{
    return run<UserPage>([this, query](QSqlDatabase &db) {
        const SchemaInfo info = schema(db);
        return fetchUserPage(db, info, query);
    });
}

QFuture<qint64> PgDataSource::countUsers(const UserQuery &query)
{
    return run<qint64>(
        [this, query](QSqlDatabase &db) {
            const SchemaInfo info = schema(db);
            return countMatchingUsers(db, info, query);
        },
        PgWork::Read, &m_countPool);
}

QFuture<AccountAccess> PgDataSource::fetchAccount(const QString &clerkId)
{
    return run<AccountAccess>([this, clerkId](QSqlDatabase &db) {
        const SchemaInfo info = schema(db);
        return fetchAccountAccess(db, info, clerkId);
    });
}

QFuture<QList<GrantView>> PgDataSource::fetchGrants(const QString &user, const QDateTime &asOf)
{
    return run<QList<GrantView>>([this, user, asOf](QSqlDatabase &db) {
        return fetchGrantViews(db, schema(db), user, asOf);
    });
}

QFuture<QList<GrantView>> PgDataSource::fetchExpiring(int days)
{
    return run<QList<GrantView>>(
        [this, days](QSqlDatabase &db) { return fetchExpiringGrants(db, schema(db), days); });
}

QFuture<AuditPage> PgDataSource::fetchAudit(const AuditQuery &query)
{
    return run<AuditPage>(
        [this, query](QSqlDatabase &db) { return fetchAuditPage(db, schema(db), query); });
}

QFuture<RoleGrant> PgDataSource::grantRole(const Actor &actor, const GrantRequest &request)
{
    return run<RoleGrant>(
        [this, actor, request](QSqlDatabase &db) {
            return writeGrant(db, schema(db), actor, request);
        },
        PgWork::Write);
}

QFuture<RoleGrant> PgDataSource::endGrant(const Actor &actor, const EndRequest &request)
{
    return run<RoleGrant>(
        [this, actor, request](QSqlDatabase &db) {
            return writeEndGrant(db, schema(db), actor, request);
        },
        PgWork::Write);
}

QFuture<BulkPlan> PgDataSource::planBulkGrant(const Actor &actor, const BulkGrantRequest &request)
{
    return run<BulkPlan>([this, actor, request](QSqlDatabase &db) {
        return planBulk(db, schema(db), actor, request);
    });
}

QFuture<QList<RoleGrant>> PgDataSource::applyBulkGrant(const Actor &actor,
                                                       const BulkGrantRequest &request)
{
    return run<QList<RoleGrant>>(
        [this, actor, request](QSqlDatabase &db) {
            return writeBulkGrant(db, schema(db), actor, request);
        },
        PgWork::Write);
}

QFuture<QList<IndexAdvice>> PgDataSource::adviseIndexes()
{
    return run<QList<IndexAdvice>>(
        [this](QSqlDatabase &db) { return rolecall::adviseIndexes(db, schema(db)); });
}

QFuture<void> PgDataSource::installIndex(const QString &sql, const std::optional<Actor> &actor)
{
    return run<void>([sql, actor](QSqlDatabase &db) { runIndexStatement(db, sql, actor); },
                     PgWork::Write);
}

QFuture<bool> PgDataSource::installAuditTable(const std::optional<Actor> &actor)
{
    return run<bool>(
        [this, actor](QSqlDatabase &db) { return installAuditTableAs(db, schema(db), actor); },
        PgWork::Write);
}

QFuture<bool> PgDataSource::auditTableInstalled()
{
    return run<bool>([](QSqlDatabase &db) { return auditTableExists(db); });
}

QFuture<RightsStatus> PgDataSource::rightsStatus()
{
    return run<RightsStatus>([this](QSqlDatabase &db) { return readRightsStatus(db, schema(db)); });
}

QFuture<QString> PgDataSource::rightsSql(bool install)
{
    return run<QString>([install](QSqlDatabase &db) -> QString {
        const QString schemaName = tablesSchema(db);
        if (!install)
            return rightsUninstallSql(schemaName);
        return (auditTableExists(db) ? QString() : auditTableSql() + QLatin1Char('\n')) +
               rightsInstallSql(schemaName);
    });
}

QFuture<void> PgDataSource::installRights()
{
    return run<void>([this](QSqlDatabase &db) { rolecall::installRights(db, schema(db)); },
                     PgWork::Write);
}

QFuture<void> PgDataSource::uninstallRights()
{
    return run<void>([this](QSqlDatabase &db) { rolecall::uninstallRights(db, schema(db)); },
                     PgWork::Write);
}

QFuture<GrantPage> PgDataSource::fetchGrantPage(const GrantListQuery &query)
{
    return run<GrantPage>(
        [this, query](QSqlDatabase &db) { return fetchGrantListPage(db, schema(db), query); });
}

// Whole-table aggregates: on the count worker, so pages never queue behind them.
QFuture<OverviewFigures> PgDataSource::fetchOverview()
{
    return run<OverviewFigures>(
        [this](QSqlDatabase &db) { return fetchOverviewFigures(db, schema(db)); }, PgWork::Read,
        &m_countPool);
}

QFuture<OverviewFigures> PgDataSource::fetchOverviewPart(OverviewPart part)
{
    return run<OverviewFigures>(
        [this, part](QSqlDatabase &db) {
            return rolecall::fetchOverviewPart(db, schema(db), part);
        },
        PgWork::Read, &m_countPool);
}

// Streams run as writes do: never retried, since rows already went out.
QFuture<qint64> PgDataSource::streamUsers(const UserQuery &query, RowBatchSink<User> sink)
{
    return run<qint64>(
        [this, query, sink = std::move(sink)](QSqlDatabase &db) {
            const PgStatement statement = userListStatement(db, schema(db), query);
            return streamRows<User>(db, statement, QStringLiteral("export users"),
                                    userWithRolesFromRow, sink);
        },
        PgWork::Write, &m_streamPool);
}

// The records written by PostgreSQL (pg/pgcsv.h): one text per row read,
// appended to the batch as its UTF-8 bytes.
QFuture<qint64> PgDataSource::streamUsersCsv(const UserQuery &query, const UserCsvLayout &layout,
                                             CsvRecordsSink sink)
{
    return run<qint64>(
        [this, query, layout, sink = std::move(sink)](QSqlDatabase &db) {
            const PgStatement statement = userCsvStatement(db, schema(db), query, layout);
            QByteArray records;
            qint64 rows = 0;
            return streamStatement(
                db, statement, QStringLiteral("export users"),
                [&](const QSqlQuery &q) {
                    records += q.value(0).toString().toUtf8();
                    ++rows;
                },
                [&] {
                    const bool more = rows == 0 || sink(records, rows);
                    records.clear();
                    rows = 0;
                    return more;
                });
        },
        PgWork::Write, &m_streamPool);
}

QFuture<qint64> PgDataSource::streamGrants(const GrantListQuery &query,
                                           RowBatchSink<GrantView> sink)
{
    return run<qint64>(
        [this, query, sink = std::move(sink)](QSqlDatabase &db) {
            const PgStatement statement = grantListStatement(db, schema(db), query, true);
            return streamRows<GrantView>(db, statement, QStringLiteral("export grants"),
                                         rolesql::grantViewFrom, sink);
        },
        PgWork::Write, &m_streamPool);
}

QFuture<qint64> PgDataSource::streamAudit(const AuditQuery &query, RowBatchSink<AuditEvent> sink)
{
    return run<qint64>(
        [this, query, sink = std::move(sink)](QSqlDatabase &db) {
            const PgStatement statement = auditStatement(db, schema(db), query, true);
            return streamRows<AuditEvent>(db, statement, QStringLiteral("export the audit trail"),
                                          auditEventFromRow, sink);
        },
        PgWork::Write, &m_streamPool);
}

} // namespace rolecall
