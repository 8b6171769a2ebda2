// rolecallctl against rolecall-server (in this process) over the same
// PostgreSQL that a database profile reads directly: the API profile's
// answers are the direct ones, word for word. The CLI runs as a process with
// the real Secret Service and signs in at the server's test identity provider.
// The server holds the fake Clerk API's key: `sync status|apply` on the API
// profile is the server's comparison, with no key on the CLI's side. An
// access token that expires mid-run (the server's expire-token fault) is
// renewed once with the keychain's refresh token; if that does not help,
// the CLI asks to sign in again. An admin whose ADMIN role ends between two
// commands is refused at the next write on either profile, in the same words
// ("not permitted: ...", exit 4), and nothing more is written.
#include "domain/utctime.h"
#include "support/clitestsupport.h"
#include "support/fakeclerkapi.h"
#include "support/pgtestcluster.h"
#include "support/rolefixtures.h"
#include "support/serverfixture.h"
#include "support/testdata.h"
#include "support/testidp.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QScopeGuard>
#include <QTest>

using namespace rolecall;
using namespace rolecall::testing;
using Run = rolecall::testing::CliRun;

namespace {
const QByteArray clerkSecret = QByteArrayLiteral("sk_test_cliserverclerk");

// clerkId → status of `sync status --format json`.
QHash<QString, QString> statusesOf(const Run &run)
{
    QHash<QString, QString> statuses;
    const QJsonArray records = run.jsonArray();
    for (const QJsonValue &record : records)
        statuses.insert(record[QLatin1String("clerkId")].toString(),
                        record[QLatin1String("status")].toString());
    return statuses;
}
} // namespace

class TestCliServer : public QObject, private RoleWriterDatabases
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyVerbGivesTheDirectAnswerThroughTheServer_data();
    void everyVerbGivesTheDirectAnswerThroughTheServer();
    void explainGivesTheDirectAnswerThroughTheServer_data();
    void explainGivesTheDirectAnswerThroughTheServer();
    void explainRefusesUnknownUsersAndRolesAsInDirectMode();
    void syncStatusIsTheServersComparisonWithNoKeyHere();
    void syncApplyGoesThroughTheServersComparison();
    void aWriteRefusedMidRunSaysNotPermittedAlike_data();
    void aWriteRefusedMidRunSaysNotPermittedAlike();
    void anExpiredTokenIsRenewedOnceMidRun();
    void aTokenRefusedAgainAfterRenewalAsksToSignInAgain();
    void aFailedRenewalAsksToSignInAgain(); // last: it ends the session
    void cleanupTestCase() { removeConnections(); }

private:
    Run direct(const QStringList &args) { return m_direct.inProfile(args); }
    Run api(const QStringList &args) { return m_api.inProfile(args); }
    // How many requests reached `pathPart` on the server so far.
    qsizetype served(const QString &pathPart) const;
    // How many refresh-token grants the identity provider was asked for.
    qsizetype refreshes();

    FakeClerkApi m_clerk;
    ServerFixture m_server;
    CliFixture m_direct{QStringLiteral(ROLECALLCTL_PATH), QStringLiteral(TEST_BROWSER_PATH)};
    CliFixture m_api{QStringLiteral(ROLECALLCTL_PATH), QStringLiteral(TEST_BROWSER_PATH)};
};

