// PgDataSource on a real PostgreSQL with 100,000 users: keyset paging through
// the whole table, server-side search (unicode, apostrophes, LIKE
// metacharacters), active roles, counts, and faults.
#include "domain/datasourceerror.h"
#include "pg/pgdatasource.h"
#include "support/pgtestcluster.h"
#include "support/testdata.h"

#include <QSet>
#include <QTest>

using namespace rolecall;
using rolecall::testing::Fixture;
using rolecall::testing::PgTestCluster;

namespace {
constexpr int userCount = 100000;
}

class TestPgDataSource : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void pagesThroughEveryUserOnce();
    void firstPageIsNewestFirst();
    void searchesOnTheServer_data();
    void searchesOnTheServer();
    void reportsActiveRolesOnly();
    void tellsTheAccountAsHeldNow_data();
    void tellsTheAccountAsHeldNow();
    void readsSehatScanUsers();
    void rejectsBadPageSizes();
    void reportsAnUnreachableServer();
    void reconnectsAfterTheConnectionDrops();

private:
    QList<User> allPages(PgDataSource &source, const QString &search, int pageSize);
    PgTestCluster *m_cluster = nullptr;
    QString m_db;
};

void TestPgDataSource::initTestCase()
{
    m_cluster = PgTestCluster::shared();
    QVERIFY2(m_cluster, qPrintable(PgTestCluster::startError()));
    QString error;
    m_db = m_cluster->createDatabase(Fixture::AkakoLms, &error);
    QVERIFY2(!m_db.isEmpty(), qPrintable(error));
    QVERIFY2(testing::seedAkakoUsers(*m_cluster, m_db, userCount, &error), qPrintable(error));
}

QList<User> TestPgDataSource::allPages(PgDataSource &source, const QString &search, int pageSize)
{
    QList<User> users;
    UserQuery query;
    query.search = search;
    query.limit = pageSize;
    for (;;) {
        const UserPage page = source.fetchUsers(query).result();
        users += page.users;
        if (page.atEnd)
            break;
        query.afterCreatedAt = page.users.constLast().createdAt;
        query.afterId = page.users.constLast().id;
    }
    return users;
}

void TestPgDataSource::pagesThroughEveryUserOnce()
{
    PgDataSource source(m_cluster->connection(m_db));
    const QList<User> users = allPages(source, QString(), 5000);
    QCOMPARE(users.size(), userCount);
    QSet<QString> ids;
    for (int i = 0; i < users.size(); ++i) {
        ids.insert(users[i].id);
        if (i > 0) {
            // strictly descending on (createdAt, id): no row twice, none skipped
            const User &previous = users[i - 1];
            QVERIFY(previous.createdAt > users[i].createdAt ||
                    (previous.createdAt == users[i].createdAt && previous.id > users[i].id));
        }
    }
    QCOMPARE(ids.size(), userCount);
    QCOMPARE(source.countUsers(QString()).result(), qint64(userCount));
}

void TestPgDataSource::firstPageIsNewestFirst()
{
    PgDataSource source(m_cluster->connection(m_db));
    UserQuery query;
    query.limit = 3;
    const UserPage page = source.fetchUsers(query).result();
    QCOMPARE(page.users.size(), 3);
    QVERIFY(!page.atEnd);
    // createdAt repeats every 50,000 users: 99999 and 49999 share the newest.
    QCOMPARE(page.users[0].id, QStringLiteral("cu0000099999"));
    QCOMPARE(page.users[1].id, QStringLiteral("cu0000049999"));
    QCOMPARE(page.users[0].createdAt.timeSpec(), Qt::UTC);
    QCOMPARE(page.users[0].createdAt,
             QDateTime(QDate(2024, 1, 1), QTime(0, 0), Qt::UTC).addSecs(49999 * 60));
    QCOMPARE(page.users[0].email, QStringLiteral("user99999@example.test"));
    QCOMPARE(page.users[0].clerkId.size(), 32);
}

void TestPgDataSource::searchesOnTheServer_data()
{
    QTest::addColumn<QString>("search");
    QTest::addColumn<int>("expected");

    // first names cycle every 10 users, last names every 90
    QTest::newRow("exact email") << "user12345@example.test" << 1;
    QTest::newRow("email fragment") << "user1234" << 11;                  // 1234 and 12340..12349
    QTest::newRow("clerk id") << "user_827ccb0eea8a706c4c34a16891f" << 1; // md5("12345")
    QTest::newRow("unicode first name") << "Zoë" << userCount / 10;
    QTest::newRow("case-insensitive unicode") << "ZOË" << userCount / 10;
    QTest::newRow("apostrophe") << "O'Brien" << 11119;
    QTest::newRow("cjk last name") << "田中" << 11110;
    QTest::newRow("full name") << "Mei Müller" << 1111;
    QTest::newRow("percent is literal") << "100%" << 0;
    QTest::newRow("underscore is literal") << "user_%" << 0;
    QTest::newRow("sql metacharacters") << "'; DROP TABLE \"User\"; --" << 0;
    QTest::newRow("no match") << "nobody-here" << 0;
}

