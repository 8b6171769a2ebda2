// The users search reads the same pages whichever plan it takes: the
// newest-first walk of the keyset index (a common term), the fall-back read
// (a rare term, or no match), or no walk at all (no index), page by page;
// and which plan it starts with follows the planner's estimate of the term.
#include "pg/pgdatasource.h"
#include "pg/pgsearchplan.h"
#include "pg/pgusersquery.h"
#include "support/pgtestcluster.h"
#include "support/testdata.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
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

// The test's own session on a database.
QSqlDatabase session(const ConnectionSettings &settings)
{
    const QString name = QStringLiteral("tst-pgsearch-") + settings.database;
    QSqlDatabase db = QSqlDatabase::contains(name)
                          ? QSqlDatabase::database(name)
                          : QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
    db.setHostName(settings.host);
    db.setPort(settings.port);
    db.setUserName(settings.user);
    db.setDatabaseName(settings.database);
    if (!db.isOpen() && !db.open())
        qFatal("%s", qPrintable(db.lastError().text()));
    return db;
}

// Each user's roles held at `asOf` (now when invalid), read one user at a
// time: the reference a page's roles join is held to.
QHash<QString, QStringList> rolesOneByOne(const ConnectionSettings &settings,
                                          const QStringList &ids, const QDateTime &asOf)
{
    QSqlDatabase db = session(settings);
    const QString instant =
        asOf.isValid() ? QStringLiteral("CAST('%1' AS timestamp(3))")
                             .arg(asOf.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")))
                       : QStringLiteral("timezone('UTC', now())");
    QSqlQuery q(db);
    if (!q.prepare(QStringLiteral(R"(SELECT ur."role"::text FROM "UserRole" ur
        WHERE ur."userId" = :id AND )") +
                   heldAtCondition(QStringLiteral("ur"), instant) +
                   QStringLiteral(R"( GROUP BY ur."role" ORDER BY ur."role")")))
        qFatal("%s", qPrintable(q.lastError().text()));
    QHash<QString, QStringList> roles;
    for (const QString &id : ids) {
        q.bindValue(QStringLiteral(":id"), id);
        if (!q.exec())
            qFatal("%s", qPrintable(q.lastError().text()));
        QStringList held;
        while (q.next())
            held << q.value(0).toString();
        roles.insert(id, held);
    }
    return roles;
}

} // namespace

class TestPgSearch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyPlanReadsTheSamePages_data();
    void everyPlanReadsTheSamePages();
    void aLargeSearchPageCarriesEachUsersRoles_data();
    void aLargeSearchPageCarriesEachUsersRoles();
    void theSearchStartsAsThePlannersEstimateSays_data();
    void theSearchStartsAsThePlannersEstimateSays();

private:
    QString database(const QString &which) const;

    PgTestCluster *m_cluster = nullptr;
    QString m_plain;   // no index: the walk is never tried
    QString m_indexed; // User ("createdAt", "id"): the walk is tried first
    QString m_trigram; // and the trigram search index (empty without pg_trgm)
};

