// rolecallctl on a profile with a backend API URL (`--api`), as separate
// processes: the admin API contract served in this process (FakeAdminApi),
// the test identity provider for the session's token, the fake Clerk Backend
// API for sync, and the real Secret Service. Every verb reads and writes
// through the API with the session's bearer token; the seed's plain backend
// lists users and says plainly what it lacks.
#include "api/apijson.h"
#include "support/clitestsupport.h"
#include "support/fakeadminapi.h"
#include "support/fakeclerkapi.h"
#include "support/testdata.h"
#include "support/testidp.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace rolecall;
using rolecall::testing::CliFixture;
using rolecall::testing::FakeAdminApi;
using rolecall::testing::FakeClerkApi;
using rolecall::testing::FakeHttpRequest;
using rolecall::testing::FakeHttpResponse;
using rolecall::testing::TestIdentityProvider;
using Run = rolecall::testing::CliRun;
using rolecall::testing::clerkIdOfSeedUser;
using rolecall::testing::words;

namespace {

const QByteArray clerkSecret = QByteArrayLiteral("sk_test_cliapisecret42");

// A test's override that leaves the request to the contract's handler.
FakeHttpResponse notOverridden()
{
    FakeHttpResponse response;
    response.status = 0;
    return response;
}

} // namespace

class TestCliApi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void usersAreListedAndShownThroughTheApiWithTheSessionsToken();
    void whoamiAsksTheServer();
    void aGrantIsWrittenByTheServerWithAnIdempotencyKey();
    void aProblemOfTheServerIsSaidAndExitsAsInDatabaseMode();
    void fieldProblemsArePrintedOnePerLine();
    void syncComparesClerkWithTheApisSnapshot();
    void thePlainBackendIsListedAndTheRestRefusedPlainly();

private:
    Run ctl(const QStringList &args);
    QList<FakeHttpRequest> requestsTo(const QString &pathEnd) const;
    FakeHttpResponse answer(const FakeHttpRequest &request);

    CliFixture m_ctl{QStringLiteral(ROLECALLCTL_PATH), QStringLiteral(TEST_BROWSER_PATH)};
    TestIdentityProvider m_idp;
    FakeAdminApi m_api;
    FakeClerkApi m_clerk;
    std::function<FakeHttpResponse(const FakeHttpRequest &)> m_override;
};

void TestCliApi::initTestCase()
{
    ROLECALL_REQUIRE_SESSION_BUS();
    QVERIFY(m_api.start());
    // The contract's /me answers with the first user: the one signed in.
    QList<User> users = FakeAdminApi::sampleUsers(30);
    users[0].clerkId = clerkIdOfSeedUser(5);
    m_api.setUsers(users);
    m_api.setHandler([this](const FakeHttpRequest &request) { return answer(request); });
    m_clerk.setUsers(FakeClerkApi::seedUsers(1, 3));
    m_clerk.setSecretKey(clerkSecret);
    QVERIFY(m_clerk.start());

    QString error;
    QVERIFY2(m_idp.start(&error), qPrintable(error));
    m_idp.setUser(TestIdentityProvider::seedUser(5));
    // Added with a database, then pointed at the API: naming --api replaces --db.
    Run run = m_ctl.addProfile(QStringLiteral("api"), m_idp,
                               QStringLiteral("postgresql://rolecall@127.0.0.1:1/unused"),
                               {QStringLiteral("--clerk-api-url"), m_clerk.baseUrl()});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    run = m_ctl.run({QStringLiteral("profiles"), QStringLiteral("edit"), m_ctl.profile(),
                     QStringLiteral("--api"), m_api.baseUrl()});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    run = m_ctl.signInAs(m_idp, 5);
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
}

void TestCliApi::init()
{
    m_api.setPlainBackend(false);
    m_api.clearRequests();
    m_override = nullptr;
}

Run TestCliApi::ctl(const QStringList &args)
{
    QProcessEnvironment key;
    key.insert(QStringLiteral("ROLECALL_CLERK_SECRET_KEY"), QString::fromLatin1(clerkSecret));
    return m_ctl.inProfile(args, {}, key);
}

