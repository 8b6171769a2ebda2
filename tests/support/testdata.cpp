#include "support/testdata.h"

#include "support/pgtestcluster.h"

#include <QCryptographicHash>
#include <QStringList>

#include <iterator>

namespace rolecall::testing {

namespace {

const char *const firstNames[] = {"Zoë",   "José", "Łukasz", "Seán",  "Ngozi",
                                  "Aarav", "Mei",  "Ólafur", "Renée", "Kenji"};
const char *const lastNames[] = {"O'Brien",    "Müller", "Nguyễn",   "Smith", "D'Angelo",
                                 "Østergaard", "田中",   "Дмитриев", "Çelik"};

// ARRAY['Zoë','José',...]: the names the SQL seeders pick by the same index
// as the functions above.
template <std::size_t size>
QString sqlArray(const char *const (&names)[size])
{
    QStringList quoted;
    for (const char *name : names) {
        const QString escaped =
            QString::fromUtf8(name).replace(QLatin1Char('\''), QStringLiteral("''"));
        quoted << QStringLiteral("'%1'").arg(escaped);
    }
    return QStringLiteral("ARRAY[") + quoted.join(QLatin1Char(',')) + QLatin1Char(']');
}

} // namespace

QString clerkIdOfSeedUser(int n)
{
    const QByteArray md5 =
        QCryptographicHash::hash(QByteArray::number(n), QCryptographicHash::Md5).toHex();
    return QStringLiteral("user_") + QString::fromLatin1(md5.left(27));
}

QString emailOfSeedUser(int n)
{
    return QStringLiteral("user%1@example.test").arg(n);
}

QString firstNameOfSeedUser(int n)
{
    return QString::fromUtf8(firstNames[static_cast<std::size_t>(n) % std::size(firstNames)]);
}

QString lastNameOfSeedUser(int n)
{
    return QString::fromUtf8(lastNames[static_cast<std::size_t>(n / 10) % std::size(lastNames)]);
}

bool seedAkakoUsers(PgTestCluster &cluster, const QString &database, int count, QString *error)
{
    const QString sql = QStringLiteral(R"(
INSERT INTO "User" ("id", "clerkId", "email", "firstName", "lastName", "createdAt", "updatedAt")
SELECT 'cu' || lpad(g::text, 10, '0'),
       'user_' || left(md5(g::text), 27),
       'user' || g || '@example.test',
       (%2)[1 + g % 10],
       (%3)[1 + (g / 10) % 9],
       timestamp '2024-01-01' + (g % 50000) * interval '1 minute',
       timestamp '2024-01-01' + (g % 50000) * interval '1 minute'
FROM generate_series(1, %1) g;

INSERT INTO "UserRole" ("id", "userId", "role", "effectiveStartDate", "effectiveEndDate",
                        "assignedBy", "assignedByEmail", "reason", "isActive", "createdAt", "updatedAt")
SELECT 'cr' || lpad(g::text, 10, '0') || 'l', 'cu' || lpad(g::text, 10, '0'), 'LEARNER'::"Role",
       timestamp '2024-01-01', NULL, NULL, NULL, 'default role at sync', true,
       timestamp '2024-01-01', timestamp '2024-01-01'
FROM generate_series(1, %1) g WHERE g % 10 <> 0
UNION ALL
SELECT 'cr' || lpad(g::text, 10, '0') || 'm', 'cu' || lpad(g::text, 10, '0'), 'MENTOR'::"Role",
       timestamp '2024-02-01', timestamp '2024-06-01', 'user_admin', 'admin@example.test',
       'term ended', false, timestamp '2024-02-01', timestamp '2024-06-01'
FROM generate_series(1, %1) g WHERE g % 100 = 1
UNION ALL
SELECT 'cr' || lpad(g::text, 10, '0') || 'f', 'cu' || lpad(g::text, 10, '0'), 'MENTOR'::"Role",
       timezone('UTC', now()) + interval '30 days', NULL, 'user_admin', 'admin@example.test',
       'starts next month', true, timestamp '2024-03-01', timestamp '2024-03-01'
FROM generate_series(1, %1) g WHERE g % 1000 = 2
UNION ALL
SELECT 'cr' || lpad(g::text, 10, '0') || 'a', 'cu' || lpad(g::text, 10, '0'), 'ADMIN'::"Role",
       timestamp '2024-01-01', NULL, NULL, NULL, 'founding admin', true,
       timestamp '2024-01-01', timestamp '2024-01-01'
FROM generate_series(1, least(%1, 5)) g WHERE g = 5;
ANALYZE;
)")
                            .arg(count)
                            .arg(sqlArray(firstNames), sqlArray(lastNames));
    return cluster.exec(database, sql, error);
}

bool seedSehatScanUsers(PgTestCluster &cluster, const QString &database, int count, QString *error)
{
    const QString sql = QStringLiteral(R"(
INSERT INTO "User" ("id", "email", "password", "name", "createdAt", "updatedAt")
SELECT 'user_' || left(md5(g::text), 27),
       'user' || g || '@example.test',
       CASE WHEN g % 10 = 0 THEN '$2b$10$' || rpad(md5(g::text), 53, 'x') ELSE '' END,
       (%2)[1 + g % 10] || ' ' || (%3)[1 + (g / 10) % 9],
       timestamp '2024-01-01' + (g % 50000) * interval '1 minute',
       timestamp '2024-01-01' + (g % 50000) * interval '1 minute'
FROM generate_series(1, %1) g;
ANALYZE;
)")
                            .arg(count)
                            .arg(sqlArray(firstNames), sqlArray(lastNames));
    return cluster.exec(database, sql, error);
}

bool seedCsvEdgeUsers(PgTestCluster &cluster, const QString &database, bool akako, QString *error)
{
    // id, Clerk ID, email, first name, last name, createdAt
    const QString edges = QStringLiteral(R"(
(VALUES
 ('edge01', '=cmd|calc', '+1@x.test', '-Minus', '@At', timestamp '2023-05-05 10:00:00.123'),
 ('edge02', E'\tTab', E'\rcr@x.test', 'Quote "Q" Name', 'Comma, Jr', timestamp '2023-05-05 10:00:00.123'),
 ('edge03', 'ck_03', E'line1\nline2@x.test', E'a,=b;+c\t-d\r@e\nf', E'x\n=y', timestamp '0500-03-01 12:34:56.789'),
 ('edge04', 'ck_04', 'e4@x.test', NULL, NULL, timestamp '9999-12-31 23:59:59.999'),
 ('edge05', 'ck_05', 'e5@x.test', E'\u3000 Ann\u00a0', E'\t', timestamp '10000-01-01 00:00:00'),
 ('edge06', 'ck_06', 'zoë@x.test', E'Zoë \U0001F642', '田中', timestamp '0001-06-01 00:00:00 BC'),
 ('edge07', 'ck_07', 'e7@x.test', '', 'Solo', timestamp '1969-12-31 23:59:59.999'),
 ('edge08', 'ck_08', 'e8@x.test', E'back\\slash', E'''apos', timestamp '1970-01-01 00:00:00'),
 ('edge09', '"', '==@x.test', '--x', E'\t\t=', timestamp '2023-05-05 10:00:00.123'),
 ('edge10', E'\r\n\r\n+', ';;-', E'\u2028+\u0085', E'\u00a0\u00a0', timestamp '2030-01-01 00:00:00'),
 ('edge11', ',@', E'\n@', ' ', ' ', timestamp '2000-02-29 12:00:00.5'),
 ('edge12', 'ck_12', 'e12@x.test', E'\u200bZero\u200b', E'\u180e', timestamp '2023-05-05 10:00:00.123')
) AS e(id, clerk, email, first, last, created))");
    QString sql;
    if (akako) {
        sql = QStringLiteral(R"(
ALTER TABLE "User" ALTER COLUMN "updatedAt" TYPE timestamp(6);
INSERT INTO "User" ("id", "clerkId", "email", "firstName", "lastName", "createdAt", "updatedAt")
SELECT id, clerk, email, first, last, created, created + interval '0.0005 s' FROM %1;
UPDATE "User" SET "updatedAt" = timestamp '9999-12-31 23:59:59.9996' WHERE "id" = 'edge04';
UPDATE "User" SET "updatedAt" = timestamp '2023-01-01 00:00:00.123456' WHERE "id" = 'edge07';
INSERT INTO "UserRole" ("id", "userId", "role", "effectiveStartDate", "effectiveEndDate",
                        "assignedBy", "assignedByEmail", "reason", "isActive", "createdAt", "updatedAt")
SELECT 'er' || u || r, u, r::"Role", timestamp '2024-01-01', NULL, NULL, NULL, 'edge', true,
       timestamp '2024-01-01', timestamp '2024-01-01'
FROM unnest(ARRAY['edge01', 'edge01', 'edge01', 'edge02', 'edge09', 'edge09'],
            ARRAY['ADMIN', 'LEARNER', 'MENTOR', 'MENTOR', 'MENTOR', 'LEARNER']) AS g(u, r)
UNION ALL
SELECT 'eredge03x', 'edge03', 'ADMIN'::"Role", timestamp '2024-01-01', timestamp '2024-02-01',
       NULL, NULL, 'ended', false, timestamp '2024-01-01', timestamp '2024-02-01'
UNION ALL
SELECT 'eredge04f', 'edge04', 'ADMIN'::"Role", timezone('UTC', now()) + interval '30 days', NULL,
       NULL, NULL, 'future', true, timestamp '2024-01-01', timestamp '2024-01-01';
ANALYZE;
)");
    } else {
        sql = QStringLiteral(R"(
INSERT INTO "User" ("id", "email", "password", "name", "createdAt", "updatedAt")
SELECT id, email, '', first, created, created FROM %1;
ANALYZE;
)");
    }
    return cluster.exec(database, sql.arg(edges), error);
}

QString seededAkakoDatabase(int count, QString *error)
{
    PgTestCluster *cluster = PgTestCluster::shared();
    if (!cluster) {
        if (error)
            *error = PgTestCluster::startError();
        return {};
    }
    const QString database = cluster->createDatabase(Fixture::AkakoLms, error);
    if (database.isEmpty() || !seedAkakoUsers(*cluster, database, count, error))
        return {};
    return database;
}

} // namespace rolecall::testing