QString TestPgSearch::database(const QString &which) const
{
    return which == QLatin1String("plain")     ? m_plain
           : which == QLatin1String("indexed") ? m_indexed
                                               : m_trigram;
}

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
    QSqlQuery available(session(m_cluster->connection(m_indexed)));
    if (!available.exec(
            QStringLiteral("SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'")) ||
        !available.next())
        return; // the trigram rows skip
    m_trigram = m_cluster->createDatabase(Fixture::AkakoLms, &error);
    QVERIFY2(!m_trigram.isEmpty(), qPrintable(error));
    QVERIFY2(rolecall::testing::seedAkakoUsers(*m_cluster, m_trigram, seededUsers, &error),
             qPrintable(error));
    // What `db install-indexes` builds for the search.
    QVERIFY2(m_cluster->exec(m_trigram,
                             QStringLiteral(R"(CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX ON "User" ("createdAt", "id");
CREATE INDEX ON "User" USING gin ()") +
                                 userSearchExpression(SchemaKind::AkakoLms, QString()) +
                                 QStringLiteral(R"( gin_trgm_ops);
-- the seed's names repeat in a pattern that can alias with 100 histogram
-- bounds: sample them all, as a million real users would be sampled fairly
ALTER INDEX "User_lower_idx" ALTER COLUMN 1 SET STATISTICS 10000;
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
    if (m_trigram.isEmpty())
        return;
    PgDataSource trigram(m_cluster->connection(m_trigram));
    QCOMPARE(searchIds(trigram, term, limit), reference);
    QCOMPARE(searchIds(trigram, term, limit, true), searchIds(plain, term, limit, true));
}

void TestPgSearch::aLargeSearchPageCarriesEachUsersRoles_data()
{
    QTest::addColumn<bool>("indexed");
    QTest::addColumn<QDateTime>("asOf");
    const QDateTime yearAgo = QDateTime::currentDateTimeUtc().addYears(-1);
    QTest::newRow("no index, now") << false << QDateTime();
    QTest::newRow("no index, a year ago") << false << yearAgo;
    QTest::newRow("indexed, now") << true << QDateTime();
    QTest::newRow("indexed, a year ago") << true << yearAgo;
}

// The planner takes a search's page for a row or two (a LIKE's estimate); a
// page of 1,000 still gets each of its users' roles, in one join that does
// not run again for every row.
void TestPgSearch::aLargeSearchPageCarriesEachUsersRoles()
{
    QFETCH(bool, indexed);
    QFETCH(QDateTime, asOf);
    const ConnectionSettings settings = m_cluster->connection(indexed ? m_indexed : m_plain);
    PgDataSource source(settings);
    UserQuery query;
    query.search = QStringLiteral("o'brien");
    query.limit = 1000;
    query.asOf = asOf;
    const UserPage page = source.fetchUsers(query).result();
    QCOMPARE(page.users.size(), 1000);
    QStringList ids;
    for (const User &user : page.users)
        ids << user.id;
    QCOMPARE(ids, searchIds(source, query.search, 250).mid(0, 1000));
    const QHash<QString, QStringList> expected = rolesOneByOne(settings, ids, asOf);
    int withRoles = 0;
    for (const User &user : page.users) {
        QCOMPARE(user.activeRoles, expected.value(user.id));
        withRoles += user.activeRoles.isEmpty() ? 0 : 1;
    }
    QVERIFY(withRoles > 800); // most seeded users are learners
}

void TestPgSearch::theSearchStartsAsThePlannersEstimateSays_data()
{
    QTest::addColumn<QString>("db");
    QTest::addColumn<QString>("term");
    QTest::addColumn<bool>("walkFirst");
    QTest::newRow("no keyset index") << "plain" << QStringLiteral("o'brien") << false;
    // only a scan would serve the term: the walk costs nothing beside it
    QTest::newRow("no trigram index, common") << "indexed" << QStringLiteral("o'brien") << true;
    QTest::newRow("no trigram index, rare") << "indexed" << QStringLiteral("user11999@") << true;
    // one in nine users: a walk of 3,000 rows expects over 300 matches
    QTest::newRow("trigram, common") << "trigram" << QStringLiteral("o'brien") << true;
    // one user, or none: straight to the trigram index
    QTest::newRow("trigram, rare") << "trigram" << QStringLiteral("user11999@") << false;
    QTest::newRow("trigram, a Clerk ID")
        << "trigram" << rolecall::testing::clerkIdOfSeedUser(4242) << false;
    QTest::newRow("trigram, no match") << "trigram" << QStringLiteral("nobody-at-all") << false;
    QTest::newRow("trigram, everyone") << "trigram" << QStringLiteral("@example.test") << true;
}

void TestPgSearch::theSearchStartsAsThePlannersEstimateSays()
{
    QFETCH(QString, db);
    QFETCH(QString, term);
    QFETCH(bool, walkFirst);
    if (database(db).isEmpty())
        QSKIP("pg_trgm is not available");
    QSqlDatabase sql = session(m_cluster->connection(database(db)));
    const PgStatement matches{QStringLiteral(R"(SELECT 1 FROM "User" u WHERE )") +
                                  userSearchCondition(SchemaKind::AkakoLms, QStringLiteral("u"),
                                                      QStringLiteral(":pattern")),
                              {{QStringLiteral("pattern"), containsPattern(term)}}};
    const SearchStart start = chooseSearchStart(sql, matches, 200, 3000);
    QCOMPARE(start == SearchStart::WalkFirst, walkFirst);
}

QTEST_GUILESS_MAIN(TestPgSearch)
#include "tst_pgsearch.moc"
