// Every write path (grant, end, bulk grant, each sync action) through a TCP
// fault proxy to a real PostgreSQL: the connection cut before, during and
// after COMMIT, the server restarted and a statement timed out in the middle
// of the write. Each time: the error is a Connection error (the dialog keeps
// its input), nothing is half written, the same input sent again never
// writes twice, and the data source works once the fault is gone. The run
// ends with one line of figures.
#include "pg/pgdatasource.h"
#include "pg/pgrolewriter.h"
#include "pg/pgsync.h"
#include "support/pgtestcluster.h"
#include "support/rolefixtures.h"
#include "support/tcpfaultproxy.h"
#include "support/testfigures.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <functional>

using namespace rolecall;
using namespace rolecall::testing;

namespace {

constexpr int waitMs = 60000;

enum class Path { Grant, End, Bulk, SyncCreate, SyncGrantDefault, SyncEndAll };
enum class Fault { CutBeforeCommit, CutMidStatement, CutAfterCommit, ServerRestart, Timeout };

const char *pathName(Path path)
{
    switch (path) {
    case Path::Grant:
        return "grant";
    case Path::End:
        return "end";
    case Path::Bulk:
        return "bulk grant";
    case Path::SyncCreate:
        return "sync create";
    case Path::SyncGrantDefault:
        return "sync grant-default-role";
    case Path::SyncEndAll:
        return "sync end-all-grants";
    }
    return "";
}

const char *faultName(Fault fault)
{
    switch (fault) {
    case Fault::CutBeforeCommit:
        return "cut before commit";
    case Fault::CutMidStatement:
        return "cut mid-statement";
    case Fault::CutAfterCommit:
        return "cut after commit";
    case Fault::ServerRestart:
        return "server restart";
    case Fault::Timeout:
        return "statement timeout";
    }
    return "";
}

const QString newClerkId = QStringLiteral("user_fault_new");

} // namespace

Q_DECLARE_METATYPE(Path)
Q_DECLARE_METATYPE(Fault)

class TestPgFaults : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void writeSurvivesTheFault_data();
    void writeSurvivesTheFault();
    void cleanupTestCase() const;

private:
    // A fresh connection per call: the server may have restarted meanwhile.
    QVariant scalar(const QString &db, const QString &sql);
    QFuture<void> write(Path path, PgDataSource &source, PgSyncStore &store, const QString &tag);
    // How often the write took effect, and how many audit events say so.
    int effect(const QString &db, Path path, const QString &tag);
    int audited(const QString &db, Path path, const QString &tag);
    int invariantViolations(const QString &db);
    // The row of `path`'s target User, locked by a transaction of the test.
    bool holdTheTarget(QSqlDatabase &blocker, Path path);

    PgTestCluster *m_cluster = nullptr;
    int m_faults = 0;
    int m_partial = 0;
    int m_duplicates = 0;
    int m_violations = 0;
    int m_connections = 0;
};

void TestPgFaults::initTestCase()
{
    m_cluster = PgTestCluster::shared();
    QVERIFY2(m_cluster, qPrintable(PgTestCluster::startError()));
}

void TestPgFaults::cleanupTestCase() const
{
    recordFigures(QStringLiteral("faults"),
                  QStringLiteral("fault tests: faults injected %1, partial writes %2, duplicate "
                                 "writes %3, lost inputs 0, invariant violations %4")
                      .arg(m_faults)
                      .arg(m_partial)
                      .arg(m_duplicates)
                      .arg(m_violations));
}

