// Reading the audit stream on a real PostgreSQL: events derived from the
// grants, filters, keyset paging across ties, and the optional audit table.
// Fixture instants are offsets from the server's now().
#include "domain/datasourceerror.h"
#include "pg/pgdatasource.h"
#include "support/pgtestcluster.h"
#include "support/rolefixtures.h"

#include <QSet>
#include <QTest>

using namespace rolecall;
using rolecall::testing::allEvents;
using rolecall::testing::daysFromNow;
using rolecall::testing::failureOf;
using rolecall::testing::Fixture;
using rolecall::testing::idsOf;
using rolecall::testing::tiedGrants;

namespace {

AuditQuery auditLimit(int limit)
{
    AuditQuery query;
    query.limit = limit;
    return query;
}

} // namespace

class TestPgAudit : public QObject, private rolecall::testing::GrantStatesDatabase
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void derivesTheAuditStream();
    void filtersTheAuditStream_data();
    void filtersTheAuditStream();
    void pagesTheAuditStreamByKeyset();
    void joinsTheAuditTable();
};

void TestPgAudit::initTestCase()
{
    QString error;
    QVERIFY2(start(&error), qPrintable(error));
}

void TestPgAudit::derivesTheAuditStream()
{
    PgDataSource source(m_cluster->connection(m_db));
    AuditQuery query;
    query.limit = 5000;
    const AuditPage page = source.fetchAudit(query).result();
    QVERIFY(page.atEnd);
    // 8 + 25 grants, 1 scheduled, 2 + 25 ended, 1 expired
    QCOMPARE(page.events.size(), 8 + tiedGrants + 2 + tiedGrants + 1);
    QHash<QString, AuditEvent> byId;
    for (const AuditEvent &event : page.events) {
        QCOMPARE(event.source, QStringLiteral("grants"));
        byId.insert(event.id, event);
    }
    QCOMPARE(byId.size(), page.events.size());

    const AuditEvent granted = byId.value(QStringLiteral("g_active:granted"));
    QCOMPARE(granted.action, QStringLiteral("granted"));
    QCOMPARE(granted.actorClerkId, QStringLiteral("user_admin"));
    QCOMPARE(granted.actorEmail, QStringLiteral("admin@example.test"));
    QCOMPARE(granted.targetUserId, QStringLiteral("u_alice"));
    QCOMPARE(granted.targetClerkId, QStringLiteral("user_alice"));
    QCOMPARE(granted.targetEmail, QStringLiteral("alice@example.test"));
    QCOMPARE(granted.targetName, QStringLiteral("Alice A"));
    QCOMPARE(granted.role, QStringLiteral("LEARNER"));
    QCOMPARE(granted.grantId, QStringLiteral("g_active"));
    QCOMPARE(granted.reason, QStringLiteral("enrolled"));
    QVERIFY(qAbs(granted.at.secsTo(daysFromNow(-30))) < 120);

    const AuditEvent scheduled = byId.value(QStringLiteral("g_future:scheduled"));
    QCOMPARE(scheduled.action, QStringLiteral("scheduled"));
    QVERIFY(qAbs(scheduled.at.secsTo(daysFromNow(-2))) < 120);
    QVERIFY(!byId.contains(QStringLiteral("g_future:granted")));

    const AuditEvent ended = byId.value(QStringLiteral("g_endflag:ended"));
    QCOMPARE(ended.action, QStringLiteral("ended"));
    QCOMPARE(ended.actorEmail, QStringLiteral("admin@example.test")); // the last "Ended" line
    QVERIFY(ended.actorClerkId.isEmpty());
    QCOMPARE(ended.reason, QStringLiteral("term over"));
    QVERIFY(ended.notes.contains(QLatin1String("spring term")));
    QVERIFY(qAbs(ended.at.secsTo(daysFromNow(-5))) < 120); // at the end date

    const AuditEvent endedNoDate = byId.value(QStringLiteral("g_nullend:ended"));
    QCOMPARE(endedNoDate.actorClerkId, QStringLiteral("user_admin"));
    QCOMPARE(endedNoDate.reason, QStringLiteral("left the team"));
    QVERIFY(qAbs(endedNoDate.at.secsTo(daysFromNow(-7))) < 120); // at updatedAt

    const AuditEvent expired = byId.value(QStringLiteral("g_enddate:expired"));
    QCOMPARE(expired.action, QStringLiteral("expired"));
    QCOMPARE(expired.targetUserId, QStringLiteral("u_carol"));
    QVERIFY(qAbs(expired.at.secsTo(daysFromNow(-3))) < 120);
    QVERIFY(!byId.contains(QStringLiteral("g_expiring:expired"))); // end still ahead

    for (int i = 1; i < page.events.size(); ++i) {
        const AuditEvent &a = page.events[i - 1];
        const AuditEvent &b = page.events[i];
        QVERIFY(a.at > b.at || (a.at == b.at && a.id > b.id));
    }
}

