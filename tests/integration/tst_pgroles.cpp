// Reading roles on a real PostgreSQL: grant states, "as of" time travel in the
// grants and the users list, role and no-role filters, expiring grants, the
// audit stream (derived events, filters, keyset paging, the optional audit
// table) and SehatScan's "no roles". Fixture instants are offsets from the
// server's now(), since the queries judge "now" by the database's clock.
#include "datasourceerror.h"
#include "pgdatasource.h"
#include "pgtestcluster.h"
#include "testdata.h"
#include "userstablemodel.h"

#include <QAbstractItemModelTester>
#include <QSet>
#include <QTest>

using namespace rolecall;
using rolecall::testing::Fixture;
using rolecall::testing::PgTestCluster;

namespace {

constexpr int waitMs = 20000;
constexpr int tiedGrants = 25;

// Users (createdAt fixes their order) and grants, relative to now (N).
const char fixtureSql[] = R"(
CREATE FUNCTION pg_temp.n(text) RETURNS timestamp(3) AS
    $$ SELECT (timezone('UTC', now()) + $1::interval)::timestamp(3) $$ LANGUAGE sql;
INSERT INTO "User" ("id", "clerkId", "email", "firstName", "lastName", "createdAt", "updatedAt") VALUES
 ('u_admin', 'user_admin', 'admin@example.test', 'Ada', 'Admin', '2024-01-01', '2024-01-01'),
 ('u_alice', 'user_alice', 'alice@example.test', 'Alice', 'A', '2024-01-02', '2024-01-02'),
 ('u_bob', 'user_bob', 'bob@example.test', 'Bob', 'B', '2024-01-03', '2024-01-03'),
 ('u_carol', 'user_carol', 'carol@example.test', 'Carol', 'C', '2024-01-04', '2024-01-04'),
 ('u_dave', 'user_dave', 'dave@example.test', 'Dave', 'D', '2024-01-05', '2024-01-05'),
 ('u_erin', 'user_erin', 'erin@example.test', 'Erin', 'E', '2024-01-06', '2024-01-06'),
 ('u_frank', 'user_frank', 'frank@example.test', 'Frank', 'F', '2024-01-07', '2024-01-07');
INSERT INTO "UserRole" ("id", "userId", "role", "effectiveStartDate", "effectiveEndDate",
    "assignedBy", "assignedByEmail", "reason", "adminNotes", "isActive", "createdAt", "updatedAt") VALUES
 ('g_admin', 'u_admin', 'ADMIN', pg_temp.n('-100 days'), NULL, NULL, NULL, 'founding admin', NULL,
  true, pg_temp.n('-100 days'), pg_temp.n('-100 days')),
 ('g_active', 'u_alice', 'LEARNER', pg_temp.n('-30 days'), NULL, 'user_admin', 'admin@example.test',
  'enrolled', NULL, true, pg_temp.n('-30 days'), pg_temp.n('-30 days')),
 ('g_future', 'u_alice', 'MENTOR', pg_temp.n('10 days'), NULL, 'user_admin', 'admin@example.test',
  'mentors next term', NULL, true, pg_temp.n('-2 days'), pg_temp.n('-2 days')),
 ('g_endflag', 'u_bob', 'MENTOR', pg_temp.n('-60 days'), pg_temp.n('-5 days'), 'user_admin',
  'admin@example.test', 'term mentor',
  E'Granted for the spring term\nEnded 2026-01-01T00:00:00.000Z by someone@example.test: first try\nEnded 2026-01-02T00:00:00.000Z by admin@example.test: term over',
  false, pg_temp.n('-60 days'), pg_temp.n('-5 days')),
 ('g_enddate', 'u_carol', 'MENTOR', pg_temp.n('-40 days'), pg_temp.n('-3 days'), 'user_admin',
  'admin@example.test', 'guest mentor', NULL, true, pg_temp.n('-40 days'), pg_temp.n('-40 days')),
 ('g_nullend', 'u_erin', 'ADMIN', pg_temp.n('-50 days'), NULL, 'user_admin', 'admin@example.test',
  'cover', 'Ended 2026-01-03T00:00:00.000Z by user_admin: left the team', false,
  pg_temp.n('-50 days'), pg_temp.n('-7 days')),
 ('g_expiring', 'u_erin', 'LEARNER', pg_temp.n('-1 days'), pg_temp.n('5 days'), 'user_other',
  'other@example.test', 'trial', NULL, true, pg_temp.n('-1 days'), pg_temp.n('-1 days')),
 ('g_expiring2', 'u_bob', 'LEARNER', pg_temp.n('-1 days'), pg_temp.n('20 days'), 'user_other',
  'other@example.test', 'trial', NULL, true, pg_temp.n('-1 days'), pg_temp.n('-1 days'));
-- Frank: many grants created and ended at the same instants (ties on "at").
INSERT INTO "UserRole" ("id", "userId", "role", "effectiveStartDate", "effectiveEndDate",
    "assignedBy", "reason", "isActive", "createdAt", "updatedAt")
SELECT 'g_tie' || lpad(g::text, 2, '0'), 'u_frank', 'LEARNER', pg_temp.n('-90 days'),
       pg_temp.n('-80 days'), 'user_admin', 'batch', false, pg_temp.n('-90 days'), pg_temp.n('-80 days')
FROM generate_series(1, 25) g;
ANALYZE;
)";

