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

RawQuery rawUsersQuery(const UserQuery &query)
{
    RawQuery raw;
    const auto param = [&raw](const std::optional<QString> &value) -> QString {
        raw.params << value;
        return QLatin1Char('$') + QString::number(raw.params.size());
    };
    const QString asOfParam =
        param(query.asOf.isValid() ? std::optional<QString>(utcText(query.asOf)) : std::nullopt);
    const QString asOf = QStringLiteral("COALESCE(CAST(") + asOfParam +
                         QStringLiteral(" AS timestamp(3)), timezone('UTC', now()))");
    const QString limit = param(QString::number(query.limit + 1));
    QStringList conditions;
    if (!query.search.isEmpty()) {
        const QString p = param(containsPattern(query.search));
        conditions << userSearchCondition(SchemaKind::AkakoLms, QStringLiteral("u"), p);
    }
    if (!query.role.isEmpty()) {
        const QString role = param(query.role);
        conditions << QStringLiteral(R"(EXISTS (SELECT 1 FROM "UserRole" ur
            WHERE ur."userId" = u."id" AND ur."role" = CAST(%1 AS "Role") AND )")
                              .arg(role) +
                          heldAtCondition(QStringLiteral("ur"), asOf) + QLatin1Char(')');
    }
    if (query.afterCreatedAt.isValid()) {
        const QString created = param(utcText(query.afterCreatedAt));
        const QString id = param(query.afterId);
        conditions
            << QStringLiteral(
                   R"((u."createdAt", u."id") < (CAST(%1 AS timestamp(3)), CAST(%2 AS text)))")
                   .arg(created, id);
    }
    const QString where =
        conditions.isEmpty() ? QString()
                             : QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND "));
    raw.sql =
        QStringLiteral(R"(WITH page AS (SELECT u."id", u."clerkId", u."email", u."firstName",
            u."lastName", u."createdAt", u."updatedAt" FROM "User" u)") +
        where +
        (query.backward ? QStringLiteral(R"( ORDER BY u."createdAt" ASC, u."id" ASC LIMIT )")
                        : QStringLiteral(R"( ORDER BY u."createdAt" DESC, u."id" DESC LIMIT )")) +
        limit + QStringLiteral(R"()
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
    return raw;
}

QJsonArray createIndexes(RawPg &raw)
{
    const QStringList statements{
        QStringLiteral(R"(CREATE INDEX "bench_UserRole_userId" ON "UserRole"("userId"))"),
        QStringLiteral(R"(CREATE INDEX "bench_User_createdAt_id" ON "User"("createdAt", "id"))"),
        QStringLiteral("CREATE EXTENSION IF NOT EXISTS pg_trgm"),
        // The expression the console's search matches (what `db install-indexes` builds).
        QStringLiteral(
            R"(CREATE INDEX "bench_User_search_trgm" ON "User" USING gin ((%1) gin_trgm_ops))")
            .arg(userSearchExpression(SchemaKind::AkakoLms, QString())),
        QStringLiteral("ANALYZE")};
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
