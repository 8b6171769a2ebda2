// PgSyncStore: the worker and its connection, and the snapshot query.
// The actions are in pgsyncwriter.cpp.
#include "pg/pgsync.h"

#include "domain/datasourceerror.h"
#include "pg/pgschema.h"

#include <QAtomicInteger>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QtConcurrent/QtConcurrentRun>

namespace rolecall {

namespace {

QString nextConnectionName()
{
    static QAtomicInteger<int> counter;
    return QStringLiteral("rolecall-sync-%1").arg(counter.fetchAndAddRelaxed(1) + 1);
}

} // namespace

PgSyncStore::PgSyncStore(ConnectionSettings settings, QObject *parent)
    : SyncStore(parent)
    , m_settings(std::move(settings))
    , m_connectionName(nextConnectionName())
{
    m_pool.setMaxThreadCount(1);
    m_pool.setExpiryTimeout(-1);
}

PgSyncStore::~PgSyncStore()
{
    // The connection belongs to the worker thread: close it there, last.
    (void)QtConcurrent::run(&m_pool, [this] {
        m_db.close();
        m_db = QSqlDatabase(); // drop our handle, or Qt reports it still in use
        QSqlDatabase::removeDatabase(m_connectionName);
    });
    m_pool.waitForDone();
}

QSqlDatabase &PgSyncStore::connection()
{
    // Only ever called on the one worker thread, which owns m_db.
    QSqlDatabase &db = m_db;
    if (!db.isValid())
        db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_connectionName);
    if (!db.isValid())
        throw DataSourceError(DataSourceError::Kind::Connection,
                              QStringLiteral("The PostgreSQL driver (QPSQL) is not installed. "
                                             "On Debian/Ubuntu install libqt6sql6-psql."));
    if (db.isOpen()) {
        QSqlQuery ping(db);
        if (ping.exec(QStringLiteral("SELECT 1")))
            return db;
        db.close(); // the server went away: connect again
    }
    db.setHostName(m_settings.host);
    db.setPort(m_settings.port);
    db.setUserName(m_settings.user);
    db.setDatabaseName(m_settings.database);
    db.setConnectOptions(m_settings.connectOptions());
    if (!db.open()) {
        const QString reason = db.lastError().databaseText().trimmed().isEmpty()
                                   ? db.lastError().text()
                                   : db.lastError().databaseText();
        throw DataSourceError(DataSourceError::Kind::Connection,
                              QStringLiteral("Cannot connect to %1: %2")
                                  .arg(m_settings.displayName(), reason.simplified()));
    }
    QSqlQuery setup(db);
    QString sql = QStringLiteral("SET TIME ZONE 'UTC'; SET statement_timeout = '120s'");
    if (!m_settings.schema.isEmpty())
        sql += QStringLiteral("; SET search_path TO ") + quoteIdentifier(m_settings.schema);
    if (!setup.exec(sql))
        throw DataSourceError(DataSourceError::Kind::Connection,
                              QStringLiteral("Cannot set up the session on %1: %2")
                                  .arg(m_settings.displayName(), setup.lastError().text()));
    return db;
}

QFuture<SyncDbSnapshot> PgSyncStore::loadSnapshot()
{
    return QtConcurrent::run(&m_pool, [this] {
        QSqlDatabase &db = connection();
        return loadSyncSnapshot(db, detectPgSchema(db));
    });
}

QFuture<SyncActionResult> PgSyncStore::apply(const Actor &actor,
                                             const std::optional<ClerkUser> &actorClerk,
                                             const SyncAction &action, bool dryRun)
{
    return QtConcurrent::run(&m_pool, [this, actor, actorClerk, action, dryRun] {
        QSqlDatabase &db = connection();
        return applySyncAction(db, detectPgSchema(db), actor, actorClerk, action, dryRun);
    });
}

SyncDbSnapshot loadSyncSnapshot(QSqlDatabase &db, const SchemaInfo &schema)
{
    if (schema.kind == SchemaKind::Unknown)
        throw DataSourceError(DataSourceError::Kind::Schema,
                              QStringLiteral("Not a recognised schema: %1").arg(schema.problem));
    SyncDbSnapshot snapshot;
    snapshot.kind = schema.kind;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    // One pass over each table; the LEARNER facts are a hash aggregate joined
    // by hash, so no index on UserRole."userId" is needed.
    const QString sql =
        schema.kind == SchemaKind::SehatScan
            ? QStringLiteral(R"(SELECT u."id", u."id", u."email", NULL, NULL, u."name",
                   COALESCE(u."password", '') <> '', false, false FROM "User" u)")
            : QStringLiteral(R"(SELECT u."id", u."clerkId", u."email", u."firstName", u."lastName",
                   NULL, false, r."userId" IS NOT NULL, COALESCE(r.active, false)
            FROM "User" u LEFT JOIN (
                SELECT g."userId", bool_or(g."isActive"
                    AND g."effectiveStartDate" <= timezone('UTC', now())
                    AND (g."effectiveEndDate" IS NULL
                         OR g."effectiveEndDate" > timezone('UTC', now()))) AS active
                FROM "UserRole" g WHERE g."role" = 'LEARNER' GROUP BY g."userId") r
            ON r."userId" = u."id")");
    if (!q.prepare(sql))
        execOrThrow(q, QStringLiteral("prepare the sync snapshot"));
    execOrThrow(q, QStringLiteral("read the users for sync status"));
    if (q.size() > 0)
        snapshot.users.reserve(q.size());
    while (q.next()) {
        SyncDbUser row;
        row.rowId = q.value(0).toString();
        row.clerkId = q.value(1).toString();
        row.email = q.value(2).toString();
        row.firstName = q.value(3).toString();
        row.lastName = q.value(4).toString();
        row.nameIsNull = q.isNull(5);
        row.name = q.value(5).toString();
        row.hasPassword = q.value(6).toBool();
        row.everHadLearner = q.value(7).toBool();
        row.activeLearner = q.value(8).toBool();
        snapshot.users.append(std::move(row));
    }
    return snapshot;
}

} // namespace rolecall
