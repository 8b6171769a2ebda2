// rolecall-server's reads against the same PostgreSQL as PgDataSource direct:
// the same answers through the API codec, the ADMIN-only rule, and problems
// for bad parameters and unknown users.
#include "api/apijson.h"
#include "pg/pgdatasource.h"
#include "support/pgtestcluster.h"
#include "support/rolefixtures.h"
#include "support/serverfixture.h"
#include "support/testdata.h"

#include <QTest>
#include <QUrl>

Q_DECLARE_METATYPE(rolecall::UserQuery)

using namespace rolecall;
using namespace rolecall::testing;

namespace {

QString withQuery(const QString &path, const QUrlQuery &query)
{
    const QString text = query.toString(QUrl::FullyEncoded);
    return text.isEmpty() ? path : path + QLatin1Char('?') + text;
}

QString problemType(const HttpAnswer &answer)
{
    return answer.json().value(QLatin1String("type")).toString();
}

QString typeUri(apijson::ProblemType type)
{
    return apijson::problemTypeUri(type);
}

template <typename T>
T decoded(const HttpAnswer &answer)
{
    T value{};
    QString error;
    if (!apijson::fromJson(answer.json(), &value, &error))
        qWarning("cannot decode %s: %s", answer.body.constData(), qPrintable(error));
    return value;
}

QStringList idsOfViews(const QList<GrantView> &views)
{
    QStringList ids;
    for (const GrantView &view : views)
        ids << view.grant.id;
    return ids;
}

QStringList orderedIds(const QList<User> &users)
{
    QStringList ids;
    for (const User &user : users)
        ids << user.id;
    return ids;
}

} // namespace

class TestServerReads : public QObject, private RoleWriterDatabases
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void capabilitiesAnswerWithoutAToken();
    void meAnswersAnyoneSignedInAboutThemselves();
    void everyOtherReadIsForAdminsOnly_data();
    void everyOtherReadIsForAdminsOnly();
    void usersPagesAreTheDirectPagesPageByPage_data();
    void usersPagesAreTheDirectPagesPageByPage();
    void theUserCountIsTheDirectCount();
    void badParametersAreValidationProblemsNamingTheField_data();
    void badParametersAreValidationProblemsNamingTheField();
    void oneUserIsFoundByRowIdClerkIdOrEmail_data();
    void oneUserIsFoundByRowIdClerkIdOrEmail();
    void anUnknownUserIsNotFound();
    void grantsAuditOverviewAndSnapshotAreTheDirectAnswers();

private:
    QString m_db;
    ServerFixture m_server;
    std::unique_ptr<PgDataSource> m_direct;
    QByteArray m_admin;
};

void TestServerReads::initTestCase()
{
    QString error;
    if (!start(&error))
        QSKIP(qPrintable(error));
    m_db = freshDatabase(150);
    QVERIFY(!m_db.isEmpty());
    QVERIFY2(m_server.start(m_db, &error), qPrintable(error));
    m_direct = std::make_unique<PgDataSource>(m_cluster->connection(m_db));
    m_admin = m_server.tokenOf(5);
}

void TestServerReads::capabilitiesAnswerWithoutAToken()
{
    const HttpAnswer answer = m_server.get(QStringLiteral("/capabilities"), {});
    QCOMPARE(answer.status, 200);
    const auto capabilities = decoded<apijson::Capabilities>(answer);
    QCOMPARE(capabilities.apiVersion, apijson::apiVersion());
    QVERIFY(capabilities.server.startsWith(QLatin1String("rolecall-server ")));
    QCOMPARE(capabilities.schema.kind, SchemaKind::AkakoLms);
    QCOMPARE(capabilities.schema.roles, m_direct->detectSchema().result().roles);
    for (const char *name :
         {apijson::feature::users, apijson::feature::grants, apijson::feature::audit,
          apijson::feature::overview, apijson::feature::bulkGrant})
        QVERIFY2(capabilities.has(name), name);
}

void TestServerReads::meAnswersAnyoneSignedInAboutThemselves()
{
    const auto admin = decoded<AccountAccess>(m_server.get(QStringLiteral("/me"), m_admin));
    QVERIFY(admin.userFound);
    QCOMPARE(admin.user.clerkId, clerkIdOfSeedUser(5));
    QVERIFY(admin.canWrite());

    const HttpAnswer learnerAnswer = m_server.get(QStringLiteral("/me"), m_server.tokenOf(7));
    QCOMPARE(learnerAnswer.status, 200);
    const auto learner = decoded<AccountAccess>(learnerAnswer);
    QCOMPARE(learner.user.email, emailOfSeedUser(7));
    QCOMPARE(learner.activeRoles, QStringList{QStringLiteral("LEARNER")});
    QVERIFY(!learner.canWrite());

    QCOMPARE(m_server.get(QStringLiteral("/me"), {}).status, 401);
}