void TestCliServer::initTestCase()
{
    ROLECALL_REQUIRE_SESSION_BUS();
    QString error;
    QVERIFY2(start(&error), qPrintable(error));
    // The seed of tst_cliroles: user 1's MENTOR ended ("term ended"), user
    // 2's starts in 30 days, user 5 is the ADMIN, user 10 holds nothing.
    QVERIFY2(m_direct.setUpProfile(QStringLiteral("direct"), m_server.idp(), 50, &error),
             qPrintable(error));
    // Clerk: seed users 1..49 and 51 (50 is an orphan, 51 missing), 3's email changed.
    QList<FakeClerkUser> clerkUsers =
        FakeClerkApi::seedUsers(1, 49) + FakeClerkApi::seedUsers(51, 51);
    clerkUsers[2].emails = {QStringLiteral("three@example.test")};
    m_clerk.setUsers(clerkUsers);
    m_clerk.setSecretKey(clerkSecret);
    QVERIFY(m_clerk.start());
    QVERIFY2(m_server.start(m_direct.database(), &error,
                            [this](server::ServerOptions &options) {
                                options.clerkSecretKey = clerkSecret;
                                options.clerkApiUrl = QUrl(m_clerk.baseUrl());
                            }),
             qPrintable(error));
    const QString apiUrl =
        QStringLiteral("http://127.0.0.1:%1/api/rolecall/v1").arg(m_server.port());
    Run run = m_api.addProfile(QStringLiteral("server"), m_server.idp(),
                               QStringLiteral("postgresql://rolecall@127.0.0.1:1/unused"));
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    run = m_api.run({QStringLiteral("profiles"), QStringLiteral("edit"), m_api.profile(),
                     QStringLiteral("--api"), apiUrl});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    run = m_api.signInAs(m_server.idp(), 5);
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    // The database profile's writes need a sign-in too (the same admin).
    run = m_direct.signInAs(m_server.idp(), 5);
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
}

qsizetype TestCliServer::served(const QString &pathPart) const
{
    qsizetype count = 0;
    for (const QString &line : m_server.logLines())
        count += line.contains(pathPart) ? 1 : 0;
    return count;
}

qsizetype TestCliServer::refreshes()
{
    const QList<QUrlQuery> requests = m_server.idp().tokenRequests();
    return std::count_if(requests.cbegin(), requests.cend(), [](const QUrlQuery &request) {
        return request.queryItemValue(QStringLiteral("grant_type")) ==
               QLatin1String("refresh_token");
    });
}

void TestCliServer::everyVerbGivesTheDirectAnswerThroughTheServer_data()
{
    QTest::addColumn<QStringList>("args");
    const QString one = emailOfSeedUser(1);
    const auto with = [](QStringList args, const QString &user) {
        args.insert(2, user);
        return args;
    };
    QTest::newRow("users list") << words("users list --limit 30");
    QTest::newRow("users list, json") << words("users list --limit 30 --format json");
    QTest::newRow("users list, csv") << words("users list --limit 30 --format csv");
    QTest::newRow("users list --search") << words("users list --search user1 --format json");
    QTest::newRow("users list --role") << words("users list --role MENTOR");
    QTest::newRow("users list --no-role") << words("users list --no-role --format json");
    QTest::newRow("users list --as-of")
        << words("users list --role MENTOR --as-of 2024-03-01T00:00:00Z --format json");
    QTest::newRow("users show") << with(words("users show"), one);
    QTest::newRow("users show, json, by Clerk ID") // an as-of: the answer names its instant
        << with(words("users show --format json --as-of 2026-01-01"), clerkIdOfSeedUser(2));
    QTest::newRow("users show --as-of") << with(words("users show --as-of 2024-03-01"), one);
    QTest::newRow("roles list --history") << with(words("roles list --history"), one);
    QTest::newRow("roles list, json")
        << with(words("roles list --format json"), emailOfSeedUser(2));
    QTest::newRow("roles expiring") << words("roles expiring --days 60");
    QTest::newRow("roles expiring, json") << words("roles expiring --days 3650 --format json");
    QTest::newRow("audit list") << words("audit list --limit 25");
    QTest::newRow("audit list --user, json")
        << words("audit list --format json") + QStringList{QStringLiteral("--user"), one};
    QTest::newRow("audit list --role, csv") << words("audit list --role MENTOR --format csv");
    QTest::newRow("roles grant --dry-run")
        << QStringList{QStringLiteral("roles"),    QStringLiteral("grant"),    emailOfSeedUser(9),
                       QStringLiteral("MENTOR"),   QStringLiteral("--reason"), QStringLiteral("x"),
                       QStringLiteral("--dry-run")};
    QTest::newRow("roles bulk-grant --dry-run, json")
        << words("roles bulk-grant MENTOR --reason club --search user4 --dry-run --format json");
    QTest::newRow("unknown user") << words("users show nobody@example.test");
}

