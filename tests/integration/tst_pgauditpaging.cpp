// The audit stream read page by page is the stream read as one query: every
// kind of event (granted, scheduled, ended, expired, the audit table's own)
// tied on one instant, ids of different lengths that sort differently once
// suffixed, with and without the advised indexes (the planner made to walk
// them), with and without filters.
#include "pg/pgdatasource.h"
#include "support/pgtestcluster.h"
#include "support/rolefixtures.h"

#include <QSet>
#include <QTest>

using namespace rolecall;
using rolecall::testing::allEvents;
using rolecall::testing::Fixture;
using rolecall::testing::PgTestCluster;

namespace {

// Ids "a", "a0", "a:", "ab", "C", ... on one instant: "a" < "a0" but
// "a0:granted" < "a:granted" in C order, so an order by the grant id alone
// would cut a page differently from the order by event id.
const char *const tiedIds[] = {"a", "a0", "a:", "a:y", "ab", "aa", "b", "b0", "c", "C", "c-1", "z"};

QString fixtureSql()
{
    QString sql = QStringLiteral(R"(
CREATE TABLE "RolecallAuditEvent" ("id" TEXT PRIMARY KEY, "at" TIMESTAMP(3) NOT NULL,
    "actorClerkId" TEXT, "actorEmail" TEXT, "action" TEXT NOT NULL, "targetUserId" TEXT,
    "role" TEXT, "grantId" TEXT, "reason" TEXT, "before" JSONB, "after" JSONB);
INSERT INTO "User" ("id", "clerkId", "email", "updatedAt") VALUES
 ('u1', 'user_1', 'one@example.test', '2024-01-01'),
 ('u2', 'user_2', 'two@example.test', '2024-01-01');
)");
    int n = 0;
    for (const char *id : tiedIds) {
        const QString grant = QString::fromLatin1(id);
        const QString user = n % 2 ? QStringLiteral("u2") : QStringLiteral("u1");
        const QString role = n % 3 ? QStringLiteral("LEARNER") : QStringLiteral("MENTOR");
        // granted at T; ended at T (flag cleared) or expired at T (flag set,
        // end date passed); every third one scheduled instead (starts after T).
        const QString start =
            n % 3 == 2 ? QStringLiteral("2024-03-02") : QStringLiteral("2024-03-01");
        const QString active = n % 2 ? QStringLiteral("true") : QStringLiteral("false");
        sql += QStringLiteral(R"(INSERT INTO "UserRole" ("id", "userId", "role",
    "effectiveStartDate", "effectiveEndDate", "assignedBy", "reason", "adminNotes", "isActive",
    "createdAt", "updatedAt") VALUES ('%1', '%2', '%3', '%4', '2024-03-01', 'user_admin', 'r%5',
    'Ended 2024-03-01T00:00:00.000Z by admin@example.test: over %5', %6, '2024-03-01',
    '2024-03-01');
INSERT INTO "UserRole" ("id", "userId", "role", "effectiveStartDate", "assignedBy", "isActive",
    "createdAt", "updatedAt") VALUES ('%1x', '%2', '%3', '2024-03-01', 'user_other', true,
    '2024-03-01', '2024-03-01');
INSERT INTO "RolecallAuditEvent" VALUES ('%1', '2024-03-01', 'user_boss', NULL, 'note', '%2',
    '%3', '%1', 'remark %5', NULL, NULL);
)")
                   .arg(grant, user, role, start)
                   .arg(n)
                   .arg(active);
        ++n;
    }
    return sql;
}

} // namespace

class TestPgAuditPaging : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void pagesAreTheStreamReadAtOnce_data();
    void pagesAreTheStreamReadAtOnce();

private:
    PgTestCluster *m_cluster = nullptr;
    QString m_plain;   // no index but the keys
    QString m_indexed; // the advised indexes, sequential scans off
};

