// The audit stream through both data sources (PostgreSQL direct, and
// rolecall-server over the same database): every filter and page size
// compared whole with PostgreSQL direct's, the optional audit table, bad
// queries refused alike, and the events of writes made through each kind.
#include "support/pgtestcluster.h"
#include "support/rolefixtures.h"
#include "support/sourceparity.h"
#include "support/testdata.h"

#include <QTest>

using namespace rolecall;
using namespace rolecall::testing;

namespace {

// Every event of `query`, page by page, each page compared with `direct`'s.
QList<AuditEvent> everyEvent(DataSource &source, DataSource &direct, AuditQuery query, bool *same)
{
    QList<AuditEvent> events;
    *same = true;
    for (int pages = 0; pages < 1000; ++pages) {
        const AuditPage page = settle(source.fetchAudit(query));
        *same = *same && jsonText(page) == jsonText(settle(direct.fetchAudit(query)));
        events += page.events;
        if (page.atEnd || page.events.isEmpty())
            break;
        query.beforeAt = page.events.constLast().at;
        query.beforeId = page.events.constLast().id;
    }
    return events;
}

} // namespace

class TestSourceParityAudit : public QObject, private RoleWriterDatabases
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase_data() { addSourceKinds(); }
    void initTestCase();
    void everyFilterGivesTheDirectPages_data();
    void everyFilterGivesTheDirectPages();
    void everyPageSizeGivesTheWholeStream_data();
    void everyPageSizeGivesTheWholeStream();
    void theAuditTableIsJoinedAlike();
    void badQueriesAreRefusedAlike_data();
    void badQueriesAreRefusedAlike();
    void writesThroughEitherKindAreAuditedAlike();
    void cleanupTestCase() { removeConnections(); }

private:
    ParitySources &reads() { return sourceKind() == SourceKind::Api ? m_apiReads : m_pgReads; }
    DataSource &source() { return reads().sourceOf(grantStatesAdmin()); }

    ParitySources m_pgReads;
    ParitySources m_apiReads;
};

void TestSourceParityAudit::initTestCase()
{
    QString error;
    if (!start(&error))
        QSKIP(qPrintable(error));
    const QString db = createGrantStatesDatabase(*m_cluster, &error);
    QVERIFY2(!db.isEmpty(), qPrintable(error));
    QVERIFY2(m_pgReads.open(SourceKind::Pg, db, &error), qPrintable(error));
    QVERIFY2(m_apiReads.open(SourceKind::Api, db, &error), qPrintable(error));
}

void TestSourceParityAudit::everyFilterGivesTheDirectPages_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("actor");
    QTest::addColumn<QString>("role");
    QTest::addColumn<int>("sinceDays"); // 0: unbounded
    QTest::addColumn<int>("untilDays");
    QTest::addColumn<int>("expected");
    QTest::newRow("everything") << QString() << QString() << QString() << 0 << 0
                                << 8 + tiedGrants + 2 + tiedGrants + 1;
    QTest::newRow("user by email") << "alice@example.test" << QString() << QString() << 0 << 0 << 2;
    QTest::newRow("user by Clerk ID, role") << "user_erin" << QString() << "ADMIN" << 0 << 0 << 2;
    QTest::newRow("user by row id, actor by email, other case")
        << "u_erin"
        << "ADMIN@example.test" << QString() << 0 << 0 << 2;
    QTest::newRow("actor and role") << QString() << "admin@example.test"
                                    << "MENTOR" << 0 << 0 << 4;
    QTest::newRow("other actor") << QString() << "user_other" << QString() << 0 << 0 << 2;
    QTest::newRow("time range") << QString() << QString() << QString() << -6 << -2 << 3;
    QTest::newRow("ties") << "frank@example.test" << QString() << QString() << 0 << 0
                          << 2 * tiedGrants;
    QTest::newRow("nothing") << QString() << QString() << "MENTOR" << 1 << 0 << 0;
}

void TestSourceParityAudit::everyFilterGivesTheDirectPages()
{
    QFETCH(QString, user);
    QFETCH(QString, actor);
    QFETCH(QString, role);
    QFETCH(int, sinceDays);
    QFETCH(int, untilDays);
    QFETCH(int, expected);
    AuditQuery query;
    query.user = user;
    query.actor = actor;
    query.role = role;
    // The scheduled event sits at -2 days minus a moment: an hour's margin.
    if (sinceDays != 0)
        query.since = daysFromNow(sinceDays).addSecs(-3600);
    if (untilDays != 0)
        query.until = daysFromNow(untilDays).addSecs(3600);
    query.limit = 3;
    bool same = false;
    QCOMPARE(everyEvent(source(), reads().reference(), query, &same).size(), expected);
    QVERIFY(same);
}

void TestSourceParityAudit::everyPageSizeGivesTheWholeStream_data()
{
    QTest::addColumn<int>("limit");
    for (int limit : {1, 7, 25, 26, 5000})
        QTest::addRow("%d", limit) << limit;
}

void TestSourceParityAudit::everyPageSizeGivesTheWholeStream()
{
    QFETCH(int, limit);
    AuditQuery all;
    all.limit = 5000;
    const QList<AuditEvent> whole = settle(reads().reference().fetchAudit(all)).events;
    AuditQuery query;
    query.limit = limit;
    bool same = false;
    const QList<AuditEvent> paged = everyEvent(source(), reads().reference(), query, &same);
    QVERIFY(same);
    QCOMPARE(jsonText(paged), jsonText(whole)); // same order, none twice, none lost
}

