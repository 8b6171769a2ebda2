// The Grants and Overview screens' queries. Set-based and parameterised; they
// need no index the seed schema lacks (see README, "Indexes and the benchmark").
#include "pg/pggrantsquery.h"

#include "domain/datasourceerror.h"
#include "domain/utctime.h"
#include "pg/pgrolesquery.h"
#include "pg/pgschema.h"
#include "pg/pgusersquery.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariant>

namespace rolecall {

namespace {

constexpr int maxGrantPage = 5000;
constexpr int maxExpiringDays = 3650;

const QString nowExpr = QStringLiteral("timezone('UTC', now())");

QString stateCondition(const GrantListQuery &query)
{
    const QString held = heldAtCondition(QStringLiteral("g"), nowExpr);
    switch (query.state) {
    case GrantFilterState::Any:
        return {};
    case GrantFilterState::Active:
        return held;
    case GrantFilterState::Future:
        return QStringLiteral(R"(g."effectiveStartDate" > %1)").arg(nowExpr);
    case GrantFilterState::Ended:
        return QStringLiteral(R"((g."effectiveStartDate" <= %1 AND NOT %2))").arg(nowExpr, held);
    case GrantFilterState::Expiring:
        return held + QStringLiteral(R"( AND g."effectiveEndDate" <= %1
            + make_interval(days => CAST(:days AS integer)))")
                          .arg(nowExpr);
    }
    return {};
}

QSqlQuery prepared(QSqlDatabase &db, const QString &sql, const QString &what)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.prepare(sql))
        execOrThrow(q, QStringLiteral("prepare ") + what);
    return q;
}

} // namespace

PgStatement grantListStatement(QSqlDatabase &db, const SchemaInfo &schema,
                               const GrantListQuery &query, bool whole)
{
    requireRoles(schema);
    if (!whole && (query.limit < 1 || query.limit > maxGrantPage))
        throw DataSourceError(DataSourceError::Kind::Validation,
                              QStringLiteral("A page holds 1 to %1 grants, not %2.")
                                  .arg(maxGrantPage)
                                  .arg(query.limit));
    const bool expiring = query.state == GrantFilterState::Expiring;
    if (expiring && (query.expiringDays < 1 || query.expiringDays > maxExpiringDays))
        throw DataSourceError(DataSourceError::Kind::Validation,
                              QStringLiteral("Look ahead 1 to %1 days, not %2.")
                                  .arg(maxExpiringDays)
                                  .arg(query.expiringDays));
    if (!query.role.isEmpty())
        requireKnownRole(db, schema, query.role);

    QStringList conditions;
    if (const QString state = stateCondition(query); !state.isEmpty())
        conditions << state;
    if (!query.role.isEmpty())
        conditions << QStringLiteral(R"(g."role" = CAST(:role AS "Role"))");
    const bool hasCursor = !whole && query.beforeCreatedAt.isValid();
    if (hasCursor)
        conditions << QStringLiteral(R"((g."createdAt", g."id") <
            (CAST(:beforeCreated AS timestamp(3)), CAST(:beforeId AS text)))");

    // The page first (one scan of "UserRole", top-N sort), then its users by
    // primary key and who ended each grant from its notes. One row more than
    // asked tells whether another page follows. Whole: every grant, sorted once.
    QString sql = QStringLiteral(R"(WITH page AS (
    SELECT g.* FROM "UserRole" g)");
    if (!conditions.isEmpty())
        sql += QStringLiteral("\n    WHERE ") + conditions.join(QStringLiteral("\n      AND "));
    sql += QStringLiteral(R"(
    ORDER BY g."createdAt" DESC, g."id" DESC)");
    if (!whole)
        sql += QStringLiteral("\n    LIMIT :limit");
    sql += QStringLiteral(R"()
SELECT )") +
           rolesql::grantViewColumns() +
           QStringLiteral(R"(,
    CASE WHEN g."effectiveStartDate" > %1 THEN 'future' WHEN %2 THEN 'active' ELSE 'ended' END,
    n."endedBy", n."endedReason"
FROM page g
LEFT JOIN "User" u ON u."id" = g."userId")")
               .arg(nowExpr, heldAtCondition(QStringLiteral("g"), nowExpr));
    sql += rolesql::endedNotesJoin(QStringLiteral("g"), QStringLiteral("n"));
    sql += QStringLiteral(R"(
ORDER BY g."createdAt" DESC, g."id" DESC)");

    PgStatement statement;
    statement.sql = sql;
    statement.values.insert(QStringLiteral("endedPattern"), rolesql::endedNotesPattern());
    if (expiring)
        statement.values.insert(QStringLiteral("days"), query.expiringDays);
    if (!query.role.isEmpty())
        statement.values.insert(QStringLiteral("role"), query.role);
    if (hasCursor) {
        statement.values.insert(QStringLiteral("beforeCreated"), utcLiteral(query.beforeCreatedAt));
        statement.values.insert(QStringLiteral("beforeId"), query.beforeId);
    }
    if (!whole)
        statement.values.insert(QStringLiteral("limit"), query.limit + 1);
    return statement;
}

