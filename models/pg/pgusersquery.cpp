#include "pg/pgusersquery.h"

#include "domain/datasourceerror.h"
#include "domain/utctime.h"
#include "pg/pgrights.h"
#include "pg/pgschema.h"
#include "pg/pgsearchplan.h"
#include "pg/pgstream.h"

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
    return userSearchCondition(kind, QStringLiteral("u"), QStringLiteral(":pattern"));
}

} // namespace

User userFromRow(const QSqlQuery &q, int instantsAt)
{
    User user;
    user.id = q.value(0).toString();
    user.clerkId = q.value(1).toString();
    user.email = q.value(2).toString();
    user.firstName = q.value(3).toString();
    user.lastName = q.value(4).toString();
    user.createdAt = utcFromMillis(q.value(instantsAt));
    user.updatedAt = utcFromMillis(q.value(instantsAt + 1));
    return user;
}

namespace {

// The instant roles are judged at: the bound :asOf, or the server's now (UTC)
// when none was given, so "now" is the database's clock, as in what it stores.
const QString asOfExpr =
    QStringLiteral("COALESCE(CAST(:asOf AS timestamp(3)), timezone('UTC', now()))");

// The WHERE conditions a users query and its count share, and their bindings.
// The role filters are EXISTS / NOT EXISTS on "UserRole" correlated only by
// "userId" = u."id": the planner turns them into a (hash) semi- or anti-join,
// one scan of "UserRole", which has no index on "userId".
struct UserFilter
{
    QStringList conditions;
    bool bindsPattern = false;
    bool bindsRole = false;
    bool bindsAsOf = false;
};

UserFilter userFilter(QSqlDatabase &db, const SchemaInfo &schema, const UserQuery &query)
{
    UserFilter filter;
    if (!query.search.isEmpty()) {
        filter.conditions << searchCondition(schema.kind);
        filter.bindsPattern = true;
    }
    if (query.role.isEmpty() && !query.noRole)
        return filter;
    requireRoles(schema);
    if (!query.role.isEmpty() && query.noRole)
        throw DataSourceError(DataSourceError::Kind::Validation,
                              QStringLiteral("Filter by a role or by \"no role\", not both."));
    const QString held = heldAtCondition(QStringLiteral("ur"), asOfExpr);
    if (!query.role.isEmpty()) {
        requireKnownRole(db, schema, query.role);
        filter.conditions << QStringLiteral(R"(EXISTS (SELECT 1 FROM "UserRole" ur
            WHERE ur."userId" = u."id" AND ur."role" = CAST(:role AS "Role") AND )") +
                                 held + QLatin1Char(')');
        filter.bindsRole = true;
    } else {
        filter.conditions << QStringLiteral(R"(NOT EXISTS (SELECT 1 FROM "UserRole" ur
            WHERE ur."userId" = u."id" AND )") +
                                 held + QLatin1Char(')');
    }
    filter.bindsAsOf = true;
    return filter;
}

QVariantMap filterValues(const UserFilter &filter, const UserQuery &query)
{
    QVariantMap values;
    if (filter.bindsPattern)
        values.insert(QStringLiteral("pattern"), containsPattern(query.search));
    if (filter.bindsRole)
        values.insert(QStringLiteral("role"), query.role);
    if (filter.bindsAsOf)
        values.insert(QStringLiteral("asOf"), utcLiteralOrNull(query.asOf));
    return values;
}

} // namespace

// As of an instant T, a grant is held when
//   "effectiveStartDate" <= T
//   AND ("effectiveEndDate" IS NULL OR "effectiveEndDate" > T)
//   AND ("isActive" OR "updatedAt" > T)
// Rows are never deleted, so history is read from the dates. A cleared flag
// means the grant was ended no later than when the row was last written
// ("updatedAt"): before that it counted (until its end date, if one came
// first), from then on it does not. At T = now this is exactly "isActive,
// started, not ended", the rule the write checks use.
QString heldAtCondition(const QString &alias, const QString &instant)
{
    return QStringLiteral(R"((%1."effectiveStartDate" <= %2
        AND (%1."effectiveEndDate" IS NULL OR %1."effectiveEndDate" > %2)
        AND (%1."isActive" OR %1."updatedAt" > %2)))")
        .arg(alias, instant);
}

void requireRoles(const SchemaInfo &schema)
{
    requireKnownSchema(schema);
    if (!schema.hasRoles())
        throw DataSourceError(DataSourceError::Kind::Schema,
                              QStringLiteral("This database's schema (%1) has no roles.")
                                  .arg(schemaKindName(schema.kind)));
}

