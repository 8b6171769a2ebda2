// Writing grants through PgDataSource on a real PostgreSQL: rows as Prisma
// would write them, permissions, duplicates, ending grants, the last admin,
// self-demotion, stale views, races between connections, schema drift and
// SehatScan's "no roles". Bad input: tst_pgrolewriter_input; bulk grants and
// the audit table: tst_pgbulkgrant.
#include "pg/pgdatasource.h"
#include "pg/pgrolewriter.h"
#include "support/pgtestcluster.h"
#include "support/rolefixtures.h"
#include "support/testdata.h"

#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace rolecall;
using namespace rolecall::testing;

class TestPgRoleWriter : public QObject, private RoleWriterDatabases
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void grantRowLooksLikePrismas();
    void refusesNonAdmins();
    void refusesOverlappingDuplicates();
    void endsGrants();
    void guardsTheLastAdmin();
    void selfDemotionNeedsConfirmation();
    void adminsEndingEachOtherLeaveOne();
    void staleViewIsAConflict();
    void racingGrantsOnOneUser();
    void toleratesExtraColumnsAndRoles();
    void sehatScanHasNoRoles();

private:
    using RoleWriterDatabases::connect;
    QString m_db; // shared by the read-mostly tests; others get their own
};

void TestPgRoleWriter::initTestCase()
{
    QString error;
    QVERIFY2(start(&error), qPrintable(error));
    m_db = freshDatabase();
    QVERIFY(!m_db.isEmpty());
}

void TestPgRoleWriter::cleanupTestCase()
{
    removeConnections();
}