void TestServerReads::everyOtherReadIsForAdminsOnly_data()
{
    QTest::addColumn<QString>("path");
    for (const char *path : {"/users", "/users/count", "/users/user5@example.test", "/grants",
                             "/grants/expiring", "/audit", "/overview", "/sync/snapshot"})
        QTest::newRow(path) << QString::fromLatin1(path);
}

void TestServerReads::everyOtherReadIsForAdminsOnly()
{
    QFETCH(QString, path);
    QCOMPARE(m_server.get(path, m_admin).status, 200);
    const HttpAnswer learner = m_server.get(path, m_server.tokenOf(7));
    QCOMPARE(learner.status, 403);
    QCOMPARE(problemType(learner), typeUri(apijson::ProblemType::NotPermitted));
    QVERIFY(!learner.json().value(QLatin1String("reason")).toString().isEmpty());
    const HttpAnswer nobody = m_server.get(path, {});
    QCOMPARE(nobody.status, 401);
    QCOMPARE(problemType(nobody), typeUri(apijson::ProblemType::Unauthorized));
}

void TestServerReads::usersPagesAreTheDirectPagesPageByPage_data()
{
    QTest::addColumn<UserQuery>("query");
    UserQuery newest;
    newest.limit = 40;
    QTest::newRow("newest first") << newest;
    UserQuery byName = newest;
    byName.sortKey = UserSortKey::Name;
    byName.ascending = true;
    QTest::newRow("by name") << byName;
    UserQuery search = newest;
    search.search = QStringLiteral("user1");
    QTest::newRow("search") << search;
    UserQuery learners = newest;
    learners.role = QStringLiteral("LEARNER");
    learners.sortKey = UserSortKey::Email;
    QTest::newRow("role, by email") << learners;
    UserQuery none = newest;
    none.noRole = true;
    QTest::newRow("no role") << none;
}

void TestServerReads::usersPagesAreTheDirectPagesPageByPage()
{
    QFETCH(UserQuery, query);
    UserQuery direct = query;
    for (int page = 0; page < 10; ++page) {
        const HttpAnswer answer =
            m_server.get(withQuery(QStringLiteral("/users"), apijson::toUrlQuery(query)), m_admin);
        QCOMPARE(answer.status, 200);
        const auto viaApi = decoded<UserPage>(answer);
        const UserPage expected = m_direct->fetchUsers(direct).result();
        QCOMPARE(orderedIds(viaApi.users), orderedIds(expected.users));
        QCOMPARE(viaApi.atEnd, expected.atEnd);
        for (qsizetype i = 0; i < expected.users.size(); ++i)
            QCOMPARE(viaApi.users.at(i).activeRoles, expected.users.at(i).activeRoles);
        if (expected.atEnd || expected.users.isEmpty())
            return;
        // The next page from the API's own cursor and from the direct one.
        query.afterId = viaApi.users.constLast().id;
        query.afterKey = viaApi.lastKey;
        query.afterCreatedAt = viaApi.users.constLast().createdAt;
        direct.afterId = expected.users.constLast().id;
        direct.afterKey = expected.lastKey;
        direct.afterCreatedAt = expected.users.constLast().createdAt;
    }
}

void TestServerReads::theUserCountIsTheDirectCount()
{
    UserQuery query;
    query.role = QStringLiteral("LEARNER");
    const HttpAnswer answer = m_server.get(
        withQuery(QStringLiteral("/users/count"), apijson::toUrlQuery(query)), m_admin);
    QCOMPARE(answer.status, 200);
    qint64 count = -1;
    QString error;
    QVERIFY2(apijson::fromJson(answer.json(), &count, &error), qPrintable(error));
    QCOMPARE(count, m_direct->countUsers(query).result());
    QVERIFY(count > 0);
}

void TestServerReads::badParametersAreValidationProblemsNamingTheField_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("field");
    QTest::newRow("limit 0") << QStringLiteral("/users?limit=0") << QStringLiteral("limit");
    QTest::newRow("sort") << QStringLiteral("/users?sort=age") << QStringLiteral("sort");
    QTest::newRow("cursor") << QStringLiteral("/users?after=nonsense") << QStringLiteral("after");
    QTest::newRow("state") << QStringLiteral("/grants?state=maybe") << QStringLiteral("state");
    QTest::newRow("since") << QStringLiteral("/audit?since=yesterday") << QStringLiteral("since");
    QTest::newRow("days") << QStringLiteral("/grants/expiring?days=-1") << QStringLiteral("days");
}