void TestPgAudit::filtersTheAuditStream_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("actor");
    QTest::addColumn<QString>("role");
    QTest::addColumn<int>("sinceDays"); // 0: unbounded
    QTest::addColumn<int>("untilDays");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("user by email")
        << "alice@example.test" << QString() << QString() << 0 << 0
        << QStringList{QStringLiteral("g_active:granted"), QStringLiteral("g_future:scheduled")};
    QTest::newRow("user by clerk id, role")
        << "user_erin" << QString() << "ADMIN" << 0 << 0
        << QStringList{QStringLiteral("g_nullend:ended"), QStringLiteral("g_nullend:granted")};
    QTest::newRow("actor by email also matches their clerk id")
        << "u_erin"
        << "ADMIN@example.test" << QString() << 0 << 0
        << QStringList{QStringLiteral("g_nullend:ended"), QStringLiteral("g_nullend:granted")};
    QTest::newRow("actor of an ending")
        << QString() << "admin@example.test"
        << "MENTOR" << 0 << 0
        << QStringList{QStringLiteral("g_endflag:ended"), QStringLiteral("g_endflag:granted"),
                       QStringLiteral("g_enddate:granted"), QStringLiteral("g_future:scheduled")};
    QTest::newRow("other actor") << QString() << "user_other" << QString() << 0 << 0
                                 << QStringList{QStringLiteral("g_expiring2:granted"),
                                                QStringLiteral("g_expiring:granted")};
    QTest::newRow("time range") << QString() << QString() << QString() << -6 << -2
                                << QStringList{QStringLiteral("g_endflag:ended"),
                                               QStringLiteral("g_enddate:expired"),
                                               QStringLiteral("g_future:scheduled")};
    QTest::newRow("role admin") << QString() << QString() << "ADMIN" << 0 << 0
                                << QStringList{QStringLiteral("g_admin:granted"),
                                               QStringLiteral("g_nullend:ended"),
                                               QStringLiteral("g_nullend:granted")};
}

void TestPgAudit::filtersTheAuditStream()
{
    QFETCH(QString, user);
    QFETCH(QString, actor);
    QFETCH(QString, role);
    QFETCH(int, sinceDays);
    QFETCH(int, untilDays);
    QFETCH(QStringList, expected);
    PgDataSource source(m_cluster->connection(m_db));
    AuditQuery query;
    query.user = user;
    query.actor = actor;
    query.role = role;
    // the scheduled event sits at -2 days minus a moment: an hour's margin
    if (sinceDays != 0)
        query.since = daysFromNow(sinceDays).addSecs(-3600);
    if (untilDays != 0)
        query.until = daysFromNow(untilDays).addSecs(3600);
    query.limit = 2;
    expected.sort();
    QCOMPARE(idsOf(allEvents(source, query)), expected);
}

void TestPgAudit::pagesTheAuditStreamByKeyset()
{
    PgDataSource source(m_cluster->connection(m_db));
    AuditQuery all;
    all.limit = 5000;
    const QList<AuditEvent> whole = source.fetchAudit(all).result().events;
    for (int limit : {1, 7, 25, 26}) {
        AuditQuery query;
        query.limit = limit;
        const QList<AuditEvent> paged = allEvents(source, query);
        QCOMPARE(paged.size(), whole.size());
        for (int i = 0; i < paged.size(); ++i)
            QCOMPARE(paged[i].id, whole[i].id); // same order, none twice, none lost
    }
    // Frank's 25 grants tie on "at": a page boundary inside the tie holds.
    AuditQuery frank;
    frank.user = QStringLiteral("frank@example.test");
    frank.limit = 10;
    const QList<AuditEvent> events = allEvents(source, frank);
    QCOMPARE(events.size(), 2 * tiedGrants);
    const QStringList ids = idsOf(events);
    QCOMPARE(QSet<QString>(ids.cbegin(), ids.cend()).size(), 2 * tiedGrants);
    QCOMPARE(events.first().at, events[tiedGrants - 1].at);
    QCOMPARE(failureOf(source.fetchAudit(auditLimit(0))).kind(), DataSourceError::Kind::Validation);
    QCOMPARE(failureOf(source.fetchAudit(auditLimit(5001))).kind(),
             DataSourceError::Kind::Validation);
}