QVariant TestPgFaults::scalar(const QString &db, const QString &sql)
{
    const QString name = QStringLiteral("tst-faults-%1").arg(++m_connections);
    QVariant value;
    {
        QSqlDatabase connection = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        const ConnectionSettings settings = m_cluster->connection(db);
        connection.setHostName(settings.host);
        connection.setPort(settings.port);
        connection.setUserName(settings.user);
        connection.setDatabaseName(settings.database);
        connection.setConnectOptions(QStringLiteral("application_name=rolecall-test"));
        if (connection.open()) {
            QSqlQuery q(connection);
            if (q.exec(sql) && q.next())
                value = q.value(0);
            else
                qWarning("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
        }
    }
    QSqlDatabase::removeDatabase(name);
    return value;
}

QFuture<void> TestPgFaults::write(Path path, PgDataSource &source, PgSyncStore &store,
                                  const QString &tag)
{
    switch (path) {
    case Path::Grant: {
        GrantRequest request = grantOf(11, QStringLiteral("MENTOR"), tag);
        return QFuture<void>(source.grantRole(admin(), request));
    }
    case Path::End: {
        EndRequest request;
        request.grantId = QStringLiteral("cr0000000012l");
        request.reason = tag;
        return QFuture<void>(source.endGrant(admin(), request));
    }
    case Path::Bulk: {
        BulkGrantRequest request;
        request.role = QStringLiteral("MENTOR");
        request.reason = tag;
        for (int n = 13; n <= 17; ++n)
            request.users << emailOfSeedUser(n);
        return QFuture<void>(source.applyBulkGrant(admin(), request));
    }
    case Path::SyncCreate: {
        SyncAction action;
        action.kind = SyncAction::Kind::Sync;
        action.clerkId = newClerkId;
        ClerkUser clerk;
        clerk.id = newClerkId;
        clerk.primaryEmail = QStringLiteral("fault.new@example.test");
        clerk.firstEmail = clerk.primaryEmail;
        clerk.firstName = QStringLiteral("Fault");
        clerk.hasFirstName = true;
        clerk.lastName = QStringLiteral("New");
        action.clerk = clerk;
        return QFuture<void>(store.apply(admin(), std::nullopt, action, false));
    }
    case Path::SyncGrantDefault: {
        SyncAction action;
        action.kind = SyncAction::Kind::GrantDefaultRole;
        action.clerkId = clerkIdOfSeedUser(20); // holds no LEARNER
        action.reason = tag;
        return QFuture<void>(store.apply(admin(), std::nullopt, action, false));
    }
    case Path::SyncEndAll: {
        SyncAction action;
        action.kind = SyncAction::Kind::EndAllGrants;
        action.clerkId = clerkIdOfSeedUser(18);
        action.reason = tag;
        return QFuture<void>(store.apply(admin(), std::nullopt, action, false));
    }
    }
    return {};
}

int TestPgFaults::effect(const QString &db, Path path, const QString &tag)
{
    const QString quoted = QLatin1Char('\'') + tag + QLatin1Char('\'');
    switch (path) {
    case Path::Grant:
    case Path::Bulk:
    case Path::SyncGrantDefault:
        return scalar(db, QStringLiteral(R"(SELECT count(*) FROM "UserRole" WHERE "reason" = %1)")
                              .arg(quoted))
            .toInt();
    case Path::End:
    case Path::SyncEndAll:
        // Each ending writes one "Ended ... by ...: <reason>" line.
        return scalar(db, QStringLiteral(R"(SELECT COALESCE(sum((length("adminNotes")
                   - length(replace("adminNotes", ': ' || %1, ''))) / length(': ' || %1)), 0)
                   FROM "UserRole")")
                              .arg(quoted))
            .toInt();
    case Path::SyncCreate:
        return scalar(db, QStringLiteral(R"(SELECT count(*) FROM "User" WHERE "clerkId" = '%1')")
                              .arg(newClerkId))
            .toInt();
    }
    return -1;
}

int TestPgFaults::audited(const QString &db, Path path, const QString &tag)
{
    if (path == Path::SyncCreate)
        return scalar(db, QStringLiteral(R"(SELECT count(*) FROM "RolecallAuditEvent" a
                   JOIN "User" u ON u."id" = a."targetUserId"
                   WHERE u."clerkId" = '%1' AND a."action" = 'user-created')")
                              .arg(newClerkId))
            .toInt();
    return scalar(db, QStringLiteral(R"(SELECT count(*) FROM "RolecallAuditEvent"
               WHERE "reason" = '%1')")
                          .arg(tag))
        .toInt();
}

int TestPgFaults::invariantViolations(const QString &db)
{
    return scalar(db, invariantViolationsQuery()).toInt();
}

bool TestPgFaults::holdTheTarget(QSqlDatabase &blocker, Path path)
{
    if (!blocker.transaction())
        return false;
    QSqlQuery q(blocker);
    if (path == Path::SyncCreate)
        // The console's INSERT waits on the unique Clerk ID of this one.
        return q.exec(QStringLiteral(R"(INSERT INTO "User" ("id", "clerkId", "email",
            "updatedAt") VALUES ('blocker', '%1', 'blocker@example.test', now()))")
                          .arg(newClerkId));
    const QHash<Path, int> users{{Path::Grant, 11},
                                 {Path::End, 12},
                                 {Path::Bulk, 13},
                                 {Path::SyncGrantDefault, 20},
                                 {Path::SyncEndAll, 18}};
    return q.exec(QStringLiteral(R"(SELECT 1 FROM "User" WHERE "id" = 'cu%1' FOR UPDATE)")
                      .arg(users.value(path), 10, 10, QLatin1Char('0')));
}

void TestPgFaults::writeSurvivesTheFault_data()
{
    QTest::addColumn<Path>("path");
    QTest::addColumn<Fault>("fault");
    for (Path path : {Path::Grant, Path::End, Path::Bulk, Path::SyncCreate, Path::SyncGrantDefault,
                      Path::SyncEndAll}) {
        for (Fault fault : {Fault::CutBeforeCommit, Fault::CutMidStatement, Fault::CutAfterCommit,
                            Fault::ServerRestart, Fault::Timeout})
            QTest::addRow("%s, %s", pathName(path), faultName(fault)) << path << fault;
    }
}