// Word for word, exit code included: the API profile's answer is the
// database profile's, for every read verb and every write's dry run.
void TestCliServer::everyVerbGivesTheDirectAnswerThroughTheServer()
{
    QFETCH(QStringList, args);
    const Run viaServer = api(args);
    const Run viaDatabase = direct(args);
    QVERIFY2(viaDatabase.exitCode == 0 || args.contains(QLatin1String("nobody@example.test")),
             qPrintable(viaDatabase.err));
    QVERIFY2(!viaDatabase.out.isEmpty() || !viaDatabase.err.isEmpty(), "no answer");
    QCOMPARE(viaServer.exitCode, viaDatabase.exitCode);
    QCOMPARE(viaServer.out, viaDatabase.out);
    QCOMPARE(viaServer.err, viaDatabase.err);
}

void TestCliServer::explainGivesTheDirectAnswerThroughTheServer_data()
{
    QTest::addColumn<int>("user");
    QTest::addColumn<QString>("role");
    QTest::addColumn<QString>("asOf"); // empty: now, the same instant for both runs
    QTest::addColumn<QString>("verdict");

    QTest::newRow("held") << 5 << QStringLiteral("ADMIN") << QString() << QStringLiteral("held");
    QTest::newRow("ended") << 1 << QStringLiteral("MENTOR") << QString() << QStringLiteral("ended");
    QTest::newRow("future") << 2 << QStringLiteral("MENTOR") << QString()
                            << QStringLiteral("future");
    QTest::newRow("never granted")
        << 10 << QStringLiteral("MENTOR") << QString() << QStringLiteral("never-granted");
    QTest::newRow("as of: held while it ran")
        << 1 << QStringLiteral("MENTOR") << QStringLiteral("2024-03-01T00:00:00Z")
        << QStringLiteral("held");
    QTest::newRow("as of: before it started")
        << 1 << QStringLiteral("MENTOR") << QStringLiteral("2024-01-15")
        << QStringLiteral("future");
}

void TestCliServer::explainGivesTheDirectAnswerThroughTheServer()
{
    QFETCH(int, user);
    QFETCH(QString, role);
    QFETCH(QString, asOf);
    QFETCH(QString, verdict);

    const QString at = asOf.isEmpty() ? isoUtc(QDateTime::currentDateTimeUtc()) : asOf;
    const QStringList args = {QStringLiteral("roles"),   QStringLiteral("explain"),
                              emailOfSeedUser(user),     role,
                              QStringLiteral("--as-of"), at};
    const qsizetype before = served(QStringLiteral("/access/"));

    const Run viaServer = api(args + words("--format json"));
    QVERIFY2(viaServer.exitCode == 0, qPrintable(viaServer.err));
    const Run viaDatabase = direct(args + words("--format json"));
    QVERIFY2(viaDatabase.exitCode == 0, qPrintable(viaDatabase.err));
    QCOMPARE(viaServer.jsonObject().value(QLatin1String("verdict")).toString(), verdict);
    QCOMPARE(viaServer.jsonObject(), viaDatabase.jsonObject());
    // The server judged it, at its explain resource.
    QCOMPARE(served(QStringLiteral("/access/")), before + 1);

    const Run wordsViaServer = api(args);
    QVERIFY2(wordsViaServer.exitCode == 0, qPrintable(wordsViaServer.err));
    const Run wordsViaDatabase = direct(args);
    QCOMPARE(wordsViaServer.out, wordsViaDatabase.out);
    QVERIFY2(wordsViaServer.out.startsWith(verdict == QLatin1String("held")
                                               ? QStringLiteral("Holds ")
                                               : QStringLiteral("Does not hold ")),
             qPrintable(wordsViaServer.out));
}

void TestCliServer::explainRefusesUnknownUsersAndRolesAsInDirectMode()
{
    for (const QStringList &args :
         {QStringList{QStringLiteral("roles"), QStringLiteral("explain"),
                      QStringLiteral("nobody@example.test"), QStringLiteral("MENTOR")},
          QStringList{QStringLiteral("roles"), QStringLiteral("explain"), emailOfSeedUser(1),
                      QStringLiteral("PILOT")}}) {
        const Run viaServer = api(args);
        const Run viaDatabase = direct(args);
        QCOMPARE(viaServer.exitCode, 5);
        QCOMPARE(viaServer.exitCode, viaDatabase.exitCode);
        QCOMPARE(viaServer.err, viaDatabase.err);
    }
}

