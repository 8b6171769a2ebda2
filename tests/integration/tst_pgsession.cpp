// PgSession and PgSessionPool on a real PostgreSQL: every session set up the
// same way but for its purpose's statement timeout, the schema as search_path,
// a clear error when nothing listens, reads retried once after the server
// dropped the connection, writes checked first and never retried.
#include "domain/datasourceerror.h"
#include "pg/pgsession.h"
#include "support/pgtestcluster.h"

#include <QAtomicInteger>
#include <QSqlQuery>
#include <QTest>

using namespace rolecall;
using rolecall::testing::Fixture;
using rolecall::testing::PgTestCluster;

namespace {

QString show(QSqlDatabase &db, const QString &setting)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SHOW ") + setting) || !q.next())
        return QStringLiteral("(failed)");
    return q.value(0).toString();
}

// Ends the statement's own backend, as a restarted server or a dropped
// network would, and fails the way a statement on a lost connection does.
[[noreturn]] void loseTheConnection(QSqlDatabase &db)
{
    QSqlQuery(db).exec(QStringLiteral("SELECT pg_terminate_backend(pg_backend_pid())"));
    throw DataSourceError(DataSourceError::Kind::Query, QStringLiteral("server closed"));
}

} // namespace

class TestPgSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void setsUpEverySessionTheSameWay_data();
    void setsUpEverySessionTheSameWay();
    void usesTheSettingsSchema();
    void namesTheServerItCannotReach();
    void retriesAReadOnceOnAFreshConnection();
    void checksTheConnectionBeforeAWrite();
    void neverRetriesAWriteLostMidway();
    void passesOtherFailuresOn();

private:
    PgTestCluster *m_cluster = nullptr;
    QString m_db;
};

void TestPgSession::initTestCase()
{
    m_cluster = PgTestCluster::shared();
    QVERIFY2(m_cluster, qPrintable(PgTestCluster::startError()));
    QString error;
    m_db = m_cluster->createDatabase(Fixture::Empty, &error);
    QVERIFY2(!m_db.isEmpty(), qPrintable(error));
}

void TestPgSession::setsUpEverySessionTheSameWay_data()
{
    QTest::addColumn<PgSessionPurpose>("purpose");
    QTest::addColumn<QString>("timeout");

    QTest::newRow("interactive") << PgSessionPurpose::Interactive << QStringLiteral("1min");
    QTest::newRow("sync") << PgSessionPurpose::Sync << QStringLiteral("2min");
}

void TestPgSession::setsUpEverySessionTheSameWay()
{
    QFETCH(PgSessionPurpose, purpose);
    QFETCH(QString, timeout);
    PgSession session(m_cluster->connection(m_db), purpose);
    QSqlDatabase &db = session.open();
    QVERIFY(db.isOpen());
    QCOMPARE(show(db, QStringLiteral("statement_timeout")), timeout);
    QCOMPARE(show(db, QStringLiteral("TimeZone")), QStringLiteral("UTC"));
    QCOMPARE(show(db, QStringLiteral("jit")), QStringLiteral("off"));
    QCOMPARE(show(db, QStringLiteral("application_name")), QStringLiteral("rolecall"));
}

void TestPgSession::usesTheSettingsSchema()
{
    QString error;
    QVERIFY2(m_cluster->exec(m_db, QStringLiteral("CREATE SCHEMA \"Odd \"\"name\"\"\""), &error),
             qPrintable(error));
    ConnectionSettings settings = m_cluster->connection(m_db);
    settings.schema = QStringLiteral("Odd \"name\"");
    PgSession session(settings, PgSessionPurpose::Interactive);
    QSqlQuery q(session.open());
    QVERIFY(q.exec(QStringLiteral("SELECT current_schema()")) && q.next());
    QCOMPARE(q.value(0).toString(), settings.schema);
}

