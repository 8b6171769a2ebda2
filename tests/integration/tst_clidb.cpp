// rolecallctl db check | install-indexes | install-audit as separate processes
// against a real PostgreSQL, the test identity provider and the real Secret
// Service; and the index advice of the data source on SehatScan.
#include "domain/datasourceerror.h"
#include "pg/pgdatasource.h"
#include "support/clitestsupport.h"
#include "support/pgtestcluster.h"
#include "support/testdata.h"
#include "support/testidp.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using rolecall::IndexAdvice;
using rolecall::PgDataSource;
using rolecall::testing::CliFixture;
using rolecall::testing::Fixture;
using rolecall::testing::PgTestCluster;
using rolecall::testing::TestIdentityProvider;
using rolecall::testing::words;
using Run = rolecall::testing::CliRun;

namespace {

// name -> present, from `db check --format json`.
QMap<QString, bool> presence(const Run &run)
{
    QMap<QString, bool> map;
    const QJsonArray array = run.jsonArray();
    for (const QJsonValue &value : array) {
        const QJsonObject object = value.toObject();
        const QStringList keys{QStringLiteral("cost"), QStringLiteral("name"),
                               QStringLiteral("present"), QStringLiteral("purpose"),
                               QStringLiteral("sql")};
        if (object.keys() != keys)
            qWarning("unexpected keys in %s", qPrintable(run.out));
        map.insert(object.value(QLatin1String("name")).toString(),
                   object.value(QLatin1String("present")).toBool());
    }
    return map;
}

} // namespace

class TestCliDb : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void checkListsMissingIndexes();
    void installIndexesAsksFirst();
    void installIndexesNeedsAnAdminOrTheOwner();
    void installsIndexesWithYes();
    void installAuditNeedsSignIn();
    void installAuditNeedsAnAdmin();
    void installAuditAsksFirst();
    void installsAuditTableWithYes();
    void advisesSehatScanIndexes();
    void cleanupTestCase();

private:
    Run ctl(const QStringList &args, const QByteArray &input = {})
    {
        return m_ctl.inProfile(args, input);
    }
    void signInAs(int n);
    QStringList column(const QString &database, const QString &sql);

    CliFixture m_ctl{QStringLiteral(ROLECALLCTL_PATH), QStringLiteral(TEST_BROWSER_PATH)};
    PgTestCluster *m_cluster = nullptr;
    TestIdentityProvider m_idp;
    QString m_db;
    bool m_trigram = false;
};

void TestCliDb::initTestCase()
{
    ROLECALL_REQUIRE_SESSION_BUS();
    m_ctl.setTimeout(120000);
    QString error;
    QVERIFY2(m_ctl.setUpProfile(QStringLiteral("db"), m_idp, 50, &error), qPrintable(error));
    m_db = m_ctl.database();
    m_cluster = PgTestCluster::shared();
    m_trigram = !column(m_db, QStringLiteral("SELECT 1 FROM pg_available_extensions "
                                             "WHERE name = 'pg_trgm'"))
                     .isEmpty();
}

void TestCliDb::cleanupTestCase()
{
    if (m_ctl.profile().isEmpty())
        return;
    ctl({QStringLiteral("logout")});
    m_ctl.run({QStringLiteral("profiles"), QStringLiteral("remove"), m_ctl.profile()});
}

void TestCliDb::signInAs(int n)
{
    const Run login = m_ctl.signInAs(m_idp, n);
    QVERIFY2(login.exitCode == 0, qPrintable(login.err));
}