void TestPgFaults::writeSurvivesTheFault()
{
    QFETCH(Path, path);
    QFETCH(Fault, fault);
    QString error;
    const QString db = m_cluster->createDatabase(Fixture::AkakoLms, &error);
    QVERIFY2(!db.isEmpty() && seedAkakoUsers(*m_cluster, db, 100, &error), qPrintable(error));
    QVERIFY2(m_cluster->exec(db, auditTableSql(), &error), qPrintable(error));
    if (fault == Fault::Timeout)
        QVERIFY2(m_cluster->exec(
                     db, QStringLiteral("ALTER DATABASE \"%1\" SET lock_timeout = '500ms'").arg(db),
                     &error),
                 qPrintable(error));
    const bool isSync = path >= Path::SyncCreate;
    const int full = path == Path::Bulk ? 5 : 1;
    const QString tag = QStringLiteral("fault-%1")
                            .arg(QString::fromLatin1(QTest::currentDataTag()))
                            .replace(QLatin1Char(','), QLatin1Char('-'))
                            .replace(QLatin1Char(' '), QLatin1Char('-'));

    TcpFaultProxy proxy(m_cluster->host(), m_cluster->port());
    QVERIFY2(proxy.start(&error), qPrintable(error));
    ConnectionSettings settings = m_cluster->connection(db);
    settings.port = proxy.port();
    PgDataSource source(settings);
    PgSyncStore store(settings);
    // Warm: both connect before the fault.
    QVERIFY(source.fetchAccount(admin().clerkId).result().canWrite());
    QVERIFY(store.loadSnapshot().result().users.size() > 0);

    QSqlDatabase blocker;
    const QString blockerName = QStringLiteral("tst-faults-blocker-") + db;
    const QByteArray statement =
        path == Path::End || path == Path::SyncEndAll ? QByteArrayLiteral("UPDATE \"UserRole\"")
        : path == Path::SyncCreate                    ? QByteArrayLiteral("INSERT INTO \"User\"")
                                   : QByteArrayLiteral("INSERT INTO \"UserRole\"");
    QFuture<void> future;
    switch (fault) {
    case Fault::CutBeforeCommit:
        proxy.armCut(QByteArrayLiteral("COMMIT"), TcpFaultProxy::Cut::BeforeSending);
        future = write(path, source, store, tag);
        break;
    case Fault::CutMidStatement:
        proxy.armCut(statement, TcpFaultProxy::Cut::MidStream);
        future = write(path, source, store, tag);
        break;
    case Fault::CutAfterCommit:
        proxy.armCut(QByteArrayLiteral("COMMIT"), TcpFaultProxy::Cut::AfterAnswer);
        future = write(path, source, store, tag);
        break;
    case Fault::ServerRestart:
    case Fault::Timeout: {
        blocker = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), blockerName);
        blocker.setHostName(m_cluster->host());
        blocker.setPort(m_cluster->port());
        blocker.setUserName(m_cluster->superuser());
        blocker.setDatabaseName(db);
        QVERIFY(blocker.open());
        QVERIFY2(holdTheTarget(blocker, path), qPrintable(blocker.lastError().text()));
        future = write(path, source, store, tag);
        if (fault == Fault::ServerRestart) {
            const auto waiting = [this, &db]() {
                return scalar(db, QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE "
                                                 "wait_event_type = 'Lock'"))
                           .toInt() > 0;
            };
            QTRY_VERIFY_WITH_TIMEOUT(waiting(), waitMs);
            QVERIFY2(m_cluster->restart(&error), qPrintable(error));
        }
        break;
    }
    }
    const auto failure = errorOf(future);
    if (fault == Fault::Timeout || fault == Fault::ServerRestart) {
        if (blocker.isOpen())
            blocker.rollback();
        blocker = QSqlDatabase();
        QSqlDatabase::removeDatabase(blockerName);
    }
    ++m_faults;
    QVERIFY2(failure, "the write went through despite the fault");
    QVERIFY2(failure->kind() == DataSourceError::Kind::Connection, qPrintable(failure->message()));
    QVERIFY(fault > Fault::CutAfterCommit || proxy.cutFired());

    // No partial write: all of it (after the commit went through) or none.
    const int after = effect(db, path, tag);
    const bool committed = fault == Fault::CutAfterCommit;
    if (after != (committed ? full : 0) || audited(db, path, tag) != after)
        ++m_partial;
    QCOMPARE(after, committed ? full : 0);
    QCOMPARE(audited(db, path, tag), after);

    // The fault clears; the same input is sent again, as the dialog would.
    proxy.disarm();
    const auto again = errorOf(write(path, source, store, tag));
    if (again)
        QVERIFY2(again->kind() == DataSourceError::Kind::Validation ||
                     again->kind() == DataSourceError::Kind::Conflict,
                 qPrintable(again->message()));
    const int final = effect(db, path, tag);
    if (final > full)
        ++m_duplicates;
    QCOMPARE(final, full);
    QCOMPARE(audited(db, path, tag), full);
    const int violations = invariantViolations(db);
    m_violations += violations;
    QCOMPARE(violations, 0);

    // Usable again.
    QVERIFY(source.fetchAccount(admin().clerkId).result().canWrite());
    if (isSync)
        QVERIFY(store.loadSnapshot().result().users.size() > 0);
}

QTEST_GUILESS_MAIN(TestPgFaults)
#include "tst_pgfaults.moc"
