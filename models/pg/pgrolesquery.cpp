#include "pg/pgrolesquery.h"

#include "domain/datasourceerror.h"
#include "domain/utctime.h"
#include "pg/pgschema.h"
#include "pg/pgusersquery.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariant>

namespace rolecall {

namespace rolesql {

QString endedNotesPattern()
{
    // The writer appends "Ended <ISO-8601 UTC> by <actor email or clerk id>: <reason>";
    // an actor holds no blank, so the first ": " after it ends it.
    return QStringLiteral(R"(^Ended (\S+) by (\S+): ([^\n]*)$)");
}

QString endedNotesJoin(const QString &grant, const QString &alias)
{
    // Per row this runs a function over the row's own notes, not a scan.
    return QStringLiteral(R"( LEFT JOIN LATERAL (
        SELECT x.m[2] AS "endedBy", x.m[3] AS "endedReason"
        FROM regexp_matches(%1."adminNotes", :endedPattern, 'gn') WITH ORDINALITY AS x(m, n)
        ORDER BY x.n DESC LIMIT 1) %2 ON true )")
        .arg(grant, alias);
}

QString userMatches(const QString &column, const QString &param)
{
    return QStringLiteral(R"(%1 IN (SELECT um."id" FROM "User" um
        WHERE um."id" = %2 OR um."clerkId" = %2 OR lower(um."email") = lower(%2)))")
        .arg(column, param);
}

QString grantViewColumns()
{
    return QStringLiteral(R"(g."id", g."userId", g."role"::text,
    (extract(epoch FROM g."effectiveStartDate") * 1000)::bigint,
    (extract(epoch FROM g."effectiveEndDate") * 1000)::bigint,
    g."assignedBy", g."assignedByEmail", g."reason", g."adminNotes", g."isActive",
    (extract(epoch FROM g."createdAt") * 1000)::bigint,
    (extract(epoch FROM g."updatedAt") * 1000)::bigint,
    u."clerkId", u."email", concat_ws(' ', u."firstName", u."lastName"))");
}

namespace {

GrantState stateFrom(const QString &name)
{
    if (name == QLatin1String("future"))
        return GrantState::Future;
    if (name == QLatin1String("ended"))
        return GrantState::Ended;
    return GrantState::Active;
}

} // namespace

GrantView grantViewFrom(const QSqlQuery &q)
{
    GrantView view;
    RoleGrant &g = view.grant;
    g.id = q.value(0).toString();
    g.userId = q.value(1).toString();
    g.role = q.value(2).toString();
    g.effectiveStart = utcFromMillis(q.value(3));
    g.effectiveEnd = utcFromMillis(q.value(4));
    g.assignedBy = q.value(5).toString();
    g.assignedByEmail = q.value(6).toString();
    g.reason = q.value(7).toString();
    g.adminNotes = q.value(8).toString();
    g.isActiveFlag = q.value(9).toBool();
    g.createdAt = utcFromMillis(q.value(10));
    g.updatedAt = utcFromMillis(q.value(11));
    view.userClerkId = q.value(12).toString();
    view.userEmail = q.value(13).toString();
    view.userName = q.value(14).toString();
    view.state = stateFrom(q.value(15).toString());
    view.endedBy = q.value(16).toString().trimmed();
    view.endedReason = q.value(17).toString().trimmed();
    return view;
}

} // namespace rolesql

namespace {

constexpr int maxExpiringDays = 3650;

} // namespace