void TestPgSession::namesTheServerItCannotReach()
{
    ConnectionSettings settings = m_cluster->connection(m_db);
    settings.port = 1; // nothing listens there
    PgSessionPool pool(settings, PgSessionPurpose::Sync, 1);
    try {
        pool.run<int>(PgWork::Read, [](QSqlDatabase &) { return 1; }).waitForFinished();
        QFAIL("expected a connection error");
    } catch (const DataSourceError &e) {
        QCOMPARE(e.kind(), DataSourceError::Kind::Connection);
        QVERIFY2(e.message().startsWith(QLatin1String("Cannot connect to rolecall@127.0.0.1:1/")),
                 qPrintable(e.message()));
    }
}

void TestPgSession::retriesAReadOnceOnAFreshConnection()
{
    PgSessionPool pool(m_cluster->connection(m_db), PgSessionPurpose::Interactive, 1);
    QAtomicInteger<int> attempts;
    const auto read = [&attempts](QSqlDatabase &db) {
        if (attempts.fetchAndAddRelaxed(1) == 0)
            loseTheConnection(db);
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("SELECT 42")) || !q.next())
            throw DataSourceError(DataSourceError::Kind::Query, QStringLiteral("no answer"));
        return q.value(0).toInt();
    };
    const int answer = pool.run<int>(PgWork::Read, read).result();
    QCOMPARE(answer, 42);
    QCOMPARE(attempts.loadRelaxed(), 2);
}

void TestPgSession::checksTheConnectionBeforeAWrite()
{
    PgSessionPool pool(m_cluster->connection(m_db), PgSessionPurpose::Sync, 1);
    // The first call opens the worker's session; then the server drops it.
    pool.run<void>(PgWork::Read, [](QSqlDatabase &) {}).waitForFinished();
    QString error;
    QVERIFY2(m_cluster->exec(QStringLiteral("postgres"),
                             QStringLiteral("SELECT pg_terminate_backend(pid) FROM "
                                            "pg_stat_activity WHERE datname = '%1' AND "
                                            "application_name = 'rolecall'")
                                 .arg(m_db),
                             &error),
             qPrintable(error));
    QAtomicInteger<int> attempts;
    const auto write = [&attempts](QSqlDatabase &db) {
        attempts.fetchAndAddRelaxed(1);
        return QSqlQuery(db).exec(QStringLiteral("SELECT 1"));
    };
    const bool written = pool.run<bool>(PgWork::Write, write).result();
    QVERIFY(written);
    QCOMPARE(attempts.loadRelaxed(), 1);
}

void TestPgSession::neverRetriesAWriteLostMidway()
{
    PgSessionPool pool(m_cluster->connection(m_db), PgSessionPurpose::Interactive, 1);
    QAtomicInteger<int> attempts;
    try {
        pool.run<void>(PgWork::Write,
                       [&attempts](QSqlDatabase &db) {
                           attempts.fetchAndAddRelaxed(1);
                           loseTheConnection(db);
                       })
            .waitForFinished();
        QFAIL("expected the lost connection to be reported");
    } catch (const DataSourceError &e) {
        QCOMPARE(e.kind(), DataSourceError::Kind::Connection);
        QVERIFY2(e.message().contains(QLatin1String("nothing was written")),
                 qPrintable(e.message()));
    }
    QCOMPARE(attempts.loadRelaxed(), 1);
    // The next call reconnects.
    QVERIFY(pool.run<bool>(PgWork::Read, [](QSqlDatabase &db) { return db.isOpen(); }).result());
}

void TestPgSession::passesOtherFailuresOn()
{
    PgSessionPool pool(m_cluster->connection(m_db), PgSessionPurpose::Interactive, 1);
    QAtomicInteger<int> attempts;
    try {
        pool.run<void>(PgWork::Read,
                       [&attempts](QSqlDatabase &) {
                           attempts.fetchAndAddRelaxed(1);
                           throw DataSourceError(DataSourceError::Kind::Validation,
                                                 QStringLiteral("bad input"));
                       })
            .waitForFinished();
        QFAIL("expected the validation error");
    } catch (const DataSourceError &e) {
        QCOMPARE(e.kind(), DataSourceError::Kind::Validation);
        QCOMPARE(e.message(), QStringLiteral("bad input"));
    }
    QCOMPARE(attempts.loadRelaxed(), 1);
}

QTEST_GUILESS_MAIN(TestPgSession)
#include "tst_pgsession.moc"