QDateTime daysFromNow(int days)
{
    return QDateTime::currentDateTimeUtc().addDays(days);
}

AuditQuery auditLimit(int limit)
{
    AuditQuery query;
    query.limit = limit;
    return query;
}

QStringList idsOf(const QList<User> &users)
{
    QStringList ids;
    for (const User &user : users)
        ids << user.id;
    ids.sort();
    return ids;
}

QStringList idsOf(const QList<AuditEvent> &events)
{
    QStringList ids;
    for (const AuditEvent &event : events)
        ids << event.id;
    ids.sort();
    return ids;
}

template <typename T>
DataSourceError errorOf(QFuture<T> future)
{
    try {
        future.waitForFinished();
    } catch (const DataSourceError &e) {
        return e;
    }
    return DataSourceError(DataSourceError::Kind::Query, QStringLiteral("no error"));
}

} // namespace

class TestPgRoles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void reportsGrantStates();
    void grantsAsOfAnotherInstant();
    void namesAnUnknownUser();
    void usersListJudgesRolesAsOf_data();
    void usersListJudgesRolesAsOf();
    void rolesColumnIsAsOf();
    void rejectsAnUnknownRole();
    void acceptsAnEnumValueAddedLater();
    void listsExpiringGrants();
    void derivesTheAuditStream();
    void filtersTheAuditStream_data();
    void filtersTheAuditStream();
    void pagesTheAuditStreamByKeyset();
    void joinsTheAuditTable();
    void sehatScanHasNoRoles();
    void usersModelWithARoleFilter();

private:
    QList<User> allUsers(PgDataSource &source, UserQuery query);
    QList<AuditEvent> allEvents(PgDataSource &source, AuditQuery query);
    PgTestCluster *m_cluster = nullptr;
    QString m_db;
};

void TestPgRoles::initTestCase()
{
    m_cluster = PgTestCluster::shared();
    QVERIFY2(m_cluster, qPrintable(PgTestCluster::startError()));
    QString error;
    m_db = m_cluster->createDatabase(Fixture::AkakoLms, &error);
    QVERIFY2(!m_db.isEmpty(), qPrintable(error));
    QVERIFY2(m_cluster->exec(m_db, QString::fromUtf8(fixtureSql), &error), qPrintable(error));
}

QList<User> TestPgRoles::allUsers(PgDataSource &source, UserQuery query)
{
    QList<User> users;
    for (;;) {
        const UserPage page = source.fetchUsers(query).result();
        users += page.users;
        if (page.atEnd)
            return users;
        query.afterCreatedAt = page.users.constLast().createdAt;
        query.afterId = page.users.constLast().id;
    }
}

QList<AuditEvent> TestPgRoles::allEvents(PgDataSource &source, AuditQuery query)
{
    QList<AuditEvent> events;
    for (;;) {
        const AuditPage page = source.fetchAudit(query).result();
        events += page.events;
        if (page.atEnd)
            return events;
        query.beforeAt = page.events.constLast().at;
        query.beforeId = page.events.constLast().id;
    }
}