void requireKnownRole(QSqlDatabase &db, const SchemaInfo &schema, const QString &role)
{
    requireRoles(schema);
    if (schema.roles.contains(role))
        return;
    // Perhaps added since the schema was detected: ask the catalog again.
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.prepare(QStringLiteral(
            "SELECT e.enumlabel FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid "
            "JOIN pg_namespace n ON n.oid = t.typnamespace "
            "WHERE t.typname = 'Role' AND n.nspname = current_schema() ORDER BY e.enumsortorder")))
        execOrThrow(q, QStringLiteral("prepare the Role enum query"));
    execOrThrow(q, QStringLiteral("read the Role enum"));
    QStringList roles;
    while (q.next())
        roles << q.value(0).toString();
    if (roles.contains(role))
        return;
    throw DataSourceError(DataSourceError::Kind::Validation,
                          QStringLiteral("Unknown role %1; the database's roles are: %2")
                              .arg(role, roles.join(QStringLiteral(", "))));
}

QString userSearchExpression(SchemaKind kind, const QString &alias)
{
    const QString prefix = alias.isEmpty() ? QString() : alias + QLatin1Char('.');
    const QStringList columns =
        kind == SchemaKind::SehatScan
            ? QStringList{QStringLiteral("email"), QStringLiteral("id"), QStringLiteral("name")}
            : QStringList{QStringLiteral("email"), QStringLiteral("clerkId"),
                          QStringLiteral("firstName"), QStringLiteral("lastName")};
    QStringList parts;
    for (const QString &column : columns)
        parts << QStringLiteral("coalesce(") + prefix + quoteIdentifier(column) +
                     QStringLiteral(",'')");
    return QStringLiteral("lower(") + parts.join(QStringLiteral(" || ' ' || ")) + QLatin1Char(')');
}

QString userSearchCondition(SchemaKind kind, const QString &alias, const QString &placeholder)
{
    return QLatin1Char('(') + userSearchExpression(kind, alias) + QStringLiteral(" LIKE lower(") +
           placeholder + QStringLiteral(") ESCAPE '\\')");
}

QString containsPattern(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    escaped.replace(QLatin1Char('%'), QStringLiteral("\\%"));
    escaped.replace(QLatin1Char('_'), QStringLiteral("\\_"));
    return QLatin1Char('%') + escaped + QLatin1Char('%');
}

namespace {

// The SQL value a users list is ordered by; never NULL, so row comparisons
// with the cursor agree with ORDER BY.
QString sortExpression(SchemaKind kind, UserSortKey key)
{
    const bool sehat = kind == SchemaKind::SehatScan;
    switch (key) {
    case UserSortKey::Name:
        return sehat ? QStringLiteral(R"(coalesce(u."name", ''))")
                     : QStringLiteral(
                           R"((coalesce(u."firstName", '') || ' ' || coalesce(u."lastName", '')))");
    case UserSortKey::Email:
        return QStringLiteral(R"(u."email")");
    case UserSortKey::ClerkId:
        return sehat ? QStringLiteral(R"(u."id")") : QStringLiteral(R"(u."clerkId")");
    case UserSortKey::Created:
        break;
    }
    return QStringLiteral(R"(u."createdAt")");
}

QString sortKeyType(UserSortKey key)
{
    return key == UserSortKey::Created ? QStringLiteral("timestamp(3)") : QStringLiteral("text");
}

// Rows a search walks newest first before it leaves the page to the planner
// (a few milliseconds at 1M users); see fetchUserPage().
constexpr int searchWalkBudget = 3000;

} // namespace