QList<FakeHttpRequest> TestCliApi::requestsTo(const QString &pathEnd) const
{
    QList<FakeHttpRequest> found;
    for (const FakeHttpRequest &request : m_api.requests())
        if (request.path.endsWith(pathEnd))
            found.append(request);
    return found;
}

// The contract's users and /me, plus what a test overrides.
FakeHttpResponse TestCliApi::answer(const FakeHttpRequest &request)
{
    if (m_override) {
        FakeHttpResponse response = m_override(request);
        if (response.status != 0)
            return response;
    }
    return m_api.contractHandler(request);
}

void TestCliApi::usersAreListedAndShownThroughTheApiWithTheSessionsToken()
{
    Run run = ctl(words("users list --format json --limit 1000"));
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QCOMPARE(run.jsonArray().size(), 30);
    const QList<FakeHttpRequest> pages = requestsTo(QStringLiteral("/users"));
    QVERIFY(!pages.isEmpty());
    const QByteArray authorization = pages.first().header("authorization");
    QVERIFY(authorization.startsWith("Bearer "));
    QVERIFY(authorization.size() > 40); // the session's access token, not a placeholder

    const User shown = m_api.users().at(7);
    GrantView view;
    view.grant.id = QStringLiteral("grant-7");
    view.grant.userId = shown.id;
    view.grant.role = QStringLiteral("LEARNER");
    view.grant.effectiveStart = QDateTime(QDate(2025, 3, 1), QTime(0, 0), Qt::UTC);
    view.grant.createdAt = view.grant.effectiveStart;
    view.grant.updatedAt = view.grant.effectiveStart;
    view.state = GrantState::Active;
    m_override = [shown, view](const FakeHttpRequest &request) {
        // users show finds the person, then asks for them by row id.
        if (request.path.endsWith(QStringLiteral("/users/") + shown.id) ||
            request.path.endsWith(QStringLiteral("/users/") + shown.clerkId))
            return FakeAdminApi::json(apijson::userWithGrantsJson(shown, {view}));
        return notOverridden();
    };
    run = ctl({QStringLiteral("users"), QStringLiteral("show"), shown.clerkId,
               QStringLiteral("--format"), QStringLiteral("json")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains(shown.email), qPrintable(run.out));
    QVERIFY2(run.out.contains(QLatin1String("grant-7")), qPrintable(run.out));
}

void TestCliApi::whoamiAsksTheServer()
{
    const Run run = ctl(words("whoami --format json"));
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QCOMPARE(requestsTo(QStringLiteral("/me")).size(), 1);
    QCOMPARE(run.jsonObject().value(QStringLiteral("canWrite")).toBool(), true);
}

void TestCliApi::aGrantIsWrittenByTheServerWithAnIdempotencyKey()
{
    m_override = [](const FakeHttpRequest &request) {
        if (request.method == "POST" && request.path.endsWith(QLatin1String("/grants"))) {
            GrantRequest asked;
            QString why;
            if (!apijson::fromJson(QJsonDocument::fromJson(request.body).object(), &asked, &why))
                return FakeAdminApi::problem(apijson::ProblemType::Validation, why);
            RoleGrant grant;
            grant.id = QStringLiteral("grant-new");
            grant.userId = asked.user;
            grant.role = asked.role;
            grant.reason = asked.reason;
            grant.effectiveStart = QDateTime::currentDateTimeUtc();
            grant.createdAt = grant.effectiveStart;
            grant.updatedAt = grant.effectiveStart;
            return FakeAdminApi::json(apijson::toJson(grant), 201);
        }
        return notOverridden();
    };
    const Run run = ctl(words("roles grant user_3 MENTOR --reason Mentoring --format json"));
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains(QLatin1String("grant-new")), qPrintable(run.out));
    QList<FakeHttpRequest> writes;
    for (const FakeHttpRequest &request : m_api.requests())
        if (request.method == "POST")
            writes.append(request);
    QCOMPARE(writes.size(), 1);
    QVERIFY(!writes.first().header("idempotency-key").isEmpty());
    GrantRequest sent;
    QString why;
    QVERIFY2(apijson::fromJson(QJsonDocument::fromJson(writes.first().body).object(), &sent, &why),
             qPrintable(why));
    QCOMPARE(sent.role, QStringLiteral("MENTOR"));
    QCOMPARE(sent.reason, QStringLiteral("Mentoring"));
}

