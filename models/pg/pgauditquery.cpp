// The audit trail: one stream of events derived from the grant rows, joined
// with the optional "RolecallAuditEvent" table, paged newest first by keyset.
//
// Each kind of event is its own branch, filtered, cut at the page's cursor
// and limited to one page on its own (an index walk where the advised index
// exists, a bounded top-N sort otherwise); the branches are merged and cut to
// the page, and only the page is joined to its users and has its notes parsed:
//
//   granted/scheduled ─┐
//   ended ─────────────┤  each: WHERE filters AND (at, id) < cursor
//   expired ───────────┼─ ORDER BY at DESC, id DESC LIMIT n+1 ─► merge, LIMIT n+1
//   audit table ───────┤                                          ─► ⋈ User, notes
//   trigger (outside) ─┘
#include "domain/datasourceerror.h"
#include "domain/utctime.h"
#include "pg/pgrights.h"
#include "pg/pgrolesquery.h"
#include "pg/pgschema.h"
#include "pg/pgstream.h"
#include "pg/pgusersquery.h"

#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariant>

namespace rolecall {

namespace {

constexpr int maxAuditPage = 5000;

// One kind of event: the expressions of its columns over its FROM clause. The
// ended branch's actor and reason come from the notes, parsed after the page
// is cut (parseNotes); an actor filter has to parse them in the branch.
struct Branch
{
    QString at, id, action, actorClerkId, actorEmail, targetUserId, role, grantId, reason, notes,
        before, after, source, parseNotes, from, databaseLogin = QStringLiteral("NULL::text");
    QStringList where;
};

// A derived event is dropped when the audit table has one for the same grant
// and action: the table knows more (before/after, the real actor).
QString unlessRecorded(const QString &action)
{
    return QStringLiteral(R"(NOT EXISTS (SELECT 1 FROM "RolecallAuditEvent" ar
        WHERE ar."grantId" = g."id" AND ar."action" = %1))")
        .arg(action);
}

// The derived events of "UserRole" g:
//   granted    at createdAt, when the grant had started by then
//   scheduled  at createdAt, when it starts later
//   ended      isActive false: at its end date, else updatedAt; the actor and
//              reason from the last "Ended ... by ...: ..." line of the notes
//   expired    isActive still true and the end date passed
// Each branch's instant and id are written exactly as the indexes `db
// install-indexes` advises for it (pgmaintenance.cpp), so with them a page is
// an index walk from the cursor, ties included.
QList<Branch> grantBranches(bool audit, bool actorFilter)
{
    Branch granted;
    granted.action = QStringLiteral(
        R"(CASE WHEN g."effectiveStartDate" <= g."createdAt" THEN 'granted' ELSE 'scheduled' END)");
    granted.at = QStringLiteral(R"(g."createdAt")");
    granted.id = QStringLiteral(R"((g."id" || ':' || %1))").arg(granted.action);
    granted.actorClerkId = QStringLiteral(R"(g."assignedBy")");
    granted.actorEmail = QStringLiteral(R"(g."assignedByEmail")");
    granted.reason = QStringLiteral(R"(g."reason")");
    granted.parseNotes = QStringLiteral("false");

    Branch ended;
    ended.action = QStringLiteral("'ended'");
    ended.at = QStringLiteral(R"(COALESCE(g."effectiveEndDate", g."updatedAt"))");
    ended.id = QStringLiteral(R"((g."id" || ':ended'))");
    ended.where << QStringLiteral(R"(NOT g."isActive")");
    if (actorFilter) {
        ended.from = rolesql::endedNotesJoin(QStringLiteral("g"), QStringLiteral("n"));
        ended.actorClerkId =
            QStringLiteral(R"(CASE WHEN strpos(n."endedBy", '@') = 0 THEN n."endedBy" END)");
        ended.actorEmail =
            QStringLiteral(R"(CASE WHEN strpos(n."endedBy", '@') > 0 THEN n."endedBy" END)");
    } else {
        ended.actorClerkId = QStringLiteral("NULL::text");
        ended.actorEmail = QStringLiteral("NULL::text");
    }
    ended.reason = QStringLiteral("NULL::text");
    ended.parseNotes = QStringLiteral("true");

    Branch expired;
    expired.action = QStringLiteral("'expired'");
    expired.at = QStringLiteral(R"(g."effectiveEndDate")");
    expired.id = QStringLiteral(R"((g."id" || ':expired'))");
    expired.where << QStringLiteral(
        R"(g."isActive" AND g."effectiveEndDate" <= timezone('UTC', now()))");
    expired.actorClerkId = QStringLiteral("NULL::text");
    expired.actorEmail = QStringLiteral("NULL::text");
    expired.reason = QStringLiteral("NULL::text");
    expired.parseNotes = QStringLiteral("false");

    QList<Branch> branches{granted, ended, expired};
    for (Branch &branch : branches) {
        branch.from = QStringLiteral(R"("UserRole" g)") + branch.from;
        branch.targetUserId = QStringLiteral(R"(g."userId")");
        branch.role = QStringLiteral(R"(g."role"::text)");
        branch.grantId = QStringLiteral(R"(g."id")");
        branch.notes = QStringLiteral(R"(g."adminNotes")");
        branch.before = QStringLiteral("NULL::jsonb");
        branch.after = QStringLiteral("NULL::jsonb");
        branch.source = QStringLiteral("'grants'");
        if (audit)
            branch.where << unlessRecorded(branch.action);
    }
    return branches;
}

// The columns of "RolecallAuditEvent" as one branch under `alias` (the
// console's own rows or the trigger's); the caller adds its WHERE.
Branch auditEventBranch(const QString &alias, const QString &source)
{
    const auto column = [&alias](const char *name) {
        return QStringLiteral("%1.\"%2\"").arg(alias, QLatin1String(name));
    };
    Branch events;
    events.at = column("at");
    events.id = column("id");
    events.action = column("action");
    events.actorClerkId = column("actorClerkId");
    events.actorEmail = column("actorEmail");
    events.targetUserId = column("targetUserId");
    events.role = column("role");
    events.grantId = column("grantId");
    events.reason = column("reason");
    events.notes = QStringLiteral("NULL::text");
    events.before = column("before");
    events.after = column("after");
    events.source = source;
    events.parseNotes = QStringLiteral("false");
    events.from = QStringLiteral("\"RolecallAuditEvent\" ") + alias;
    return events;
}

Branch auditTableBranch(bool trigger)
{
    Branch table = auditEventBranch(QStringLiteral("a"), QStringLiteral("'audit-table'"));
    if (trigger) {
        table.databaseLogin = QStringLiteral(R"(a."databaseLogin")");
        table.where << QStringLiteral(R"(a."recordedBy" IS NULL)");
    }
    return table;
}

// With install-rights the trigger records every change too. Those of the
// console's own transactions are already in the trail as the console's
// events; the others were made outside the console and are shown as such.
Branch triggerBranch()
{
    Branch trigger = auditEventBranch(QStringLiteral("t"), QStringLiteral("'outside-console'"));
    trigger.databaseLogin = QStringLiteral(R"(t."databaseLogin")");
    trigger.where << QStringLiteral(R"(t."recordedBy" = 'trigger')")
                  << QStringLiteral(R"(NOT EXISTS (SELECT 1 FROM "RolecallAuditEvent" c
        WHERE c."transactionId" = t."transactionId" AND c."recordedBy" IS NULL))");
    return trigger;
}