void TestPgRoleWriter::grantRowLooksLikePrismas()
{
    PgDataSource source(m_cluster->connection(m_db));
    GrantRequest request = grantOf(10, QStringLiteral("MENTOR"), QStringLiteral("runs the club"));
    request.notes = QStringLiteral("approved by the board");
    const QDateTime before = utcNow().addSecs(-2);
    const RoleGrant grant = source.grantRole(admin(), request).result();
    const QDateTime after = utcNow().addSecs(2);

    static const QRegularExpression cuidShape(QStringLiteral("^c[0-9a-z]{24}$"));
    QVERIFY2(cuidShape.match(grant.id).hasMatch(), qPrintable(grant.id));
    QCOMPARE(grant.userId, QStringLiteral("cu0000000010"));
    QCOMPARE(grant.createdAt, grant.updatedAt);
    QCOMPARE(grant.effectiveStart, grant.createdAt);
    QVERIFY(!grant.effectiveEnd.isValid());

    // Read back by plain SQL, as the application (Prisma) would see it.
    QSqlQuery q(connect(m_db));
    q.prepare(QStringLiteral(R"(SELECT "id" ~ '^c[0-9a-z]{24}$', "userId", "role"::text,
            "updatedAt" = "createdAt", "effectiveStartDate" = "createdAt",
            date_trunc('milliseconds', "createdAt") = "createdAt",
            abs(extract(epoch FROM "createdAt" - timezone('UTC', now()))) < 60,
            "effectiveEndDate" IS NULL, "assignedBy", "assignedByEmail", "reason", "adminNotes",
            "isActive", round(extract(epoch FROM "createdAt") * 1000)::bigint
        FROM "UserRole" WHERE "id" = ?)"));
    q.bindValue(0, grant.id);
    QVERIFY2(q.exec() && q.next(), qPrintable(q.lastError().text()));
    QVERIFY(q.value(0).toBool());
    QCOMPARE(q.value(1).toString(), QStringLiteral("cu0000000010"));
    QCOMPARE(q.value(2).toString(), QStringLiteral("MENTOR"));
    QVERIFY(q.value(3).toBool());
    QVERIFY(q.value(4).toBool());
    QVERIFY(q.value(5).toBool());
    QVERIFY2(q.value(6).toBool(), "createdAt is not UTC now");
    QVERIFY(q.value(7).toBool());
    QCOMPARE(q.value(8).toString(), clerkIdOfSeedUser(5));
    QCOMPARE(q.value(9).toString(), emailOfSeedUser(5));
    QCOMPARE(q.value(10).toString(), QStringLiteral("runs the club"));
    QCOMPARE(q.value(11).toString(), QStringLiteral("approved by the board"));
    QVERIFY(q.value(12).toBool());
    const QDateTime created = QDateTime::fromMSecsSinceEpoch(q.value(13).toLongLong(), Qt::UTC);
    QCOMPARE(created, grant.createdAt);
    QVERIFY(created >= before && created <= after);

    // The application's own read of active roles sees it.
    UserQuery users;
    users.search = emailOfSeedUser(10);
    QCOMPARE(source.fetchUsers(users).result().users.value(0).activeRoles,
             QStringList{QStringLiteral("MENTOR")});
}

void TestPgRoleWriter::refusesNonAdmins()
{
    PgDataSource source(m_cluster->connection(m_db));
    const QString before = checksum(m_db);
    const QList<Actor> actors = {
        actorOf(1),                           // a LEARNER
        Actor{},                              // nobody
        Actor{QString(), emailOfSeedUser(5)}, // an admin's email alone
        Actor{QStringLiteral("user_nobody"), QStringLiteral("x@y.z")},
        Actor{clerkIdOfSeedUser(5) + QLatin1Char(' '), emailOfSeedUser(5)}};
    for (const Actor &actor : actors) {
        const auto error = errorOf(source.grantRole(actor, grantOf(20, QStringLiteral("ADMIN"))));
        QVERIFY(error);
        QCOMPARE(error->kind(), DataSourceError::Kind::NotPermitted);
        QVERIFY2(
            error->message().startsWith(QLatin1String("Only an active ADMIN may change roles; ")),
            qPrintable(error->message()));
        EndRequest end;
        end.grantId = QStringLiteral("cr0000000001l");
        end.reason = QStringLiteral("no");
        QCOMPARE(errorOf(source.endGrant(actor, end))->kind(), DataSourceError::Kind::NotPermitted);
        BulkGrantRequest bulk;
        bulk.role = QStringLiteral("ADMIN");
        bulk.reason = QStringLiteral("no");
        bulk.users = QStringList{emailOfSeedUser(20)};
        QCOMPARE(errorOf(source.applyBulkGrant(actor, bulk))->kind(),
                 DataSourceError::Kind::NotPermitted);
    }
    QCOMPARE(
        errorOf(source.grantRole(actorOf(1), grantOf(20, QStringLiteral("ADMIN"))))->message(),
        QStringLiteral("Only an active ADMIN may change roles; user1@example.test is not one."));
    QCOMPARE(checksum(m_db), before);
}

void TestPgRoleWriter::refusesOverlappingDuplicates()
{
    PgDataSource source(m_cluster->connection(m_db));
    const QString before = checksum(m_db);
    // User 1 holds LEARNER since 2024 (grant cr0000000001l).
    auto error = errorOf(source.grantRole(admin(), grantOf(1, QStringLiteral("LEARNER"))));
    QVERIFY(error);
    QCOMPARE(error->kind(), DataSourceError::Kind::Validation);
    QVERIFY2(error->message().contains(QLatin1String("cr0000000001l")) &&
                 error->message().contains(QLatin1String("2024-01-01T00:00:00.000Z")),
             qPrintable(error->message()));
    // User 1002's MENTOR starts in 30 days with no end: an open grant from now
    // overlaps it, one ending before it does not.
    GrantRequest overlapping = grantOf(1002, QStringLiteral("MENTOR"));
    error = errorOf(source.grantRole(admin(), overlapping));
    QVERIFY(error);
    QVERIFY2(error->message().contains(QLatin1String("cr0000001002f")),
             qPrintable(error->message()));
    QCOMPARE(checksum(m_db), before);

    GrantRequest before30 = grantOf(1002, QStringLiteral("MENTOR"));
    before30.end = utcNow().addDays(10);
    QVERIFY(source.grantRole(admin(), before30).result().isActiveFlag);
    // User 101's MENTOR ended in 2024: a new one later is fine.
    GrantRequest again = grantOf(101, QStringLiteral("MENTOR"));
    again.start = utcNow().addDays(3);
    const RoleGrant future = source.grantRole(admin(), again).result();
    QCOMPARE(future.effectiveStart,
             QDateTime::fromMSecsSinceEpoch(again.start.toMSecsSinceEpoch(), Qt::UTC));
}

void TestPgRoleWriter::endsGrants()
{
    PgDataSource source(m_cluster->connection(m_db));
    // end now: inactive, the end recorded, who and why appended to the notes
    GrantRequest request = grantOf(11, QStringLiteral("MENTOR"));
    request.notes = QStringLiteral("first note");
    const RoleGrant granted = source.grantRole(admin(), request).result();
    EndRequest end;
    end.grantId = granted.id;
    end.reason = QStringLiteral("left the team");
    const QDateTime before = utcNow().addSecs(-2);
    const RoleGrant ended = source.endGrant(admin(), end).result();
    QVERIFY(!ended.isActiveFlag);
    QVERIFY(ended.effectiveEnd >= before && ended.effectiveEnd <= utcNow().addSecs(2));
    QVERIFY(ended.updatedAt > granted.updatedAt);
    const QString line = QStringLiteral("Ended ") +
                         ended.effectiveEnd.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ")) +
                         QStringLiteral(" by user5@example.test: left the team");
    QCOMPARE(ended.adminNotes, QString(QStringLiteral("first note\n") + line));
    QCOMPARE(scalar(m_db, QStringLiteral(R"(SELECT "adminNotes" FROM "UserRole" WHERE "id" = ?)"),
                    {granted.id})
                 .toString(),
             ended.adminNotes);
    QCOMPARE(scalar(m_db, QStringLiteral(R"(SELECT count(*) FROM "UserRole" WHERE "id" = ?)"),
                    {granted.id})
                 .toInt(),
             1); // never deleted

    // ending it again
    auto error = errorOf(source.endGrant(admin(), end));
    QVERIFY(error);
    QCOMPARE(error->kind(), DataSourceError::Kind::Validation);
    QVERIFY2(error->message().contains(QLatin1String("already ended")),
             qPrintable(error->message()));

    // end at a future instant: still active, expires then; no notes before
    const RoleGrant other =
        source.grantRole(admin(), grantOf(12, QStringLiteral("MENTOR"))).result();
    EndRequest later;
    later.grantId = other.id;
    later.reason = QStringLiteral("term ends");
    later.at = QDateTime(QDate(2031, 3, 4), QTime(5, 6, 7, 890), Qt::UTC);
    const RoleGrant expiring = source.endGrant(admin(), later).result();
    QVERIFY(expiring.isActiveFlag);
    QCOMPARE(expiring.effectiveEnd, later.at);
    QCOMPARE(expiring.adminNotes,
             QStringLiteral("Ended 2031-03-04T05:06:07.890Z by user5@example.test: term ends"));

    // end before the grant's start
    GrantRequest future = grantOf(13, QStringLiteral("MENTOR"));
    future.start = utcNow().addDays(5);
    const RoleGrant scheduled = source.grantRole(admin(), future).result();
    const QString sum = checksum(m_db);
    EndRequest tooEarly;
    tooEarly.grantId = scheduled.id;
    tooEarly.reason = QStringLiteral("never mind");
    tooEarly.at = utcNow().addDays(1);
    error = errorOf(source.endGrant(admin(), tooEarly));
    QVERIFY(error);
    QCOMPARE(error->kind(), DataSourceError::Kind::Validation);
    // bad reasons and unknown grants change nothing either
    EndRequest noReason;
    noReason.grantId = scheduled.id;
    noReason.reason = QStringLiteral("  ");
    QCOMPARE(errorOf(source.endGrant(admin(), noReason))->kind(),
             DataSourceError::Kind::Validation);
    EndRequest unknown;
    unknown.grantId = QStringLiteral("'; DROP TABLE \"UserRole\"; --");
    unknown.reason = QStringLiteral("x");
    QCOMPARE(errorOf(source.endGrant(admin(), unknown))->kind(), DataSourceError::Kind::Validation);
    QCOMPARE(checksum(m_db), sum);
    // a grant that has not started, ended at a later instant, stays active
    GrantRequest future2 = grantOf(15, QStringLiteral("MENTOR"));
    future2.start = utcNow().addDays(5);
    EndRequest after = tooEarly;
    after.grantId = source.grantRole(admin(), future2).result().id;
    after.at = utcNow().addDays(9);
    QVERIFY(source.endGrant(admin(), after).result().isActiveFlag);
    // ending a grant that has not started cancels it at its start
    tooEarly.at = QDateTime();
    const RoleGrant cancelled = source.endGrant(admin(), tooEarly).result();
    QVERIFY(!cancelled.isActiveFlag);
    QCOMPARE(cancelled.effectiveEnd, cancelled.effectiveStart);
}

void TestPgRoleWriter::guardsTheLastAdmin()
{
    const QString db = freshDatabase(100);
    PgDataSource source(m_cluster->connection(db));
    const QString before = checksum(db);
    EndRequest end;
    end.grantId = QStringLiteral("cr0000000005a");
    end.reason = QStringLiteral("stepping down");
    end.confirmSelfDemotion = true;
    auto error = errorOf(source.endGrant(admin(), end));
    QVERIFY(error);
    QCOMPARE(error->kind(), DataSourceError::Kind::Validation);
    QVERIFY2(error->message().contains(QLatin1String("last active ADMIN")),
             qPrintable(error->message()));
    // ending it in the future would leave none then, too
    end.at = utcNow().addDays(30);
    QCOMPARE(errorOf(source.endGrant(admin(), end))->kind(), DataSourceError::Kind::Validation);
    QCOMPARE(checksum(db), before);
    // a second admin whose grant ends before ours would does not count
    GrantRequest brief = grantOf(6, QStringLiteral("ADMIN"));
    brief.end = utcNow().addDays(10);
    source.grantRole(admin(), brief).waitForFinished();
    const QString checksumWithBrief = checksum(db);
    QCOMPARE(errorOf(source.endGrant(admin(), end))->kind(), DataSourceError::Kind::Validation);
    // ...nor does ending ours before theirs ends: after theirs ends nobody
    // would hold ADMIN (grants that end later count only until they end)
    end.at = utcNow().addDays(5);
    QCOMPARE(errorOf(source.endGrant(admin(), end))->kind(), DataSourceError::Kind::Validation);
    QCOMPARE(checksum(db), checksumWithBrief);
    // ...while a second admin with no end makes it fine
    source.grantRole(admin(), grantOf(7, QStringLiteral("ADMIN"))).waitForFinished();
    QVERIFY(source.endGrant(admin(), end).result().isActiveFlag);
}

void TestPgRoleWriter::selfDemotionNeedsConfirmation()
{
    const QString db = freshDatabase(100);
    PgDataSource source(m_cluster->connection(db));
    source.grantRole(admin(), grantOf(6, QStringLiteral("ADMIN"))).waitForFinished();
    const QString before = checksum(db);
    EndRequest end;
    end.grantId = QStringLiteral("cr0000000005a");
    end.reason = QStringLiteral("stepping down");
    const auto error = errorOf(source.endGrant(admin(), end));
    QVERIFY(error);
    QCOMPARE(error->kind(), DataSourceError::Kind::SelfDemotion);
    QCOMPARE(error->message(), QStringLiteral("This ends your own ADMIN role; confirm to go on."));
    QCOMPARE(checksum(db), before);
    end.confirmSelfDemotion = true;
    QVERIFY(!source.endGrant(admin(), end).result().isActiveFlag);
    // no longer an admin
    QCOMPARE(errorOf(source.grantRole(admin(), grantOf(20, QStringLiteral("MENTOR"))))->kind(),
             DataSourceError::Kind::NotPermitted);
}

void TestPgRoleWriter::adminsEndingEachOtherLeaveOne()
{
    for (int round = 0; round < 3; ++round) {
        const QString db = freshDatabase(100);
        PgDataSource first(m_cluster->connection(db));
        PgDataSource second(m_cluster->connection(db));
        const RoleGrant six =
            first.grantRole(admin(), grantOf(6, QStringLiteral("ADMIN"))).result();
        EndRequest endSix;
        endSix.grantId = six.id;
        endSix.reason = QStringLiteral("coup");
        EndRequest endFive;
        endFive.grantId = QStringLiteral("cr0000000005a");
        endFive.reason = QStringLiteral("counter-coup");
        auto a = first.endGrant(admin(), endSix);
        auto b = second.endGrant(actorOf(6), endFive);
        const auto ea = errorOf(a);
        const auto eb = errorOf(b);
        QVERIFY2(bool(ea) != bool(eb), "exactly one of the two must win");
        const DataSourceError &loser = ea ? *ea : *eb;
        QVERIFY2(loser.kind() == DataSourceError::Kind::Validation ||
                     loser.kind() == DataSourceError::Kind::NotPermitted,
                 qPrintable(loser.message()));
        QCOMPARE(scalar(db, QStringLiteral(R"(SELECT count(*) FROM "UserRole" r WHERE r."role" =
                 'ADMIN' AND r."isActive" AND r."effectiveStartDate" <= timezone('UTC', now())
                 AND (r."effectiveEndDate" IS NULL OR r."effectiveEndDate" > timezone('UTC', now())))"))
                     .toInt(),
                 1);
    }
}

void TestPgRoleWriter::staleViewIsAConflict()
{
    PgDataSource source(m_cluster->connection(m_db));
    const RoleGrant granted =
        source.grantRole(admin(), grantOf(14, QStringLiteral("MENTOR"))).result();
    // another admin pushes the end out meanwhile
    EndRequest theirs;
    theirs.grantId = granted.id;
    theirs.reason = QStringLiteral("term");
    theirs.at = utcNow().addDays(60);
    theirs.expectedUpdatedAt = granted.updatedAt;
    const RoleGrant changed = source.endGrant(admin(), theirs).result();
    const QString before = checksum(m_db);

    EndRequest mine;
    mine.grantId = granted.id;
    mine.reason = QStringLiteral("now");
    mine.expectedUpdatedAt = granted.updatedAt; // stale
    const auto error = errorOf(source.endGrant(admin(), mine));
    QVERIFY(error);
    QCOMPARE(error->kind(), DataSourceError::Kind::Conflict);
    QCOMPARE(error->message(),
             QStringLiteral("Someone else changed this grant at ") +
                 changed.updatedAt.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ")) +
                 QStringLiteral("; reload and try again."));
    QCOMPARE(checksum(m_db), before);
    mine.expectedUpdatedAt = changed.updatedAt;
    QVERIFY(!source.endGrant(admin(), mine).result().isActiveFlag);
}

void TestPgRoleWriter::racingGrantsOnOneUser()
{
    PgDataSource first(m_cluster->connection(m_db));
    PgDataSource second(m_cluster->connection(m_db));
    // warm both up, so the race is between writes, not connects
    first.detectSchema().waitForFinished();
    second.detectSchema().waitForFinished();
    for (int user = 200; user < 210; ++user) {
        const GrantRequest request = grantOf(user, QStringLiteral("MENTOR"));
        auto a = first.grantRole(admin(), request);
        auto b = second.grantRole(actorOf(5), request);
        const auto ea = errorOf(a);
        const auto eb = errorOf(b);
        QVERIFY2(bool(ea) != bool(eb), "exactly one racing grant must win");
        const DataSourceError &loser = ea ? *ea : *eb;
        QCOMPARE(loser.kind(), DataSourceError::Kind::Validation);
        const RoleGrant winner = ea ? b.result() : a.result();
        QVERIFY2(loser.message().contains(winner.id), qPrintable(loser.message()));
        QCOMPARE(scalar(m_db, QStringLiteral(R"(SELECT count(*) FROM "UserRole"
                 WHERE "userId" = ? AND "role" = 'MENTOR' AND "isActive")"),
                        {winner.userId})
                     .toInt(),
                 1);
    }
}

void TestPgRoleWriter::toleratesExtraColumnsAndRoles()
{
    const QString db = freshDatabase(100);
    PgDataSource source(m_cluster->connection(db));
    source.detectSchema().waitForFinished(); // learn the enum before it grows
    QString error;
    QVERIFY2(m_cluster->exec(
                 db,
                 QStringLiteral(R"(ALTER TABLE "UserRole" ADD COLUMN "tenantId" TEXT DEFAULT 't1';
                                 ALTER TYPE "Role" ADD VALUE 'SUPPORT';)"),
                 &error),
             qPrintable(error));
    const RoleGrant grant =
        source.grantRole(admin(), grantOf(1, QStringLiteral("SUPPORT"))).result();
    QCOMPARE(grant.role, QStringLiteral("SUPPORT"));
    QCOMPARE(scalar(db, QStringLiteral(R"(SELECT "tenantId" FROM "UserRole" WHERE "id" = ?)"),
                    {grant.id})
                 .toString(),
             QStringLiteral("t1"));
    EndRequest end;
    end.grantId = grant.id;
    end.reason = QStringLiteral("done");
    QVERIFY(!source.endGrant(admin(), end).result().isActiveFlag);
    BulkGrantRequest bulk;
    bulk.role = QStringLiteral("SUPPORT");
    bulk.reason = QStringLiteral("support desk");
    bulk.users = QStringList{emailOfSeedUser(1), emailOfSeedUser(2)};
    QCOMPARE(source.applyBulkGrant(admin(), bulk).result().size(), 2);
    QCOMPARE(errorOf(source.grantRole(admin(), grantOf(3, QStringLiteral("support"))))->kind(),
             DataSourceError::Kind::Validation);
}

void TestPgRoleWriter::sehatScanHasNoRoles()
{
    QString error;
    const QString db = m_cluster->createDatabase(Fixture::SehatScan, &error);
    QVERIFY2(testing::seedSehatScanUsers(*m_cluster, db, 10, &error), qPrintable(error));
    PgDataSource source(m_cluster->connection(db));
    const QString message = QStringLiteral("This database's schema (SehatScan) has no roles.");
    auto e = errorOf(source.grantRole(admin(), grantOf(1, QStringLiteral("ADMIN"))));
    QVERIFY(e);
    QCOMPARE(e->kind(), DataSourceError::Kind::Schema);
    QCOMPARE(e->message(), message);
    EndRequest end;
    end.grantId = QStringLiteral("x");
    end.reason = QStringLiteral("x");
    QCOMPARE(errorOf(source.endGrant(admin(), end))->message(), message);
    BulkGrantRequest bulk;
    bulk.role = QStringLiteral("ADMIN");
    bulk.reason = QStringLiteral("x");
    bulk.users = QStringList{emailOfSeedUser(1)};
    QCOMPARE(errorOf(source.planBulkGrant(admin(), bulk))->kind(), DataSourceError::Kind::Schema);
    QCOMPARE(errorOf(source.applyBulkGrant(admin(), bulk))->kind(), DataSourceError::Kind::Schema);
}

QTEST_GUILESS_MAIN(TestPgRoleWriter)
#include "tst_pgrolewriter.moc"
