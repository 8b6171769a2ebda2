// The audit trail: one stream of events derived from the grant rows, joined
// with the optional "RolecallAuditEvent" table, paged newest first by keyset.
#include "domain/datasourceerror.h"
#include "domain/utctime.h"
#include "pg/pgrights.h"
#include "pg/pgrolesquery.h"
#include "pg/pgschema.h"
#include "pg/pgusersquery.h"

#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariant>

namespace rolecall {

namespace {

constexpr int maxAuditPage = 5000;

// A derived event is dropped when the audit table has one for the same grant
// and action: the table knows more (before/after, the real actor).
QString unlessRecorded(bool audit, const QString &action)
{
    if (!audit)
        return {};
    return QStringLiteral(R"( AND NOT EXISTS (SELECT 1 FROM "RolecallAuditEvent" ar
        WHERE ar."grantId" = g."id" AND ar."action" = %1))")
        .arg(action);
}

// With install-rights the trigger records every change too. Those of the
// console's own transactions are already in the trail as the console's
// events; the others were made outside the console and are shown as such.
QString triggerEventsSql()
{
    return QStringLiteral(R"( WHERE a."recordedBy" IS NULL
    UNION ALL
    SELECT t."id", t."at", t."action", t."actorClerkId", t."actorEmail", t."targetUserId",
           t."role", t."grantId", t."reason", NULL::text, t."before", t."after", 'outside-console'
    FROM "RolecallAuditEvent" t
    WHERE t."recordedBy" = 'trigger' AND NOT EXISTS (SELECT 1 FROM "RolecallAuditEvent" c
        WHERE c."transactionId" = t."transactionId" AND c."recordedBy" IS NULL))");
}

// Every event, as rows of (id, at, action, actorClerkId, actorEmail,
// targetUserId, role, grantId, reason, notes, before, after, source):
//   granted    at createdAt, when the grant had started by then
//   scheduled  at createdAt, when it starts later
//   ended      isActive false: at its end date, else updatedAt; the actor and
//              reason from the last "Ended ... by ...: ..." line of the notes
//   expired    isActive still true and the end date passed
QString eventsSql(bool audit, bool trigger = false)
{
    const QString action = QStringLiteral(
        R"(CASE WHEN g."effectiveStartDate" <= g."createdAt" THEN 'granted' ELSE 'scheduled' END)");
    QString sql = QStringLiteral(R"(
    SELECT g."id" || ':' || %1 AS "id", g."createdAt" AS "at", %1 AS "action",
           g."assignedBy" AS "actorClerkId", g."assignedByEmail" AS "actorEmail",
           g."userId" AS "targetUserId", g."role"::text AS "role", g."id" AS "grantId",
           g."reason" AS "reason", g."adminNotes" AS "notes",
           NULL::jsonb AS "before", NULL::jsonb AS "after", 'grants' AS "source"
    FROM "UserRole" g WHERE true)")
                      .arg(action) +
                  unlessRecorded(audit, action);
    sql += QStringLiteral(R"(
    UNION ALL
    SELECT g."id" || ':ended', COALESCE(g."effectiveEndDate", g."updatedAt"), 'ended',
           CASE WHEN strpos(n."endedBy", '@') = 0 THEN n."endedBy" END,
           CASE WHEN strpos(n."endedBy", '@') > 0 THEN n."endedBy" END,
           g."userId", g."role"::text, g."id", n."endedReason", g."adminNotes",
           NULL::jsonb, NULL::jsonb, 'grants'
    FROM "UserRole" g)") +
           rolesql::endedNotesJoin(QStringLiteral("g"), QStringLiteral("n")) +
           QStringLiteral(R"(WHERE NOT g."isActive")") +
           unlessRecorded(audit, QStringLiteral("'ended'"));
    sql += QStringLiteral(R"(
    UNION ALL
    SELECT g."id" || ':expired', g."effectiveEndDate", 'expired', NULL::text, NULL::text,
           g."userId", g."role"::text, g."id", NULL::text, g."adminNotes",
           NULL::jsonb, NULL::jsonb, 'grants'
    FROM "UserRole" g
    WHERE g."isActive" AND g."effectiveEndDate" <= timezone('UTC', now()))") +
           unlessRecorded(audit, QStringLiteral("'expired'"));
    if (audit)
        sql += QStringLiteral(R"(
    UNION ALL
    SELECT a."id", a."at", a."action", a."actorClerkId", a."actorEmail", a."targetUserId",
           a."role", a."grantId", a."reason", NULL::text, a."before", a."after", 'audit-table'
    FROM "RolecallAuditEvent" a)");
    if (trigger)
        sql += triggerEventsSql();
    return sql;
}

QJsonObject jsonObject(const QVariant &value)
{
    if (value.isNull())
        return {};
    return QJsonDocument::fromJson(value.toString().toUtf8()).object();
}

} // namespace