void TestPgDataSource::searchesOnTheServer()
{
    QFETCH(QString, search);
    QFETCH(int, expected);
    PgDataSource source(m_cluster->connection(m_db));
    QCOMPARE(source.countUsers(search).result(), qint64(expected));
    const QList<User> users = allPages(source, search, 5000);
    QCOMPARE(users.size(), expected);
    for (const User &user : users) {
        const QString haystack =
            user.displayName() + QLatin1Char(' ') + user.email + QLatin1Char(' ') + user.clerkId;
        QVERIFY2(haystack.contains(search, Qt::CaseInsensitive) ||
                     user.displayName().contains(search, Qt::CaseInsensitive),
                 qPrintable(haystack));
    }
}

void TestPgDataSource::reportsActiveRolesOnly()
{
    PgDataSource source(m_cluster->connection(m_db));
    auto rolesOf = [&source](int n) {
        UserQuery query;
        query.search = QStringLiteral("user%1@example.test").arg(n);
        const UserPage page = source.fetchUsers(query).result();
        return page.users.value(0).activeRoles;
    };
    QCOMPARE(rolesOf(5), (QStringList{QStringLiteral("LEARNER"), QStringLiteral("ADMIN")}));
    QCOMPARE(rolesOf(101), QStringList{QStringLiteral("LEARNER")});  // MENTOR ended
    QCOMPARE(rolesOf(1002), QStringList{QStringLiteral("LEARNER")}); // MENTOR not started
    QCOMPARE(rolesOf(10), QStringList());                            // no role at all
}

void TestPgDataSource::tellsTheAccountAsHeldNow_data()
{
    // ADMIN grants that are not held now, beside the seed's LEARNER: ended,
    // past their end, not started yet; and one held until next week.
    QString error;
    QVERIFY2(m_cluster->exec(m_db, QStringLiteral(R"(
INSERT INTO "UserRole" ("id", "userId", "role", "effectiveStartDate", "effectiveEndDate",
                        "reason", "isActive", "createdAt", "updatedAt")
VALUES ('acc-ended', 'cu0000000011', 'ADMIN', timestamp '2024-01-01', timestamp '2024-03-01',
        'ended', false, timestamp '2024-01-01', timestamp '2024-03-01'),
       ('acc-expired', 'cu0000000012', 'ADMIN', timestamp '2024-01-01', timestamp '2024-03-01',
        'expired', true, timestamp '2024-01-01', timestamp '2024-01-01'),
       ('acc-scheduled', 'cu0000000013', 'ADMIN', timezone('UTC', now()) + interval '1 day',
        NULL, 'scheduled', true, timestamp '2024-01-01', timestamp '2024-01-01'),
       ('acc-until', 'cu0000000014', 'ADMIN', timestamp '2024-01-01',
        timezone('UTC', now()) + interval '7 days', 'until next week', true,
        timestamp '2024-01-01', timestamp '2024-01-01')
ON CONFLICT ("id") DO NOTHING)"),
                             &error),
             qPrintable(error));

    QTest::addColumn<QString>("clerkId");
    QTest::addColumn<bool>("found");
    QTest::addColumn<QString>("userId");
    QTest::addColumn<QStringList>("roles");
    QTest::addColumn<bool>("canWrite");
    const QString learner = QStringLiteral("LEARNER");
    const QString admin = QStringLiteral("ADMIN");
    QTest::newRow("active ADMIN") << testing::clerkIdOfSeedUser(5) << true
                                  << QStringLiteral("cu0000000005") << QStringList{learner, admin}
                                  << true;
    QTest::newRow("ADMIN ended") << testing::clerkIdOfSeedUser(11) << true
                                 << QStringLiteral("cu0000000011") << QStringList{learner} << false;
    QTest::newRow("ADMIN past its end")
        << testing::clerkIdOfSeedUser(12) << true << QStringLiteral("cu0000000012")
        << QStringList{learner} << false;
    QTest::newRow("ADMIN not started")
        << testing::clerkIdOfSeedUser(13) << true << QStringLiteral("cu0000000013")
        << QStringList{learner} << false;
    QTest::newRow("ADMIN until next week")
        << testing::clerkIdOfSeedUser(14) << true << QStringLiteral("cu0000000014")
        << QStringList{learner, admin} << true;
    QTest::newRow("MENTOR ended") << testing::clerkIdOfSeedUser(101) << true
                                  << QStringLiteral("cu0000000101") << QStringList{learner}
                                  << false;
    QTest::newRow("no role") << testing::clerkIdOfSeedUser(10) << true
                             << QStringLiteral("cu0000000010") << QStringList() << false;
    QTest::newRow("unknown") << QStringLiteral("user_nobody") << false << QString() << QStringList()
                             << false;
    QTest::newRow("quotes and backslashes") << QStringLiteral("user_o'b\\'') OR true --") << false
                                            << QString() << QStringList() << false;
}

