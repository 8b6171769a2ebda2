// rolecallctl sync status | apply as separate processes, against a real
// PostgreSQL, the fake Clerk Backend API in this process and the real
// Secret Service (the Clerk key from the keychain, the admin's session).
#include "support/clitestsupport.h"
#include "support/fakeclerkapi.h"
#include "support/testdata.h"
#include "support/testidp.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using rolecall::testing::CliFixture;
using rolecall::testing::FakeClerkApi;
using rolecall::testing::FakeClerkUser;
using rolecall::testing::TestIdentityProvider;
using Run = rolecall::testing::CliRun;
using rolecall::testing::clerkIdOfSeedUser;
using rolecall::testing::emailOfSeedUser;
using rolecall::testing::words;

namespace {

const QByteArray secret = QByteArrayLiteral("sk_test_clisyncsecret42");

QHash<QString, QJsonObject> byClerkId(const QJsonArray &array)
{
    QHash<QString, QJsonObject> map;
    for (const QJsonValue &value : array)
        map.insert(value.toObject().value(QStringLiteral("clerkId")).toString(), value.toObject());
    return map;
}

} // namespace

class TestCliSync : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void statusAsJsonWithDriftFields();
    void statusFilteredAsCsvAndTable();
    void refusesBadUsageAndAWrongKey();
    void takesTheKeyFromTheKeychain();
    void stopsTheBatchAtARefusal();
    void appliesAfterADryRun();
    void printsNoSecret();

private:
    Run ctl(const QStringList &args, bool keyInEnvironment = true);
    QStringList dbArgs() const
    {
        return {QStringLiteral("--db"), m_dbUrl, QStringLiteral("--clerk-api-url"),
                m_api.baseUrl()};
    }

    CliFixture m_ctl{QStringLiteral(ROLECALLCTL_PATH), QStringLiteral(TEST_BROWSER_PATH)};
    TestIdentityProvider m_idp;
    FakeClerkApi m_api;
    QString m_dbUrl;
};

void TestCliSync::initTestCase()
{
    ROLECALL_REQUIRE_SESSION_BUS();
    // Clerk: 1..18 and 21..22; 3's email changed; 19 and 20 gone.
    QList<FakeClerkUser> users = FakeClerkApi::seedUsers(1, 18) + FakeClerkApi::seedUsers(21, 22);
    users[2].emails = {QStringLiteral("three@example.test")};
    m_api.setUsers(users);
    m_api.setSecretKey(secret);
    QVERIFY(m_api.start());
    QString error;
    QVERIFY2(m_ctl.setUpProfile(QStringLiteral("sync"), m_idp, 20, &error,
                                {QStringLiteral("--clerk-api-url"), m_api.baseUrl()}),
             qPrintable(error));
    m_dbUrl = m_ctl.databaseUrl();
}

Run TestCliSync::ctl(const QStringList &args, bool keyInEnvironment)
{
    QProcessEnvironment key;
    if (keyInEnvironment)
        key.insert(QStringLiteral("ROLECALL_CLERK_SECRET_KEY"), QString::fromLatin1(secret));
    return m_ctl.run(args, {}, key);
}

void TestCliSync::statusAsJsonWithDriftFields()
{
    const Run run = ctl(words("sync status --format json") + dbArgs());
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QHash<QString, QJsonObject> people = byClerkId(run.jsonArray());
    QCOMPARE(people.size(), 22);
    const auto status = [&people](int n) {
        return people.value(clerkIdOfSeedUser(n)).value(QStringLiteral("status")).toString();
    };
    QCOMPARE(status(1), QStringLiteral("in-sync"));
    QCOMPARE(status(3), QStringLiteral("drifted"));
    QCOMPARE(status(10), QStringLiteral("no-default-role"));
    QCOMPARE(status(19), QStringLiteral("orphaned"));
    QCOMPARE(status(21), QStringLiteral("missing"));
    const QJsonArray fields =
        people.value(clerkIdOfSeedUser(3)).value(QStringLiteral("fields")).toArray();
    QCOMPARE(fields.size(), 1);
    QCOMPARE(fields.first().toObject(),
             (QJsonObject{{QStringLiteral("field"), QStringLiteral("email")},
                          {QStringLiteral("clerk"), QStringLiteral("three@example.test")},
                          {QStringLiteral("database"), emailOfSeedUser(3)}}));
}

void TestCliSync::statusFilteredAsCsvAndTable()
{
    Run run = ctl(words("sync status --status missing --format csv") + dbArgs());
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QStringList lines = run.out.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3); // header, 21, 22
    QVERIFY2(lines.first().startsWith(QLatin1String("\"clerkId\",\"status\",")),
             qPrintable(run.out));
    QVERIFY(lines.at(1).startsWith(QLatin1Char('"') + clerkIdOfSeedUser(21) +
                                   QStringLiteral("\",\"missing\",")));
    run = ctl(words("sync status --status orphaned") + dbArgs());
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY(run.out.contains(clerkIdOfSeedUser(20)));
    QVERIFY(!run.out.contains(clerkIdOfSeedUser(1) + QLatin1Char(' ')));
    QVERIFY2(run.out.contains(QLatin1String("missing 2, orphaned 2")), qPrintable(run.out));
}

