// Helpers shared by the grant writers (pgrolewriter.cpp, pgbulkgrant.cpp).
#include "pg/pgrolewriter_p.h"

#include "domain/cuid.h"
#include "domain/datasourceerror.h"
#include "domain/utctime.h"
#include "pg/pgschema.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace rolecall::writer {

// ---------------------------------------------------------------- transaction

Transaction::Transaction(QSqlDatabase &db, const QString &timeout)
    : m_db(db)
{
    if (!m_db.transaction())
        throw DataSourceError(DataSourceError::Kind::Connection,
                              QStringLiteral("Could not start a transaction: %1")
                                  .arg(m_db.lastError().text().simplified()));
    // The session's 60 s also covers reads; a write holds row locks, so it
    // gets its own bound (SET LOCAL ends with the transaction).
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT set_config('statement_timeout', :t, true)"));
    q.bindValue(QStringLiteral(":t"), timeout);
    execOrThrow(q, QStringLiteral("set the statement timeout"));
}

Transaction::~Transaction()
{
    if (!m_done)
        m_db.rollback(); // nothing of a failed write stays
}

void Transaction::commit()
{
    if (!m_db.commit()) {
        const QString reason = m_db.lastError().text().simplified();
        m_db.rollback();
        m_done = true;
        // The COMMIT was sent: had the connection gone, it may have been
        // carried out with the answer lost. Say so rather than guess.
        if (!QSqlQuery(m_db).exec(QStringLiteral("SELECT 1")))
            throw DataSourceError(
                DataSourceError::Kind::Connection,
                QStringLiteral("The connection was lost while the change was being committed; "
                               "it may or may not have been made. Reload to see, then try "
                               "again if it is not there: %1")
                    .arg(reason));
        throw DataSourceError(
            DataSourceError::Kind::Query,
            QStringLiteral("Could not commit; nothing was written: %1").arg(reason));
    }
    m_done = true;
}

// ---------------------------------------------------------------- helpers

void requireRoleSchema(const SchemaInfo &schema)
{
    if (schema.kind == SchemaKind::SehatScan)
        throw DataSourceError(DataSourceError::Kind::Schema,
                              QStringLiteral("This database's schema (SehatScan) has no roles."));
    if (schema.kind != SchemaKind::AkakoLms)
        throw DataSourceError(DataSourceError::Kind::Schema,
                              QStringLiteral("Not a recognised schema: %1").arg(schema.problem));
}

[[noreturn]] void invalid(const QString &message)
{
    throw DataSourceError(DataSourceError::Kind::Validation, message);
}