// The first column of every row `sql` returns, as text.
QStringList TestCliDb::column(const QString &database, const QString &sql)
{
    const rolecall::ConnectionSettings settings = m_cluster->connection(database);
    const QString name = QStringLiteral("tst_clidb-") + database;
    QStringList values;
    {
        QSqlDatabase db = QSqlDatabase::contains(name)
                              ? QSqlDatabase::database(name)
                              : QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(settings.host);
        db.setPort(settings.port);
        db.setUserName(settings.user);
        db.setDatabaseName(settings.database);
        if (!db.isOpen() && !db.open()) {
            qWarning("cannot open %s: %s", qPrintable(database), qPrintable(db.lastError().text()));
            return values;
        }
        QSqlQuery q(db);
        if (!q.exec(sql))
            qWarning("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
        while (q.next())
            values << q.value(0).toString();
    }
    return values;
}

void TestCliDb::checkListsMissingIndexes()
{
    // A plain "userId" index (the one advised before) is not the covering one.
    column(m_db, QStringLiteral(R"(CREATE INDEX "plain_userId" ON "UserRole" ("userId"))"));
    const Run run = ctl(words("db check --format json"));
    column(m_db, QStringLiteral(R"(DROP INDEX "plain_userId")"));
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QMap<QString, bool> expected{{QStringLiteral("UserRole_userId_role_idx"), false},
                                 {QStringLiteral("UserRole_createdAt_id_idx"), false},
                                 {QStringLiteral("UserRole_audit_granted_idx"), false},
                                 {QStringLiteral("UserRole_audit_ended_idx"), false},
                                 {QStringLiteral("UserRole_audit_expired_idx"), false},
                                 {QStringLiteral("User_createdAt_id_idx"), false}};
    if (m_trigram)
        expected.insert(QStringLiteral("User_search_trgm_idx"), false);
    QCOMPARE(presence(run), expected);

    const Run table = ctl(words("db check"));
    QVERIFY2(table.exitCode == 0, qPrintable(table.err));
    QVERIFY2(table.out.contains(QLatin1String("UserRole_userId_role_idx: missing")),
             qPrintable(table.out));
    QVERIFY2(table.out.contains(QLatin1String("about 0.5 s per page at 1M users")),
             qPrintable(table.out));
    QVERIFY2(table.out.contains(QLatin1String("UserRole_audit_granted_idx: missing")),
             qPrintable(table.out));
}

void TestCliDb::installIndexesAsksFirst()
{
    const QString indexes = QStringLiteral(
        "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() ORDER BY 1");
    const QStringList before = column(m_db, indexes);
    const Run run = ctl(words("db install-indexes --as-owner"), "n\n");
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QLatin1String("nothing changed")), qPrintable(run.err));
    QVERIFY2(run.out.contains(QLatin1String(
                 "CREATE INDEX CONCURRENTLY IF NOT EXISTS \"UserRole_userId_role_idx\" ON "
                 "\"UserRole\" (\"userId\", \"role\") INCLUDE (\"effectiveStartDate\", "
                 "\"effectiveEndDate\", \"isActive\", \"updatedAt\");")),
             qPrintable(run.out));
    QCOMPARE(column(m_db, indexes), before);
    QVERIFY(column(m_db, QStringLiteral("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'"))
                .isEmpty());
}

void TestCliDb::installIndexesNeedsAnAdminOrTheOwner()
{
    const QString indexes = QStringLiteral(
        "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() ORDER BY 1");
    const QStringList before = column(m_db, indexes);
    // Neither signed in nor --as-owner: nothing is shown or run.
    Run run = ctl(words("db install-indexes --yes"));
    QCOMPARE(run.exitCode, 3);
    QVERIFY2(run.err.contains(QLatin1String("not signed in")), qPrintable(run.err));
    // A LEARNER: refused by the check that runs with the DDL.
    signInAs(7);
    run = ctl(words("db install-indexes --yes"));
    QCOMPARE(run.exitCode, 4);
    QVERIFY2(run.err.contains(QLatin1String("Only an active ADMIN")), qPrintable(run.err));
    QCOMPARE(column(m_db, indexes), before);
    // The next tests start signed out.
    QCOMPARE(ctl({QStringLiteral("logout")}).exitCode, 0);
}

void TestCliDb::installsIndexesWithYes()
{
    Run run = ctl(words("db install-indexes --as-owner --yes"));
    QVERIFY2(run.exitCode == 0, qPrintable(run.err + run.out));
    QVERIFY2(run.out.contains(QLatin1String("Creating UserRole_userId_role_idx ... done")),
             qPrintable(run.out));
    if (m_trigram)
        QVERIFY2(run.out.startsWith(QLatin1String("These statements will run, one at a time:\n\n"
                                                  "CREATE INDEX")) &&
                     run.out.contains(QLatin1String("\nCREATE EXTENSION IF NOT EXISTS pg_trgm;\n"
                                                    "CREATE INDEX CONCURRENTLY IF NOT EXISTS "
                                                    "\"User_search_trgm_idx\"")),
                 qPrintable(run.out));

    run = ctl(words("db check --format json"));
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QMap<QString, bool> present = presence(run);
    QCOMPARE(present.size(), m_trigram ? 7 : 6);
    for (auto it = present.cbegin(); it != present.cend(); ++it)
        QVERIFY2(it.value(), qPrintable(it.key()));

    QStringList created = column(
        m_db, QStringLiteral("SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() "
                             "AND indexname LIKE '%\\_idx' ORDER BY 1"));
    QStringList expected{
        QStringLiteral("UserRole_userId_role_idx"),   QStringLiteral("UserRole_createdAt_id_idx"),
        QStringLiteral("UserRole_audit_granted_idx"), QStringLiteral("UserRole_audit_ended_idx"),
        QStringLiteral("UserRole_audit_expired_idx"), QStringLiteral("User_createdAt_id_idx")};
    if (m_trigram)
        expected << QStringLiteral("User_search_trgm_idx");
    expected.sort();
    QCOMPARE(created, expected);
    QCOMPARE(column(m_db, QStringLiteral("SELECT count(*) FROM pg_index WHERE NOT indisvalid")),
             QStringList{QStringLiteral("0")});

    run = ctl(words("db install-indexes"));
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains(QLatin1String("nothing to do")), qPrintable(run.out));
}