void TestCliServer::syncStatusIsTheServersComparisonWithNoKeyHere()
{
    // The database profile compares here, with the key; the API profile has
    // none (no keychain entry, nothing in its environment).
    QProcessEnvironment withKey;
    withKey.insert(QStringLiteral("ROLECALL_CLERK_SECRET_KEY"), QString::fromLatin1(clerkSecret));
    const Run viaDatabase =
        m_direct.inProfile(words("sync status --format json") +
                               QStringList{QStringLiteral("--clerk-api-url"), m_clerk.baseUrl()},
                           {}, withKey);
    QVERIFY2(viaDatabase.exitCode == 0, qPrintable(viaDatabase.err));
    const qsizetype before = served(QStringLiteral("/sync/status"));
    const Run viaServer = api(words("sync status --format json"));
    QVERIFY2(viaServer.exitCode == 0, qPrintable(viaServer.err));
    QCOMPARE(served(QStringLiteral("/sync/status")), before + 1);

    const QHash<QString, QString> statuses = statusesOf(viaServer);
    QCOMPARE(statuses.size(), 51);
    QCOMPARE(statuses.value(clerkIdOfSeedUser(51)), QStringLiteral("missing"));
    QCOMPARE(statuses.value(clerkIdOfSeedUser(50)), QStringLiteral("orphaned"));
    QCOMPARE(statuses.value(clerkIdOfSeedUser(3)), QStringLiteral("drifted"));
    QCOMPARE(statuses, statusesOf(viaDatabase));

    // The table's summary line too, word for word.
    const Run tableViaServer = api(words("sync status"));
    QVERIFY2(tableViaServer.exitCode == 0, qPrintable(tableViaServer.err));
    const Run tableViaDatabase = m_direct.inProfile(
        words("sync status") + QStringList{QStringLiteral("--clerk-api-url"), m_clerk.baseUrl()},
        {}, withKey);
    QCOMPARE(tableViaServer.out, tableViaDatabase.out);
}

void TestCliServer::syncApplyGoesThroughTheServersComparison()
{
    const qsizetype before = served(QStringLiteral("/sync/actions"));
    const Run dry = api(QStringList{QStringLiteral("sync"), QStringLiteral("apply"),
                                    clerkIdOfSeedUser(51), QStringLiteral("--dry-run")});
    QVERIFY2(dry.exitCode == 0, qPrintable(dry.err));
    QVERIFY2(dry.out.contains(QLatin1String("Dry run: 1 of 1 would change")), qPrintable(dry.out));
    QCOMPARE(served(QStringLiteral("/sync/actions")), before + 1);
}

void TestCliServer::aWriteRefusedMidRunSaysNotPermittedAlike_data()
{
    QTest::addColumn<bool>("viaServer");
    QTest::newRow("database profile") << false;
    QTest::newRow("API profile") << true;
}