// The account is one statement now; it must still say what the three said.
void TestPgDataSource::tellsTheAccountAsHeldNow()
{
    QFETCH(QString, clerkId);
    QFETCH(bool, found);
    QFETCH(QString, userId);
    QFETCH(QStringList, roles);
    QFETCH(bool, canWrite);
    PgDataSource source(m_cluster->connection(m_db));
    const AccountAccess access = source.fetchAccount(clerkId).result();
    QVERIFY(access.rolesSupported);
    QCOMPARE(access.userFound, found);
    QCOMPARE(access.user.id, userId);
    QCOMPARE(access.activeRoles, roles);
    QCOMPARE(access.user.activeRoles, roles);
    QVERIFY(!access.databaseReadOnly);
    QCOMPARE(access.canWrite(), canWrite);
    if (found) {
        QCOMPARE(access.user.clerkId, clerkId);
        QCOMPARE(access.user.createdAt.timeSpec(), Qt::UTC);
        QVERIFY(access.user.createdAt.isValid());
        QVERIFY(access.user.updatedAt.isValid());
    }
}

void TestPgDataSource::readsSehatScanUsers()
{
    QString error;
    const QString db = m_cluster->createDatabase(Fixture::SehatScan, &error);
    QVERIFY2(testing::seedSehatScanUsers(*m_cluster, db, 1000, &error), qPrintable(error));
    PgDataSource source(m_cluster->connection(db));
    const QList<User> users = allPages(source, QString(), 300);
    QCOMPARE(users.size(), 1000);
    QCOMPARE(users.first().clerkId, users.first().id);
    QVERIFY(users.first().activeRoles.isEmpty());
    QVERIFY(!users.first().displayName().isEmpty());
    QCOMPARE(source.countUsers(QStringLiteral("Zoë")).result(), qint64(100));

    // No roles: the account is the user alone, and nobody may write here.
    const AccountAccess access = source.fetchAccount(users.first().id).result();
    QVERIFY(access.userFound);
    QVERIFY(!access.rolesSupported);
    QCOMPARE(access.user.id, users.first().id);
    QCOMPARE(access.user.email, users.first().email);
    QVERIFY(access.activeRoles.isEmpty());
    QVERIFY(!access.canWrite());
    QVERIFY(!source.fetchAccount(QStringLiteral("user_nobody")).result().userFound);
}

void TestPgDataSource::rejectsBadPageSizes()
{
    PgDataSource source(m_cluster->connection(m_db));
    for (int limit : {0, -1, 100000}) {
        UserQuery query;
        query.limit = limit;
        try {
            source.fetchUsers(query).waitForFinished();
            QFAIL("expected a validation error");
        } catch (const DataSourceError &e) {
            QCOMPARE(e.kind(), DataSourceError::Kind::Validation);
        }
    }
}

void TestPgDataSource::reportsAnUnreachableServer()
{
    ConnectionSettings settings = m_cluster->connection(m_db);
    settings.port = 1; // nothing listens there
    PgDataSource source(settings);
    try {
        source.detectSchema().waitForFinished();
        QFAIL("expected a connection error");
    } catch (const DataSourceError &e) {
        QCOMPARE(e.kind(), DataSourceError::Kind::Connection);
        QVERIFY2(e.message().startsWith(QLatin1String("Cannot connect to rolecall@127.0.0.1:1/")),
                 qPrintable(e.message()));
    }
}

void TestPgDataSource::reconnectsAfterTheConnectionDrops()
{
    PgDataSource source(m_cluster->connection(m_db));
    QCOMPARE(source.countUsers(QString()).result(), qint64(userCount));
    QString error;
    QVERIFY2(
        m_cluster->exec(QStringLiteral("postgres"),
                        QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                       "WHERE datname = '%1' AND application_name = 'rolecall'")
                            .arg(m_db),
                        &error),
        qPrintable(error));
    // Both workers lost their connections; every call still succeeds.
    for (int i = 0; i < 4; ++i)
        QCOMPARE(source.countUsers(QString()).result(), qint64(userCount));
}

QTEST_GUILESS_MAIN(TestPgDataSource)
#include "tst_pgdatasource.moc"
