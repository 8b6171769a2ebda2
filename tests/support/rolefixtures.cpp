#include "support/rolefixtures.h"

#include "pg/pgdatasource.h"
#include "support/pgtestcluster.h"
#include "support/testdata.h"

#include <QSqlError>
#include <QSqlQuery>

namespace rolecall::testing {

namespace {

// Users (createdAt fixes their order) and grants, relative to now (N).
const char grantStatesSql[] = R"(
CREATE FUNCTION pg_temp.n(text) RETURNS timestamp(3) AS
    $$ SELECT (timezone('UTC', now()) + $1::interval)::timestamp(3) $$ LANGUAGE sql;
INSERT INTO "User" ("id", "clerkId", "email", "firstName", "lastName", "createdAt", "updatedAt") VALUES
 ('u_admin', 'user_admin', 'admin@example.test', 'Ada', 'Admin', '2024-01-01', '2024-01-01'),
 ('u_alice', 'user_alice', 'alice@example.test', 'Alice', 'A', '2024-01-02', '2024-01-02'),
 ('u_bob', 'user_bob', 'bob@example.test', 'Bob', 'B', '2024-01-03', '2024-01-03'),
 ('u_carol', 'user_carol', 'carol@example.test', 'Carol', 'C', '2024-01-04', '2024-01-04'),
 ('u_dave', 'user_dave', 'dave@example.test', 'Dave', 'D', '2024-01-05', '2024-01-05'),
 ('u_erin', 'user_erin', 'erin@example.test', 'Erin', 'E', '2024-01-06', '2024-01-06'),
 ('u_frank', 'user_frank', 'frank@example.test', 'Frank', 'F', '2024-01-07', '2024-01-07');
INSERT INTO "UserRole" ("id", "userId", "role", "effectiveStartDate", "effectiveEndDate",
    "assignedBy", "assignedByEmail", "reason", "adminNotes", "isActive", "createdAt", "updatedAt") VALUES
 ('g_admin', 'u_admin', 'ADMIN', pg_temp.n('-100 days'), NULL, NULL, NULL, 'founding admin', NULL,
  true, pg_temp.n('-100 days'), pg_temp.n('-100 days')),
 ('g_active', 'u_alice', 'LEARNER', pg_temp.n('-30 days'), NULL, 'user_admin', 'admin@example.test',
  'enrolled', NULL, true, pg_temp.n('-30 days'), pg_temp.n('-30 days')),
 ('g_future', 'u_alice', 'MENTOR', pg_temp.n('10 days'), NULL, 'user_admin', 'admin@example.test',
  'mentors next term', NULL, true, pg_temp.n('-2 days'), pg_temp.n('-2 days')),
 ('g_endflag', 'u_bob', 'MENTOR', pg_temp.n('-60 days'), pg_temp.n('-5 days'), 'user_admin',
  'admin@example.test', 'term mentor',
  E'Granted for the spring term\nEnded 2026-01-01T00:00:00.000Z by someone@example.test: first try\nEnded 2026-01-02T00:00:00.000Z by admin@example.test: term over',
  false, pg_temp.n('-60 days'), pg_temp.n('-5 days')),
 ('g_enddate', 'u_carol', 'MENTOR', pg_temp.n('-40 days'), pg_temp.n('-3 days'), 'user_admin',
  'admin@example.test', 'guest mentor', NULL, true, pg_temp.n('-40 days'), pg_temp.n('-40 days')),
 ('g_nullend', 'u_erin', 'ADMIN', pg_temp.n('-50 days'), NULL, 'user_admin', 'admin@example.test',
  'cover', 'Ended 2026-01-03T00:00:00.000Z by user_admin: left the team', false,
  pg_temp.n('-50 days'), pg_temp.n('-7 days')),
 ('g_expiring', 'u_erin', 'LEARNER', pg_temp.n('-1 days'), pg_temp.n('5 days'), 'user_other',
  'other@example.test', 'trial', NULL, true, pg_temp.n('-1 days'), pg_temp.n('-1 days')),
 ('g_expiring2', 'u_bob', 'LEARNER', pg_temp.n('-1 days'), pg_temp.n('20 days'), 'user_other',
  'other@example.test', 'trial', NULL, true, pg_temp.n('-1 days'), pg_temp.n('-1 days'));
-- Frank: many grants created and ended at the same instants (ties on "at").
INSERT INTO "UserRole" ("id", "userId", "role", "effectiveStartDate", "effectiveEndDate",
    "assignedBy", "reason", "isActive", "createdAt", "updatedAt")
SELECT 'g_tie' || lpad(g::text, 2, '0'), 'u_frank', 'LEARNER', pg_temp.n('-90 days'),
       pg_temp.n('-80 days'), 'user_admin', 'batch', false, pg_temp.n('-90 days'), pg_temp.n('-80 days')
FROM generate_series(1, 25) g;
ANALYZE;
)";

// Every row of a keyset-paged read: `fetch` returns one page's rows and
// whether it is the last, `resume` moves the query past the page's last row.
template <typename Row, typename Query, typename Fetch, typename Resume>
QList<Row> allPages(Query query, Fetch fetch, Resume resume)
{
    QList<Row> rows;
    for (;;) {
        const auto [page, atEnd] = fetch(query);
        rows += page;
        if (atEnd)
            return rows;
        resume(query, page.constLast());
    }
}

} // namespace