AuditPage fetchAuditPage(QSqlDatabase &db, const SchemaInfo &schema, const AuditQuery &query)
{
    requireRoles(schema);
    if (query.limit < 1 || query.limit > maxAuditPage)
        throw DataSourceError(DataSourceError::Kind::Validation,
                              QStringLiteral("A page holds 1 to %1 events, not %2.")
                                  .arg(maxAuditPage)
                                  .arg(query.limit));
    if (query.since.isValid() && query.until.isValid() && query.until <= query.since)
        throw DataSourceError(DataSourceError::Kind::Validation,
                              QStringLiteral("The time range ends before it starts."));
    const QString user = query.user.trimmed();
    const QString actor = query.actor.trimmed();
    if (!query.role.isEmpty())
        requireKnownRole(db, schema, query.role);
    const bool audit = auditTableExists(db);
    const bool trigger = audit && auditHasTriggerColumns(db);

    QStringList conditions;
    if (!user.isEmpty())
        conditions << QStringLiteral(R"((e."targetUserId" = :user OR )") +
                          rolesql::userMatches(QStringLiteral(R"(e."targetUserId")"),
                                               QStringLiteral(":user")) +
                          QLatin1Char(')');
    // An actor named by email also matches events that only name their Clerk
    // ID, and the other way round, through their User row.
    if (!actor.isEmpty())
        conditions << QStringLiteral(R"((e."actorClerkId" = :actor
        OR lower(e."actorEmail") = lower(:actor)
        OR e."actorClerkId" IN (SELECT ua."clerkId" FROM "User" ua WHERE lower(ua."email") = lower(:actor))
        OR lower(e."actorEmail") IN (SELECT lower(ub."email") FROM "User" ub WHERE ub."clerkId" = :actor)))");
    if (!query.role.isEmpty())
        conditions << QStringLiteral(R"(e."role" = :role)");
    if (query.since.isValid())
        conditions << QStringLiteral(R"(e."at" >= CAST(:since AS timestamp(3)))");
    if (query.until.isValid())
        conditions << QStringLiteral(R"(e."at" < CAST(:until AS timestamp(3)))");
    const bool hasCursor = query.beforeAt.isValid();
    if (hasCursor)
        conditions << QStringLiteral(
            R"((e."at", e."id") < (CAST(:beforeAt AS timestamp(3)), CAST(:beforeId AS text)))");

    // One row more than asked tells whether another page follows. Keyset on
    // (at, id) descending, never OFFSET.
    QString sql =
        QStringLiteral("WITH events AS (") + eventsSql(audit, trigger) + QStringLiteral(R"()
SELECT e."id", (extract(epoch FROM e."at") * 1000)::bigint, e."action", e."actorClerkId",
       e."actorEmail", e."targetUserId", u."clerkId", u."email",
       concat_ws(' ', u."firstName", u."lastName"), e."role", e."grantId", e."reason", e."notes",
       e."before"::text, e."after"::text, e."source")") +
        (trigger ? QStringLiteral(R"(, (SELECT d."databaseLogin" FROM "RolecallAuditEvent" d
                                 WHERE d."id" = e."id"))")
                 : QStringLiteral(", NULL::text")) +
        QStringLiteral(R"(
FROM events e
LEFT JOIN "User" u ON u."id" = e."targetUserId")");
    if (!conditions.isEmpty())
        sql += QStringLiteral("\nWHERE ") + conditions.join(QStringLiteral("\n  AND "));
    sql += QStringLiteral(R"(
ORDER BY e."at" DESC, e."id" DESC
LIMIT :limit)");

    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.prepare(sql))
        execOrThrow(q, QStringLiteral("prepare the audit query"));
    q.bindValue(QStringLiteral(":endedPattern"), rolesql::endedNotesPattern());
    if (!user.isEmpty())
        q.bindValue(QStringLiteral(":user"), user);
    if (!actor.isEmpty())
        q.bindValue(QStringLiteral(":actor"), actor);
    if (!query.role.isEmpty())
        q.bindValue(QStringLiteral(":role"), query.role);
    if (query.since.isValid())
        q.bindValue(QStringLiteral(":since"), utcLiteral(query.since));
    if (query.until.isValid())
        q.bindValue(QStringLiteral(":until"), utcLiteral(query.until));
    if (hasCursor) {
        q.bindValue(QStringLiteral(":beforeAt"), utcLiteral(query.beforeAt));
        q.bindValue(QStringLiteral(":beforeId"), query.beforeId);
    }
    q.bindValue(QStringLiteral(":limit"), query.limit + 1);
    execOrThrow(q, QStringLiteral("read the audit trail"));

    AuditPage page;
    while (q.next()) {
        if (page.events.size() == query.limit)
            break; // the look-ahead row
        AuditEvent event;
        event.id = q.value(0).toString();
        event.at = utcFromMillis(q.value(1));
        event.action = q.value(2).toString();
        event.actorClerkId = q.value(3).toString();
        event.actorEmail = q.value(4).toString();
        event.targetUserId = q.value(5).toString();
        event.targetClerkId = q.value(6).toString();
        event.targetEmail = q.value(7).toString();
        event.targetName = q.value(8).toString();
        event.role = q.value(9).toString();
        event.grantId = q.value(10).toString();
        event.reason = q.value(11).toString().trimmed();
        event.notes = q.value(12).toString();
        event.before = jsonObject(q.value(13));
        event.after = jsonObject(q.value(14));
        event.source = q.value(15).toString();
        event.databaseLogin = q.value(16).toString();
        page.events << event;
    }
    page.atEnd = page.events.size() < query.limit || !q.isValid();

    // An empty answer for a user nobody is: say so rather than show nothing.
    if (page.events.isEmpty() && !user.isEmpty() && !hasCursor) {
        QSqlQuery known(db);
        known.setForwardOnly(true);
        if (!known.prepare(QStringLiteral(R"(SELECT 1 FROM "User" um WHERE um."id" = :user
            OR um."clerkId" = :user OR lower(um."email") = lower(:user) LIMIT 1)")))
            execOrThrow(known, QStringLiteral("prepare the user look-up"));
        known.bindValue(QStringLiteral(":user"), user);
        execOrThrow(known, QStringLiteral("look up the user"));
        if (!known.next())
            throw DataSourceError(DataSourceError::Kind::Validation,
                                  QStringLiteral("No user matches %1").arg(user));
    }
    return page;
}

} // namespace rolecall