void TestCliDb::installAuditNeedsSignIn()
{
    const Run run = ctl(words("db install-audit --yes"));
    QCOMPARE(run.exitCode, 3);
    QVERIFY2(run.err.contains(QLatin1String("not signed in")), qPrintable(run.err));
}

void TestCliDb::installAuditNeedsAnAdmin()
{
    signInAs(7); // a LEARNER
    const Run run = ctl(words("db install-audit --yes"));
    QCOMPARE(run.exitCode, 4);
    QVERIFY2(run.err.contains(QLatin1String("not permitted")), qPrintable(run.err));
}

void TestCliDb::installAuditAsksFirst()
{
    signInAs(5); // the seed's only ADMIN
    const Run run = ctl(words("db install-audit"), "n\n");
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QLatin1String("nothing changed")), qPrintable(run.err));
    QVERIFY2(run.out.contains(QLatin1String("\"RolecallAuditEvent\"")), qPrintable(run.out));
    QVERIFY(column(m_db, QStringLiteral("SELECT to_regclass('\"RolecallAuditEvent\"')"))
                .value(0)
                .isEmpty());
}

void TestCliDb::installsAuditTableWithYes()
{
    Run run = ctl(words("db install-audit --yes"));
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains(QLatin1String("Created the audit table")), qPrintable(run.out));
    QVERIFY(!column(m_db, QStringLiteral("SELECT to_regclass('\"RolecallAuditEvent\"')"))
                 .value(0)
                 .isEmpty());

    run = ctl(QStringList{QStringLiteral("roles"), QStringLiteral("grant"),
                          rolecall::testing::emailOfSeedUser(7)} +
              words("MENTOR --reason audited"));
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QCOMPARE(column(m_db, QStringLiteral("SELECT count(*) FROM \"RolecallAuditEvent\"")),
             QStringList{QStringLiteral("1")});

    run = ctl(words("db install-audit"));
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains(QLatin1String("already installed")), qPrintable(run.out));
}

void TestCliDb::advisesSehatScanIndexes()
{
    QString error;
    const QString database = m_cluster->createDatabase(Fixture::SehatScan, &error);
    QVERIFY2(!database.isEmpty(), qPrintable(error));
    QVERIFY2(rolecall::testing::seedSehatScanUsers(*m_cluster, database, 20, &error),
             qPrintable(error));
    PgDataSource source(m_cluster->connection(database));
    QList<IndexAdvice> advice = source.adviseIndexes().result();
    QStringList names;
    for (const IndexAdvice &item : std::as_const(advice)) {
        names << item.name;
        QVERIFY2(!item.present, qPrintable(item.name));
        QVERIFY2(!item.sql.contains(QLatin1String("UserRole")), qPrintable(item.sql));
    }
    QStringList expected{QStringLiteral("User_createdAt_id_idx")};
    if (m_trigram)
        expected << QStringLiteral("User_search_trgm_idx");
    QCOMPARE(names, expected);
    if (m_trigram)
        QVERIFY2(advice.constLast().sql.contains(QLatin1String("coalesce(\"name\",'')")),
                 qPrintable(advice.constLast().sql));

    for (const IndexAdvice &item : std::as_const(advice))
        source.installIndex(item.sql, std::nullopt).waitForFinished();
    advice = source.adviseIndexes().result();
    QCOMPARE(advice.size(), expected.size());
    for (const IndexAdvice &item : std::as_const(advice))
        QVERIFY2(item.present, qPrintable(item.name));

    // Only the advised kinds of statement run.
    QVERIFY_THROWS_EXCEPTION(
        rolecall::DataSourceError,
        source.installIndex(QStringLiteral("DROP TABLE \"User\";"), std::nullopt)
            .waitForFinished());
}

QTEST_GUILESS_MAIN(TestCliDb)
#include "tst_clidb.moc"