QList<GrantView> fetchGrantViews(QSqlDatabase &db, const SchemaInfo &schema, const QString &user,
                                 const QDateTime &asOf)
{
    requireRoles(schema);
    const QString name = user.trimmed();
    if (name.isEmpty())
        throw DataSourceError(DataSourceError::Kind::Validation,
                              QStringLiteral("Name a user by Clerk ID, email or row id."));
    const bool audit = auditTableExists(db);
    const QString asOfExpr =
        QStringLiteral("COALESCE(CAST(:asOf AS timestamp(3)), timezone('UTC', now()))");

    // One user (an exact id, then Clerk ID, then email), and all their grants:
    // a user without grants still comes back as one row, so "unknown" and
    // "no grants" differ. Who ended a grant: the audit table when it says,
    // else the notes.
    QString sql = QStringLiteral(R"(WITH target AS (
    SELECT t."id" FROM "User" t
    WHERE t."id" = :user OR t."clerkId" = :user OR lower(t."email") = lower(:user)
    ORDER BY (t."id" = :user) DESC, (t."clerkId" = :user) DESC, (t."email" = :user) DESC
    LIMIT 1)
SELECT )") + rolesql::grantViewColumns() +
                  QStringLiteral(R"(,
    CASE WHEN g."id" IS NULL THEN NULL
         WHEN g."effectiveStartDate" > %1 THEN 'future'
         WHEN %2 THEN 'active' ELSE 'ended' END, )")
                      .arg(asOfExpr, heldAtCondition(QStringLiteral("g"), asOfExpr));
    sql += audit ? QStringLiteral(R"(COALESCE(a."endedBy", n."endedBy"),
    CASE WHEN a."endedBy" IS NOT NULL THEN a."endedReason" ELSE n."endedReason" END)")
                 : QStringLiteral(R"(n."endedBy", n."endedReason")");
    sql += QStringLiteral(R"(
FROM target tu
JOIN "User" u ON u."id" = tu."id"
LEFT JOIN "UserRole" g ON g."userId" = tu."id")") +
           rolesql::endedNotesJoin(QStringLiteral("g"), QStringLiteral("n"));
    if (audit)
        sql += QStringLiteral(R"(
LEFT JOIN (SELECT DISTINCT ON (ae."grantId") ae."grantId",
        COALESCE(ae."actorEmail", ae."actorClerkId") AS "endedBy", ae."reason" AS "endedReason"
    FROM "RolecallAuditEvent" ae WHERE ae."action" = 'ended'
    ORDER BY ae."grantId", ae."at" DESC) a ON a."grantId" = g."id")");
    sql += QStringLiteral(R"(
ORDER BY g."effectiveStartDate" DESC NULLS LAST, g."createdAt" DESC, g."id" DESC)");

    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.prepare(sql))
        execOrThrow(q, QStringLiteral("prepare the grants query"));
    q.bindValue(QStringLiteral(":user"), name);
    q.bindValue(QStringLiteral(":asOf"), asOf.isValid() ? QVariant(utcLiteral(asOf))
                                                        : QVariant(QMetaType::fromType<QString>()));
    q.bindValue(QStringLiteral(":endedPattern"), rolesql::endedNotesPattern());
    execOrThrow(q, QStringLiteral("read the user's grants"));

    QList<GrantView> views;
    bool found = false;
    while (q.next()) {
        found = true;
        if (q.value(0).isNull())
            continue; // the user has no grants
        views << rolesql::grantViewFrom(q);
    }
    if (!found)
        throw DataSourceError(DataSourceError::Kind::Validation,
                              QStringLiteral("No user matches %1").arg(name));
    return views;
}

QList<GrantView> fetchExpiringGrants(QSqlDatabase &db, const SchemaInfo &schema, int days)
{
    requireRoles(schema);
    if (days < 1 || days > maxExpiringDays)
        throw DataSourceError(
            DataSourceError::Kind::Validation,
            QStringLiteral("Look ahead 1 to %1 days, not %2.").arg(maxExpiringDays).arg(days));
    // Active now (flag set, started, not ended) and ending within the window.
    const QString sql = QStringLiteral("SELECT ") + rolesql::grantViewColumns() +
                        QStringLiteral(R"(, 'active', n."endedBy", n."endedReason"
FROM "UserRole" g
JOIN "User" u ON u."id" = g."userId")") +
                        rolesql::endedNotesJoin(QStringLiteral("g"), QStringLiteral("n")) +
                        QStringLiteral(R"(
WHERE g."isActive"
  AND g."effectiveStartDate" <= timezone('UTC', now())
  AND g."effectiveEndDate" > timezone('UTC', now())
  AND g."effectiveEndDate" <= timezone('UTC', now()) + make_interval(days => CAST(:days AS integer))
ORDER BY g."effectiveEndDate", g."id")");

    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.prepare(sql))
        execOrThrow(q, QStringLiteral("prepare the expiring grants query"));
    q.bindValue(QStringLiteral(":days"), days);
    q.bindValue(QStringLiteral(":endedPattern"), rolesql::endedNotesPattern());
    execOrThrow(q, QStringLiteral("read expiring grants"));
    QList<GrantView> views;
    while (q.next())
        views << rolesql::grantViewFrom(q);
    return views;
}

} // namespace rolecall