GrantPage fetchGrantListPage(QSqlDatabase &db, const SchemaInfo &schema,
                             const GrantListQuery &query)
{
    const PgStatement statement = grantListStatement(db, schema, query, false);
    QSqlQuery q(db);
    execStatement(q, statement, QStringLiteral("read the grants list"));

    GrantPage page;
    while (q.next()) {
        if (page.grants.size() == query.limit)
            break; // the look-ahead row
        page.grants << rolesql::grantViewFrom(q);
    }
    page.atEnd = page.grants.size() < query.limit || !q.isValid();
    return page;
}

namespace {

// A one-row or per-role statement of the overview, run as it is.
QSqlQuery overviewQuery(QSqlDatabase &db, const QString &sql, const QString &what)
{
    QSqlQuery q = prepared(db, sql, what);
    execOrThrow(q, what);
    return q;
}

qint64 countUsers(QSqlDatabase &db)
{
    QSqlQuery q = overviewQuery(db, QStringLiteral(R"(SELECT count(*) FROM "User")"),
                                QStringLiteral("count users"));
    return q.next() ? q.value(0).toLongLong() : 0;
}

// Every enum value, in enum order, as the left side of a per-role answer.
const QString everyRole =
    QStringLiteral(R"(unnest(enum_range(NULL::"Role")) WITH ORDINALITY AS r("role", "ord"))");

// The grants held now per role, and those ending within 7 days: one scan of
// "UserRole" into three groups (no sort, nothing spills).
void fetchOverviewGrants(QSqlDatabase &db, OverviewFigures &figures)
{
    const QString held = heldAtCondition(QStringLiteral("g"), nowExpr);
    QSqlQuery q = overviewQuery(db,
                                QStringLiteral(R"(SELECT r."role"::text, COALESCE(p."grants", 0),
       COALESCE(p."expiring", 0)
FROM %1
LEFT JOIN (SELECT g."role", count(*) AS "grants",
        count(*) FILTER (WHERE g."effectiveEndDate" <= %2 + interval '7 days') AS "expiring"
    FROM "UserRole" g WHERE %3 GROUP BY 1) p ON p."role" = r."role"
ORDER BY r."ord")")
                                    .arg(everyRole, nowExpr, held),
                                QStringLiteral("count the grants held now"));
    while (q.next()) {
        figures.activePerRole << RoleCount{q.value(0).toString(), q.value(1).toLongLong(), 0};
        figures.grantsExpiringThisWeek += q.value(2).toLongLong();
    }
}

// The users holding each role now and those holding any: distinct (user,
// role) pairs, then distinct users, over every held grant. Each DISTINCT
// reads the advised "UserRole" ("userId", "role") INCLUDE (...) index in its
// order (an index-only scan, no sort, no hash table that spills), about
// 0.4 s each at 900,000 held grants; the one count(DISTINCT ...) per ROLLUP
// group it replaces sorted every held grant (1.9 s). The user count is read
// in the same statement so that "without a role" is never negative. The held
// grants are written out twice: a CTE read twice would be materialised.
void fetchOverviewRoleHolders(QSqlDatabase &db, OverviewFigures &figures)
{
    const QString held = heldAtCondition(QStringLiteral("g"), nowExpr);
    QSqlQuery q = overviewQuery(db,
                                QStringLiteral(R"(WITH holders AS (
    SELECT p."role", count(*) AS "users"
    FROM (SELECT DISTINCT g."userId", g."role" FROM "UserRole" g WHERE %1) p
    GROUP BY p."role")
SELECT r."role"::text, COALESCE(x."users", 0), (SELECT count(*) FROM "User"),
       (SELECT count(*) FROM (SELECT DISTINCT g."userId" FROM "UserRole" g WHERE %1) a)
FROM %2
LEFT JOIN holders x ON x."role" = r."role"
ORDER BY r."ord")")
                                    .arg(held, everyRole),
                                QStringLiteral("count the users holding each role"));
    while (q.next()) {
        figures.activePerRole << RoleCount{q.value(0).toString(), 0, q.value(1).toLongLong()};
        figures.users = q.value(2).toLongLong();
        figures.usersWithoutRole = figures.users - q.value(3).toLongLong();
    }
}