void TestPgRoles::reportsGrantStates()
{
    PgDataSource source(m_cluster->connection(m_db));

    // email in any case; newest start first
    const QList<GrantView> alice =
        source.fetchGrants(QStringLiteral("ALICE@example.test"), {}).result();
    QCOMPARE(alice.size(), 2);
    QCOMPARE(alice[0].grant.id, QStringLiteral("g_future"));
    QCOMPARE(alice[0].state, GrantState::Future);
    QCOMPARE(alice[1].grant.id, QStringLiteral("g_active"));
    QCOMPARE(alice[1].state, GrantState::Active);
    QCOMPARE(alice[1].grant.role, QStringLiteral("LEARNER"));
    QCOMPARE(alice[1].grant.assignedBy, QStringLiteral("user_admin"));
    QCOMPARE(alice[1].grant.assignedByEmail, QStringLiteral("admin@example.test"));
    QCOMPARE(alice[1].grant.reason, QStringLiteral("enrolled"));
    QVERIFY(!alice[1].grant.effectiveEnd.isValid());
    QCOMPARE(alice[1].grant.effectiveStart.timeSpec(), Qt::UTC);
    QVERIFY(qAbs(alice[1].grant.effectiveStart.secsTo(daysFromNow(-30))) < 120);
    QCOMPARE(alice[1].userClerkId, QStringLiteral("user_alice"));
    QCOMPARE(alice[1].userEmail, QStringLiteral("alice@example.test"));
    QCOMPARE(alice[1].userName, QStringLiteral("Alice A"));

    // by Clerk ID: ended by flag, with who and why from the notes' last line
    const QList<GrantView> bob = source.fetchGrants(QStringLiteral("user_bob"), {}).result();
    QCOMPARE(bob.size(), 2);
    QCOMPARE(bob[0].grant.id, QStringLiteral("g_expiring2"));
    QCOMPARE(bob[0].state, GrantState::Active);
    QCOMPARE(bob[1].grant.id, QStringLiteral("g_endflag"));
    QCOMPARE(bob[1].state, GrantState::Ended);
    QVERIFY(!bob[1].grant.isActiveFlag);
    QCOMPARE(bob[1].endedBy, QStringLiteral("admin@example.test"));
    QCOMPARE(bob[1].endedReason, QStringLiteral("term over"));

    // ended by date, the flag still set
    const QList<GrantView> carol = source.fetchGrants(QStringLiteral("user_carol"), {}).result();
    QCOMPARE(carol.size(), 1);
    QCOMPARE(carol[0].state, GrantState::Ended);
    QVERIFY(carol[0].grant.isActiveFlag);
    QVERIFY(carol[0].endedBy.isEmpty());

    // by row id: flag cleared without an end date
    const QList<GrantView> erin = source.fetchGrants(QStringLiteral("u_erin"), {}).result();
    QCOMPARE(erin.size(), 2);
    QCOMPARE(erin[1].grant.id, QStringLiteral("g_nullend"));
    QCOMPARE(erin[1].state, GrantState::Ended);
    QCOMPARE(erin[1].endedBy, QStringLiteral("user_admin"));
    QCOMPARE(erin[1].endedReason, QStringLiteral("left the team"));

    // a user without grants is not an unknown user
    QVERIFY(source.fetchGrants(QStringLiteral("dave@example.test"), {}).result().isEmpty());
}

