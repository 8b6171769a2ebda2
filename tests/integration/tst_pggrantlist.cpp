// The Grants and Overview screens' queries on a real PostgreSQL: every grant
// paged by keyset (ties included) and filtered by role and state, and the
// overview's figures, whose 12-month series is checked against the naive
// per-month query it replaces.
#include "domain/datasourceerror.h"
#include "pg/pgdatasource.h"
#include "support/pgtestcluster.h"
#include "support/rolefixtures.h"
#include "support/testdata.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace rolecall;
using rolecall::testing::failureOf;
using rolecall::testing::Fixture;

namespace {

QStringList grantIds(const QList<GrantView> &grants)
{
    QStringList ids;
    for (const GrantView &g : grants)
        ids << g.grant.id;
    ids.sort();
    return ids;
}

// A plain connection for the naive reference queries, removed when it goes.
class ReferenceConnection
{
public:
    explicit ReferenceConnection(const ConnectionSettings &settings)
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name());
        db.setHostName(settings.host);
        db.setPort(settings.port);
        db.setUserName(settings.user);
        db.setDatabaseName(settings.database);
    }
    ~ReferenceConnection() { QSqlDatabase::removeDatabase(name()); }
    Q_DISABLE_COPY_MOVE(ReferenceConnection)

    bool open() { return database().open(); }
    QString error() const { return QSqlDatabase::database(name(), false).lastError().text(); }
    QSqlDatabase database() const { return QSqlDatabase::database(name(), false); }

private:
    static QString name() { return QStringLiteral("ref"); }
};

QStringList tieIds()
{
    QStringList ids;
    for (int i = 1; i <= rolecall::testing::tiedGrants; ++i)
        ids << QStringLiteral("g_tie%1").arg(i, 2, 10, QLatin1Char('0'));
    return ids;
}

} // namespace

class TestPgGrantList : public QObject, private rolecall::testing::GrantStatesDatabase
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void pagesEveryGrantByKeyset();
    void filtersByState_data();
    void filtersByState();
    void filtersByRole();
    void rejectsBadInput();
    void overviewCountsNow();
    void overviewSeriesMatchesThePerMonthQuery();
    void roleHoldersMatchTheNaiveCount_data();
    void roleHoldersMatchTheNaiveCount();
    void sehatScan();

private:
    QList<GrantView> all(PgDataSource &source, GrantListQuery query);
};

void TestPgGrantList::initTestCase()
{
    QString error;
    QVERIFY2(start(&error), qPrintable(error));
}

QList<GrantView> TestPgGrantList::all(PgDataSource &source, GrantListQuery query)
{
    QList<GrantView> grants;
    for (int pages = 0; pages < 1000; ++pages) {
        const GrantPage page = source.fetchGrantPage(query).result();
        grants << page.grants;
        if (page.atEnd)
            return grants;
        query.beforeCreatedAt = page.grants.constLast().grant.createdAt;
        query.beforeId = page.grants.constLast().grant.id;
    }
    return grants;
}

void TestPgGrantList::pagesEveryGrantByKeyset()
{
    PgDataSource source(m_cluster->connection(m_db));
    GrantListQuery query;
    query.limit = 4; // pages end inside the 25 tied grants
    const QList<GrantView> grants = all(source, query);
    QCOMPARE(grants.size(), 8 + rolecall::testing::tiedGrants);
    QStringList ids = grantIds(grants);
    ids.removeDuplicates();
    QCOMPARE(ids.size(), grants.size());
    // newest first, ties broken by id descending
    for (int i = 1; i < grants.size(); ++i) {
        const RoleGrant &a = grants[i - 1].grant;
        const RoleGrant &b = grants[i].grant;
        QVERIFY(a.createdAt > b.createdAt || (a.createdAt == b.createdAt && a.id > b.id));
    }
    // users and who ended a grant come with it
    const auto bob = std::find_if(grants.cbegin(), grants.cend(), [](const GrantView &g) {
        return g.grant.id == QLatin1String("g_endflag");
    });
    QVERIFY(bob != grants.cend());
    QCOMPARE(bob->userEmail, QStringLiteral("bob@example.test"));
    QCOMPARE(bob->userName, QStringLiteral("Bob B"));
    QCOMPARE(bob->state, GrantState::Ended);
    QCOMPARE(bob->endedBy, QStringLiteral("admin@example.test"));
    QCOMPARE(bob->endedReason, QStringLiteral("term over"));

    // one page of everything says it is the last
    query.limit = 100;
    const GrantPage page = source.fetchGrantPage(query).result();
    QVERIFY(page.atEnd);
    QCOMPARE(page.grants.size(), grants.size());
}