void fetchOverviewSeries(QSqlDatabase &db, OverviewFigures &figures)
{
    // Held at T means start <= T < until, where until is the end date or, for a
    // cleared flag, updatedAt, whichever is earlier (the as-of rule). So the
    // count at the end of month k is the sum of +1 (starts) and -1 (untils) up to
    // it: one scan of "UserRole" yields both changes of each grant, each goes to
    // the first month end at or after it (width_bucket over the month starts,
    // at T - 1 ms since a month end is the next month's start), and a running
    // sum per role adds them up. The cost does not grow with the months shown.
    QSqlQuery series = prepared(db,
                                QStringLiteral(R"(WITH bounds AS (
    SELECT %1 AS "nowAt",
           ARRAY(SELECT date_trunc('month', %1) - make_interval(months => 11 - k)
                 FROM generate_series(1, 11) k) AS "monthStarts"),
changes AS (
    SELECT g."role", c."at", c."delta"
    FROM "UserRole" g
    CROSS JOIN LATERAL (SELECT LEAST(g."effectiveEndDate",
                CASE WHEN g."isActive" THEN NULL ELSE g."updatedAt" END) AS "until") s
    CROSS JOIN LATERAL (VALUES (g."effectiveStartDate", 1), (s."until", -1)) c("at", "delta")
    WHERE (s."until" IS NULL OR s."until" > g."effectiveStartDate") AND c."at" IS NOT NULL),
buckets AS (
    SELECT c."role", width_bucket(c."at" - interval '1 millisecond', b."monthStarts") AS k,
           sum(c."delta") AS "delta"
    FROM changes c, bounds b WHERE c."at" <= b."nowAt"
    GROUP BY 1, 2)
SELECT (date_trunc('month', %1) - make_interval(months => 11 - m.k))::date, r."role"::text,
       sum(COALESCE(x."delta", 0)) OVER (PARTITION BY r."role" ORDER BY m.k)
FROM generate_series(0, 11) AS m(k)
CROSS JOIN unnest(enum_range(NULL::"Role")) WITH ORDINALITY AS r("role", "ord")
LEFT JOIN buckets x ON x."role" = r."role" AND x.k = m.k
ORDER BY r."ord", m.k)")
                                    .arg(nowExpr),
                                QStringLiteral("the monthly series"));
    execOrThrow(series, QStringLiteral("compute active grants per month"));
    while (series.next()) {
        const QDate month = series.value(0).toDate();
        const QString role = series.value(1).toString();
        if (figures.series.isEmpty() || figures.series.constLast().first != role)
            figures.series.append({role, {}});
        figures.series.last().second << series.value(2).toLongLong();
        if (figures.series.size() == 1)
            figures.months << month;
    }
}

} // namespace

OverviewFigures fetchOverviewPart(QSqlDatabase &db, const SchemaInfo &schema, OverviewPart part)
{
    if (schema.kind == SchemaKind::Unknown)
        throw DataSourceError(DataSourceError::Kind::Schema,
                              QStringLiteral("Not a recognised schema: %1").arg(schema.problem));
    OverviewFigures figures;
    figures.rolesSupported = schema.hasRoles();
    switch (part) {
    case OverviewPart::Users:
        figures.users = countUsers(db);
        break;
    case OverviewPart::Grants:
        if (figures.rolesSupported)
            fetchOverviewGrants(db, figures);
        break;
    case OverviewPart::RoleHolders:
        if (figures.rolesSupported)
            fetchOverviewRoleHolders(db, figures);
        else
            figures.users = countUsers(db);
        break;
    case OverviewPart::Series:
        if (figures.rolesSupported)
            fetchOverviewSeries(db, figures);
        break;
    }
    return figures;
}

OverviewFigures fetchOverviewFigures(QSqlDatabase &db, const SchemaInfo &schema)
{
    OverviewFigures figures = fetchOverviewPart(db, schema, OverviewPart::RoleHolders);
    if (!figures.rolesSupported)
        return figures;
    mergeOverviewPart(figures, fetchOverviewPart(db, schema, OverviewPart::Grants),
                      OverviewPart::Grants);
    mergeOverviewPart(figures, fetchOverviewPart(db, schema, OverviewPart::Series),
                      OverviewPart::Series);
    return figures;
}

} // namespace rolecall
