#include "pg/pgdatasource.h"

#include "domain/datasourceerror.h"
#include "pg/pggrantsquery.h"
#include "pg/pgrolesquery.h"
#include "pg/pgrolewriter.h"
#include "pg/pgschema.h"
#include "pg/pgusersquery.h"

#include <QAtomicInteger>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QtConcurrent/QtConcurrentRun>

Q_LOGGING_CATEGORY(lcDb, "rolecall.db", QtInfoMsg)

namespace rolecall {

// One QSqlDatabase connection owned by one worker thread; removed from Qt's
// connection registry when that thread ends.
class PgConnection
{
public:
    explicit PgConnection(const ConnectionSettings &settings)
        : m_name(QStringLiteral("rolecall-pg-%1").arg(nextId()))
        , m_settings(settings)
    {}
    ~PgConnection()
    {
        m_db.close();
        m_db = QSqlDatabase(); // drop our handle, or Qt reports it still in use
        QSqlDatabase::removeDatabase(m_name);
    }
    Q_DISABLE_COPY_MOVE(PgConnection)

    QSqlDatabase &open()
    {
        if (!m_db.isValid())
            m_db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_name);
        if (!m_db.isValid())
            throw DataSourceError(DataSourceError::Kind::Connection,
                                  QStringLiteral("The PostgreSQL driver (QPSQL) is not installed. "
                                                 "On Debian/Ubuntu install libqt6sql6-psql."));
        if (m_db.isOpen())
            return m_db;
        m_db.setHostName(m_settings.host);
        m_db.setPort(m_settings.port);
        m_db.setUserName(m_settings.user);
        m_db.setDatabaseName(m_settings.database);
        m_db.setConnectOptions(m_settings.connectOptions());
        if (!m_db.open()) {
            const QString reason = m_db.lastError().databaseText().trimmed().isEmpty()
                                       ? m_db.lastError().text()
                                       : m_db.lastError().databaseText().simplified();
            throw DataSourceError(DataSourceError::Kind::Connection,
                                  QStringLiteral("Cannot connect to %1: %2")
                                      .arg(m_settings.displayName(), reason.simplified()));
        }
        // The seed schemas keep UTC in TIMESTAMP(3) WITHOUT TIME ZONE; a UTC
        // session makes now() and CURRENT_TIMESTAMP agree with what is stored.
        QSqlQuery setup(m_db);
        QString sql = QStringLiteral("SET TIME ZONE 'UTC'; SET statement_timeout = '60s'");
        if (!m_settings.schema.isEmpty())
            sql += QStringLiteral("; SET search_path TO ") + quoteIdentifier(m_settings.schema);
        if (!setup.exec(sql))
            throw DataSourceError(DataSourceError::Kind::Connection,
                                  QStringLiteral("Cannot set up the session on %1: %2")
                                      .arg(m_settings.displayName(), setup.lastError().text()));
        // The console runs short interactive statements: compiling one with
        // JIT costs tens of milliseconds and saves less. (No jit before
        // PostgreSQL 11: then this fails harmlessly.)
        QSqlQuery(m_db).exec(QStringLiteral("SET jit = off"));
        qCDebug(lcDb) << "connected" << m_name << m_settings.displayName();
        return m_db;
    }

    // After a failed statement: is the server still there? If not, drop the
    // connection so the next open() reconnects.
    bool dropIfBroken()
    {
        QSqlQuery ping(m_db);
        if (m_db.isOpen() && ping.exec(QStringLiteral("SELECT 1")))
            return false;
        qCInfo(lcDb) << "connection" << m_name << "lost; reconnecting";
        m_db.close();
        return true;
    }

private:
    static int nextId()
    {
        static QAtomicInteger<int> counter;
        return counter.fetchAndAddRelaxed(1) + 1;
    }

    const QString m_name;
    const ConnectionSettings m_settings;
    QSqlDatabase m_db;
};

PgDataSource::PgDataSource(ConnectionSettings settings, QObject *parent)
    : DataSource(parent)
    , m_settings(std::move(settings))
{
    // A worker keeps its connection for its life.
    m_pool.setMaxThreadCount(2);
    m_pool.setExpiryTimeout(-1);
    m_countPool.setMaxThreadCount(1);
    m_countPool.setExpiryTimeout(-1);
}

PgDataSource::~PgDataSource()
{
    // Workers end here; their connections, idle now, close after them.
    m_pool.waitForDone();
    m_countPool.waitForDone();
    m_connections.clear();
}

QString PgDataSource::displayName() const
{
    return m_settings.displayName();
}

PgConnection &PgDataSource::connectionObjectForThisThread()
{
    QMutexLocker lock(&m_connectionsMutex);
    auto &connection = m_connections[QThread::currentThread()];
    if (!connection)
        connection = std::make_shared<PgConnection>(m_settings);
    return *connection;
}

QSqlDatabase &PgDataSource::connectionForThisThread()
{
    return connectionObjectForThisThread().open();
}

template <typename T>
QFuture<T> PgDataSource::run(std::function<T(QSqlDatabase &)> work, bool retryOnLostConnection,
                             QThreadPool *pool)
{
    return QtConcurrent::run(
        pool ? pool : &m_pool, [this, work = std::move(work), retryOnLostConnection]() -> T {
            QSqlDatabase &db = connectionForThisThread();
            try {
                return work(db);
            } catch (const DataSourceError &e) {
                // A read that failed because the server went away is retried once
                // on a fresh connection; anything else is the caller's to see.
                const bool broken = (e.kind() == DataSourceError::Kind::Query ||
                                     e.kind() == DataSourceError::Kind::Connection) &&
                                    connectionObjectForThisThread().dropIfBroken();
                if (!broken)
                    throw;
                if (!retryOnLostConnection)
                    throw DataSourceError(
                        DataSourceError::Kind::Connection,
                        QStringLiteral("The connection to %1 was lost; nothing was "
                                       "written. Try again.")
                            .arg(m_settings.displayName()));
            }
            return work(connectionForThisThread());
        });
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
        true, &m_countPool);
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
        false);
}

QFuture<RoleGrant> PgDataSource::endGrant(const Actor &actor, const EndRequest &request)
{
    return run<RoleGrant>(
        [this, actor, request](QSqlDatabase &db) {
            return writeEndGrant(db, schema(db), actor, request);
        },
        false);
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
        false);
}

QFuture<QList<IndexAdvice>> PgDataSource::adviseIndexes()
{
    return run<QList<IndexAdvice>>(
        [this](QSqlDatabase &db) { return rolecall::adviseIndexes(db, schema(db)); });
}

QFuture<void> PgDataSource::installIndex(const QString &sql)
{
    return run<void>([sql](QSqlDatabase &db) { runIndexStatement(db, sql); }, false);
}

QFuture<bool> PgDataSource::installAuditTable(const Actor &actor)
{
    return run<bool>(
        [this, actor](QSqlDatabase &db) { return installAuditTableAs(db, schema(db), actor); },
        false);
}

QFuture<bool> PgDataSource::auditTableInstalled()
{
    return run<bool>([](QSqlDatabase &db) { return auditTableExists(db); });
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
        [this](QSqlDatabase &db) { return fetchOverviewFigures(db, schema(db)); }, true,
        &m_countPool);
}

} // namespace rolecall