// The query's filters and cursor as conditions on one branch's expressions.
QStringList filtersOf(const Branch &branch, const AuditQuery &query, bool user, bool actor)
{
    QStringList conditions = branch.where;
    if (user)
        conditions << QLatin1Char('(') + branch.targetUserId + QStringLiteral(" = :user OR ") +
                          rolesql::userMatches(branch.targetUserId, QStringLiteral(":user")) +
                          QLatin1Char(')');
    // An actor named by email also matches events that only name their Clerk
    // ID, and the other way round, through their User row.
    if (actor)
        conditions << QStringLiteral(R"((%1 = :actor
        OR lower(%2) = lower(:actor)
        OR %1 IN (SELECT ua."clerkId" FROM "User" ua WHERE lower(ua."email") = lower(:actor))
        OR lower(%2) IN (SELECT lower(ub."email") FROM "User" ub WHERE ub."clerkId" = :actor)))")
                          .arg(branch.actorClerkId, branch.actorEmail);
    if (!query.role.isEmpty())
        conditions << branch.role + QStringLiteral(" = :role");
    if (query.since.isValid())
        conditions << branch.at + QStringLiteral(" >= CAST(:since AS timestamp(3))");
    if (query.until.isValid())
        conditions << branch.at + QStringLiteral(" < CAST(:until AS timestamp(3))");
    if (query.beforeAt.isValid()) {
        // The first condition lets an index on the instant start at the cursor;
        // the second is the exact keyset.
        conditions << branch.at + QStringLiteral(" <= CAST(:beforeAt AS timestamp(3))");
        conditions << QStringLiteral("(%1, %2) < (CAST(:beforeAt AS timestamp(3)), "
                                     "CAST(:beforeId AS text))")
                          .arg(branch.at, branch.id);
    }
    return conditions;
}