Actor actorOf(int n)
{
    return Actor{clerkIdOfSeedUser(n), emailOfSeedUser(n)};
}

Actor admin()
{
    return actorOf(5);
}

GrantRequest grantOf(int user, const QString &role, const QString &reason)
{
    GrantRequest request;
    request.user = emailOfSeedUser(user);
    request.role = role;
    request.reason = reason;
    return request;
}

QDateTime utcNow()
{
    return QDateTime::currentDateTimeUtc();
}

bool RoleWriterDatabases::start(QString *error)
{
    m_cluster = PgTestCluster::shared();
    if (!m_cluster && error)
        *error = PgTestCluster::startError();
    return m_cluster;
}

QString RoleWriterDatabases::freshDatabase(int users)
{
    QString error;
    const QString db = m_cluster->createDatabase(Fixture::AkakoLms, &error);
    if (db.isEmpty() || !seedAkakoUsers(*m_cluster, db, users, &error)) {
        qWarning("%s", qPrintable(error));
        return {};
    }
    return db;
}

// The test's own connection, under another application_name than the
// console's, so terminating "rolecall" backends leaves it alone.
QSqlDatabase RoleWriterDatabases::connect(const QString &database)
{
    const QString name = QStringLiteral("tst-") + database;
    if (QSqlDatabase::contains(name))
        return QSqlDatabase::database(name);
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
    const ConnectionSettings settings = m_cluster->connection(database);
    db.setHostName(settings.host);
    db.setPort(settings.port);
    db.setUserName(settings.user);
    db.setDatabaseName(settings.database);
    db.setConnectOptions(QStringLiteral("application_name=rolecall-test"));
    if (!db.open())
        qWarning("%s", qPrintable(db.lastError().text()));
    QSqlQuery(db).exec(QStringLiteral("SET TIME ZONE 'UTC'"));
    m_connections << name;
    return db;
}

QVariant RoleWriterDatabases::scalar(const QString &database, const QString &sql,
                                     const QVariantList &values)
{
    QSqlQuery q(connect(database));
    q.prepare(sql);
    for (int i = 0; i < values.size(); ++i)
        q.bindValue(i, values[i]);
    if (!q.exec() || !q.next()) {
        qWarning("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
        return {};
    }
    return q.value(0);
}

QString RoleWriterDatabases::checksum(const QString &database)
{
    return scalar(database, QStringLiteral(R"(SELECT count(*) || ':' || md5(COALESCE(string_agg(
                      to_jsonb(r)::text, ',' ORDER BY r."id"), '')) FROM "UserRole" r)"))
        .toString();
}

