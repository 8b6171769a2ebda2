#include "server/idempotencystore.h"

#include "domain/datasourceerror.h"
#include "server/awaitfuture.h"

#include <QSqlError>
#include <QSqlQuery>

namespace rolecall::server {

namespace {

void execOrThrow(QSqlQuery &query, const QString &what)
{
    if (!query.exec())
        throw DataSourceError(DataSourceError::Kind::Query,
                              QStringLiteral("Cannot %1: %2")
                                  .arg(what, query.lastError().databaseText().simplified()));
}

} // namespace

IdempotencyStore::IdempotencyStore(PgSessionPool &pool)
    : m_pool(pool)
{}

void IdempotencyStore::ensureTable()
{
    awaitFuture(m_pool.run<void>(PgWork::Write, [](QSqlDatabase &db) {
        // DDL cannot be a prepared statement; it has no parameters anyway.
        QSqlQuery create(db);
        const QString sql(QStringLiteral(R"(
                           CREATE TABLE IF NOT EXISTS "RolecallIdempotency" (
                               "subject" TEXT NOT NULL,
                               "key" TEXT NOT NULL,
                               "requestHash" TEXT NOT NULL,
                               "status" INTEGER,
                               "contentType" TEXT,
                               "etag" TEXT,
                               "body" BYTEA,
                               "createdAt" TIMESTAMP(3) NOT NULL DEFAULT now(),
                               PRIMARY KEY ("subject", "key")))"));
        if (!create.exec(sql))
            throw DataSourceError(DataSourceError::Kind::Query,
                                  QStringLiteral("Cannot create the idempotency table: %1")
                                      .arg(create.lastError().databaseText().simplified()));
        QSqlQuery sweep(db);
        sweep.prepare(QStringLiteral(R"(DELETE FROM "RolecallIdempotency"
                           WHERE "createdAt" < now() - interval '24 hours')"));
        execOrThrow(sweep, QStringLiteral("forget old idempotency keys"));
    }));
}

IdempotencyStore::ClaimResult IdempotencyStore::claim(const QString &subject, const QString &key,
                                                      const QByteArray &requestHash)
{
    return awaitFuture(m_pool.run<ClaimResult>(PgWork::Write, [&](QSqlDatabase &db) {
        QSqlQuery expire(db);
        expire.prepare(QStringLiteral(R"(DELETE FROM "RolecallIdempotency"
                                  WHERE "subject" = :s AND "key" = :k
                                    AND "createdAt" < now() - interval '24 hours')"));
        expire.bindValue(QStringLiteral(":s"), subject);
        expire.bindValue(QStringLiteral(":k"), key);
        execOrThrow(expire, QStringLiteral("expire an idempotency key"));

        QSqlQuery reserve(db);
        reserve.prepare(QStringLiteral(R"(INSERT INTO "RolecallIdempotency"
                                  ("subject", "key", "requestHash") VALUES (:s, :k, :h)
                                  ON CONFLICT DO NOTHING RETURNING 1)"));
        reserve.bindValue(QStringLiteral(":s"), subject);
        reserve.bindValue(QStringLiteral(":k"), key);
        reserve.bindValue(QStringLiteral(":h"), QString::fromLatin1(requestHash.toHex()));
        execOrThrow(reserve, QStringLiteral("reserve an idempotency key"));
        if (reserve.next())
            return ClaimResult{Claim::Fresh, {}};

        QSqlQuery stored(db);
        stored.prepare(QStringLiteral(R"(SELECT "requestHash", "status",
                                  "contentType", "etag", "body" FROM "RolecallIdempotency"
                                  WHERE "subject" = :s AND "key" = :k)"));
        stored.bindValue(QStringLiteral(":s"), subject);
        stored.bindValue(QStringLiteral(":k"), key);
        execOrThrow(stored, QStringLiteral("read an idempotency key"));
        if (!stored.next()) // released between the two statements
            return ClaimResult{Claim::InProgress, {}};
        if (stored.value(0).toString() != QString::fromLatin1(requestHash.toHex()))
            return ClaimResult{Claim::Mismatch, {}};
        if (stored.value(1).isNull())
            return ClaimResult{Claim::InProgress, {}};
        return ClaimResult{Claim::Replay,
                           StoredAnswer{stored.value(1).toInt(), stored.value(2).toByteArray(),
                                        stored.value(3).toByteArray(),
                                        stored.value(4).toByteArray()}};
    }));
}

void IdempotencyStore::complete(const QString &subject, const QString &key,
                                const StoredAnswer &answer)
{
    awaitFuture(m_pool.run<void>(PgWork::Write, [&](QSqlDatabase &db) {
        QSqlQuery update(db);
        update.prepare(QStringLiteral(R"(UPDATE "RolecallIdempotency"
                           SET "status" = :st, "contentType" = :ct, "etag" = :e, "body" = :b
                           WHERE "subject" = :s AND "key" = :k)"));
        update.bindValue(QStringLiteral(":st"), answer.status);
        update.bindValue(QStringLiteral(":ct"), QString::fromLatin1(answer.contentType));
        update.bindValue(QStringLiteral(":e"), QString::fromLatin1(answer.etag));
        update.bindValue(QStringLiteral(":b"), answer.body);
        update.bindValue(QStringLiteral(":s"), subject);
        update.bindValue(QStringLiteral(":k"), key);
        execOrThrow(update, QStringLiteral("store an idempotent answer"));
    }));
}

void IdempotencyStore::release(const QString &subject, const QString &key)
{
    awaitFuture(m_pool.run<void>(PgWork::Write, [&](QSqlDatabase &db) {
        QSqlQuery forget(db);
        forget.prepare(QStringLiteral(R"(DELETE FROM "RolecallIdempotency"
                           WHERE "subject" = :s AND "key" = :k AND "status" IS NULL)"));
        forget.bindValue(QStringLiteral(":s"), subject);
        forget.bindValue(QStringLiteral(":k"), key);
        execOrThrow(forget, QStringLiteral("release an idempotency key"));
    }));
}

} // namespace rolecall::server