void TestPgRoles::grantsAsOfAnotherInstant()
{
    PgDataSource source(m_cluster->connection(m_db));
    auto stateOf = [&source](const QString &user, const QString &grant, int days) {
        const QList<GrantView> views = source.fetchGrants(user, daysFromNow(days)).result();
        for (const GrantView &view : views) {
            if (view.grant.id == grant)
                return grantStateName(view.state);
        }
        return QStringLiteral("missing");
    };
    // The as-of rule: flag cleared with an end date: held until that date.
    QCOMPARE(stateOf(QStringLiteral("u_bob"), QStringLiteral("g_endflag"), -10),
             QStringLiteral("active"));
    QCOMPARE(stateOf(QStringLiteral("u_bob"), QStringLiteral("g_endflag"), -4),
             QStringLiteral("ended"));
    QCOMPARE(stateOf(QStringLiteral("u_bob"), QStringLiteral("g_endflag"), -61),
             QStringLiteral("future"));
    // Flag cleared, no end date: held until its updatedAt (7 days ago).
    QCOMPARE(stateOf(QStringLiteral("u_erin"), QStringLiteral("g_nullend"), -8),
             QStringLiteral("active"));
    QCOMPARE(stateOf(QStringLiteral("u_erin"), QStringLiteral("g_nullend"), -6),
             QStringLiteral("ended"));
    // Ended by date; future grant becomes active.
    QCOMPARE(stateOf(QStringLiteral("u_carol"), QStringLiteral("g_enddate"), -20),
             QStringLiteral("active"));
    QCOMPARE(stateOf(QStringLiteral("u_alice"), QStringLiteral("g_future"), 11),
             QStringLiteral("active"));
    QCOMPARE(stateOf(QStringLiteral("u_erin"), QStringLiteral("g_expiring"), 6),
             QStringLiteral("ended"));
}

void TestPgRoles::namesAnUnknownUser()
{
    PgDataSource source(m_cluster->connection(m_db));
    const DataSourceError e =
        errorOf(source.fetchGrants(QStringLiteral("nobody@example.test"), {}));
    QCOMPARE(e.kind(), DataSourceError::Kind::Validation);
    QCOMPARE(e.message(), QStringLiteral("No user matches nobody@example.test"));
    AuditQuery query;
    query.user = QStringLiteral("user_nobody");
    QCOMPARE(errorOf(source.fetchAudit(query)).kind(), DataSourceError::Kind::Validation);
}

void TestPgRoles::usersListJudgesRolesAsOf_data()
{
    QTest::addColumn<QString>("role");
    QTest::addColumn<bool>("noRole");
    QTest::addColumn<int>("days");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("mentor now") << "MENTOR" << false << 0 << QStringList();
    QTest::newRow("mentor 10 days ago")
        << "MENTOR" << false << -10
        << QStringList{QStringLiteral("u_bob"), QStringLiteral("u_carol")};
    QTest::newRow("mentor in 15 days")
        << "MENTOR" << false << 15 << QStringList{QStringLiteral("u_alice")};
    QTest::newRow("admin now") << "ADMIN" << false << 0 << QStringList{QStringLiteral("u_admin")};
    QTest::newRow("admin 10 days ago")
        << "ADMIN" << false << -10
        << QStringList{QStringLiteral("u_admin"), QStringLiteral("u_erin")};
    QTest::newRow("learner 85 days ago")
        << "LEARNER" << false << -85 << QStringList{QStringLiteral("u_frank")};
    QTest::newRow("no role now") << QString() << true << 0
                                 << QStringList{QStringLiteral("u_carol"), QStringLiteral("u_dave"),
                                                QStringLiteral("u_frank")};
    QTest::newRow("no role 10 days ago")
        << QString() << true << -10
        << QStringList{QStringLiteral("u_dave"), QStringLiteral("u_frank")};
    QTest::newRow("no role 200 days ago")
        << QString() << true << -200
        << QStringList{QStringLiteral("u_admin"), QStringLiteral("u_alice"),
                       QStringLiteral("u_bob"),   QStringLiteral("u_carol"),
                       QStringLiteral("u_dave"),  QStringLiteral("u_erin"),
                       QStringLiteral("u_frank")};
}

void TestPgRoles::usersListJudgesRolesAsOf()
{
    QFETCH(QString, role);
    QFETCH(bool, noRole);
    QFETCH(int, days);
    QFETCH(QStringList, expected);
    PgDataSource source(m_cluster->connection(m_db));
    UserQuery query;
    query.role = role;
    query.noRole = noRole;
    if (days != 0)
        query.asOf = daysFromNow(days);
    query.limit = 2; // several pages
    const QList<User> users = allUsers(source, query);
    QCOMPARE(idsOf(users), expected);
    QCOMPARE(source.countUsers(query).result(), qint64(expected.size()));
    for (const User &user : users) {
        if (noRole)
            QVERIFY(user.activeRoles.isEmpty());
        else
            QVERIFY(user.activeRoles.contains(role));
    }
}