void TestCliSync::refusesBadUsageAndAWrongKey()
{
    Run run = ctl(words("sync status --status lost") + dbArgs());
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.err.contains(QLatin1String("email-conflict")));
    run = ctl(words("sync apply") + dbArgs());
    QCOMPARE(run.exitCode, 2);
    run = ctl(words("sync apply --all-missing") + dbArgs()); // nobody signed in
    QCOMPARE(run.exitCode, 3);
    run = ctl(words("sync frobnicate"));
    QCOMPARE(run.exitCode, 2);
    m_api.setSecretKey(QByteArrayLiteral("sk_test_another"));
    run = ctl(words("sync status") + dbArgs());
    m_api.setSecretKey(secret);
    QVERIFY2(run.exitCode == 1, qPrintable(run.err));
    QVERIFY2(run.err.contains(QLatin1String("401")), qPrintable(run.err));
}

void TestCliSync::takesTheKeyFromTheKeychain()
{
    // No key anywhere: a clear message, exit 1.
    Run run = ctl(m_ctl.profileArgs() + words("sync status"), false);
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QLatin1String("set-secret")), qPrintable(run.err));
    // Stored from standard input (a publishable key refused), then used
    // through the profile.
    const auto setSecret = [this](const QByteArray &value) {
        return m_ctl
            .run({QStringLiteral("profiles"), QStringLiteral("set-secret"), m_ctl.profile(),
                  QStringLiteral("clerk-secret-key")},
                 value + '\n')
            .exitCode;
    };
    QCOMPARE(setSecret(QByteArrayLiteral("pk_test_Y2xlcmsuZXhhbXBsZS5jb20k")), 5);
    QCOMPARE(setSecret(secret), 0);
    run = ctl(m_ctl.profileArgs() + words("sync status --status drifted --format json"), false);
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QCOMPARE(run.jsonArray().size(), 1);
}

void TestCliSync::stopsTheBatchAtARefusal()
{
    // Seed user 6 is no ADMIN: the first action is refused, and so would every
    // other be, so the batch ends there with exit 4 and nothing written.
    m_idp.setUser(
        {clerkIdOfSeedUser(6), emailOfSeedUser(6), QStringLiteral("Not"), QStringLiteral("Admin")});
    const QStringList profile = m_ctl.profileArgs();
    const Run login = ctl(profile + words("login"));
    QVERIFY2(login.exitCode == 0, qPrintable(login.err));

    Run run = ctl(profile + words("sync apply --all-missing --format json"));
    QCOMPARE(run.exitCode, 4);
    QCOMPARE(run.jsonArray().size(), 0);
    QCOMPARE(run.err.count(QLatin1String("rolecallctl: ")), 1);
    run = ctl(profile + words("sync status --status missing --format json"));
    QCOMPARE(run.jsonArray().size(), 2);

    ctl(profile + words("logout"));
    m_idp.setUser({clerkIdOfSeedUser(5), emailOfSeedUser(5), QStringLiteral("Test"),
                   QStringLiteral("Admin")});
}

void TestCliSync::appliesAfterADryRun()
{
    const QStringList profile = m_ctl.profileArgs();
    const Run login = ctl(profile + words("login"));
    QVERIFY2(login.exitCode == 0, qPrintable(login.err));

    Run run = ctl(profile + words("sync apply --all-missing --dry-run --format json"));
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QJsonArray results = run.jsonArray();
    QCOMPARE(results.size(), 2);
    QVERIFY(results.first().toObject().value(QStringLiteral("dryRun")).toBool());
    run = ctl(profile + words("sync status --status missing --format json"));
    QCOMPARE(run.jsonArray().size(), 2); // the dry run wrote nothing

    run = ctl(profile + words("sync apply --all-missing"));
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains(QLatin1String("2 of 2 changed")), qPrintable(run.out));
    run = ctl(profile + QStringList{QStringLiteral("sync"), QStringLiteral("apply"),
                                    clerkIdOfSeedUser(3), clerkIdOfSeedUser(10)});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    // Orphans need a reason.
    run = ctl(profile + words("sync apply --all-orphaned"));
    QCOMPARE(run.exitCode, 5);
    run = ctl(profile + QStringList{QStringLiteral("sync"), QStringLiteral("apply"),
                                    QStringLiteral("--all-orphaned"), QStringLiteral("--reason"),
                                    QStringLiteral("left Clerk")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    run = ctl(profile + words("sync status --format json"));
    const QHash<QString, QJsonObject> people = byClerkId(run.jsonArray());
    for (const int n : {3, 10, 21, 22})
        QCOMPARE(people.value(clerkIdOfSeedUser(n)).value(QStringLiteral("status")).toString(),
                 QStringLiteral("in-sync"));
    QCOMPARE(people.value(clerkIdOfSeedUser(19)).value(QStringLiteral("status")).toString(),
             QStringLiteral("orphaned"));
    run = ctl(profile + QStringList{QStringLiteral("sync"), QStringLiteral("apply"),
                                    QStringLiteral("user_nobody")});
    QCOMPARE(run.exitCode, 5);
    ctl(profile + words("logout"));
}

void TestCliSync::printsNoSecret()
{
    QVERIFY(!m_ctl.seenOutput().isEmpty());
    QVERIFY2(m_ctl.printedSecret({QString::fromLatin1(secret)}).isEmpty(),
             "the Clerk key was printed");
}

QTEST_GUILESS_MAIN(TestCliSync)
#include "tst_clisync.moc"