QString RoleWriterDatabases::handAdminOver(const QString &database, int from, int to)
{
    QSqlQuery sql(connect(database));
    sql.prepare(QStringLiteral(R"(
        INSERT INTO "UserRole" ("id", "userId", "role", "effectiveStartDate", "isActive",
            "reason", "createdAt", "updatedAt")
        VALUES ('crhandover' || md5(clock_timestamp()::text), 'cu' || lpad(:to, 10, '0'),
            'ADMIN', timezone('UTC', now()), true, 'takes over', timezone('UTC', now()),
            timezone('UTC', now())))"));
    sql.bindValue(QStringLiteral(":to"), QString::number(to));
    if (!sql.exec())
        return sql.lastError().text();
    sql.prepare(QStringLiteral(R"(UPDATE "UserRole" SET "isActive" = false,
        "effectiveEndDate" = timezone('UTC', now()), "updatedAt" = timezone('UTC', now())
        WHERE "userId" = 'cu' || lpad(:from, 10, '0') AND "role" = 'ADMIN' AND "isActive")"));
    sql.bindValue(QStringLiteral(":from"), QString::number(from));
    if (!sql.exec())
        return sql.lastError().text();
    return sql.numRowsAffected() > 0 ? QString()
                                     : QStringLiteral("seed user %1 held no ADMIN").arg(from);
}

void RoleWriterDatabases::removeConnections()
{
    for (const QString &name : std::as_const(m_connections))
        QSqlDatabase::removeDatabase(name);
}

QString createGrantStatesDatabase(PgTestCluster &cluster, QString *error)
{
    const QString db = cluster.createDatabase(Fixture::AkakoLms, error);
    if (db.isEmpty() || !cluster.exec(db, QString::fromUtf8(grantStatesSql), error))
        return {};
    return db;
}

QList<User> allUsers(PgDataSource &source, UserQuery query)
{
    const auto fetch = [&source](const UserQuery &q) {
        const UserPage page = source.fetchUsers(q).result();
        return std::pair(page.users, page.atEnd);
    };
    return allPages<User>(query, fetch, [](UserQuery &q, const User &last) {
        q.afterCreatedAt = last.createdAt;
        q.afterId = last.id;
    });
}

QList<AuditEvent> allEvents(PgDataSource &source, AuditQuery query)
{
    const auto fetch = [&source](const AuditQuery &q) {
        const AuditPage page = source.fetchAudit(q).result();
        return std::pair(page.events, page.atEnd);
    };
    return allPages<AuditEvent>(query, fetch, [](AuditQuery &q, const AuditEvent &last) {
        q.beforeAt = last.at;
        q.beforeId = last.id;
    });
}

QString invariantViolationsQuery()
{
    return QStringLiteral(R"(SELECT
        (SELECT count(*) FROM "UserRole" a JOIN "UserRole" b
            ON a."userId" = b."userId" AND a."role" = b."role" AND a."id" < b."id"
           AND a."isActive" AND b."isActive"
           AND a."effectiveStartDate" < COALESCE(b."effectiveEndDate", 'infinity')
           AND b."effectiveStartDate" < COALESCE(a."effectiveEndDate", 'infinity'))
        + (SELECT CASE WHEN count(*) = 0 THEN 1 ELSE 0 END FROM "UserRole" r
           WHERE r."role" = 'ADMIN' AND r."isActive"
             AND r."effectiveStartDate" <= timezone('UTC', now())
             AND (r."effectiveEndDate" IS NULL OR r."effectiveEndDate" > timezone('UTC', now()))))");
}

QDateTime daysFromNow(int days)
{
    return QDateTime::currentDateTimeUtc().addDays(days);
}

bool GrantStatesDatabase::start(QString *error)
{
    m_cluster = PgTestCluster::shared();
    if (!m_cluster) {
        *error = PgTestCluster::startError();
        return false;
    }
    m_db = createGrantStatesDatabase(*m_cluster, error);
    return !m_db.isEmpty();
}

} // namespace rolecall::testing