QVariant textOrNull(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

void checkInstant(const QDateTime &instant, const QString &what)
{
    if (!instant.isValid())
        return;
    const int year = instant.toUTC().date().year();
    if (year < 1900 || year > 9999)
        invalid(QStringLiteral("The %1 (%2) is not a usable date: years 1900 to 9999 only.")
                    .arg(what, instant.toUTC().toString(Qt::ISODate)));
}

void checkReasonAndNotes(const QString &reason, const QString &notes, bool reasonRequired)
{
    if (const QString problem = grantTextProblem(reason, notes, reasonRequired); !problem.isEmpty())
        invalid(problem);
}

void requireKnownRole(QSqlDatabase &db, const SchemaInfo &schema, const QString &role)
{
    if (schema.roles.contains(role))
        return;
    // The schema was read when the source connected; a value added since
    // (ALTER TYPE ... ADD VALUE) is known to the database, so ask it again.
    QSqlQuery q(db);
    q.prepare(QStringLiteral(
        "SELECT e.enumlabel FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid "
        "JOIN pg_namespace n ON n.oid = t.typnamespace "
        "WHERE t.typname = 'Role' AND n.nspname = current_schema() ORDER BY e.enumsortorder"));
    execOrThrow(q, QStringLiteral("read the Role enum"));
    QStringList roles;
    while (q.next())
        roles << q.value(0).toString();
    if (!roles.contains(role))
        invalid(QStringLiteral("Unknown role \"%1\"; the roles are %2.")
                    .arg(role, roles.join(QStringLiteral(", "))));
}

QDateTime transactionNow(QSqlDatabase &db)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT round(extract(epoch FROM date_trunc('milliseconds', "
                             "timezone('UTC', now()))) * 1000)::bigint"));
    execOrThrow(q, QStringLiteral("read the server's time"));
    q.next();
    return utcFromMillis(q.value(0));
}

namespace {

// The first instant from now on with no ADMIN (rolecall_first_admin_gap in
// resources/sql/rights-install.sql says the same in SQL), null when none.
QDateTime firstAdminGap(QSqlDatabase &db, const QStringList &grantIds, const QDateTime &newEnd)
{
    QJsonArray ids;
    for (const QString &id : grantIds)
        ids.append(id);
    QSqlQuery q(db);
    q.prepare(QStringLiteral(R"(WITH clock AS (SELECT timezone('UTC', now())::timestamp(3) AS t),
    spans AS (
        SELECT r."effectiveStartDate" AS s,
               CASE WHEN r."id" IN (SELECT value FROM json_array_elements_text(CAST(:ids AS json)))
                    THEN CAST(:newEnd AS timestamp(3))
                    ELSE COALESCE(r."effectiveEndDate", 'infinity'::timestamp) END AS e
        FROM "UserRole" r WHERE r."role" = 'ADMIN' AND r."isActive"),
    live AS (SELECT sp.s, sp.e FROM spans sp, clock c WHERE sp.e > c.t AND sp.e > sp.s),
    points AS (SELECT c.t AS p FROM clock c
               UNION SELECT l.e FROM live l WHERE l.e <> 'infinity'::timestamp)
    SELECT round(extract(epoch FROM min(pt.p)) * 1000)::bigint FROM points pt
    WHERE NOT EXISTS (SELECT 1 FROM live l WHERE l.s <= pt.p AND l.e > pt.p))"));
    q.bindValue(QStringLiteral(":ids"),
                QString::fromUtf8(QJsonDocument(ids).toJson(QJsonDocument::Compact)));
    q.bindValue(QStringLiteral(":newEnd"), utcLiteralOrNull(newEnd));
    execOrThrow(q, QStringLiteral("count the admins over time"));
    return q.next() ? utcFromMillis(q.value(0)) : QDateTime();
}

} // namespace

void requireAdminCoverage(QSqlDatabase &db, const QStringList &grantIds, const QDateTime &newEnd)
{
    const QDateTime before = firstAdminGap(db, {}, QDateTime());
    const QDateTime after = firstAdminGap(db, grantIds, newEnd);
    if (after.isValid() && (!before.isValid() || after < before))
        invalid(QStringLiteral("This is the last active ADMIN grant (from %1 on nobody would hold "
                               "ADMIN); grant ADMIN to someone else before ending it.")
                    .arg(isoUtc(after)));
}

ActorRow requireAdmin(QSqlDatabase &db, const Actor &actor, bool exclusiveAdminLock)
{
    // Every write takes this lock shared; a write that may end an ADMIN grant
    // takes it exclusively. So "is the actor an admin" and "how many admins
    // remain" are answered after any admin-ending write has committed, and two
    // admins ending each other at once cannot leave none.
    QSqlQuery lock(db);
    lock.prepare(
        exclusiveAdminLock
            ? QStringLiteral("SELECT pg_advisory_xact_lock(hashtext('rolecall-admins')), "
                             "set_config('rolecall.actor', :actor, true)")
            : QStringLiteral("SELECT pg_advisory_xact_lock_shared(hashtext('rolecall-admins')), "
                             "set_config('rolecall.actor', :actor, true)"));
    // The application's actor, for the audit trigger (install-rights).
    lock.bindValue(QStringLiteral(":actor"), actor.clerkId);
    execOrThrow(lock, QStringLiteral("wait for other role changes"));

    const auto refuse = [&actor]() {
        throw DataSourceError(DataSourceError::Kind::NotPermitted, notAnAdminRefusal(actor));
    };
    if (actor.clerkId.trimmed().isEmpty())
        refuse();
    QSqlQuery q(db);
    q.prepare(QStringLiteral(R"(SELECT u."id", u."email" FROM "User" u
        WHERE u."clerkId" = :clerkId AND EXISTS (
            SELECT 1 FROM "UserRole" r WHERE r."userId" = u."id" AND r."role" = 'ADMIN'
              AND )") +
              activeNowCondition(QStringLiteral("r")) + QStringLiteral(")"));
    q.bindValue(QStringLiteral(":clerkId"), actor.clerkId);
    execOrThrow(q, QStringLiteral("check the signed-in admin"));
    if (!q.next())
        refuse();
    ActorRow row;
    row.userId = q.value(0).toString();
    row.clerkId = actor.clerkId;
    row.email = actor.email.isEmpty() ? q.value(1).toString() : actor.email;
    return row;
}

QString activeNowCondition(const QString &alias)
{
    const QString a = alias + QLatin1Char('.');
    return QStringLiteral("(") + a + QStringLiteral(R"("isActive" AND )") + a +
           QStringLiteral(R"("effectiveStartDate" <= timezone('UTC', now()) AND ()") + a +
           QStringLiteral(R"("effectiveEndDate" IS NULL OR )") + a +
           QStringLiteral(R"("effectiveEndDate" > timezone('UTC', now()))))");
}

QString overlapCondition(const QString &alias, const QString &start, const QString &end)
{
    // Still flagged active and its [start, end) meets the new one's; an
    // open end is infinity.
    const QString a = alias + QLatin1Char('.');
    return QStringLiteral("(") + a + QStringLiteral(R"("isActive" AND )") + a +
           QStringLiteral(R"("effectiveStartDate" < COALESCE()") + end +
           QStringLiteral(R"(, 'infinity'::timestamp) AND COALESCE()") + a +
           QStringLiteral(R"("effectiveEndDate", 'infinity'::timestamp) > )") + start +
           QStringLiteral(")");
}

QString grantColumns(const QString &alias)
{
    const QString a = alias + QLatin1Char('.');
    const auto millis = [&a](const char *column) -> QString {
        return QStringLiteral("round(extract(epoch FROM ") + a + QLatin1Char('"') +
               QLatin1String(column) + QStringLiteral("\") * 1000)::bigint");
    };
    return a + QStringLiteral(R"("id", )") + a + QStringLiteral(R"("userId", )") + a +
           QStringLiteral(R"("role"::text, )") + millis("effectiveStartDate") +
           QStringLiteral(", ") + millis("effectiveEndDate") + QStringLiteral(", ") + a +
           QStringLiteral(R"("assignedBy", )") + a + QStringLiteral(R"("assignedByEmail", )") + a +
           QStringLiteral(R"("reason", )") + a + QStringLiteral(R"("adminNotes", )") + a +
           QStringLiteral(R"("isActive", )") + millis("createdAt") + QStringLiteral(", ") +
           millis("updatedAt");
}

RoleGrant readGrant(const QSqlQuery &q, int first)
{
    RoleGrant g;
    g.id = q.value(first).toString();
    g.userId = q.value(first + 1).toString();
    g.role = q.value(first + 2).toString();
    g.effectiveStart = utcFromMillis(q.value(first + 3));
    g.effectiveEnd = utcFromMillis(q.value(first + 4));
    g.assignedBy = q.value(first + 5).toString();
    g.assignedByEmail = q.value(first + 6).toString();
    g.reason = q.value(first + 7).toString();
    g.adminNotes = q.value(first + 8).toString();
    g.isActiveFlag = q.value(first + 9).toBool();
    g.createdAt = utcFromMillis(q.value(first + 10));
    g.updatedAt = utcFromMillis(q.value(first + 11));
    return g;
}

namespace {

// One event: `subject` is the SELECT list from "targetUserId" to "after" over
// the row `from` names, bound to :subjectId.
void insertAuditEvent(QSqlDatabase &db, const ActorRow &actor, const QString &action,
                      const QString &subject, const QString &from, const QString &subjectId,
                      const QString &reason, const QString &beforeJson, const QDateTime &now)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral(R"(INSERT INTO "RolecallAuditEvent"
        ("id", "at", "actorClerkId", "actorEmail", "action", "targetUserId", "role", "grantId",
         "reason", "before", "after")
        SELECT :id, CAST(:at AS timestamp(3)), :actorClerkId, :actorEmail, :action, )") +
              subject + QStringLiteral(" FROM ") + from);
    q.bindValue(QStringLiteral(":id"), makeCuid());
    q.bindValue(QStringLiteral(":at"), utcLiteral(now));
    q.bindValue(QStringLiteral(":actorClerkId"), actor.clerkId);
    q.bindValue(QStringLiteral(":actorEmail"), textOrNull(actor.email));
    q.bindValue(QStringLiteral(":action"), action);
    q.bindValue(QStringLiteral(":reason"), reason);
    q.bindValue(QStringLiteral(":before"), textOrNull(beforeJson));
    q.bindValue(QStringLiteral(":subjectId"), subjectId);
    execOrThrow(q, QStringLiteral("record the audit event"));
}

} // namespace

void recordAudit(QSqlDatabase &db, const ActorRow &actor, const QString &action,
                 const QString &grantId, const QString &reason, const QString &beforeJson,
                 const QDateTime &now)
{
    insertAuditEvent(db, actor, action,
                     QStringLiteral(R"(r."userId", r."role"::text, r."id", :reason,
                         CAST(:before AS jsonb), to_jsonb(r))"),
                     QStringLiteral(R"("UserRole" r WHERE r."id" = :subjectId)"), grantId, reason,
                     beforeJson, now);
}

void recordUserAudit(QSqlDatabase &db, const ActorRow &actor, const QString &action,
                     const QString &userId, const QString &reason, const QString &beforeJson,
                     const QDateTime &now)
{
    // Never the password column, before or after.
    insertAuditEvent(db, actor, action, QStringLiteral(R"(u."id", NULL, NULL, :reason,
                         CAST(:before AS jsonb) - 'password', to_jsonb(u) - 'password')"),
                     QStringLiteral(R"("User" u WHERE u."id" = :subjectId)"), userId, reason,
                     beforeJson, now);
}

namespace {

// Each key's User id by one rule set (see resolveUsers); keys that match
// nothing come back with an empty id.
QHash<QString, QString> matchKeys(QSqlDatabase &db, const QStringList &keys, bool ignoringCase)
{
    QJsonArray array;
    for (const QString &key : keys)
        array.append(key);
    // Hash or index joins, one per column, never one join on OR: a file of
    // 100,000 names must not become a nested loop. lower("email") has no
    // index, so the case-insensitive pass (a scan of every User) runs only
    // for names the exact pass left over.
    const QString candidates =
        ignoringCase
            ? QStringLiteral(R"(SELECT k.key, u."id", 1 AS rank
                FROM keys k JOIN "User" u ON lower(u."email") = lower(k.key))")
            : QStringLiteral(
                  R"(SELECT k.key, u."id", 1 AS rank FROM keys k JOIN "User" u ON u."clerkId" = k.key
    UNION ALL
    SELECT k.key, u."id", 2 FROM keys k JOIN "User" u ON u."id" = k.key
    UNION ALL
    SELECT k.key, u."id", 3 FROM keys k JOIN "User" u ON u."email" = k.key)");
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(R"(
WITH keys AS (SELECT DISTINCT k.value AS key FROM json_array_elements_text(CAST(:keys AS json)) AS k(value)),
candidates AS ()") +
              candidates + QStringLiteral(R"()
SELECT DISTINCT ON (c.key) c.key, c."id" FROM candidates c ORDER BY c.key, c.rank, c."id")"));
    q.bindValue(QStringLiteral(":keys"),
                QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact)));
    execOrThrow(q, QStringLiteral("look up the users"));
    QHash<QString, QString> found;
    while (q.next())
        found.insert(q.value(0).toString(), q.value(1).toString());
    return found;
}

} // namespace

QList<ResolvedKey> resolveUsers(QSqlDatabase &db, const QStringList &keys)
{
    // Clerk ID first, then row id, then email exactly, then email ignoring case.
    QHash<QString, QString> found = matchKeys(db, keys, false);
    QStringList leftOver;
    for (const QString &key : keys)
        if (!found.contains(key) && key.contains(QLatin1Char('@')))
            leftOver << key;
    if (!leftOver.isEmpty())
        found.insert(matchKeys(db, leftOver, true));
    QList<ResolvedKey> resolved;
    resolved.reserve(keys.size());
    for (const QString &key : keys)
        resolved.append({key, found.value(key)});
    return resolved;
}

} // namespace rolecall::writer
