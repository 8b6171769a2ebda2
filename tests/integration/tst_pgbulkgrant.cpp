// Bulk grants through PgDataSource on a real PostgreSQL: plan and apply by
// list and by filter, a connection killed mid-transaction, and the audit
// table written in the grants' own transaction.
#include "pg/pgdatasource.h"
#include "pg/pgrolewriter.h"
#include "support/pgtestcluster.h"
#include "support/rolefixtures.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTest>

using namespace rolecall;
using namespace rolecall::testing;

class TestPgBulkGrant : public QObject, private RoleWriterDatabases
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void killedConnectionLeavesNothing();
    void bulkGrantDryRunAndApply();
    void bulkGrantByFilter();
    void writesAuditEventsInTheSameTransaction();

private:
    using RoleWriterDatabases::connect;
    void killConnectionMidTransaction();
};

void TestPgBulkGrant::initTestCase()
{
    QString error;
    QVERIFY2(start(&error), qPrintable(error));
}

void TestPgBulkGrant::cleanupTestCase()
{
    removeConnections();
}

void TestPgBulkGrant::killedConnectionLeavesNothing()
{
    try {
        killConnectionMidTransaction();
    } catch (const DataSourceError &e) {
        QFAIL(qPrintable(e.message()));
    }
}

void TestPgBulkGrant::killConnectionMidTransaction()
{
    const QString db = freshDatabase(5000);
    QSqlDatabase blocker = connect(db);
    installAuditTable(blocker);
    PgDataSource source(m_cluster->connection(db));
    const QString before = checksum(db);

    // Hold the audit table so the bulk grant stops after inserting its grants
    // and before committing, then kill its backend there.
    QSqlQuery hold(blocker);
    QVERIFY(blocker.transaction());
    QVERIFY(
        hold.exec(QStringLiteral(R"(LOCK TABLE "RolecallAuditEvent" IN ACCESS EXCLUSIVE MODE)")));
    BulkGrantRequest bulk;
    bulk.role = QStringLiteral("MENTOR");
    bulk.reason = QStringLiteral("everyone mentors");
    bulk.useFilter = true;
    QFuture<QList<RoleGrant>> future = source.applyBulkGrant(admin(), bulk);

    QSqlQuery watch(connect(QStringLiteral("postgres")));
    const auto waitsForTheLock = [&watch, &db] {
        watch.prepare(
            QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE datname = ? "
                           "AND application_name = 'rolecall' AND wait_event_type = 'Lock'"));
        watch.bindValue(0, db);
        return watch.exec() && watch.next() && watch.value(0).toInt() > 0;
    };
    QTRY_VERIFY2_WITH_TIMEOUT(waitsForTheLock(), "the bulk grant never reached the audit table",
                              30000);
    watch.prepare(QStringLiteral("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                                 "WHERE datname = ? AND application_name = 'rolecall' "
                                 "AND state = 'active'"));
    watch.bindValue(0, db);
    QVERIFY(watch.exec() && watch.next());
    QCOMPARE(watch.value(0).toInt(), 1);
    const auto error = errorOf(future);
    QVERIFY(blocker.rollback());
    QVERIFY(error);
    QCOMPARE(error->kind(), DataSourceError::Kind::Connection);
    QVERIFY2(error->message().contains(QLatin1String("nothing was written")),
             qPrintable(error->message()));
    QCOMPARE(checksum(db), before);
    QCOMPARE(scalar(db, QStringLiteral(R"(SELECT count(*) FROM "RolecallAuditEvent")")).toInt(), 0);

    // The same source writes again (both workers, reconnecting as needed).
    for (int user = 10; user <= 40; user += 10)
        QVERIFY(source.grantRole(admin(), grantOf(user, QStringLiteral("LEARNER")))
                    .result()
                    .isActiveFlag);
    // everyone but the five users with a MENTOR grant starting in 30 days
    QCOMPARE(source.applyBulkGrant(admin(), bulk).result().size(), 4995);
}