UserPage fetchUserPage(QSqlDatabase &db, const SchemaInfo &schema, const UserQuery &query)
{
    requireKnownSchema(schema);
    if (query.limit < 1 || query.limit > maxPageSize)
        throw DataSourceError(
            DataSourceError::Kind::Validation,
            QStringLiteral("A page holds 1 to %1 rows, not %2.").arg(maxPageSize).arg(query.limit));
    if (query.offset < 0)
        throw DataSourceError(DataSourceError::Kind::Validation,
                              QStringLiteral("A page cannot start before the first row."));

    const UserFilter filter = userFilter(db, schema, query);
    QStringList conditions = filter.conditions;
    QString cursorKey = query.afterKey;
    if (cursorKey.isEmpty() && query.afterCreatedAt.isValid() &&
        query.sortKey == UserSortKey::Created)
        cursorKey = utcLiteral(query.afterCreatedAt);
    const bool hasCursor = !cursorKey.isEmpty();
    if (hasCursor && query.offset > 0)
        throw DataSourceError(
            DataSourceError::Kind::Validation,
            QStringLiteral("A page is asked for by a cursor or an offset, not both."));
    if (query.backward && query.offset > 0)
        throw DataSourceError(DataSourceError::Kind::Validation,
                              QStringLiteral("An offset counts from the first row only."));

    // The order the rows are read in: the list's order, reversed for a page
    // before the cursor (then put back in the list's order below).
    const bool readAscending = query.ascending != query.backward;
    const QString readDir = readAscending ? QStringLiteral(" ASC") : QStringLiteral(" DESC");
    const QString listDir = query.ascending ? QStringLiteral(" ASC") : QStringLiteral(" DESC");
    const QString key = sortExpression(schema.kind, query.sortKey);
    const QString cursorCondition =
        hasCursor
            ? QStringLiteral("(%1, u.\"id\") %2 (CAST(:afterKey AS %3), CAST(:afterId AS text))")
                  .arg(key, readAscending ? QStringLiteral(">") : QStringLiteral("<"),
                       sortKeyType(query.sortKey))
            : QString();
    if (hasCursor)
        conditions << cursorCondition;
    const QString where =
        conditions.isEmpty() ? QString()
                             : QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND "));
    const QString readOrder =
        QStringLiteral(" ORDER BY ") + key + readDir + QStringLiteral(R"(, u."id")") + readDir;

    // One row more than asked tells whether another page follows.
    QString pageSql = QStringLiteral("WITH page AS (SELECT ") + userColumns(schema.kind) +
                      QStringLiteral(", ") + key +
                      QStringLiteral(R"( AS "sortKey" FROM "User" u)") + where + readOrder +
                      QStringLiteral(" LIMIT :limit");
    if (query.offset > 0)
        pageSql += QStringLiteral(" OFFSET :offset");
    pageSql += QStringLiteral(") ");

    // A search alone, newest first, with the keyset index there and a term
    // the planner does not expect to be rare (pg/pgsearchplan.h): first walk
    // that index from the cursor for at most searchWalkBudget rows, testing
    // each. A common term fills the page within a few hundred rows (what the
    // trigram path would pay for every match); otherwise the walk ends short,
    // and the page is read the usual way, where the planner picks the trigram
    // index. Either way the page is exact: the walk's first matches are the
    // first matches.
    const bool walkFirst =
        filter.bindsPattern && !filter.bindsRole && !filter.bindsAsOf &&
        query.sortKey == UserSortKey::Created && query.offset == 0 &&
        chooseSearchStart(
            db,
            {QStringLiteral(R"(SELECT 1 FROM "User" u WHERE )") + searchCondition(schema.kind),
             filterValues(filter, query)},
            query.limit, searchWalkBudget) == SearchStart::WalkFirst;
    const QString walkSql =
        QStringLiteral("WITH page AS (SELECT * FROM (SELECT ") + userColumns(schema.kind) +
        QStringLiteral(", ") + key + QStringLiteral(R"( AS "sortKey", )") +
        searchCondition(schema.kind) + QStringLiteral(R"( AS "hit" FROM "User" u)") +
        (hasCursor ? QStringLiteral(" WHERE ") + cursorCondition : QString()) + readOrder +
        QStringLiteral(R"( LIMIT :budget) w WHERE w."hit" ORDER BY w."sortKey")") + readDir +
        QStringLiteral(R"(, w."id")") + readDir + QStringLiteral(" LIMIT :limit) ");
    const QString outputColumns = QStringLiteral(R"(
SELECT p."id", p."clerkId", p."email", p."firstName", p."lastName",
       (extract(epoch FROM p."createdAt") * 1000)::bigint,
       (extract(epoch FROM p."updatedAt") * 1000)::bigint,
       )");
    const QString order = QStringLiteral(R"(
ORDER BY p."sortKey")") + listDir +
                          QStringLiteral(R"(, p."id")") + listDir;
    QString rest;
    if (schema.hasRoles()) {
        // The page's roles held at asOf, aggregated in one pass over "UserRole".
        // FULL JOIN, not LEFT JOIN: the same rows, since every r."userId" is
        // on the page, but it cannot be a nested loop. When the planner takes
        // a search page for one row (a LIKE's estimate), a nested loop ran the
        // aggregate again for every page row: 2 s for a page of 1,000.
        rest = outputColumns + QStringLiteral(R"(r.roles, p."sortKey"::text
FROM page p
FULL JOIN (
    SELECT ur."userId", array_to_string(array_agg(DISTINCT ur."role" ORDER BY ur."role"), ',') AS roles
    FROM "UserRole" ur
    WHERE ur."userId" IN (SELECT "id" FROM page) AND )") +
               heldAtCondition(QStringLiteral("ur"), asOfExpr) + QStringLiteral(R"(
    GROUP BY ur."userId") r ON r."userId" = p."id")") +
               order;
    } else {
        rest = outputColumns + QStringLiteral(R"(NULL::text, p."sortKey"::text
FROM page p)") +
               order;
    }

    const auto run = [&](QSqlQuery &q, bool walk) {
        PgStatement statement{(walk ? walkSql : pageSql) + rest, filterValues(filter, query)};
        QVariantMap &values = statement.values;
        if (walk)
            values.insert(QStringLiteral("budget"), searchWalkBudget);
        if (schema.hasRoles())
            values.insert(QStringLiteral("asOf"), utcLiteralOrNull(query.asOf));
        if (hasCursor) {
            values.insert(QStringLiteral("afterKey"), cursorKey);
            values.insert(QStringLiteral("afterId"), query.afterId);
        }
        values.insert(QStringLiteral("limit"), query.limit + 1);
        if (query.offset > 0 && !walk)
            values.insert(QStringLiteral("offset"), query.offset);
        execStatement(q, statement, QStringLiteral("read users"));
    };
    UserPage page;
    QList<QString> keys;
    const auto read = [&](bool walk) {
        QSqlQuery q(db);
        run(q, walk);
        page.users.clear();
        keys.clear();
        page.users.reserve(query.limit + 1);
        while (q.next()) {
            User user = userFromRow(q);
            const QString roles = q.value(7).toString();
            if (!roles.isEmpty())
                user.activeRoles = roles.split(QLatin1Char(','));
            keys << q.value(8).toString();
            page.users << user;
        }
    };
    // Full (with the look-ahead row): the walk found the page. Else the usual
    // read (a walk cut short by the table's end is read again, cheaply).
    bool walked = false;
    if (walkFirst) {
        read(true);
        walked = page.users.size() > query.limit;
    }
    if (!walked)
        read(false);

    // The look-ahead row is the last one read: the first in the list's order
    // when reading backwards.
    page.atEnd = page.users.size() <= query.limit;
    if (!page.atEnd) {
        const qsizetype extra = query.backward ? 0 : page.users.size() - 1;
        page.users.removeAt(extra);
        keys.removeAt(extra);
    }
    if (!keys.isEmpty()) {
        page.firstKey = keys.constFirst();
        page.lastKey = keys.constLast();
    }
    return page;
}

