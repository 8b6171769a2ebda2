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