void TestPgBulkGrant::bulkGrantDryRunAndApply()
{
    const QString db = freshDatabase(seededUsers);
    PgDataSource source(m_cluster->connection(db));
    BulkGrantRequest bulk;
    bulk.role = QStringLiteral("MENTOR");
    bulk.reason = QStringLiteral("mentor programme");
    // 300 users named every way there is, some twice
    for (int n = 1; n <= 300; ++n) {
        switch (n % 4) {
        case 0:
            bulk.users << emailOfSeedUser(n);
            break;
        case 1:
            bulk.users << clerkIdOfSeedUser(n);
            break;
        case 2:
            bulk.users << QStringLiteral("cu%1").arg(n, 10, 10, QLatin1Char('0'));
            break;
        default:
            bulk.users << QString(QStringLiteral("  ") + emailOfSeedUser(n).toUpper() +
                                  QStringLiteral(" "));
        }
    }
    bulk.users << emailOfSeedUser(7) << clerkIdOfSeedUser(7);
    const QString before = checksum(db);

    const BulkPlan plan = source.planBulkGrant(admin(), bulk).result();
    QCOMPARE(plan.unknown, QStringList());
    QCOMPARE(plan.alreadyHave.size(), 1); // user 2: a MENTOR grant starting in 30 days
    QCOMPARE(plan.alreadyHave.first().email, emailOfSeedUser(2));
    QCOMPARE(plan.willChange.size(), 299);
    QCOMPARE(checksum(db), before); // a dry run writes nothing

    // one unknown name: nothing at all, and the message names it
    BulkGrantRequest withUnknown = bulk;
    withUnknown.users << QStringLiteral("ghost@example.test");
    QCOMPARE(source.planBulkGrant(admin(), withUnknown).result().unknown,
             QStringList{QStringLiteral("ghost@example.test")});
    const auto error = errorOf(source.applyBulkGrant(admin(), withUnknown));
    QVERIFY(error);
    QCOMPARE(error->kind(), DataSourceError::Kind::Validation);
    QVERIFY2(error->message().contains(QLatin1String("ghost@example.test")),
             qPrintable(error->message()));
    QCOMPARE(checksum(db), before);

    const QList<RoleGrant> grants = source.applyBulkGrant(admin(), bulk).result();
    QCOMPARE(grants.size(), 299);
    QSqlQuery q(connect(db));
    q.prepare(
        QStringLiteral(R"(SELECT count(*), count(DISTINCT xmin::text), count(DISTINCT cmin::text),
            count(DISTINCT "createdAt"), bool_and("updatedAt" = "createdAt"),
            bool_and("id" ~ '^c[0-9a-z]{24}$'), count(DISTINCT "id"),
            bool_and("assignedBy" = ? AND "reason" = 'mentor programme' AND "isActive")
        FROM "UserRole" WHERE "role" = 'MENTOR' AND "reason" = 'mentor programme')"));
    q.bindValue(0, clerkIdOfSeedUser(5));
    QVERIFY(q.exec() && q.next());
    QCOMPARE(q.value(0).toInt(), 299);
    QCOMPARE(q.value(1).toInt(), 1); // one transaction
    QCOMPARE(q.value(2).toInt(), 1); // one statement
    QCOMPARE(q.value(3).toInt(), 1);
    QVERIFY(q.value(4).toBool());
    QVERIFY(q.value(5).toBool());
    QCOMPARE(q.value(6).toInt(), 299);
    QVERIFY(q.value(7).toBool());

    // applied again: everyone has it now
    const BulkPlan again = source.planBulkGrant(admin(), bulk).result();
    QCOMPARE(again.willChange.size(), 0);
    QCOMPARE(again.alreadyHave.size(), 300);
    QVERIFY(source.applyBulkGrant(admin(), bulk).result().isEmpty());

    // bad requests
    BulkGrantRequest tooMany;
    tooMany.role = QStringLiteral("MENTOR");
    tooMany.reason = QStringLiteral("x");
    for (int i = 0; i <= 100000; ++i)
        tooMany.users << QStringLiteral("u%1@x").arg(i);
    QCOMPARE(errorOf(source.applyBulkGrant(admin(), tooMany))->kind(),
             DataSourceError::Kind::Validation);
    BulkGrantRequest badRole = bulk;
    badRole.role = QStringLiteral("mentor");
    QCOMPARE(errorOf(source.planBulkGrant(admin(), badRole))->kind(),
             DataSourceError::Kind::Validation);
    BulkGrantRequest empty = bulk;
    empty.users = QStringList{QStringLiteral(" "), QString()};
    QCOMPARE(errorOf(source.applyBulkGrant(admin(), empty))->kind(),
             DataSourceError::Kind::Validation);
    BulkGrantRequest noReason = bulk;
    noReason.reason.clear();
    QCOMPARE(errorOf(source.applyBulkGrant(admin(), noReason))->kind(),
             DataSourceError::Kind::Validation);
    QCOMPARE(errorOf(source.planBulkGrant(actorOf(1), bulk))->kind(),
             DataSourceError::Kind::NotPermitted);
}

void TestPgBulkGrant::bulkGrantByFilter()
{
    const QString db = freshDatabase(seededUsers);
    PgDataSource source(m_cluster->connection(db));
    BulkGrantRequest bulk;
    bulk.role = QStringLiteral("LEARNER");
    bulk.reason = QStringLiteral("everyone learns");
    bulk.useFilter = true;
    bulk.filter.noRole = true; // users 10, 20, ...: no grant at all
    const BulkPlan plan = source.planBulkGrant(admin(), bulk).result();
    QCOMPARE(plan.willChange.size(), seededUsers / 10);
    QCOMPARE(plan.alreadyHave.size(), 0);
    QCOMPARE(source.applyBulkGrant(admin(), bulk).result().size(), seededUsers / 10);
    QCOMPARE(source.planBulkGrant(admin(), bulk).result().willChange.size(), 0);

    // by role and search: ADMIN to the LEARNERs whose email has "user1" in it
    BulkGrantRequest byRole;
    byRole.role = QStringLiteral("MENTOR");
    byRole.reason = QStringLiteral("senior learners");
    byRole.useFilter = true;
    byRole.filter.role = QStringLiteral("LEARNER");
    byRole.filter.search = QStringLiteral("user1_"); // '_' is literal: matches nobody
    QCOMPARE(source.planBulkGrant(admin(), byRole).result().willChange.size(), 0);
    byRole.filter.search = QStringLiteral("user19");
    const BulkPlan searched = source.planBulkGrant(admin(), byRole).result();
    // 19, 190..199, 1900..1999: 111 users, all LEARNER now
    QCOMPARE(searched.willChange.size() + searched.alreadyHave.size(), 111);

    // judged at another instant: in 31 days users 2 and 1002 hold MENTOR
    BulkGrantRequest asOf;
    asOf.role = QStringLiteral("LEARNER");
    asOf.reason = QStringLiteral("x");
    asOf.useFilter = true;
    asOf.filter.role = QStringLiteral("MENTOR");
    asOf.filter.asOf = utcNow().addDays(31);
    const BulkPlan later = source.planBulkGrant(admin(), asOf).result();
    QCOMPARE(later.alreadyHave.size(), 2);
    QCOMPARE(later.willChange.size(), 0);
    asOf.filter.asOf = QDateTime();
    QCOMPARE(source.planBulkGrant(admin(), asOf).result().alreadyHave.size(), 0);
}

void TestPgBulkGrant::writesAuditEventsInTheSameTransaction()
{
    QVERIFY(auditTableSql().contains(QLatin1String("CREATE TABLE \"RolecallAuditEvent\"")));
    QVERIFY(auditTableSql().contains(QLatin1String("REVOKE UPDATE, DELETE")));
    const QString db = freshDatabase(100);
    QSqlDatabase test = connect(db);
    installAuditTable(test);
    PgDataSource source(m_cluster->connection(db));

    const RoleGrant granted =
        source.grantRole(admin(), grantOf(10, QStringLiteral("MENTOR"))).result();
    GrantRequest future = grantOf(20, QStringLiteral("MENTOR"));
    future.start = utcNow().addDays(2);
    const RoleGrant scheduled = source.grantRole(admin(), future).result();
    EndRequest end;
    end.grantId = granted.id;
    end.reason = QStringLiteral("done");
    source.endGrant(admin(), end).waitForFinished();
    BulkGrantRequest bulk;
    bulk.role = QStringLiteral("MENTOR");
    bulk.reason = QStringLiteral("bulk");
    bulk.users = QStringList{emailOfSeedUser(30), emailOfSeedUser(40), emailOfSeedUser(50)};
    const QList<RoleGrant> bulkGrants = source.applyBulkGrant(admin(), bulk).result();
    // a refused write records nothing
    QVERIFY(errorOf(source.grantRole(admin(), grantOf(30, QStringLiteral("MENTOR")))));

    QSqlQuery q(test);
    QVERIFY(q.exec(QStringLiteral(R"(SELECT e."action", e."grantId", e."actorClerkId",
            e."actorEmail", e."reason", e."before"::text, e."after"::text,
            e."at" = CASE WHEN e."action" = 'ended' THEN r."updatedAt" ELSE r."createdAt" END,
            e."targetUserId" = r."userId", e."role"
        FROM "RolecallAuditEvent" e JOIN "UserRole" r ON r."id" = e."grantId"
        ORDER BY e."at", e."action" DESC, e."grantId")")));
    QStringList actions;
    while (q.next()) {
        actions << q.value(0).toString();
        QCOMPARE(q.value(2).toString(), clerkIdOfSeedUser(5));
        QCOMPARE(q.value(3).toString(), emailOfSeedUser(5));
        QVERIFY(q.value(7).toBool()); // written in the grant's own transaction
        QVERIFY(q.value(8).toBool());
        QCOMPARE(q.value(9).toString(), QStringLiteral("MENTOR"));
        const QJsonObject after = QJsonDocument::fromJson(q.value(6).toString().toUtf8()).object();
        QCOMPARE(after.value(QStringLiteral("id")).toString(), q.value(1).toString());
        if (q.value(0).toString() == QLatin1String("ended")) {
            const QJsonObject was =
                QJsonDocument::fromJson(q.value(5).toString().toUtf8()).object();
            QCOMPARE(was.value(QStringLiteral("isActive")).toBool(), true);
            QCOMPARE(after.value(QStringLiteral("isActive")).toBool(), false);
            QCOMPARE(q.value(4).toString(), QStringLiteral("done"));
        } else {
            QVERIFY(q.value(5).isNull());
        }
    }
    QCOMPARE(actions,
             (QStringList{QStringLiteral("granted"), QStringLiteral("scheduled"),
                          QStringLiteral("ended"), QStringLiteral("bulk-granted"),
                          QStringLiteral("bulk-granted"), QStringLiteral("bulk-granted")}));
    QCOMPARE(bulkGrants.size(), 3);
    Q_UNUSED(scheduled);
}

QTEST_GUILESS_MAIN(TestPgBulkGrant)
#include "tst_pgbulkgrant.moc"