void TestPgRoles::rolesColumnIsAsOf()
{
    PgDataSource source(m_cluster->connection(m_db));
    UserQuery query;
    query.search = QStringLiteral("erin@");
    QCOMPARE(source.fetchUsers(query).result().users.value(0).activeRoles,
             QStringList{QStringLiteral("LEARNER")});
    query.asOf = daysFromNow(-10);
    QCOMPARE(source.fetchUsers(query).result().users.value(0).activeRoles,
             QStringList{QStringLiteral("ADMIN")});
    query.search = QStringLiteral("alice");
    query.asOf = daysFromNow(11);
    QCOMPARE(source.fetchUsers(query).result().users.value(0).activeRoles,
             (QStringList{QStringLiteral("LEARNER"), QStringLiteral("MENTOR")}));
    // search and role filter together, counted alike
    query.role = QStringLiteral("MENTOR");
    QCOMPARE(source.countUsers(query).result(), qint64(1));
    query.search = QStringLiteral("bob");
    QCOMPARE(source.countUsers(query).result(), qint64(0));
}

void TestPgRoles::rejectsAnUnknownRole()
{
    PgDataSource source(m_cluster->connection(m_db));
    UserQuery query;
    query.role = QStringLiteral("OWNER");
    for (const DataSourceError &e :
         {errorOf(source.fetchUsers(query)), errorOf(source.countUsers(query))}) {
        QCOMPARE(e.kind(), DataSourceError::Kind::Validation);
        QCOMPARE(
            e.message(),
            QStringLiteral("Unknown role OWNER; the database's roles are: LEARNER, MENTOR, ADMIN"));
    }
    AuditQuery audit;
    audit.role = QStringLiteral("learner"); // enum values are case-sensitive
    QCOMPARE(errorOf(source.fetchAudit(audit)).kind(), DataSourceError::Kind::Validation);
    query.role = QStringLiteral("ADMIN");
    query.noRole = true;
    QCOMPARE(errorOf(source.fetchUsers(query)).kind(), DataSourceError::Kind::Validation);
}

void TestPgRoles::acceptsAnEnumValueAddedLater()
{
    QString error;
    const QString db = m_cluster->createDatabase(Fixture::AkakoLms, &error);
    QVERIFY2(!db.isEmpty(), qPrintable(error));
    PgDataSource source(m_cluster->connection(db));
    QCOMPARE(source.detectSchema().result().roles.size(), 3); // detected before the change
    QVERIFY2(m_cluster->exec(db, QStringLiteral(R"(
ALTER TYPE "Role" ADD VALUE 'AUDITOR';
INSERT INTO "User" ("id", "clerkId", "email", "updatedAt") VALUES
 ('u1', 'user_1', 'one@example.test', '2024-01-01'), ('u2', 'user_2', 'two@example.test', '2024-01-01');
INSERT INTO "UserRole" ("id", "userId", "role", "effectiveStartDate", "updatedAt")
VALUES ('r1', 'u1', 'AUDITOR', '2024-01-01', '2024-01-01');)"),
                             &error),
             qPrintable(error));
    UserQuery query;
    query.role = QStringLiteral("AUDITOR");
    const UserPage page = source.fetchUsers(query).result();
    QCOMPARE(page.users.size(), 1);
    QCOMPARE(page.users[0].id, QStringLiteral("u1"));
    QCOMPARE(page.users[0].activeRoles, QStringList{QStringLiteral("AUDITOR")});
    query.role = QStringLiteral("OWNER");
    QCOMPARE(errorOf(source.fetchUsers(query)).message(),
             QStringLiteral("Unknown role OWNER; the database's roles are: LEARNER, MENTOR, ADMIN, "
                            "AUDITOR"));
}

