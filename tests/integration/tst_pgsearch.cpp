// The users search reads the same pages whichever plan it takes: the
// newest-first walk of the keyset index (a common term), the fall-back read
// (a rare term, or no match), or no walk at all (no index), page by page.
#include "pg/pgdatasource.h"
#include "support/pgtestcluster.h"
#include "support/testdata.h"

#include <QTest>

using namespace rolecall;
using rolecall::testing::Fixture;
using rolecall::testing::PgTestCluster;

namespace {

constexpr int seededUsers = 12000;

QStringList searchIds(PgDataSource &source, const QString &term, int limit, bool backward = false)
{
    UserQuery query;
    query.search = term;
    query.limit = limit;
    query.backward = backward;
    QStringList ids;
    for (;;) {
        const UserPage page = source.fetchUsers(query).result();
        for (const User &user : page.users)
            ids << user.id;
        if (page.atEnd || page.users.isEmpty())
            return ids;
        const User &last = backward ? page.users.constFirst() : page.users.constLast();
        query.afterCreatedAt = last.createdAt;
        query.afterId = last.id;
    }
}

} // namespace

class TestPgSearch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyPlanReadsTheSamePages_data();
    void everyPlanReadsTheSamePages();

private:
    PgTestCluster *m_cluster = nullptr;
    QString m_plain;   // no index: the walk is never tried
    QString m_indexed; // User ("createdAt", "id"): the walk is tried first
};

void TestPgSearch::initTestCase()
{
    m_cluster = PgTestCluster::shared();
    QVERIFY2(m_cluster, qPrintable(PgTestCluster::startError()));
    QString error;
    for (QString *db : {&m_plain, &m_indexed}) {
        *db = m_cluster->createDatabase(Fixture::AkakoLms, &error);
        QVERIFY2(!db->isEmpty(), qPrintable(error));
        QVERIFY2(rolecall::testing::seedAkakoUsers(*m_cluster, *db, seededUsers, &error),
                 qPrintable(error));
    }
    QVERIFY2(m_cluster->exec(m_indexed,
                             QStringLiteral(R"(CREATE INDEX ON "User" ("createdAt", "id");
ANALYZE "User";)"),
                             &error),
             qPrintable(error));
}

void TestPgSearch::everyPlanReadsTheSamePages_data()
{
    QTest::addColumn<QString>("term");
    QTest::addColumn<int>("limit");
    QTest::addColumn<int>("expected");
    // one in nine users: the walk fills each page (ties on "createdAt" included)
    QTest::newRow("common term") << QStringLiteral("o'brien") << 200 << 1339;
    QTest::newRow("common term, small pages") << QStringLiteral("o'brien") << 7 << 1339;
    // one user: the walk gives up after its budget, the planner reads the page
    QTest::newRow("rare term") << QStringLiteral("user11999@") << 200 << 1;
    QTest::newRow("no match") << QStringLiteral("nobody-at-all") << 200 << 0;
    // most users: the walk fills even the last pages' look-ahead
    QTest::newRow("everyone") << QStringLiteral("@example.test") << 200 << seededUsers;
}

void TestPgSearch::everyPlanReadsTheSamePages()
{
    QFETCH(QString, term);
    QFETCH(int, limit);
    QFETCH(int, expected);
    PgDataSource plain(m_cluster->connection(m_plain));
    PgDataSource indexed(m_cluster->connection(m_indexed));
    const QStringList reference = searchIds(plain, term, 250);
    QCOMPARE(reference.size(), expected);
    QCOMPARE(searchIds(indexed, term, limit), reference);
    // read from the end backwards: the same pages too
    QCOMPARE(searchIds(indexed, term, limit, true), searchIds(plain, term, limit, true));
}

QTEST_GUILESS_MAIN(TestPgSearch)
#include "tst_pgsearch.moc"