void TestCliServer::aWriteRefusedMidRunSaysNotPermittedAlike()
{
    QFETCH(bool, viaServer);
    QProcessEnvironment withKey; // the database profile compares here, with the key
    withKey.insert(QStringLiteral("ROLECALL_CLERK_SECRET_KEY"), QString::fromLatin1(clerkSecret));
    const QStringList clerkHere =
        viaServer ? QStringList()
                  : QStringList{QStringLiteral("--clerk-api-url"), m_clerk.baseUrl()};
    const auto ctl = [&](const QStringList &args) {
        return viaServer ? api(args) : m_direct.inProfile(args, {}, withKey);
    };
    const QString db = m_direct.database();
    const auto usersAndGrants = [&]() -> QString {
        return checksum(db) +
               scalar(db, QStringLiteral(R"(SELECT count(*) FROM "User")")).toString();
    };
    const Run planned =
        ctl(words("roles bulk-grant MENTOR --reason club --search user4 --dry-run"));
    QVERIFY2(planned.exitCode == 0, qPrintable(planned.err));

    // Between the plan and the write, another admin's tool ends this admin's ADMIN role.
    const QString handedOver = handAdminOver(db, 5, 6);
    QVERIFY2(handedOver.isEmpty(), qPrintable(handedOver));
    const auto handBack = qScopeGuard([&] { handAdminOver(db, 6, 5); });
    const QString before = usersAndGrants();
    const QString refusal = QStringLiteral("rolecallctl: not permitted: Only an active ADMIN may "
                                           "change roles; %1 is not one.\n")
                                .arg(emailOfSeedUser(5));
    const QList<QStringList> writes = {
        words("roles bulk-grant MENTOR --reason club --search user4"),
        QStringList{QStringLiteral("roles"), QStringLiteral("grant"), emailOfSeedUser(9),
                    QStringLiteral("MENTOR"), QStringLiteral("--reason"), QStringLiteral("x")},
        words("roles end cr0000000001l --reason moved"),
        QStringList{QStringLiteral("sync"), QStringLiteral("apply"), clerkIdOfSeedUser(51)} +
            clerkHere,
    };
    for (const QStringList &write : writes) {
        const Run run = ctl(write);
        QVERIFY2(run.exitCode == 4,
                 qPrintable(write.join(QLatin1Char(' ')) + QLatin1String(": ") + run.err));
        // Through the server a sync is refused a step earlier, at the
        // comparison it needs (the server shows it to admins only), in the
        // account's words; everything else in the role writer's.
        if (viaServer && write.first() == QLatin1String("sync"))
            QCOMPARE(run.err, QStringLiteral("rolecallctl: not permitted: Only an active ADMIN may "
                                             "change anything; your active roles: LEARNER.\n"));
        else
            QCOMPARE(run.err, refusal);
        QCOMPARE(usersAndGrants(), before);
    }
}

void TestCliServer::anExpiredTokenIsRenewedOnceMidRun()
{
    const qsizetype before = refreshes();
    const qsizetype listed = served(QStringLiteral("/users"));
    QVERIFY(m_server.armFault(R"({"fault":"expire-token","count":1,"path":"/users"})"));
    const Run run = api(words("users list --format json"));
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY(!run.jsonArray().isEmpty());
    // The session's restore, then one renewal after the 401; the list asked twice.
    QCOMPARE(refreshes(), before + 2);
    QVERIFY(served(QStringLiteral("/users")) >= listed + 2);
}

void TestCliServer::aTokenRefusedAgainAfterRenewalAsksToSignInAgain()
{
    const qsizetype before = refreshes();
    QVERIFY(m_server.armFault(R"({"fault":"expire-token","count":2,"path":"/users"})"));
    const Run run = api(words("users list"));
    QCOMPARE(run.exitCode, 4);
    QVERIFY2(run.err.contains(QLatin1String("sign in again")), qPrintable(run.err));
    QCOMPARE(refreshes(), before + 2); // renewed once, not again
}

void TestCliServer::aFailedRenewalAsksToSignInAgain()
{
    // The restore's refresh goes through; the provider refuses every later one.
    TestIdentityProvider &idp = m_server.idp();
    const QMetaObject::Connection refuseLater =
        QObject::connect(&idp, &TestIdentityProvider::requestServed, this,
                         [&idp](const QString &, const QString &path) {
                             if (path == QLatin1String("/oauth/token"))
                                 idp.behaviour().tokenError = QStringLiteral("invalid_grant");
                         });
    QVERIFY(m_server.armFault(R"({"fault":"expire-token","count":1,"path":"/users"})"));
    const Run run = api(words("users list"));
    disconnect(refuseLater);
    idp.behaviour().tokenError.clear();
    QCOMPARE(run.exitCode, 4);
    QVERIFY2(run.err.contains(QLatin1String("could not be renewed; sign in again")),
             qPrintable(run.err));
    QVERIFY(run.out.isEmpty());
}

QTEST_MAIN(TestCliServer)
#include "tst_cliserver.moc"
