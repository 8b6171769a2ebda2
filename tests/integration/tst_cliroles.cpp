// rolecallctl's role verbs as separate processes against a real PostgreSQL,
// the test identity provider and the real Secret Service: reads need only the
// database; writes need the profile's signed-in session of an active ADMIN.
#include "support/clitestsupport.h"
#include "support/pgtestcluster.h"
#include "support/testdata.h"
#include "support/testidp.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QTest>

using rolecall::testing::CliFixture;
using rolecall::testing::PgTestCluster;
using rolecall::testing::TestIdentityProvider;
using Run = rolecall::testing::CliRun;
using rolecall::testing::clerkIdOfSeedUser;
using rolecall::testing::emailOfSeedUser;
using rolecall::testing::words;

namespace {

QStringList values(const QJsonArray &array, const QString &key)
{
    QStringList list;
    for (const QJsonValue &value : array)
        list << value.toObject().value(key).toString();
    return list;
}

// Every object of an array has the same keys: scripts can rely on them.
bool sameKeys(const QJsonArray &array)
{
    for (const QJsonValue &value : array) {
        if (value.toObject().keys() != array.first().toObject().keys())
            return false;
    }
    return true;
}

QString isoIn(int days)
{
    return QDateTime::currentDateTimeUtc().addDays(days).toString(Qt::ISODate);
}

} // namespace

class TestCliRoles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void refusesWritesWhenNotSignedIn();
    void refusesMalformedInstants();
    void listsUsersByRole();
    void showsOneUser();
    void explainsAccess_data();
    void explainsAccess();
    void explainRefusesUnknownUsersAndRoles();
    void listsGrantsWithAndWithoutHistory();
    void listsExpiringGrants();
    void grantsAsTheAdmin();
    void dryRunWritesNothing();
    void refusesInvalidGrants();
    void refusesNonAdmins();
    void bulkGrantsFromAFile();
    void listsTheAuditTrail();
    void endsOwnAdminGrantOnlyWithForce();
    void printsNoToken();

private:
    Run ctl(const QStringList &args) { return m_ctl.inProfile(args); }
    void signInAs(int n);

    CliFixture m_ctl{QStringLiteral(ROLECALLCTL_PATH), QStringLiteral(TEST_BROWSER_PATH)};
    TestIdentityProvider m_idp;
};

void TestCliRoles::initTestCase()
{
    ROLECALL_REQUIRE_SESSION_BUS();
    QString error;
    QVERIFY2(m_ctl.setUpProfile(QStringLiteral("roles"), m_idp, 50, &error), qPrintable(error));
    // A MENTOR grant of user 8 that ends in three days, for `roles expiring`.
    QVERIFY2(PgTestCluster::shared()->exec(m_ctl.database(), QStringLiteral(R"(
INSERT INTO "UserRole" ("id", "userId", "role", "effectiveStartDate", "effectiveEndDate",
                        "assignedBy", "assignedByEmail", "reason", "isActive", "createdAt", "updatedAt")
VALUES ('cr0000000008x', 'cu0000000008', 'MENTOR', timestamp '2024-01-01',
        timezone('UTC', now()) + interval '3 days', NULL, NULL, 'short term', true,
        timestamp '2024-01-01', timestamp '2024-01-01');)"),
                                           &error),
             qPrintable(error));
}

void TestCliRoles::signInAs(int n)
{
    const Run login = m_ctl.signInAs(m_idp, n);
    QVERIFY2(login.exitCode == 0, qPrintable(login.err));
}

void TestCliRoles::refusesWritesWhenNotSignedIn()
{
    const Run run = ctl(QStringList() << QStringLiteral("roles") << QStringLiteral("grant")
                                      << emailOfSeedUser(7) << words("MENTOR --reason x"));
    QCOMPARE(run.exitCode, 3);
    QCOMPARE(run.err, QStringLiteral("rolecallctl: not signed in to %1; run 'rolecallctl login'\n")
                          .arg(m_ctl.profile()));
}