void TestSourceParityAudit::theAuditTableIsJoinedAlike()
{
    const QString db = freshDatabase(10);
    QVERIFY(!db.isEmpty());
    QString error;
    QVERIFY2(m_cluster->exec(db, QStringLiteral(R"(
CREATE TABLE "RolecallAuditEvent" ("id" TEXT PRIMARY KEY, "at" TIMESTAMP(3) NOT NULL,
    "actorClerkId" TEXT, "actorEmail" TEXT, "action" TEXT NOT NULL, "targetUserId" TEXT,
    "role" TEXT, "grantId" TEXT, "reason" TEXT, "before" JSONB, "after" JSONB);
INSERT INTO "UserRole" ("id", "userId", "role", "effectiveStartDate", "effectiveEndDate",
    "assignedBy", "reason", "adminNotes", "isActive", "createdAt", "updatedAt") VALUES
 ('r1', 'cu0000000003', 'MENTOR', '2024-01-01', '2024-03-01', 'user_admin', 'why',
  'Ended 2024-03-01T00:00:00.000Z by user_admin: from notes', false, '2024-01-01', '2024-03-01');
INSERT INTO "RolecallAuditEvent" VALUES
 ('ae1', '2024-03-01 00:00:00.123', 'user_boss', 'boss@example.test', 'ended', 'cu0000000003',
  'MENTOR', 'r1', 'from the table', '{"isActive": true}', '{"isActive": false}'),
 ('ae2', '2024-02-01', 'user_boss', 'boss@example.test', 'note', 'cu0000000003', 'MENTOR', 'r1',
  'a remark', NULL, NULL);
)"),
                             &error),
             qPrintable(error));
    ParitySources sources;
    QVERIFY2(sources.open(sourceKind(), db, &error), qPrintable(error));
    AuditQuery query;
    query.user = emailOfSeedUser(3);
    const AuditPage page = settle(sources.source().fetchAudit(query));
    QCOMPARE(page.events.size(), 4);                    // and the seeded LEARNER grant
    QCOMPARE(page.events[0].id, QStringLiteral("ae1")); // replaces r1:ended
    QCOMPARE(page.events[0].source, QStringLiteral("audit-table"));
    QCOMPARE(page.events[0].before.value(QStringLiteral("isActive")).toBool(), true);
    QCOMPARE(jsonText(page), jsonText(settle(sources.reference().fetchAudit(query))));
}

void TestSourceParityAudit::badQueriesAreRefusedAlike_data()
{
    QTest::addColumn<QString>("what");
    QTest::newRow("page of 0") << QStringLiteral("limit 0");
    QTest::newRow("page of 5001") << QStringLiteral("limit 5001");
    QTest::newRow("unknown user") << QStringLiteral("user");
    QTest::newRow("role in lower case") << QStringLiteral("role");
}

void TestSourceParityAudit::badQueriesAreRefusedAlike()
{
    QFETCH(QString, what);
    AuditQuery query;
    if (what == QLatin1String("limit 0"))
        query.limit = 0;
    else if (what == QLatin1String("limit 5001"))
        query.limit = 5001;
    else if (what == QLatin1String("user"))
        query.user = QStringLiteral("user_nobody");
    else
        query.role = QStringLiteral("learner"); // enum values are case-sensitive
    const DataSourceError error = refusalOf(source().fetchAudit(query));
    QCOMPARE(error.kind(), DataSourceError::Kind::Validation);
    QCOMPARE(error.kind(), refusalOf(reads().reference().fetchAudit(query)).kind());
}

void TestSourceParityAudit::writesThroughEitherKindAreAuditedAlike()
{
    const QString db = freshDatabase(20);
    QVERIFY(!db.isEmpty());
    QString error;
    ParitySources sources;
    QVERIFY2(sources.open(sourceKind(), db, &error), qPrintable(error));
    DataSource &source = sources.source(5);
    const RoleGrant granted = settle(
        source.grantRole(admin(), grantOf(12, QStringLiteral("MENTOR"), QStringLiteral("club"))));
    EndRequest end;
    end.grantId = granted.id;
    end.reason = QStringLiteral("club closed");
    settle(source.endGrant(admin(), end));
    AuditQuery query;
    query.user = emailOfSeedUser(12);
    query.role = QStringLiteral("MENTOR");
    const AuditPage page = settle(source.fetchAudit(query));
    QCOMPARE(jsonText(page), jsonText(settle(sources.reference().fetchAudit(query))));
    QStringList facts;
    for (const AuditEvent &event : page.events)
        facts << QStringList{event.action, event.actorClerkId, event.actorEmail, event.targetEmail,
                             event.role,   event.reason,       event.source}
                     .join(QLatin1Char('|'));
    QCOMPARE(facts.size(), 2);
    // Who ended it is read from the line the end appended to the notes.
    QVERIFY2(facts.first().startsWith(QLatin1String("ended||user5@example.test|")),
             qPrintable(facts.first()));
    const QString difference =
        differenceAcrossKinds(QStringLiteral("events"), facts.join(QLatin1Char('\n')));
    QVERIFY2(difference.isEmpty(), qPrintable(difference));
}

QTEST_GUILESS_MAIN(TestSourceParityAudit)
#include "tst_sourceparity_audit.moc"