void TestPgAuditPaging::initTestCase()
{
    m_cluster = PgTestCluster::shared();
    QVERIFY2(m_cluster, qPrintable(PgTestCluster::startError()));
    QString error;
    for (QString *db : {&m_plain, &m_indexed}) {
        *db = m_cluster->createDatabase(Fixture::AkakoLms, &error);
        QVERIFY2(!db->isEmpty(), qPrintable(error));
        QVERIFY2(m_cluster->exec(*db, fixtureSql(), &error), qPrintable(error));
    }
    PgDataSource source(m_cluster->connection(m_indexed));
    const QList<IndexAdvice> advice = source.adviseIndexes().result();
    QStringList names;
    for (const IndexAdvice &item : advice) {
        names << item.name;
        source.installIndex(item.sql, std::nullopt).waitForFinished();
    }
    QVERIFY2(names.contains(QStringLiteral("UserRole_audit_granted_idx")),
             qPrintable(names.join(QLatin1Char(' '))));
    QVERIFY2(names.contains(QStringLiteral("RolecallAuditEvent_grantId_idx")),
             qPrintable(names.join(QLatin1Char(' '))));
    for (const IndexAdvice &item : source.adviseIndexes().result())
        QVERIFY2(item.present, qPrintable(item.name));
    // New sessions walk the indexes even on tables this small.
    QVERIFY2(m_cluster->exec(
                 m_indexed,
                 QStringLiteral("ALTER DATABASE \"%1\" SET enable_seqscan = off").arg(m_indexed),
                 &error),
             qPrintable(error));
}

void TestPgAuditPaging::pagesAreTheStreamReadAtOnce_data()
{
    QTest::addColumn<bool>("indexed");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("actor");
    QTest::addColumn<QString>("role");
    QTest::addColumn<int>("expected");
    const int tied = static_cast<int>(std::size(tiedIds));
    // per tied id: its grant's granted or scheduled and its ended or expired
    // event, the second grant's granted event, the table's note
    for (bool indexed : {false, true}) {
        const char *tag = indexed ? "indexed" : "plain";
        QTest::addRow("%s, everything", tag)
            << indexed << QString() << QString() << QString() << 4 * tied;
        QTest::addRow("%s, one user", tag) << indexed << QStringLiteral("two@example.test")
                                           << QString() << QString() << 4 * (tied / 2);
        QTest::addRow("%s, one role", tag) << indexed << QString() << QString()
                                           << QStringLiteral("MENTOR") << 4 * ((tied + 2) / 3);
        // only the ended events name that email (in their notes): the grants
        // name user_admin, whom no User row links to it
        QTest::addRow("%s, one actor", tag)
            << indexed << QString() << QStringLiteral("admin@example.test") << QString()
            << tied / 2;
    }
}

void TestPgAuditPaging::pagesAreTheStreamReadAtOnce()
{
    QFETCH(bool, indexed);
    QFETCH(QString, user);
    QFETCH(QString, actor);
    QFETCH(QString, role);
    QFETCH(int, expected);
    PgDataSource source(m_cluster->connection(indexed ? m_indexed : m_plain));
    AuditQuery all;
    all.user = user;
    all.actor = actor;
    all.role = role;
    all.limit = 5000;
    const AuditPage whole = source.fetchAudit(all).result();
    QVERIFY(whole.atEnd);
    QCOMPARE(whole.events.size(), expected);
    QStringList wholeIds;
    for (const AuditEvent &event : whole.events)
        wholeIds << event.id;
    QCOMPARE(QSet<QString>(wholeIds.cbegin(), wholeIds.cend()).size(), wholeIds.size());

    for (int limit : {1, 2, 3, 5, 7, 11}) {
        AuditQuery query = all;
        query.limit = limit;
        const QList<AuditEvent> paged = allEvents(source, query);
        QStringList pagedIds;
        for (const AuditEvent &event : paged)
            pagedIds << event.id;
        QCOMPARE(pagedIds, wholeIds); // same order, none twice, none lost
        // the page's own columns survive paging (notes parsed per page)
        for (int i = 0; i < paged.size(); ++i) {
            QCOMPARE(paged[i].actorEmail, whole.events[i].actorEmail);
            QCOMPARE(paged[i].reason, whole.events[i].reason);
            QCOMPARE(paged[i].targetEmail, whole.events[i].targetEmail);
        }
    }
}

QTEST_GUILESS_MAIN(TestPgAuditPaging)
#include "tst_pgauditpaging.moc"