void TestCliRoles::refusesMalformedInstants()
{
    Run run = ctl({QStringLiteral("roles"), QStringLiteral("list"), emailOfSeedUser(1),
                   QStringLiteral("--as-of"), QStringLiteral("2025-02-30")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(QLatin1String("--as-of")) &&
                 run.err.contains(QLatin1String("no such day")),
             qPrintable(run.err));
    QCOMPARE(run.err.count(QLatin1Char('\n')), 1);
    run = ctl(words("users list --as-of 2025-03-01T12:00"));
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(QLatin1String("no time zone")), qPrintable(run.err));
    run = ctl(QStringList() << QStringLiteral("roles") << QStringLiteral("grant")
                            << emailOfSeedUser(7) << words("MENTOR --reason x --end 2025-3-1"));
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(QLatin1String("YYYY-MM-DD")), qPrintable(run.err));
}

void TestCliRoles::listsUsersByRole()
{
    const QStringList json = words("--format json --limit 0");
    Run run = ctl(words("users list --role ADMIN") + json);
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QCOMPARE(values(run.jsonArray(), QStringLiteral("email")), QStringList{emailOfSeedUser(5)});

    run = ctl(words("users list --no-role") + json);
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QStringList noRole = values(run.jsonArray(), QStringLiteral("email"));
    noRole.sort();
    QCOMPARE(noRole, (QStringList{emailOfSeedUser(10), emailOfSeedUser(20), emailOfSeedUser(30),
                                  emailOfSeedUser(40), emailOfSeedUser(50)}));

    // User 2's MENTOR starts in 30 days: held at --as-of 40 days on, not now.
    run = ctl((QStringList() << words("users list --role MENTOR --as-of") << isoIn(40)) + json);
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(values(run.jsonArray(), QStringLiteral("email")).contains(emailOfSeedUser(2)),
             qPrintable(run.out));
    run = ctl(words("users list --role LEARNER --as-of 2023-06-01") + json);
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QCOMPARE(run.jsonArray().size(), 0);

    run = ctl(words("users list --role ADMIN --no-role"));
    QCOMPARE(run.exitCode, 2);
}

void TestCliRoles::showsOneUser()
{
    Run run = ctl({QStringLiteral("users"), QStringLiteral("show"), emailOfSeedUser(5),
                   QStringLiteral("--format"), QStringLiteral("json")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QJsonObject json = run.jsonObject();
    QCOMPARE(json.value(QLatin1String("clerkId")).toString(), clerkIdOfSeedUser(5));
    QCOMPARE(json.value(QLatin1String("id")).toString(), QStringLiteral("cu0000000005"));
    QStringList roles;
    const QJsonArray activeRoles = json.value(QLatin1String("activeRoles")).toArray();
    for (const QJsonValue &role : activeRoles)
        roles << role.toString();
    roles.sort();
    QCOMPARE(roles, (QStringList{QStringLiteral("ADMIN"), QStringLiteral("LEARNER")}));
    QCOMPARE(json.value(QLatin1String("grants")).toArray().size(), 2);

    // By Clerk ID and by row id, as a table.
    run = ctl({QStringLiteral("users"), QStringLiteral("show"), clerkIdOfSeedUser(7)});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains(emailOfSeedUser(7)) && run.out.contains(QLatin1String("LEARNER")),
             qPrintable(run.out));
    run = ctl(words("users show cu0000000007"));
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains(clerkIdOfSeedUser(7)), qPrintable(run.out));
}

