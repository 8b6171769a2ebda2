// Reading roles on a real PostgreSQL: grant states, "as of" time travel in the
// grants and the users list, role and no-role filters, expiring grants and
// SehatScan's "no roles" (the audit stream: tst_pgaudit). Fixture instants are
// offsets from the server's now(), since the queries judge "now" by the
// database's clock.
#include "domain/datasourceerror.h"
#include "itemmodels/userstablemodel.h"
#include "pg/pgdatasource.h"
#include "support/pgtestcluster.h"
#include "support/rolefixtures.h"
#include "support/testdata.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace rolecall;
using rolecall::testing::allUsers;
using rolecall::testing::daysFromNow;
using rolecall::testing::failureOf;
using rolecall::testing::Fixture;
using rolecall::testing::idsOf;

namespace {

constexpr int waitMs = 20000;

} // namespace

class TestPgRoles : public QObject, private rolecall::testing::GrantStatesDatabase
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
    void sehatScanHasNoRoles();
    void usersModelWithARoleFilter();
};

void TestPgRoles::initTestCase()
{
    QString error;
    QVERIFY2(start(&error), qPrintable(error));
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
        failureOf(source.fetchGrants(QStringLiteral("nobody@example.test"), {}));
    QCOMPARE(e.kind(), DataSourceError::Kind::Validation);
    QCOMPARE(e.message(), QStringLiteral("No user matches nobody@example.test"));
    AuditQuery query;
    query.user = QStringLiteral("user_nobody");
    QCOMPARE(failureOf(source.fetchAudit(query)).kind(), DataSourceError::Kind::Validation);
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
         {failureOf(source.fetchUsers(query)), failureOf(source.countUsers(query))}) {
        QCOMPARE(e.kind(), DataSourceError::Kind::Validation);
        QCOMPARE(
            e.message(),
            QStringLiteral("Unknown role OWNER; the database's roles are: LEARNER, MENTOR, ADMIN"));
    }
    AuditQuery audit;
    audit.role = QStringLiteral("learner"); // enum values are case-sensitive
    QCOMPARE(failureOf(source.fetchAudit(audit)).kind(), DataSourceError::Kind::Validation);
    query.role = QStringLiteral("ADMIN");
    query.noRole = true;
    QCOMPARE(failureOf(source.fetchUsers(query)).kind(), DataSourceError::Kind::Validation);
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
    QCOMPARE(failureOf(source.fetchUsers(query)).message(),
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
        QCOMPARE(failureOf(source.fetchExpiring(days)).kind(), DataSourceError::Kind::Validation);
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
        failureOf(source.fetchGrants(QStringLiteral("user1@example.test"), {})),
        failureOf(source.fetchExpiring(7)),
        failureOf(source.fetchAudit(AuditQuery{})),
        failureOf(source.fetchUsers(role)),
        failureOf(source.fetchUsers(none)),
        failureOf(source.countUsers(role)),
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
    // Counted: both rows have their places; the second page loads when looked at.
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 2, waitMs);
    QTRY_VERIFY_WITH_TIMEOUT(model.isComplete(), waitMs);
    QTRY_VERIFY_WITH_TIMEOUT(model.isRowLoaded(0), waitMs);
    QCOMPARE(model.index(0, UsersTableModel::RolesColumn).data().toString(),
             QStringLiteral("MENTOR")); // carol, newest
    model.index(1, 0).data();           // as a view painting it
    QTRY_VERIFY_WITH_TIMEOUT(model.isRowLoaded(1), waitMs);
    QCOMPARE(model.index(1, UsersTableModel::EmailColumn).data().toString(),
             QStringLiteral("bob@example.test"));

    model.setRoleFilter(QString());
    model.setNoRoleFilter(true);
    model.setAsOf({});
    QTRY_COMPARE_WITH_TIMEOUT(model.totalCount(), qint64(3), waitMs);
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 3, waitMs);

    model.setNoRoleFilter(false);
    model.setRoleFilter(QStringLiteral("OWNER"));
    QTRY_VERIFY_WITH_TIMEOUT(model.lastError().contains(QLatin1String("Unknown role OWNER")),
                             waitMs);
    QCOMPARE(model.rowCount(), 0);
}

QTEST_GUILESS_MAIN(TestPgRoles)
#include "tst_pgroles.moc"
