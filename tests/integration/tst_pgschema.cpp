// Schema detection against real databases: both seed schemas as Prisma creates
// them, drifted copies, and databases that are neither.
#include "domain/datasourceerror.h"
#include "pg/pgdatasource.h"
#include "support/pgtestcluster.h"

#include <QTest>

using namespace rolecall;
using rolecall::testing::Fixture;
using rolecall::testing::PgTestCluster;

class TestPgSchema : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void detectsAkakoLms();
    void detectsSehatScan();
    void toleratesExtraColumnsAndEnumValues();
    void followsPrismaSchemaOption();
    void explainsUnknownDatabases_data();
    void explainsUnknownDatabases();
    void refusesToListUsersOfUnknownSchema();

private:
    SchemaInfo detect(const ConnectionSettings &settings);
    PgTestCluster *m_cluster = nullptr;
};

void TestPgSchema::initTestCase()
{
    m_cluster = PgTestCluster::shared();
    QVERIFY2(m_cluster, qPrintable(PgTestCluster::startError()));
}

SchemaInfo TestPgSchema::detect(const ConnectionSettings &settings)
{
    PgDataSource source(settings);
    return source.detectSchema().result();
}

void TestPgSchema::detectsAkakoLms()
{
    const QString db = m_cluster->createDatabase(Fixture::AkakoLms);
    QVERIFY(!db.isEmpty());
    const SchemaInfo info = detect(m_cluster->connection(db));
    QCOMPARE(info.kind, SchemaKind::AkakoLms);
    QCOMPARE(info.roles, (QStringList{QStringLiteral("LEARNER"), QStringLiteral("MENTOR"),
                                      QStringLiteral("ADMIN")}));
    QCOMPARE(info.searchPath, QStringLiteral("public"));
    QVERIFY(info.problem.isEmpty());
}

void TestPgSchema::detectsSehatScan()
{
    const QString db = m_cluster->createDatabase(Fixture::SehatScan);
    const SchemaInfo info = detect(m_cluster->connection(db));
    QCOMPARE(info.kind, SchemaKind::SehatScan);
    QVERIFY(info.roles.isEmpty());
    QVERIFY(!info.hasRoles());
}

void TestPgSchema::toleratesExtraColumnsAndEnumValues()
{
    const QString db = m_cluster->createDatabase(Fixture::AkakoLms);
    QString error;
    QVERIFY2(m_cluster->exec(db, QStringLiteral(R"(
        ALTER TABLE "User" ADD COLUMN "imageUrl" TEXT, ADD COLUMN "lastSeenAt" TIMESTAMP(3);
        ALTER TABLE "UserRole" ADD COLUMN "tenantId" TEXT;
        ALTER TYPE "Role" ADD VALUE 'SUPPORT' BEFORE 'ADMIN';
        ALTER TYPE "Role" ADD VALUE 'AUDITOR';)"),
                             &error),
             qPrintable(error));
    const SchemaInfo info = detect(m_cluster->connection(db));
    QCOMPARE(info.kind, SchemaKind::AkakoLms);
    QCOMPARE(info.roles, (QStringList{QStringLiteral("LEARNER"), QStringLiteral("MENTOR"),
                                      QStringLiteral("SUPPORT"), QStringLiteral("ADMIN"),
                                      QStringLiteral("AUDITOR")}));
}

void TestPgSchema::followsPrismaSchemaOption()
{
    const QString db = m_cluster->createDatabase(Fixture::Empty);
    QString error;
    QVERIFY2(m_cluster->exec(db,
                             QStringLiteral("CREATE SCHEMA lms; SET search_path TO lms;") +
                                 PgTestCluster::fixtureSql(Fixture::AkakoLms),
                             &error),
             qPrintable(error));
    ConnectionSettings settings = m_cluster->connection(db);
    QCOMPARE(detect(settings).kind, SchemaKind::Unknown); // public is empty
    settings.schema = QStringLiteral("lms");
    const SchemaInfo info = detect(settings);
    QCOMPARE(info.kind, SchemaKind::AkakoLms);
    QCOMPARE(info.searchPath, QStringLiteral("lms"));
}

void TestPgSchema::explainsUnknownDatabases_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QString>("messagePart");

    QTest::newRow("empty database") << ""
                                    << "has no \"User\" table";
    QTest::newRow("other User table")
        << R"(CREATE TABLE "User" (id TEXT, email TEXT, "createdAt" TIMESTAMP(3), "updatedAt" TIMESTAMP(3)))"
        << "neither \"clerkId\"";
    QTest::newRow("akako without UserRole")
        << R"(CREATE TABLE "User" (id TEXT, "clerkId" TEXT, email TEXT, "firstName" TEXT, "lastName" TEXT, "createdAt" TIMESTAMP(3), "updatedAt" TIMESTAMP(3)); CREATE TYPE "Role" AS ENUM ('A'))"
        << "table \"UserRole\"";
    QTest::newRow("akako without Role enum")
        << R"(CREATE TABLE "User" (id TEXT, "clerkId" TEXT, email TEXT, "firstName" TEXT, "lastName" TEXT, "createdAt" TIMESTAMP(3), "updatedAt" TIMESTAMP(3)); CREATE TABLE "UserRole" (id TEXT, "userId" TEXT, role TEXT, "effectiveStartDate" TIMESTAMP(3), "effectiveEndDate" TIMESTAMP(3), "isActive" BOOLEAN, "assignedBy" TEXT, "assignedByEmail" TEXT, reason TEXT, "adminNotes" TEXT, "createdAt" TIMESTAMP(3), "updatedAt" TIMESTAMP(3)))"
        << "enum type \"Role\"";
    QTest::newRow("sehatscan without name")
        << R"(CREATE TABLE "User" (id TEXT, email TEXT, password TEXT, "createdAt" TIMESTAMP(3), "updatedAt" TIMESTAMP(3)))"
        << "\"name\"";
}

void TestPgSchema::explainsUnknownDatabases()
{
    QFETCH(QString, sql);
    QFETCH(QString, messagePart);
    const QString db = m_cluster->createDatabase(Fixture::Empty);
    QString error;
    if (!sql.isEmpty())
        QVERIFY2(m_cluster->exec(db, sql, &error), qPrintable(error));
    const SchemaInfo info = detect(m_cluster->connection(db));
    QCOMPARE(info.kind, SchemaKind::Unknown);
    QVERIFY2(info.problem.contains(messagePart), qPrintable(info.problem));
    QVERIFY(info.describe().startsWith(QLatin1String("Not a recognised schema")));
}

void TestPgSchema::refusesToListUsersOfUnknownSchema()
{
    const QString db = m_cluster->createDatabase(Fixture::Empty);
    PgDataSource source(m_cluster->connection(db));
    try {
        source.fetchUsers(UserQuery{}).waitForFinished();
        QFAIL("expected a schema error");
    } catch (const DataSourceError &e) {
        QCOMPARE(e.kind(), DataSourceError::Kind::Schema);
        QVERIFY2(e.message().contains(QLatin1String("no \"User\" table")), qPrintable(e.message()));
    }
}

QTEST_GUILESS_MAIN(TestPgSchema)
#include "tst_pgschema.moc"