void TestPgGrantList::filtersByState_data()
{
    QTest::addColumn<int>("state");
    QTest::addColumn<int>("days");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("active") << int(GrantFilterState::Active) << 0
                            << QStringList{QStringLiteral("g_active"), QStringLiteral("g_admin"),
                                           QStringLiteral("g_expiring"),
                                           QStringLiteral("g_expiring2")};
    QTest::newRow("future") << int(GrantFilterState::Future) << 0
                            << QStringList{QStringLiteral("g_future")};
    QTest::newRow("ended") << int(GrantFilterState::Ended) << 0
                           << (QStringList{QStringLiteral("g_enddate"), QStringLiteral("g_endflag"),
                                           QStringLiteral("g_nullend")} +
                               tieIds());
    QTest::newRow("expiring in 7 days")
        << int(GrantFilterState::Expiring) << 7 << QStringList{QStringLiteral("g_expiring")};
    QTest::newRow("expiring in 30 days")
        << int(GrantFilterState::Expiring) << 30
        << QStringList{QStringLiteral("g_expiring"), QStringLiteral("g_expiring2")};
}

void TestPgGrantList::filtersByState()
{
    QFETCH(int, state);
    QFETCH(int, days);
    QFETCH(QStringList, expected);
    PgDataSource source(m_cluster->connection(m_db));
    GrantListQuery query;
    query.state = GrantFilterState(state);
    query.expiringDays = days > 0 ? days : 7;
    query.limit = 3;
    const QList<GrantView> grants = all(source, query);
    expected.sort();
    QCOMPARE(grantIds(grants), expected);
    for (const GrantView &g : grants) {
        if (query.state == GrantFilterState::Future)
            QCOMPARE(g.state, GrantState::Future);
        else if (query.state == GrantFilterState::Ended)
            QCOMPARE(g.state, GrantState::Ended);
        else
            QCOMPARE(g.state, GrantState::Active);
    }
}

void TestPgGrantList::filtersByRole()
{
    PgDataSource source(m_cluster->connection(m_db));
    GrantListQuery query;
    query.role = QStringLiteral("MENTOR");
    QCOMPARE(grantIds(all(source, query)),
             (QStringList{QStringLiteral("g_enddate"), QStringLiteral("g_endflag"),
                          QStringLiteral("g_future")}));
    query.state = GrantFilterState::Ended;
    QCOMPARE(grantIds(all(source, query)),
             (QStringList{QStringLiteral("g_enddate"), QStringLiteral("g_endflag")}));
}

void TestPgGrantList::rejectsBadInput()
{
    PgDataSource source(m_cluster->connection(m_db));
    GrantListQuery query;
    query.role = QStringLiteral("WIZARD");
    DataSourceError e = failureOf(source.fetchGrantPage(query));
    QCOMPARE(e.kind(), DataSourceError::Kind::Validation);
    QVERIFY2(e.message().contains(QLatin1String("WIZARD")), qPrintable(e.message()));

    query = {};
    query.limit = 0;
    QCOMPARE(failureOf(source.fetchGrantPage(query)).kind(), DataSourceError::Kind::Validation);
    query = {};
    query.state = GrantFilterState::Expiring;
    query.expiringDays = 0;
    QCOMPARE(failureOf(source.fetchGrantPage(query)).kind(), DataSourceError::Kind::Validation);
}

void TestPgGrantList::overviewCountsNow()
{
    PgDataSource source(m_cluster->connection(m_db));
    const OverviewFigures figures = source.fetchOverview().result();
    QVERIFY(figures.rolesSupported);
    QCOMPARE(figures.users, 7);
    QCOMPARE(figures.usersWithoutRole, 3); // Carol, Dave, Frank
    QCOMPARE(figures.grantsExpiringThisWeek, 1);
    QCOMPARE(figures.activePerRole.size(), 3);
    QCOMPARE(figures.activePerRole[0].role, QStringLiteral("LEARNER")); // enum order
    QCOMPARE(figures.activePerRole[0].activeGrants, 3);
    QCOMPARE(figures.activePerRole[0].activeUsers, 3);
    QCOMPARE(figures.activePerRole[1].role, QStringLiteral("MENTOR"));
    QCOMPARE(figures.activePerRole[1].activeGrants, 0);
    QCOMPARE(figures.activePerRole[2].role, QStringLiteral("ADMIN"));
    QCOMPARE(figures.activePerRole[2].activeGrants, 1);

    QCOMPARE(figures.months.size(), 12);
    const QDate thisMonth = QDateTime::currentDateTimeUtc().date();
    QCOMPARE(figures.months.constLast(), QDate(thisMonth.year(), thisMonth.month(), 1));
    QCOMPARE(figures.months.constFirst(), figures.months.constLast().addMonths(-11));
    QCOMPARE(figures.series.size(), 3);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(figures.series[i].first, figures.activePerRole[i].role);
        QCOMPARE(figures.series[i].second.size(), 12);
        // the last point is "now"
        QCOMPARE(figures.series[i].second.constLast(), figures.activePerRole[i].activeGrants);
    }
}