void TestCliRoles::explainsAccess_data()
{
    QTest::addColumn<int>("user");
    QTest::addColumn<QString>("role");
    QTest::addColumn<QString>("asOf");
    QTest::addColumn<QString>("verdict");
    QTest::addColumn<QString>("decidingGrant"); // the list and id that decide it
    QTest::addColumn<QString>("firstLine");

    // The seed: user 1 held MENTOR from 2024-02-01 until 2024-06-01 (ended,
    // "term ended"); user 2 gets MENTOR in 30 days; user 5 is the ADMIN; user
    // 10 never held anything.
    QTest::newRow("held") << 5 << QStringLiteral("ADMIN") << QString() << QStringLiteral("held")
                          << QStringLiteral("holding:cr0000000005a")
                          << QStringLiteral("Holds ADMIN at ");
    QTest::newRow("ended") << 1 << QStringLiteral("MENTOR") << QString() << QStringLiteral("ended")
                           << QStringLiteral("ended:cr0000000001m")
                           << QStringLiteral("Does not hold MENTOR at ");
    QTest::newRow("future") << 2 << QStringLiteral("MENTOR") << QString()
                            << QStringLiteral("future") << QStringLiteral("future:cr0000000002f")
                            << QStringLiteral("Does not hold MENTOR at ");
    QTest::newRow("never granted")
        << 10 << QStringLiteral("MENTOR") << QString() << QStringLiteral("never-granted")
        << QString() << QStringLiteral("Does not hold MENTOR at ");
    QTest::newRow("as of: held while it ran")
        << 1 << QStringLiteral("MENTOR") << QStringLiteral("2024-03-01T00:00:00Z")
        << QStringLiteral("held") << QStringLiteral("holding:cr0000000001m")
        << QStringLiteral("Holds MENTOR at 2024-03-01T00:00:00.000Z.");
    QTest::newRow("as of: before it started")
        << 1 << QStringLiteral("MENTOR") << QStringLiteral("2024-01-15") << QStringLiteral("future")
        << QStringLiteral("future:cr0000000001m")
        << QStringLiteral("Does not hold MENTOR at 2024-01-15T00:00:00.000Z: a grant starts on "
                          "2024-02-01T00:00:00.000Z.");
    QTest::newRow("as of: the end is not held")
        << 1 << QStringLiteral("MENTOR") << QStringLiteral("2024-06-01") << QStringLiteral("ended")
        << QStringLiteral("ended:cr0000000001m")
        << QStringLiteral("Does not hold MENTOR at 2024-06-01T00:00:00.000Z: the last grant "
                          "ended on 2024-06-01T00:00:00.000Z.");
}

void TestCliRoles::explainsAccess()
{
    QFETCH(int, user);
    QFETCH(QString, role);
    QFETCH(QString, asOf);
    QFETCH(QString, verdict);
    QFETCH(QString, decidingGrant);
    QFETCH(QString, firstLine);

    QStringList args = {QStringLiteral("roles"), QStringLiteral("explain"), emailOfSeedUser(user),
                        role};
    if (!asOf.isEmpty())
        args << QStringLiteral("--as-of") << asOf;
    Run run = ctl(args + words("--format json"));
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QJsonObject json = run.jsonObject();
    QCOMPARE(json.value(QLatin1String("verdict")).toString(), verdict);
    QCOMPARE(json.value(QLatin1String("holds")).toBool(), verdict == QLatin1String("held"));
    QCOMPARE(json.value(QLatin1String("role")).toString(), role);
    if (!decidingGrant.isEmpty()) {
        const QString list = decidingGrant.section(QLatin1Char(':'), 0, 0);
        const QJsonObject grant = json.value(list).toArray().first().toObject();
        QCOMPARE(grant.value(QLatin1String("id")).toString(),
                 decidingGrant.section(QLatin1Char(':'), 1));
        QVERIFY(!grant.value(QLatin1String("reason")).toString().isEmpty());
        QVERIFY(!grant.value(QLatin1String("start")).toString().isEmpty());
    } else {
        for (const char *list : {"holding", "future", "ended"})
            QVERIFY(json.value(QLatin1String(list)).toArray().isEmpty());
    }

    // The same answer in words.
    run = ctl(args);
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.out.startsWith(firstLine), qPrintable(run.out));
    if (!decidingGrant.isEmpty())
        QVERIFY2(run.out.contains(decidingGrant.section(QLatin1Char(':'), 1)), qPrintable(run.out));
    if (verdict == QLatin1String("ended"))
        QVERIFY2(run.out.contains(QLatin1String("term ended")), qPrintable(run.out));
}