PgStatement userListStatement(QSqlDatabase &db, const SchemaInfo &schema, const UserQuery &query)
{
    requireKnownSchema(schema);
    const UserFilter filter = userFilter(db, schema, query);
    PgStatement statement;
    statement.values = filterValues(filter, query);
    const QString dir = query.ascending ? QStringLiteral(" ASC") : QStringLiteral(" DESC");
    // The whole join at once: one scan of "User", one of "UserRole" grouped by
    // user (hashed), then one sort; the pages' order, so their rows in turn.
    const QString key = sortExpression(schema.kind, query.sortKey);
    QString sql = QStringLiteral("SELECT ") + userColumns(schema.kind) + QStringLiteral(R"(,
       (extract(epoch FROM u."createdAt") * 1000)::bigint AS "createdAtMs",
       (extract(epoch FROM u."updatedAt") * 1000)::bigint AS "updatedAtMs", )");
    if (schema.hasRoles()) {
        sql += QStringLiteral(R"(r.roles AS "roles", )") + key + QStringLiteral(R"( AS "sortKey"
FROM "User" u
LEFT JOIN (
    SELECT ur."userId", array_to_string(array_agg(DISTINCT ur."role" ORDER BY ur."role"), ',') AS roles
    FROM "UserRole" ur
    WHERE )") + heldAtCondition(QStringLiteral("ur"), asOfExpr) +
               QStringLiteral(R"(
    GROUP BY ur."userId") r ON r."userId" = u."id")");
        statement.values.insert(QStringLiteral("asOf"), utcLiteralOrNull(query.asOf));
    } else {
        sql += QStringLiteral(R"(NULL::text AS "roles", )") + key +
               QStringLiteral(R"( AS "sortKey" FROM "User" u)");
    }
    if (!filter.conditions.isEmpty())
        sql += QStringLiteral("\nWHERE ") + filter.conditions.join(QStringLiteral(" AND "));
    sql += QStringLiteral("\nORDER BY ") + key + dir + QStringLiteral(R"(, u."id")") + dir;
    statement.sql = sql;
    return statement;
}