void TestPgRoles::listsExpiringGrants()
{
    PgDataSource source(m_cluster->connection(m_db));
    const QList<GrantView> week = source.fetchExpiring(7).result();
    QCOMPARE(week.size(), 1);
    QCOMPARE(week[0].grant.id, QStringLiteral("g_expiring"));
    QCOMPARE(week[0].userEmail, QStringLiteral("erin@example.test"));
    QCOMPARE(week[0].state, GrantState::Active);
    const QList<GrantView> month = source.fetchExpiring(30).result();
    QCOMPARE(month.size(), 2);
    QCOMPARE(month[0].grant.id, QStringLiteral("g_expiring")); // soonest first
    QCOMPARE(month[1].grant.id, QStringLiteral("g_expiring2"));
    QVERIFY(source.fetchExpiring(3).result().isEmpty());
    for (int days : {0, -1, 3651})
        QCOMPARE(errorOf(source.fetchExpiring(days)).kind(), DataSourceError::Kind::Validation);
}

void TestPgRoles::derivesTheAuditStream()
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

void TestPgRoles::filtersTheAuditStream_data()
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

void TestPgRoles::filtersTheAuditStream()
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

void TestPgRoles::pagesTheAuditStreamByKeyset()
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
    QCOMPARE(errorOf(source.fetchAudit(auditLimit(0))).kind(), DataSourceError::Kind::Validation);
    QCOMPARE(errorOf(source.fetchAudit(auditLimit(5001))).kind(),
             DataSourceError::Kind::Validation);
}

void TestPgRoles::joinsTheAuditTable()
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

void TestPgRoles::sehatScanHasNoRoles()
{
    QString error;
    const QString db = m_cluster->createDatabase(Fixture::SehatScan, &error);
    QVERIFY2(testing::seedSehatScanUsers(*m_cluster, db, 20, &error), qPrintable(error));
    PgDataSource source(m_cluster->connection(db));
    const QString message = QStringLiteral("This database's schema (SehatScan) has no roles.");
    UserQuery role;
    role.role = QStringLiteral("ADMIN");
    UserQuery none;
    none.noRole = true;
    const QList<DataSourceError> errors = {
        errorOf(source.fetchGrants(QStringLiteral("user1@example.test"), {})),
        errorOf(source.fetchExpiring(7)),
        errorOf(source.fetchAudit(AuditQuery{})),
        errorOf(source.fetchUsers(role)),
        errorOf(source.fetchUsers(none)),
        errorOf(source.countUsers(role)),
    };
    for (const DataSourceError &e : errors) {
        QCOMPARE(e.kind(), DataSourceError::Kind::Schema);
        QCOMPARE(e.message(), message);
    }
    UserQuery asOf; // as of alone is fine: no roles to judge
    asOf.asOf = daysFromNow(-10);
    QCOMPARE(source.fetchUsers(asOf).result().users.size(), 20);
    QCOMPARE(source.countUsers(asOf).result(), qint64(20));
}

void TestPgRoles::usersModelWithARoleFilter()
{
    PgDataSource source(m_cluster->connection(m_db));
    UsersTableModel model(&source);
    model.setPageSize(1);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setAsOf(daysFromNow(-10));
    model.setRoleFilter(QStringLiteral("MENTOR"));
    QCOMPARE(model.roleFilter(), QStringLiteral("MENTOR"));
    QTRY_COMPARE_WITH_TIMEOUT(model.totalCount(), qint64(2), waitMs);
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 1, waitMs);
    QTRY_VERIFY_WITH_TIMEOUT(model.canFetchMore({}), waitMs);
    model.fetchMore({});
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 2, waitMs);
    QTRY_VERIFY_WITH_TIMEOUT(model.isComplete(), waitMs);
    QCOMPARE(model.index(0, UsersTableModel::RolesColumn).data().toString(),
             QStringLiteral("MENTOR")); // carol, newest
    QCOMPARE(model.index(1, UsersTableModel::EmailColumn).data().toString(),
             QStringLiteral("bob@example.test"));

    model.setRoleFilter(QString());
    model.setNoRoleFilter(true);
    model.setAsOf({});
    QTRY_COMPARE_WITH_TIMEOUT(model.totalCount(), qint64(3), waitMs);
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 1, waitMs);

    model.setNoRoleFilter(false);
    model.setRoleFilter(QStringLiteral("OWNER"));
    QTRY_VERIFY_WITH_TIMEOUT(model.lastError().contains(QLatin1String("Unknown role OWNER")),
                             waitMs);
    QCOMPARE(model.rowCount(), 0);
}

QTEST_GUILESS_MAIN(TestPgRoles)
#include "tst_pgroles.moc"