void TestCliRoles::explainRefusesUnknownUsersAndRoles()
{
    Run run = ctl({QStringLiteral("roles"), QStringLiteral("explain"),
                   QStringLiteral("nobody@example.test"), QStringLiteral("MENTOR")});
    QCOMPARE(run.exitCode, 5);
    QVERIFY2(run.err.contains(QLatin1String("No user matches")), qPrintable(run.err));
    run = ctl({QStringLiteral("roles"), QStringLiteral("explain"), emailOfSeedUser(1),
               QStringLiteral("PILOT")});
    QCOMPARE(run.exitCode, 5);
    QVERIFY2(run.err.contains(QLatin1String("unknown role")), qPrintable(run.err));
    run = ctl({QStringLiteral("roles"), QStringLiteral("explain"), emailOfSeedUser(1)});
    QCOMPARE(run.exitCode, 2);
}

void TestCliRoles::listsGrantsWithAndWithoutHistory()
{
    // User 1: LEARNER active, MENTOR ended in 2024.
    Run run = ctl({QStringLiteral("roles"), QStringLiteral("list"), emailOfSeedUser(1),
                   QStringLiteral("--format"), QStringLiteral("json")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QCOMPARE(values(run.jsonArray(), QStringLiteral("role")),
             QStringList{QStringLiteral("LEARNER")});

    run = ctl(QStringList() << QStringLiteral("roles") << QStringLiteral("list")
                            << emailOfSeedUser(1) << words("--history --format json"));
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QJsonArray all = run.jsonArray();
    QCOMPARE(all.size(), 2);
    QVERIFY(sameKeys(all));
    QVERIFY(values(all, QStringLiteral("state")).contains(QStringLiteral("ended")));
    for (const char *key : {"id", "role", "state", "start", "end", "assignedBy", "reason", "notes",
                            "endedBy", "endedReason"})
        QVERIFY2(all.first().toObject().contains(QLatin1String(key)), key);

    run = ctl(QStringList() << QStringLiteral("roles") << QStringLiteral("list")
                            << clerkIdOfSeedUser(1) << words("--history --format csv"));
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.out.startsWith(
                 QLatin1String("\"id\",\"role\",\"state\",\"start\",\"end\",\"assignedBy\",")),
             qPrintable(run.out));
    QCOMPARE(run.out.count(QStringLiteral("\r\n")), 3);
}

void TestCliRoles::listsExpiringGrants()
{
    Run run = ctl(words("roles expiring --days 7 --format json"));
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QJsonArray soon = run.jsonArray();
    QCOMPARE(values(soon, QStringLiteral("userEmail")), QStringList{emailOfSeedUser(8)});
    QCOMPARE(values(soon, QStringLiteral("grantId")), QStringList{QStringLiteral("cr0000000008x")});
    QCOMPARE(values(soon, QStringLiteral("userClerkId")), QStringList{clerkIdOfSeedUser(8)});

    run = ctl(words("roles expiring --days 1 --format json"));
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QCOMPARE(run.jsonArray().size(), 0);
    run = ctl(words("roles expiring --days soon"));
    QCOMPARE(run.exitCode, 2);
}

void TestCliRoles::grantsAsTheAdmin()
{
    signInAs(5);
    Run run = ctl({QStringLiteral("roles"), QStringLiteral("grant"), emailOfSeedUser(7),
                   QStringLiteral("MENTOR"), QStringLiteral("--reason"),
                   QStringLiteral("pairs with new staff"), QStringLiteral("--end"), isoIn(90),
                   QStringLiteral("--notes"), QStringLiteral("until the spring term")});
    QVERIFY2(run.exitCode == 0, qPrintable(QString::number(run.exitCode) + run.err + run.out));
    QVERIFY2(run.out.contains(QLatin1String("Granted MENTOR")), qPrintable(run.out));

    run = ctl({QStringLiteral("roles"), QStringLiteral("list"), emailOfSeedUser(7),
               QStringLiteral("--format"), QStringLiteral("json")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QJsonArray grants = run.jsonArray();
    QJsonObject mentor;
    for (const QJsonValue &grant : grants) {
        if (grant.toObject().value(QLatin1String("role")).toString() == QLatin1String("MENTOR"))
            mentor = grant.toObject();
    }
    QVERIFY2(!mentor.isEmpty(), qPrintable(run.out));
    QCOMPARE(mentor.value(QLatin1String("state")).toString(), QStringLiteral("active"));
    QCOMPARE(mentor.value(QLatin1String("reason")).toString(),
             QStringLiteral("pairs with new staff"));
    QCOMPARE(mentor.value(QLatin1String("notes")).toString(),
             QStringLiteral("until the spring term"));
    QCOMPARE(mentor.value(QLatin1String("assignedBy")).toString(), emailOfSeedUser(5));
    QVERIFY(mentor.value(QLatin1String("end")).toString().endsWith(QLatin1Char('Z')));
}

void TestCliRoles::dryRunWritesNothing()
{
    Run run = ctl(QStringList() << QStringLiteral("roles") << QStringLiteral("grant")
                                << emailOfSeedUser(9) << words("MENTOR --reason try --dry-run"));
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains(QLatin1String("Would grant MENTOR")) &&
                 run.out.contains(emailOfSeedUser(5)),
             qPrintable(run.out));
    run = ctl(QStringList() << QStringLiteral("roles") << QStringLiteral("list")
                            << emailOfSeedUser(9) << words("--history --format json"));
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(!values(run.jsonArray(), QStringLiteral("role")).contains(QStringLiteral("MENTOR")),
             qPrintable(run.out));
}

void TestCliRoles::refusesInvalidGrants()
{
    Run run = ctl(QStringList() << QStringLiteral("roles") << QStringLiteral("grant")
                                << emailOfSeedUser(9)
                                << words("MENTOR --reason x --start 2030-01-02 --end 2030-01-01"));
    QCOMPARE(run.exitCode, 5);
    QVERIFY2(run.err.contains(QLatin1String("--end")), qPrintable(run.err));
    run = ctl(QStringList() << QStringLiteral("roles") << QStringLiteral("grant")
                            << emailOfSeedUser(9) << words("WIZARD --reason x"));
    QCOMPARE(run.exitCode, 5);
    QVERIFY2(run.err.contains(QLatin1String("WIZARD")), qPrintable(run.err));
    run = ctl({QStringLiteral("roles"), QStringLiteral("grant"), emailOfSeedUser(9),
               QStringLiteral("MENTOR")});
    QCOMPARE(run.exitCode, 2); // --reason is required
}

void TestCliRoles::refusesNonAdmins()
{
    signInAs(6);
    const Run run = ctl(QStringList() << QStringLiteral("roles") << QStringLiteral("grant")
                                      << emailOfSeedUser(9) << words("MENTOR --reason x"));
    QCOMPARE(run.exitCode, 4);
    QCOMPARE(run.err.count(QLatin1Char('\n')), 1);
    signInAs(5);
}

void TestCliRoles::bulkGrantsFromAFile()
{
    QFile file(m_ctl.homeFilePath(QStringLiteral("users.txt")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("# new mentors\n\n" + emailOfSeedUser(12).toUtf8() + "\n" +
               clerkIdOfSeedUser(13).toUtf8() + "\n" + emailOfSeedUser(7).toUtf8() + "\n");
    file.close();
    QFile withUnknown(m_ctl.homeFilePath(QStringLiteral("unknown.txt")));
    QVERIFY(withUnknown.open(QIODevice::WriteOnly));
    withUnknown.write(emailOfSeedUser(12).toUtf8() + "\nnobody@example.test\n");
    withUnknown.close();

    Run run = ctl(QStringList() << words("roles bulk-grant MENTOR --reason")
                                << QStringLiteral("spring cohort") << QStringLiteral("--users-file")
                                << file.fileName() << words("--dry-run --format json"));
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QJsonObject plan = run.jsonObject();
    QCOMPARE(plan.value(QLatin1String("willChange")).toArray().size(), 2);
    QCOMPARE(plan.value(QLatin1String("alreadyHave")).toArray().size(), 1); // user 7
    QCOMPARE(plan.value(QLatin1String("unknown")).toArray().size(), 0);

    run = ctl(QStringList() << words("roles bulk-grant MENTOR --reason x --users-file")
                            << withUnknown.fileName() << QStringLiteral("--dry-run"));
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains(QLatin1String("nobody@example.test")), qPrintable(run.out));

    // The dry run wrote nothing.
    const QStringList mentors = words("users list --role MENTOR --format json");
    run = ctl(mentors);
    QVERIFY(!values(run.jsonArray(), QStringLiteral("email")).contains(emailOfSeedUser(12)));

    run = ctl(QStringList() << words("roles bulk-grant MENTOR --reason")
                            << QStringLiteral("spring cohort") << QStringLiteral("--users-file")
                            << file.fileName());
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QCOMPARE(run.out, QStringLiteral("Granted MENTOR to 2 users\n"));
    run = ctl(mentors);
    const QStringList emails = values(run.jsonArray(), QStringLiteral("email"));
    QVERIFY2(emails.contains(emailOfSeedUser(12)) && emails.contains(emailOfSeedUser(13)),
             qPrintable(run.out));
}

void TestCliRoles::listsTheAuditTrail()
{
    Run run = ctl(QStringList() << words("audit list --user") << emailOfSeedUser(7)
                                << QStringLiteral("--format") << QStringLiteral("json"));
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QJsonArray events = run.jsonArray();
    QVERIFY(sameKeys(events));
    bool found = false;
    for (const QJsonValue &value : events) {
        const QJsonObject e = value.toObject();
        if (e.value(QLatin1String("role")).toString() == QLatin1String("MENTOR") &&
            e.value(QLatin1String("actorEmail")).toString() == emailOfSeedUser(5) &&
            e.value(QLatin1String("reason")).toString() == QLatin1String("pairs with new staff"))
            found = true;
    }
    QVERIFY2(found, qPrintable(run.out));

    run = ctl(QStringList() << words("audit list --user") << emailOfSeedUser(7));
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains(emailOfSeedUser(5)) && run.out.contains(clerkIdOfSeedUser(7)),
             qPrintable(run.out));

    // Paging stops at --limit; --since excludes the seed's 2024 events.
    run = ctl(words("audit list --limit 1 --format json"));
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QCOMPARE(run.jsonArray().size(), 1);
    run = ctl(QStringList() << words("audit list --since") << isoIn(-1)
                            << words("--limit 0 --format csv"));
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(!run.out.contains(QLatin1String("2024-")), qPrintable(run.out));
}

void TestCliRoles::endsOwnAdminGrantOnlyWithForce()
{
    // Another admin first, so ending one's own ADMIN leaves the system managed.
    Run run = ctl(QStringList() << QStringLiteral("roles") << QStringLiteral("grant")
                                << emailOfSeedUser(11) << words("ADMIN --reason deputy"));
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));

    const QStringList end = (QStringList() << words("roles end cr0000000005a --reason")
                                           << QStringLiteral("stepping down"));
    run = ctl(end);
    QCOMPARE(run.exitCode, 5);
    QVERIFY2(run.err.contains(QLatin1String("pass --force to go on")), qPrintable(run.err));
    QVERIFY2(!run.err.contains(QLatin1String("SELF_DEMOTION")), qPrintable(run.err));

    run = ctl(end + QStringList{QStringLiteral("--force")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    run = ctl(words("users list --role ADMIN --format json"));
    QCOMPARE(values(run.jsonArray(), QStringLiteral("email")), QStringList{emailOfSeedUser(11)});
}

void TestCliRoles::printsNoToken()
{
    QVERIFY2(m_ctl.printedSecret(rolecall::testing::tokensOf(m_idp)).isEmpty(),
             "a token was printed");
    QCOMPARE(ctl({QStringLiteral("logout")}).exitCode, 0);
    QVERIFY(m_ctl.run({QStringLiteral("profiles"), QStringLiteral("remove"), m_ctl.profile()})
                .exitCode == 0);
}

QTEST_GUILESS_MAIN(TestCliRoles)
#include "tst_cliroles.moc"