// One branch cut to a page: ordered exactly as the merged stream is (instant,
// then the event id), so its first n rows are all it can add to the page.
// Whole (a stream): every row, in no order (the merged stream is sorted once).
QString branchSql(const Branch &branch, const QStringList &conditions, bool whole)
{
    QString sql =
        QStringLiteral(R"(
    (SELECT %1 AS "id", %2 AS "at", %3 AS "action", %4 AS "actorClerkId", %5 AS "actorEmail",
            %6 AS "targetUserId", %7 AS "role", %8 AS "grantId", %9 AS "reason",)")
            .arg(branch.id, branch.at, branch.action, branch.actorClerkId, branch.actorEmail,
                 branch.targetUserId, branch.role, branch.grantId, branch.reason) +
        QStringLiteral(R"(
            %1 AS "adminNotes", %2 AS "before", %3 AS "after", %4 AS "source",
            %5 AS "parseNotes", %6 AS "databaseLogin"
     FROM %7)")
            .arg(branch.notes, branch.before, branch.after, branch.source, branch.parseNotes,
                 branch.databaseLogin, branch.from);
    if (!conditions.isEmpty())
        sql += QStringLiteral("\n     WHERE ") + conditions.join(QStringLiteral("\n       AND "));
    if (whole)
        return sql + QLatin1Char(')');
    return sql + QStringLiteral("\n     ORDER BY %1 DESC, %2 DESC LIMIT :limit)")
                     .arg(branch.at, branch.id);
}

QJsonObject jsonObject(const QVariant &value)
{
    if (value.isNull())
        return {};
    return QJsonDocument::fromJson(value.toString().toUtf8()).object();
}

} // namespace

PgStatement auditStatement(QSqlDatabase &db, const SchemaInfo &schema, const AuditQuery &query,
                           bool whole)
{
    requireRoles(schema);
    if (!whole && (query.limit < 1 || query.limit > maxAuditPage))
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
    AuditQuery filters = query;
    if (whole)
        filters.beforeAt = QDateTime();
    const bool hasCursor = filters.beforeAt.isValid();

    QList<Branch> branches = grantBranches(audit, !actor.isEmpty());
    if (audit)
        branches << auditTableBranch(trigger);
    if (trigger)
        branches << triggerBranch();
    QStringList parts;
    for (const Branch &branch : std::as_const(branches))
        parts << branchSql(branch, filtersOf(branch, filters, !user.isEmpty(), !actor.isEmpty()),
                           whole);

    // One row more than asked tells whether another page follows. Keyset on
    // (at, id) descending, never OFFSET.
    PgStatement statement;
    statement.sql = QStringLiteral("WITH page AS (\n  SELECT * FROM (") +
                    parts.join(QStringLiteral("\n    UNION ALL")) + QStringLiteral(R"() b
  ORDER BY b."at" DESC, b."id" DESC)") +
                    (whole ? QString() : QStringLiteral(" LIMIT :limit")) + QStringLiteral(R"()
SELECT p."id", (extract(epoch FROM p."at") * 1000)::bigint, p."action",
       CASE WHEN p."parseNotes"
            THEN CASE WHEN strpos(n."endedBy", '@') = 0 THEN n."endedBy" END
            ELSE p."actorClerkId" END,
       CASE WHEN p."parseNotes"
            THEN CASE WHEN strpos(n."endedBy", '@') > 0 THEN n."endedBy" END
            ELSE p."actorEmail" END,
       p."targetUserId", u."clerkId", u."email", concat_ws(' ', u."firstName", u."lastName"),
       p."role", p."grantId", CASE WHEN p."parseNotes" THEN n."endedReason" ELSE p."reason" END,
       p."adminNotes", p."before"::text, p."after"::text, p."source", p."databaseLogin"
FROM page p)") + rolesql::endedNotesJoin(QStringLiteral("p"), QStringLiteral("n")) +
                    QStringLiteral(R"(
LEFT JOIN "User" u ON u."id" = p."targetUserId"
ORDER BY p."at" DESC, p."id" DESC)");

    QVariantMap &values = statement.values;
    values.insert(QStringLiteral("endedPattern"), rolesql::endedNotesPattern());
    if (!user.isEmpty())
        values.insert(QStringLiteral("user"), user);
    if (!actor.isEmpty())
        values.insert(QStringLiteral("actor"), actor);
    if (!query.role.isEmpty())
        values.insert(QStringLiteral("role"), query.role);
    if (query.since.isValid())
        values.insert(QStringLiteral("since"), utcLiteral(query.since));
    if (query.until.isValid())
        values.insert(QStringLiteral("until"), utcLiteral(query.until));
    if (hasCursor) {
        values.insert(QStringLiteral("beforeAt"), utcLiteral(query.beforeAt));
        values.insert(QStringLiteral("beforeId"), query.beforeId);
    }
    if (!whole)
        values.insert(QStringLiteral("limit"), query.limit + 1);
    return statement;
}

AuditEvent auditEventFromRow(const QSqlQuery &q)
{
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
    return event;
}

AuditPage fetchAuditPage(QSqlDatabase &db, const SchemaInfo &schema, const AuditQuery &query)
{
    const PgStatement statement = auditStatement(db, schema, query, false);
    const QString user = query.user.trimmed();
    const bool hasCursor = query.beforeAt.isValid();
    QSqlQuery q(db);
    execStatement(q, statement, QStringLiteral("read the audit trail"));

    AuditPage page;
    while (q.next()) {
        if (page.events.size() == query.limit)
            break; // the look-ahead row
        page.events << auditEventFromRow(q);
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