void TestPgGrantList::overviewSeriesMatchesThePerMonthQuery()
{
    // Grants that start, end and lose their flag on month boundaries and
    // inside months, so the bucketing is tested at its edges.
    QString error;
    const QString db = rolecall::testing::createGrantStatesDatabase(*m_cluster, &error);
    QVERIFY2(!db.isEmpty(), qPrintable(error));
    QVERIFY2(m_cluster->exec(db, QStringLiteral(R"(
INSERT INTO "UserRole" ("id", "userId", "role", "effectiveStartDate", "effectiveEndDate",
    "isActive", "createdAt", "updatedAt")
SELECT 'g_edge' || k, 'u_dave', (ARRAY['LEARNER', 'MENTOR', 'ADMIN'])[1 + k % 3]::"Role",
       date_trunc('month', timezone('UTC', now())) - make_interval(months => k % 13)
           + CASE WHEN k % 2 = 0 THEN interval '0' ELSE interval '3 days' END,
       CASE WHEN k % 4 = 0 THEN NULL
            ELSE date_trunc('month', timezone('UTC', now())) - make_interval(months => k % 5) END,
       k % 3 <> 0,
       timezone('UTC', now()) - interval '400 days',
       date_trunc('month', timezone('UTC', now())) - make_interval(months => k % 7)
FROM generate_series(1, 60) k;)"),
                             &error),
             qPrintable(error));

    PgDataSource source(m_cluster->connection(db));
    const OverviewFigures figures = source.fetchOverview().result();
    QCOMPARE(figures.months.size(), 12);

    // The naive reference: for each month end, count the grants held then.
    ReferenceConnection reference(m_cluster->connection(db));
    QVERIFY2(reference.open(), qPrintable(reference.error()));
    {
        QSqlQuery q(reference.database());
        QVERIFY2(q.exec(QStringLiteral(R"(SET TIME ZONE 'UTC';)")),
                 qPrintable(q.lastError().text()));
        QVERIFY2(q.exec(QStringLiteral(R"(
WITH m AS (SELECT k, LEAST(date_trunc('month', timezone('UTC', now()))
                             - make_interval(months => 10 - k), timezone('UTC', now())) AS at
           FROM generate_series(0, 11) k)
SELECT r.role::text, m.k, (SELECT count(*) FROM "UserRole" g WHERE g."role" = r.role
    AND g."effectiveStartDate" <= m.at
    AND (g."effectiveEndDate" IS NULL OR g."effectiveEndDate" > m.at)
    AND (g."isActive" OR g."updatedAt" > m.at))
FROM m CROSS JOIN unnest(enum_range(NULL::"Role")) WITH ORDINALITY AS r(role, ord)
ORDER BY r.ord, m.k)")),
                 qPrintable(q.lastError().text()));
        int rows = 0;
        while (q.next()) {
            const QString role = q.value(0).toString();
            const int k = q.value(1).toInt();
            const auto entry = std::find_if(figures.series.cbegin(), figures.series.cend(),
                                            [&role](const auto &e) { return e.first == role; });
            QVERIFY(entry != figures.series.cend());
            QVERIFY2(entry->second.value(k) == q.value(2).toLongLong(),
                     qPrintable(QStringLiteral("%1 month %2: %3, expected %4")
                                    .arg(role)
                                    .arg(k)
                                    .arg(entry->second.value(k))
                                    .arg(q.value(2).toLongLong())));
            ++rows;
        }
        QCOMPARE(rows, 36);
    }
}

void TestPgGrantList::roleHoldersMatchTheNaiveCount_data()
{
    QTest::addColumn<QString>("index");
    QTest::newRow("without indexes") << QString();
    QTest::newRow("the advised covering index") << QStringLiteral(
        R"(CREATE INDEX "UserRole_userId_role_idx" ON "UserRole" ("userId", "role")
           INCLUDE ("effectiveStartDate", "effectiveEndDate", "isActive", "updatedAt"))");
    QTest::newRow("a plain userId index")
        << QStringLiteral(R"(CREATE INDEX "UserRole_userId_idx" ON "UserRole" ("userId"))");
}

void TestPgGrantList::roleHoldersMatchTheNaiveCount()
{
    // Every user gets grants of every kind: held, scheduled, expired, ended
    // (flag cleared before and after now), several held grants of one role
    // and held grants of several roles, so the distinct counts are tested
    // where a per-grant count would differ.
    QFETCH(QString, index);
    QString error;
    const QString db = rolecall::testing::createGrantStatesDatabase(*m_cluster, &error);
    QVERIFY2(!db.isEmpty(), qPrintable(error));
    QVERIFY2(m_cluster->exec(db, QStringLiteral(R"(
INSERT INTO "UserRole" ("id", "userId", "role", "effectiveStartDate", "effectiveEndDate",
    "isActive", "createdAt", "updatedAt")
SELECT 'g_mix' || k, (ARRAY['u_alice', 'u_bob', 'u_dave', 'u_erin'])[1 + k % 4],
       (ARRAY['LEARNER', 'MENTOR', 'ADMIN'])[1 + k % 3]::"Role",
       timezone('UTC', now()) + make_interval(days => k % 5 - 3),
       CASE WHEN k % 7 < 2 THEN NULL
            ELSE timezone('UTC', now()) + make_interval(days => k % 7 - 4) END,
       k % 11 <> 0,
       timezone('UTC', now()) - interval '40 days',
       timezone('UTC', now()) + make_interval(days => k % 3 - 1)
FROM generate_series(1, 90) k;)"),
                             &error),
             qPrintable(error));
    if (!index.isEmpty())
        QVERIFY2(m_cluster->exec(db, index + QStringLiteral("; ANALYZE \"UserRole\";"), &error),
                 qPrintable(error));

    PgDataSource source(m_cluster->connection(db));
    const OverviewFigures figures = source.fetchOverviewPart(OverviewPart::RoleHolders).result();
    QVERIFY(figures.rolesSupported);

    ReferenceConnection reference(m_cluster->connection(db));
    QVERIFY2(reference.open(), qPrintable(reference.error()));
    {
        // The naive reference: per role, the users for whom a held grant exists.
        QSqlQuery q(reference.database());
        QVERIFY2(q.exec(QStringLiteral(R"(
WITH held AS (SELECT * FROM "UserRole" g WHERE g."effectiveStartDate" <= timezone('UTC', now())
    AND (g."effectiveEndDate" IS NULL OR g."effectiveEndDate" > timezone('UTC', now()))
    AND (g."isActive" OR g."updatedAt" > timezone('UTC', now())))
SELECT r.role::text,
       (SELECT count(*) FROM "User" u WHERE EXISTS (
            SELECT 1 FROM held h WHERE h."userId" = u."id" AND h."role" = r.role)),
       (SELECT count(*) FROM "User"),
       (SELECT count(*) FROM "User" u WHERE NOT EXISTS (
            SELECT 1 FROM held h WHERE h."userId" = u."id")),
       (SELECT count(*) FROM held h WHERE h."role" = r.role)
FROM unnest(enum_range(NULL::"Role")) WITH ORDINALITY AS r(role, ord) ORDER BY r.ord)")),
                 qPrintable(q.lastError().text()));
        int row = 0;
        bool someGrantsRepeatAUser = false;
        while (q.next()) {
            QVERIFY(row < figures.activePerRole.size());
            const RoleCount &count = figures.activePerRole.at(row);
            QCOMPARE(count.role, q.value(0).toString());
            QCOMPARE(count.activeUsers, q.value(1).toLongLong());
            QCOMPARE(figures.users, q.value(2).toLongLong());
            QCOMPARE(figures.usersWithoutRole, q.value(3).toLongLong());
            someGrantsRepeatAUser |= q.value(4).toLongLong() > count.activeUsers;
            ++row;
        }
        QCOMPARE(row, 3);
        QVERIFY(someGrantsRepeatAUser); // the data tests what it means to
        QVERIFY(figures.usersWithoutRole > 0);
    }
}

void TestPgGrantList::sehatScan()
{
    QString error;
    const QString db = m_cluster->createDatabase(Fixture::SehatScan, &error);
    QVERIFY2(!db.isEmpty(), qPrintable(error));
    QVERIFY2(testing::seedSehatScanUsers(*m_cluster, db, 12, &error), qPrintable(error));
    PgDataSource source(m_cluster->connection(db));
    QCOMPARE(failureOf(source.fetchGrantPage({})).kind(), DataSourceError::Kind::Schema);
    const OverviewFigures figures = source.fetchOverview().result();
    QVERIFY(!figures.rolesSupported);
    QCOMPARE(figures.users, 12);
    QVERIFY(figures.activePerRole.isEmpty());
    QVERIFY(figures.series.isEmpty());
}

QTEST_GUILESS_MAIN(TestPgGrantList)
#include "tst_pggrantlist.moc"