void TestCliApi::aProblemOfTheServerIsSaidAndExitsAsInDatabaseMode()
{
    m_override = [](const FakeHttpRequest &request) {
        if (request.method == "POST")
            return FakeAdminApi::problem(apijson::ProblemType::LastAdmin,
                                         QStringLiteral("user_0 is the last active ADMIN."));
        return notOverridden();
    };
    const Run run = ctl(words("roles end grant-1 --reason Leaving"));
    QVERIFY2(run.exitCode != 0, qPrintable(run.out));
    QVERIFY2(run.err.contains(QLatin1String("last active ADMIN")), qPrintable(run.err));
}

void TestCliApi::fieldProblemsArePrintedOnePerLine()
{
    m_override = [](const FakeHttpRequest &request) {
        if (request.method != "POST")
            return notOverridden();
        apijson::Problem problem = apijson::makeProblem(apijson::ProblemType::Validation,
                                                        QStringLiteral("Check the grant."));
        problem.errors = {{QStringLiteral("reason"), QStringLiteral("must name a ticket")},
                          {QStringLiteral("effectiveEnd"), QStringLiteral("is past the term")}};
        FakeHttpResponse response;
        response.status = 422;
        response.contentType = apijson::problemContentType;
        response.body = QJsonDocument(apijson::toJson(problem)).toJson(QJsonDocument::Compact);
        return response;
    };
    const Run run = ctl(words("roles grant user_3 MENTOR --reason Spring"));
    QCOMPARE(run.exitCode, 5);
    QCOMPARE(run.err.split(QLatin1Char('\n'), Qt::SkipEmptyParts),
             (QStringList{QStringLiteral("rolecallctl: Check the grant."),
                          QStringLiteral("rolecallctl: reason: must name a ticket"),
                          QStringLiteral("rolecallctl: effectiveEnd: is past the term")}));
}

void TestCliApi::syncComparesClerkWithTheApisSnapshot()
{
    // Clerk has seed users 1..3; the API's database side has 1, 2 and 4.
    m_override = [](const FakeHttpRequest &request) {
        if (!request.path.endsWith(QLatin1String("/sync/snapshot")))
            return notOverridden();
        SyncDbSnapshot snapshot;
        snapshot.kind = SchemaKind::AkakoLms;
        for (const int n : {1, 2, 4}) {
            SyncDbUser row;
            row.rowId = QStringLiteral("row%1").arg(n);
            row.clerkId = clerkIdOfSeedUser(n);
            row.email = rolecall::testing::emailOfSeedUser(n);
            row.everHadLearner = true;
            row.activeLearner = true;
            snapshot.users.append(row);
        }
        return FakeAdminApi::json(apijson::toJson(snapshot));
    };
    const Run run = ctl(words("sync status --format json"));
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QHash<QString, QString> status;
    for (const QJsonValue &value : run.jsonArray())
        status.insert(value.toObject().value(QStringLiteral("clerkId")).toString(),
                      value.toObject().value(QStringLiteral("status")).toString());
    QCOMPARE(status.value(clerkIdOfSeedUser(3)), QStringLiteral("missing"));
    QCOMPARE(status.value(clerkIdOfSeedUser(4)), QStringLiteral("orphaned"));
    QCOMPARE(requestsTo(QStringLiteral("/sync/snapshot")).size(), 1);
}

void TestCliApi::thePlainBackendIsListedAndTheRestRefusedPlainly()
{
    m_api.setPlainBackend(true);
    Run run = ctl(words("users list --format json --search person1"));
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QCOMPARE(run.jsonArray().size(), 11); // 1, 10..19
    run = ctl(words("roles expiring --days 30"));
    QVERIFY(run.exitCode != 0);
    QVERIFY2(run.err.contains(QLatin1String("plain backend")), qPrintable(run.err));
}

QTEST_GUILESS_MAIN(TestCliApi)
#include "tst_cliapi.moc"