User userWithRolesFromRow(const QSqlQuery &q)
{
    User user = userFromRow(q, 7);
    const QString roles = q.value(9).toString();
    if (!roles.isEmpty())
        user.activeRoles = roles.split(QLatin1Char(','));
    return user;
}

qint64 countMatchingUsers(QSqlDatabase &db, const SchemaInfo &schema, const UserQuery &query)
{
    requireKnownSchema(schema);
    const UserFilter filter = userFilter(db, schema, query);
    QString sql = QStringLiteral(R"(SELECT count(*) FROM "User" u)");
    if (!filter.conditions.isEmpty())
        sql += QStringLiteral(" WHERE ") + filter.conditions.join(QStringLiteral(" AND "));
    QSqlQuery q(db);
    execStatement(q, PgStatement{sql, filterValues(filter, query)}, QStringLiteral("count users"));
    q.next();
    return q.value(0).toLongLong();
}

QStringList matchingUserIds(QSqlDatabase &db, const SchemaInfo &schema, const UserQuery &query,
                            int cap)
{
    requireKnownSchema(schema);
    const UserFilter filter = userFilter(db, schema, query);
    QString sql = QStringLiteral(R"(SELECT u."id" FROM "User" u)");
    if (!filter.conditions.isEmpty())
        sql += QStringLiteral(" WHERE ") + filter.conditions.join(QStringLiteral(" AND "));
    sql += QStringLiteral(R"( ORDER BY u."id" LIMIT :cap)");
    PgStatement statement{sql, filterValues(filter, query)};
    statement.values.insert(QStringLiteral("cap"), cap);
    QSqlQuery q(db);
    execStatement(q, statement, QStringLiteral("find the users matching the filter"));
    QStringList ids;
    while (q.next())
        ids << q.value(0).toString();
    return ids;
}

AccountAccess fetchAccountAccess(QSqlDatabase &db, const SchemaInfo &schema, const QString &clerkId)
{
    requireKnownSchema(schema);
    AccountAccess access;
    access.rolesSupported = schema.hasRoles();
    const QString key = schema.kind == SchemaKind::SehatScan ? QStringLiteral(R"(u."id")")
                                                             : QStringLiteral(R"(u."clerkId")");
    // One statement, one round trip: the user, and where there are roles the
    // login's write right and the roles held now. rolecall-server asks this on
    // every request, uncached, so a demoted admin is refused at once; as three
    // prepared statements it cost about nine round trips each time.
    QString sql = QStringLiteral("SELECT ") + userColumns(schema.kind) +
                  QStringLiteral(R"(, (extract(epoch FROM u."createdAt") * 1000)::bigint,
            (extract(epoch FROM u."updatedAt") * 1000)::bigint)");
    if (schema.hasRoles())
        sql += QStringLiteral(", ") + loginCanWriteSql(schema) + QStringLiteral(R"(,
            (SELECT array_to_string(array_agg(DISTINCT ur."role" ORDER BY ur."role"), ',')
             FROM "UserRole" ur
             WHERE ur."userId" = u."id" AND ur."isActive"
               AND ur."effectiveStartDate" <= timezone('UTC', now())
               AND (ur."effectiveEndDate" IS NULL
                    OR ur."effectiveEndDate" > timezone('UTC', now()))))");
    sql += QStringLiteral(R"( FROM "User" u WHERE )") + key + QStringLiteral(" = :clerkId LIMIT 1");
    QSqlQuery q(db);
    execStatement(q, PgStatement{sql, {{QStringLiteral("clerkId"), clerkId}}},
                  QStringLiteral("look up the signed-in user"));
    if (!q.next())
        return access;
    access.userFound = true;
    access.user = userFromRow(q, 7);
    if (!schema.hasRoles())
        return access;
    access.databaseReadOnly = !q.value(9).toBool();
    const QString roles = q.value(10).toString();
    if (!roles.isEmpty())
        access.activeRoles = roles.split(QLatin1Char(','));
    access.user.activeRoles = access.activeRoles;
    return access;
}

} // namespace rolecall