void TestServerReads::badParametersAreValidationProblemsNamingTheField()
{
    QFETCH(QString, path);
    QFETCH(QString, field);
    const HttpAnswer answer = m_server.get(path, m_admin);
    QCOMPARE(answer.status, 422);
    QCOMPARE(answer.headers.value("content-type"), QByteArray("application/problem+json"));
    apijson::Problem problem;
    QString error;
    QVERIFY2(apijson::fromJson(answer.json(), &problem, &error), qPrintable(error));
    QCOMPARE(problem.type, typeUri(apijson::ProblemType::Validation));
    QVERIFY2(!problem.errors.isEmpty(), answer.body.constData());
    QVERIFY2(problem.errors.first().field.startsWith(field), answer.body.constData());
}

void TestServerReads::oneUserIsFoundByRowIdClerkIdOrEmail_data()
{
    QTest::addColumn<QString>("ref");
    const User user = m_direct->fetchAccount(clerkIdOfSeedUser(101)).result().user;
    QTest::newRow("row id") << user.id;
    QTest::newRow("Clerk ID") << clerkIdOfSeedUser(101);
    QTest::newRow("email, other case") << emailOfSeedUser(101).toUpper();
}

void TestServerReads::oneUserIsFoundByRowIdClerkIdOrEmail()
{
    QFETCH(QString, ref);
    const HttpAnswer answer = m_server.get(
        QStringLiteral("/users/") + QString::fromLatin1(QUrl::toPercentEncoding(ref)), m_admin);
    QCOMPARE(answer.status, 200);
    User user;
    QList<GrantView> grants;
    QString error;
    QVERIFY2(apijson::fromJson(answer.json(), &user, &grants, &error), qPrintable(error));
    QCOMPARE(user.email, emailOfSeedUser(101));
    // Seed user 101: an active LEARNER and an ended MENTOR.
    QCOMPARE(idsOfViews(grants),
             idsOfViews(m_direct->fetchGrants(clerkIdOfSeedUser(101), {}).result()));
    QCOMPARE(grants.size(), 2);
}

void TestServerReads::anUnknownUserIsNotFound()
{
    const HttpAnswer answer = m_server.get(QStringLiteral("/users/nobody%40example.test"), m_admin);
    QCOMPARE(answer.status, 404);
    QCOMPARE(problemType(answer), typeUri(apijson::ProblemType::NotFound));
}

void TestServerReads::grantsAuditOverviewAndSnapshotAreTheDirectAnswers()
{
    GrantListQuery grantQuery;
    grantQuery.limit = 30;
    grantQuery.state = GrantFilterState::Active;
    const auto grantPage = decoded<GrantPage>(m_server.get(
        withQuery(QStringLiteral("/grants"), apijson::toUrlQuery(grantQuery)), m_admin));
    const GrantPage directGrants = m_direct->fetchGrantPage(grantQuery).result();
    QCOMPARE(idsOfViews(grantPage.grants), idsOfViews(directGrants.grants));
    QCOMPARE(grantPage.atEnd, directGrants.atEnd);

    QList<GrantView> expiring;
    QString error;
    QVERIFY2(
        apijson::fromJson(m_server.get(QStringLiteral("/grants/expiring?days=30"), m_admin).json(),
                          &expiring, &error),
        qPrintable(error));
    QCOMPARE(idsOfViews(expiring), idsOfViews(m_direct->fetchExpiring(30).result()));

    AuditQuery auditQuery;
    auditQuery.limit = 25;
    auditQuery.role = QStringLiteral("MENTOR");
    const auto auditPage = decoded<AuditPage>(m_server.get(
        withQuery(QStringLiteral("/audit"), apijson::toUrlQuery(auditQuery)), m_admin));
    const AuditPage directAudit = m_direct->fetchAudit(auditQuery).result();
    QCOMPARE(idsOf(auditPage.events), idsOf(directAudit.events));
    QVERIFY(!auditPage.events.isEmpty());

    const auto overview =
        decoded<OverviewFigures>(m_server.get(QStringLiteral("/overview"), m_admin));
    const OverviewFigures directOverview = m_direct->fetchOverview().result();
    QCOMPARE(overview.users, directOverview.users);
    QCOMPARE(overview.usersWithoutRole, directOverview.usersWithoutRole);
    QCOMPARE(overview.months, directOverview.months);
    QCOMPARE(overview.series.size(), directOverview.series.size());

    const auto snapshot =
        decoded<SyncDbSnapshot>(m_server.get(QStringLiteral("/sync/snapshot"), m_admin));
    QCOMPARE(snapshot.users.size(), 150);
}

QTEST_GUILESS_MAIN(TestServerReads)
#include "tst_serverreads.moc"
