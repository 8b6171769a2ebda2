// The demo data loads into the Akako LMS schema exactly as Prisma creates it,
// and holds what the demo promises: names worth looking at and every kind of
// grant an admin meets.
#include "support/pgtestcluster.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

using rolecall::testing::Fixture;
using rolecall::testing::PgTestCluster;

class TestDemoData : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void holdsWhatTheDemoPromises_data();
    void holdsWhatTheDemoPromises();

private:
    qint64 scalar(const QString &sql);
    PgTestCluster *m_cluster = nullptr;
    QString m_db;
};

void TestDemoData::initTestCase()
{
    m_cluster = PgTestCluster::shared();
    QVERIFY2(m_cluster, qPrintable(PgTestCluster::startError()));
    QString error;
    m_db = m_cluster->createDatabase(Fixture::AkakoLms, &error);
    QVERIFY2(!m_db.isEmpty(), qPrintable(error));
    QFile demo(QStringLiteral(":/sql/akako-demo-data.sql"));
    QVERIFY(demo.open(QIODevice::ReadOnly));
    QVERIFY2(m_cluster->exec(m_db, QString::fromUtf8(demo.readAll()), &error), qPrintable(error));
}

qint64 TestDemoData::scalar(const QString &sql)
{
    QSqlDatabase db = QSqlDatabase::database(QStringLiteral("demo"), false);
    if (!db.isValid()) {
        db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("demo"));
        const auto settings = m_cluster->connection(m_db);
        db.setHostName(settings.host);
        db.setPort(settings.port);
        db.setUserName(settings.user);
        db.setDatabaseName(settings.database);
        db.open();
    }
    QSqlQuery query(db);
    if (!query.exec(sql) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

void TestDemoData::holdsWhatTheDemoPromises_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<qint64>("atLeast");
    QTest::addColumn<qint64>("atMost");

    const QString active = QStringLiteral(
        R"("isActive" AND "effectiveStartDate" <= timezone('UTC', now()) AND ("effectiveEndDate" IS NULL OR "effectiveEndDate" > timezone('UTC', now())))");
    auto andActive = [&active](const char *sql) -> QString {
        return QString::fromUtf8(sql) + active;
    };
    QTest::newRow("users") << R"(SELECT count(*) FROM "User")" << 500LL << 100000LL;
    QTest::newRow("non-ASCII names")
        << R"(SELECT count(*) FROM "User" WHERE concat("firstName", "lastName") ~ '[^[:ascii:]]')"
        << 20LL << 100000LL;
    QTest::newRow("apostrophes") << R"(SELECT count(*) FROM "User" WHERE "lastName" LIKE '%''%')"
                                 << 5LL << 100000LL;
    QTest::newRow("users without any role")
        << R"(SELECT count(*) FROM "User" u WHERE NOT EXISTS (SELECT 1 FROM "UserRole" r WHERE r."userId" = u.id))"
        << 3LL << 30LL;
    QTest::newRow("active LEARNER")
        << andActive(R"(SELECT count(*) FROM "UserRole" WHERE role = 'LEARNER' AND )") << 450LL
        << 100000LL;
    QTest::newRow("active MENTOR")
        << andActive(R"(SELECT count(*) FROM "UserRole" WHERE role = 'MENTOR' AND )") << 10LL
        << 200LL;
    QTest::newRow("active ADMIN")
        << andActive(R"(SELECT count(*) FROM "UserRole" WHERE role = 'ADMIN' AND )") << 2LL << 8LL;
    QTest::newRow("ended with a reason")
        << R"(SELECT count(*) FROM "UserRole" WHERE NOT "isActive" AND "effectiveEndDate" < timezone('UTC', now()) AND reason <> '')"
        << 10LL << 100000LL;
    QTest::newRow("future-dated")
        << R"(SELECT count(*) FROM "UserRole" WHERE "effectiveStartDate" > timezone('UTC', now()))"
        << 5LL << 100000LL;
    QTest::newRow("expiring within a week")
        << andActive(
               R"(SELECT count(*) FROM "UserRole" WHERE "effectiveEndDate" <= timezone('UTC', now()) + interval '7 days' AND )")
        << 5LL << 100000LL;
    QTest::newRow("the demo admin is an active ADMIN")
        << andActive(
               R"(SELECT count(*) FROM "UserRole" r JOIN "User" u ON u.id = r."userId" WHERE u."clerkId" = 'user_demoadmin000000000000000000' AND role = 'ADMIN' AND r.)")
        << 1LL << 1LL;
    QTest::newRow("ends after start")
        << R"(SELECT count(*) FROM "UserRole" WHERE "effectiveEndDate" <= "effectiveStartDate")"
        << 0LL << 0LL;
}

void TestDemoData::holdsWhatTheDemoPromises()
{
    QFETCH(QString, sql);
    QFETCH(qint64, atLeast);
    QFETCH(qint64, atMost);
    const qint64 value = scalar(sql);
    QVERIFY2(value >= atLeast && value <= atMost,
             qPrintable(QStringLiteral("%1 not in [%2, %3]").arg(value).arg(atLeast).arg(atMost)));
}

QTEST_GUILESS_MAIN(TestDemoData)
#include "tst_demodata.moc"
