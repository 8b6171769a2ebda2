// PgSyncStore: its worker session (pgsession.h) and the snapshot query.
// The actions are in pgsyncwriter.cpp.
#include "pg/pgsync.h"

#include "domain/datasourceerror.h"
#include "pg/pgschema.h"

#include <QSqlDatabase>
#include <QSqlQuery>

namespace rolecall {

PgSyncStore::PgSyncStore(ConnectionSettings settings, QObject *parent)
    : SyncStore(parent)
    , m_settings(std::move(settings))
    , m_worker(m_settings, PgSessionPurpose::Sync, 1)
{}

PgSyncStore::~PgSyncStore() = default;

QFuture<SyncDbSnapshot> PgSyncStore::loadSnapshot()
{
    return m_worker.run<SyncDbSnapshot>(
        PgWork::Read, [](QSqlDatabase &db) { return loadSyncSnapshot(db, detectPgSchema(db)); });
}

QFuture<SyncActionResult> PgSyncStore::apply(const Actor &actor,
                                             const std::optional<ClerkUser> &actorClerk,
                                             const SyncAction &action, bool dryRun)
{
    return m_worker.run<SyncActionResult>(
        PgWork::Write, [actor, actorClerk, action, dryRun](QSqlDatabase &db) {
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
