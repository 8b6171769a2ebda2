// The SQL the bench runs beside the console's own: the raw baselines and the
// indexes of the "with indexes" phase.
#include "benchqueries.h"

#include "pg/pgusersquery.h"

#include <QElapsedTimer>
#include <QStringList>

#include <cmath>

namespace rolecall::bench {

double rounded(double value)
{
    return std::round(value * 1000) / 1000;
}

QJsonObject compare(double modelMs, double baselineMs, double target)
{
    const double ratio = baselineMs > 0 ? modelMs / baselineMs : 0;
    return QJsonObject{{QStringLiteral("model_ms"), rounded(modelMs)},
                       {QStringLiteral("baseline_ms"), rounded(baselineMs)},
                       {QStringLiteral("ratio"), rounded(ratio)},
                       {QStringLiteral("target"), target},
                       {QStringLiteral("met"), ratio <= target}};
}

QString utcText(const QDateTime &instant)
{
    return instant.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
}

namespace {

// The users page's second half: the page's roles held at $1, one pass over
// "UserRole", in the list's order.
QString withRolesOfPage(const QString &asOf)
{
    return QStringLiteral(R"(
SELECT p."id", p."clerkId", p."email", p."firstName", p."lastName",
       (extract(epoch FROM p."createdAt") * 1000)::bigint,
       (extract(epoch FROM p."updatedAt") * 1000)::bigint,
       r.roles
FROM page p
LEFT JOIN (
    SELECT ur."userId", array_to_string(array_agg(DISTINCT ur."role" ORDER BY ur."role"), ',') AS roles
    FROM "UserRole" ur
    WHERE ur."userId" IN (SELECT "id" FROM page) AND )") +
           heldAtCondition(QStringLiteral("ur"), asOf) + QStringLiteral(R"(
    GROUP BY ur."userId") r ON r."userId" = p."id"
ORDER BY p."createdAt" DESC, p."id" DESC)");
}

const QString userPageColumns = QStringLiteral(R"(u."id", u."clerkId", u."email", u."firstName",
            u."lastName", u."createdAt", u."updatedAt")");

// $1: as of; the next parameter the limit.
struct RawStart
{
    RawQuery raw;
    QString asOf, limit;
};

RawStart rawStart(const UserQuery &query)
{
    RawStart start;
    RawQuery &raw = start.raw;
    const auto param = [&raw](const std::optional<QString> &value) -> QString {
        raw.params << value;
        return QLatin1Char('$') + QString::number(raw.params.size());
    };
    const QString asOfParam =
        param(query.asOf.isValid() ? std::optional<QString>(utcText(query.asOf)) : std::nullopt);
    start.asOf = QStringLiteral("COALESCE(CAST(") + asOfParam +
                 QStringLiteral(" AS timestamp(3)), timezone('UTC', now()))");
    start.limit = param(QString::number(query.limit + 1));
    return start;
}

QString nextParam(RawQuery &raw, const std::optional<QString> &value)
{
    raw.params << value;
    return QLatin1Char('$') + QString::number(raw.params.size());
}

} // namespace

RawQuery rawUsersQuery(const UserQuery &query)
{
    RawStart start = rawStart(query);
    RawQuery &raw = start.raw;
    QStringList conditions;
    if (!query.search.isEmpty()) {
        const QString p = nextParam(raw, containsPattern(query.search));
        conditions << userSearchCondition(SchemaKind::AkakoLms, QStringLiteral("u"), p);
    }
    if (!query.role.isEmpty()) {
        const QString role = nextParam(raw, query.role);
        conditions << QStringLiteral(R"(EXISTS (SELECT 1 FROM "UserRole" ur
            WHERE ur."userId" = u."id" AND ur."role" = CAST(%1 AS "Role") AND )")
                              .arg(role) +
                          heldAtCondition(QStringLiteral("ur"), start.asOf) + QLatin1Char(')');
    }
    if (query.afterCreatedAt.isValid()) {
        const QString created = nextParam(raw, utcText(query.afterCreatedAt));
        const QString id = nextParam(raw, query.afterId);
        conditions
            << QStringLiteral(
                   R"((u."createdAt", u."id") < (CAST(%1 AS timestamp(3)), CAST(%2 AS text)))")
                   .arg(created, id);
    }
    const QString where =
        conditions.isEmpty() ? QString()
                             : QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND "));
    raw.sql =
        QStringLiteral("WITH page AS (SELECT ") + userPageColumns +
        QStringLiteral(R"( FROM "User" u)") + where +
        (query.backward ? QStringLiteral(R"( ORDER BY u."createdAt" ASC, u."id" ASC LIMIT )")
                        : QStringLiteral(R"( ORDER BY u."createdAt" DESC, u."id" DESC LIMIT )")) +
        start.limit + QLatin1Char(')') + withRolesOfPage(start.asOf);
    return raw;
}

RawQuery rawSearchWalkQuery(const UserQuery &query)
{
    RawStart start = rawStart(query);
    RawQuery &raw = start.raw;
    const QString pattern = nextParam(raw, containsPattern(query.search));
    raw.sql = QStringLiteral("WITH page AS (SELECT * FROM (SELECT ") + userPageColumns +
              QStringLiteral(R"(, )") +
              userSearchExpression(SchemaKind::AkakoLms, QStringLiteral("u")) +
              QStringLiteral(
                  R"( AS "hay" FROM "User" u ORDER BY u."createdAt" DESC, u."id" DESC OFFSET 0) w
            WHERE w."hay" LIKE lower()") +
              pattern + QStringLiteral(R"() ESCAPE '\' LIMIT )") + start.limit + QLatin1Char(')') +
              withRolesOfPage(start.asOf);
    return raw;
}

RawQuery rawAuditPageQuery(int limit, const QDateTime &beforeAt, const QString &beforeId)
{
    RawQuery raw;
    raw.params << QString::number(limit + 1);
    const bool cursor = beforeAt.isValid();
    if (cursor)
        raw.params << utcText(beforeAt) << beforeId;
    // One kind of event: its instant, its id, its action, its condition.
    const auto branch = [cursor](const QString &at, const QString &id, const QString &action,
                                 const QString &where) -> QString {
        QStringList conditions;
        if (!where.isEmpty())
            conditions << where;
        if (cursor)
            conditions << at + QStringLiteral(" <= CAST($2 AS timestamp(3))")
                       << QStringLiteral("(%1, %2) < (CAST($2 AS timestamp(3)), CAST($3 AS text))")
                              .arg(at, id);
        return QStringLiteral(R"(
    (SELECT %1 AS "id", %2 AS "at", %3 AS "action", g."userId", g."role"::text AS "role",
            g."id" AS "grantId", g."assignedBy", g."assignedByEmail", g."reason", g."adminNotes"
     FROM "UserRole" g)")
                   .arg(id, at, action) +
               (conditions.isEmpty()
                    ? QString()
                    : QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND "))) +
               QStringLiteral(" ORDER BY %1 DESC, %2 DESC LIMIT $1)").arg(at, id);
    };
    const QString grantedAction = QStringLiteral(
        R"(CASE WHEN g."effectiveStartDate" <= g."createdAt" THEN 'granted' ELSE 'scheduled' END)");
    const QStringList branches{
        branch(QStringLiteral(R"(g."createdAt")"),
               QStringLiteral(R"((g."id" || ':' || %1))").arg(grantedAction), grantedAction,
               QString()),
        branch(QStringLiteral(R"(COALESCE(g."effectiveEndDate", g."updatedAt"))"),
               QStringLiteral(R"((g."id" || ':ended'))"), QStringLiteral("'ended'"),
               QStringLiteral(R"(NOT g."isActive")")),
        branch(
            QStringLiteral(R"(g."effectiveEndDate")"), QStringLiteral(R"((g."id" || ':expired'))"),
            QStringLiteral("'expired'"),
            QStringLiteral(R"(g."isActive" AND g."effectiveEndDate" <= timezone('UTC', now()))"))};
    raw.sql = QStringLiteral("WITH page AS (SELECT * FROM (") +
              branches.join(QStringLiteral(" UNION ALL")) + QStringLiteral(R"() e
  ORDER BY e."at" DESC, e."id" DESC LIMIT $1)
SELECT p.*, u."clerkId", u."email", u."firstName", u."lastName"
FROM page p LEFT JOIN "User" u ON u."id" = p."userId"
ORDER BY p."at" DESC, p."id" DESC)");
    return raw;
}

QString rawUsersCopy()
{
    return QStringLiteral(R"(COPY (SELECT u."id", u."clerkId", u."email", u."firstName",
       u."lastName", u."createdAt", u."updatedAt", r.roles
FROM "User" u
LEFT JOIN (
    SELECT ur."userId", string_agg(DISTINCT ur."role"::text, ',' ORDER BY ur."role"::text) AS roles
    FROM "UserRole" ur
    WHERE )") +
           heldAtCondition(QStringLiteral("ur"), QStringLiteral("timezone('UTC', now())")) +
           QStringLiteral(R"(
    GROUP BY ur."userId") r ON r."userId" = u."id"
ORDER BY u."createdAt" DESC, u."id" DESC) TO STDOUT (FORMAT csv))");
}

QJsonArray createIndexes(RawPg &raw, const QStringList &adviceSql)
{
    QStringList statements;
    for (const QString &sql : adviceSql)
        statements << sql.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    statements << QStringLiteral("ANALYZE");
    QJsonArray out;
    for (const QString &sql : statements) {
        QElapsedTimer t;
        t.start();
        const bool ok = raw.exec(sql) >= 0;
        QJsonObject entry{{QStringLiteral("sql"), sql.simplified()},
                          {QStringLiteral("ok"), ok},
                          {QStringLiteral("ms"), rounded(elapsedMs(t))}};
        if (!ok)
            entry.insert(QStringLiteral("error"), raw.error().trimmed());
        out.append(entry);
    }
    return out;
}

} // namespace rolecall::bench
