#include "pgusersquery.h"

#include "datasourceerror.h"
#include "pgschema.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariant>

namespace rolecall {

namespace {

constexpr int maxPageSize = 5000;

void requireKnownSchema(const SchemaInfo &schema)
{
    if (schema.kind == SchemaKind::Unknown)
        throw DataSourceError(DataSourceError::Kind::Schema,
                              QStringLiteral("Not a recognised schema: %1").arg(schema.problem));
}

// Columns of "User" in the order every users query returns them.
QString userColumns(SchemaKind kind)
{
    if (kind == SchemaKind::SehatScan)
        return QStringLiteral(R"(u."id", u."id" AS "clerkId", u."email", u."name" AS "firstName",
            NULL::text AS "lastName", u."createdAt", u."updatedAt")");
    return QStringLiteral(R"(u."id", u."clerkId", u."email", u."firstName", u."lastName",
            u."createdAt", u."updatedAt")");
}

QString searchCondition(SchemaKind kind)
{
    if (kind == SchemaKind::SehatScan)
        return QStringLiteral(
            R"((u."email" ILIKE :pattern ESCAPE '\' OR u."id" ILIKE :pattern ESCAPE '\'
            OR u."name" ILIKE :pattern ESCAPE '\'))");
    return QStringLiteral(
        R"((u."email" ILIKE :pattern ESCAPE '\' OR u."clerkId" ILIKE :pattern ESCAPE '\'
            OR concat_ws(' ', u."firstName", u."lastName") ILIKE :pattern ESCAPE '\'))");
}

QString utcLiteral(const QDateTime &instant)
{
    return instant.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
}

QDateTime fromMillis(const QVariant &value)
{
    return value.isNull() ? QDateTime()
                          : QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

} // namespace

QString containsPattern(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    escaped.replace(QLatin1Char('%'), QStringLiteral("\\%"));
    escaped.replace(QLatin1Char('_'), QStringLiteral("\\_"));
    return QLatin1Char('%') + escaped + QLatin1Char('%');
}

UserPage fetchUserPage(QSqlDatabase &db, const SchemaInfo &schema, const UserQuery &query)
{
    requireKnownSchema(schema);
    if (query.limit < 1 || query.limit > maxPageSize)
        throw DataSourceError(
            DataSourceError::Kind::Validation,
            QStringLiteral("A page holds 1 to %1 rows, not %2.").arg(maxPageSize).arg(query.limit));

    QStringList conditions;
    if (!query.search.isEmpty())
        conditions << searchCondition(schema.kind);
    const bool hasCursor = query.afterCreatedAt.isValid();
    if (hasCursor)
        conditions << QStringLiteral(
            R"((u."createdAt", u."id") < (CAST(:afterCreated AS timestamp(3)), CAST(:afterId AS text)))");
    const QString where =
        conditions.isEmpty() ? QString()
                             : QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND "));

    // One row more than asked tells whether another page follows.
    QString sql = QStringLiteral("WITH page AS (SELECT ") + userColumns(schema.kind) +
                  QStringLiteral(R"( FROM "User" u)") + where +
                  QStringLiteral(R"( ORDER BY u."createdAt" DESC, u."id" DESC LIMIT :limit) )");
    if (schema.hasRoles()) {
        sql += QStringLiteral(R"(
SELECT p."id", p."clerkId", p."email", p."firstName", p."lastName",
       (extract(epoch FROM p."createdAt") * 1000)::bigint,
       (extract(epoch FROM p."updatedAt") * 1000)::bigint,
       r.roles
FROM page p
LEFT JOIN (
    SELECT ur."userId", array_to_string(array_agg(DISTINCT ur."role" ORDER BY ur."role"), ',') AS roles
    FROM "UserRole" ur
    WHERE ur."userId" IN (SELECT "id" FROM page)
      AND ur."isActive"
      AND ur."effectiveStartDate" <= timezone('UTC', now())
      AND (ur."effectiveEndDate" IS NULL OR ur."effectiveEndDate" > timezone('UTC', now()))
    GROUP BY ur."userId") r ON r."userId" = p."id"
ORDER BY p."createdAt" DESC, p."id" DESC)");
    } else {
        sql += QStringLiteral(R"(
SELECT p."id", p."clerkId", p."email", p."firstName", p."lastName",
       (extract(epoch FROM p."createdAt") * 1000)::bigint,
       (extract(epoch FROM p."updatedAt") * 1000)::bigint,
       NULL::text
FROM page p
ORDER BY p."createdAt" DESC, p."id" DESC)");
    }

    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.prepare(sql))
        execOrThrow(q, QStringLiteral("prepare the users query"));
    if (!query.search.isEmpty())
        q.bindValue(QStringLiteral(":pattern"), containsPattern(query.search));
    if (hasCursor) {
        q.bindValue(QStringLiteral(":afterCreated"), utcLiteral(query.afterCreatedAt));
        q.bindValue(QStringLiteral(":afterId"), query.afterId);
    }
    q.bindValue(QStringLiteral(":limit"), query.limit + 1);
    execOrThrow(q, QStringLiteral("read users"));

    UserPage page;
    page.users.reserve(query.limit);
    while (q.next()) {
        if (page.users.size() == query.limit)
            break; // the look-ahead row
        User user;
        user.id = q.value(0).toString();
        user.clerkId = q.value(1).toString();
        user.email = q.value(2).toString();
        user.firstName = q.value(3).toString();
        user.lastName = q.value(4).toString();
        user.createdAt = fromMillis(q.value(5));
        user.updatedAt = fromMillis(q.value(6));
        const QString roles = q.value(7).toString();
        if (!roles.isEmpty())
            user.activeRoles = roles.split(QLatin1Char(','));
        page.users << user;
    }
    page.atEnd = page.users.size() < query.limit || !q.isValid();
    return page;
}

qint64 countMatchingUsers(QSqlDatabase &db, const SchemaInfo &schema, const QString &search)
{
    requireKnownSchema(schema);
    QString sql = QStringLiteral(R"(SELECT count(*) FROM "User" u)");
    if (!search.isEmpty())
        sql += QStringLiteral(" WHERE ") + searchCondition(schema.kind);
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.prepare(sql))
        execOrThrow(q, QStringLiteral("prepare the users count"));
    if (!search.isEmpty())
        q.bindValue(QStringLiteral(":pattern"), containsPattern(search));
    execOrThrow(q, QStringLiteral("count users"));
    q.next();
    return q.value(0).toLongLong();
}

AccountAccess fetchAccountAccess(QSqlDatabase &db, const SchemaInfo &schema, const QString &clerkId)
{
    requireKnownSchema(schema);
    AccountAccess access;
    access.rolesSupported = schema.hasRoles();
    const QString key = schema.kind == SchemaKind::SehatScan ? QStringLiteral(R"(u."id")")
                                                             : QStringLiteral(R"(u."clerkId")");
    QSqlQuery q(db);
    q.setForwardOnly(true);
    const QString sql = QStringLiteral("SELECT ") + userColumns(schema.kind) +
                        QStringLiteral(R"(, (extract(epoch FROM u."createdAt") * 1000)::bigint,
            (extract(epoch FROM u."updatedAt") * 1000)::bigint FROM "User" u WHERE )") +
                        key + QStringLiteral(" = :clerkId");
    if (!q.prepare(sql))
        execOrThrow(q, QStringLiteral("prepare the account query"));
    q.bindValue(QStringLiteral(":clerkId"), clerkId);
    execOrThrow(q, QStringLiteral("look up the signed-in user"));
    if (!q.next())
        return access;
    access.userFound = true;
    access.user.id = q.value(0).toString();
    access.user.clerkId = q.value(1).toString();
    access.user.email = q.value(2).toString();
    access.user.firstName = q.value(3).toString();
    access.user.lastName = q.value(4).toString();
    access.user.createdAt = fromMillis(q.value(7));
    access.user.updatedAt = fromMillis(q.value(8));
    if (!schema.hasRoles())
        return access;

    QSqlQuery roles(db);
    roles.setForwardOnly(true);
    roles.prepare(QStringLiteral(R"(SELECT DISTINCT ur."role" FROM "UserRole" ur
        WHERE ur."userId" = :userId AND ur."isActive"
          AND ur."effectiveStartDate" <= timezone('UTC', now())
          AND (ur."effectiveEndDate" IS NULL OR ur."effectiveEndDate" > timezone('UTC', now()))
        ORDER BY ur."role")"));
    roles.bindValue(QStringLiteral(":userId"), access.user.id);
    execOrThrow(roles, QStringLiteral("read the signed-in user's roles"));
    while (roles.next())
        access.activeRoles << roles.value(0).toString();
    access.user.activeRoles = access.activeRoles;
    return access;
}

} // namespace rolecall