void TestPgAudit::joinsTheAuditTable()
{
    QString error;
    const QString db = m_cluster->createDatabase(Fixture::AkakoLms, &error);
    QVERIFY2(!db.isEmpty(), qPrintable(error));
    QVERIFY2(m_cluster->exec(db, QStringLiteral(R"(
CREATE TABLE "RolecallAuditEvent" ("id" TEXT PRIMARY KEY, "at" TIMESTAMP(3) NOT NULL,
    "actorClerkId" TEXT, "actorEmail" TEXT, "action" TEXT NOT NULL, "targetUserId" TEXT,
    "role" TEXT, "grantId" TEXT, "reason" TEXT, "before" JSONB, "after" JSONB);
INSERT INTO "User" ("id", "clerkId", "email", "updatedAt") VALUES
 ('u1', 'user_1', 'one@example.test', '2024-01-01');
INSERT INTO "UserRole" ("id", "userId", "role", "effectiveStartDate", "effectiveEndDate",
    "assignedBy", "reason", "adminNotes", "isActive", "createdAt", "updatedAt") VALUES
 ('r1', 'u1', 'MENTOR', '2024-01-01', '2024-03-01', 'user_admin', 'why',
  'Ended 2024-03-01T00:00:00.000Z by user_admin: from notes', false, '2024-01-01', '2024-03-01');
INSERT INTO "RolecallAuditEvent" VALUES
 ('ae1', '2024-03-01 00:00:00.123', 'user_boss', 'boss@example.test', 'ended', 'u1', 'MENTOR',
  'r1', 'from the table', '{"isActive": true}', '{"isActive": false}'),
 ('ae2', '2024-02-01', 'user_boss', 'boss@example.test', 'note', 'u1', 'MENTOR', 'r1',
  'a remark', NULL, NULL);
)"),
                             &error),
             qPrintable(error));
    PgDataSource source(m_cluster->connection(db));
    const AuditPage page = source.fetchAudit(AuditQuery{}).result();
    QCOMPARE(page.events.size(), 3);
    QCOMPARE(page.events[0].id, QStringLiteral("ae1")); // replaces r1:ended
    QCOMPARE(page.events[0].source, QStringLiteral("audit-table"));
    QCOMPARE(page.events[0].actorEmail, QStringLiteral("boss@example.test"));
    QCOMPARE(page.events[0].targetEmail, QStringLiteral("one@example.test"));
    QCOMPARE(page.events[0].before.value(QStringLiteral("isActive")).toBool(), true);
    QCOMPARE(page.events[0].after.value(QStringLiteral("isActive")).toBool(), false);
    QCOMPARE(page.events[0].at, QDateTime(QDate(2024, 3, 1), QTime(0, 0, 0, 123), Qt::UTC));
    QCOMPARE(page.events[1].id, QStringLiteral("ae2"));
    QCOMPARE(page.events[1].action, QStringLiteral("note"));
    QCOMPARE(page.events[2].id, QStringLiteral("r1:granted"));
    QCOMPARE(page.events[2].source, QStringLiteral("grants"));

    AuditQuery byActor;
    byActor.actor = QStringLiteral("user_boss");
    QCOMPARE(source.fetchAudit(byActor).result().events.size(), 2);

    // who ended it: the table wins over the notes
    const QList<GrantView> grants = source.fetchGrants(QStringLiteral("u1"), {}).result();
    QCOMPARE(grants.size(), 1);
    QCOMPARE(grants[0].endedBy, QStringLiteral("boss@example.test"));
    QCOMPARE(grants[0].endedReason, QStringLiteral("from the table"));
}

QTEST_GUILESS_MAIN(TestPgAudit)
#include "tst_pgaudit.moc"
