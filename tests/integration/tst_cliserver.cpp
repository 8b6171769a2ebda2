// rolecallctl against rolecall-server (in this process) over the same
// PostgreSQL that a database profile reads directly: the API profile's
// answers are the direct ones, word for word. The CLI runs as a process with
// the real Secret Service and signs in at the server's test identity provider.
// The server holds the fake Clerk API's key: `sync status|apply` on the API
// profile is the server's comparison, with no key on the CLI's side. An
// access token that expires mid-run (the server's expire-token fault) is
// renewed once with the keychain's refresh token; if that does not help,
// the CLI asks to sign in again.
#include "domain/utctime.h"
#include "support/clitestsupport.h"
#include "support/fakeclerkapi.h"
#include "support/pgtestcluster.h"
#include "support/serverfixture.h"
#include "support/testdata.h"
#include "support/testidp.h"

#include <QJsonArray>
#include <QJsonObject>
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

class TestCliServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void explainGivesTheDirectAnswerThroughTheServer_data();
    void explainGivesTheDirectAnswerThroughTheServer();
    void explainRefusesUnknownUsersAndRolesAsInDirectMode();
    void syncStatusIsTheServersComparisonWithNoKeyHere();
    void syncApplyGoesThroughTheServersComparison();
    void anExpiredTokenIsRenewedOnceMidRun();
    void aTokenRefusedAgainAfterRenewalAsksToSignInAgain();
    void aFailedRenewalAsksToSignInAgain(); // last: it ends the session

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
        connect(&idp, &TestIdentityProvider::requestServed, this,
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
