// rolecall-server's sync routes: the comparison with Clerk run on the server
// (the fake Clerk API), actions checked against it with Clerk's data as the
// server read it, and 501 when the server holds no Clerk key.
#include "api/apijson.h"
#include "pg/pgdatasource.h"
#include "support/fakeclerkapi.h"
#include "support/pgtestcluster.h"
#include "support/rolefixtures.h"
#include "support/serverfixture.h"
#include "support/testdata.h"

#include <QJsonDocument>
#include <QTest>

using namespace rolecall;
using namespace rolecall::testing;

namespace {

const QByteArray secret = QByteArrayLiteral("sk_test_serversync");

QByteArray bodyOf(const SyncAction &action, bool dryRun)
{
    return QJsonDocument(apijson::toJson(action, dryRun)).toJson(QJsonDocument::Compact);
}

QString problemType(const HttpAnswer &answer)
{
    return answer.json().value(QLatin1String("type")).toString();
}

SyncStatus statusOf(const apijson::SyncStatusReport &report, int seedUser)
{
    for (const SyncRecord &record : report.rows) {
        if (record.clerkId == clerkIdOfSeedUser(seedUser))
            return record.status;
    }
    return SyncStatus::InSync;
}

} // namespace

class TestServerSync : public QObject, private RoleWriterDatabases
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void withoutAClerkKeyStatusAndActionsAreUnsupported();
    void theServerComparesWithClerk();
    void onlyAnAdminSeesOrFixesSync_data();
    void onlyAnAdminSeesOrFixesSync();
    void aMissingUserIsSyncedWithClerksDataNotTheRequests();
    void anActionThatDoesNotApplyIsAConflict();
    void anUnknownPersonIsNotFound();
    void withoutRolesOnlyClerkAdminsUseTheServer();

private:
    SyncAction syncOf(int seedUser) const;

    QString m_db;
    FakeClerkApi m_clerk;
    ServerFixture m_server;
    QByteArray m_admin;
};

void TestServerSync::initTestCase()
{
    QString error;
    if (!RoleWriterDatabases::start(&error))
        QSKIP(qPrintable(error));
    m_db = freshDatabase(20);
    QVERIFY(!m_db.isEmpty());
    // Clerk: 1..18 and 21..22; 3's email changed; 19 and 20 gone.
    QList<FakeClerkUser> users = FakeClerkApi::seedUsers(1, 18) + FakeClerkApi::seedUsers(21, 22);
    users[2].emails = {QStringLiteral("three@example.test")};
    m_clerk.setUsers(users);
    m_clerk.setSecretKey(secret);
    QVERIFY(m_clerk.start());
    QVERIFY2(m_server.start(m_db, &error,
                            [this](server::ServerOptions &o) {
                                o.clerkSecretKey = secret;
                                o.clerkApiUrl = QUrl(m_clerk.baseUrl());
                            }),
             qPrintable(error));
    m_admin = m_server.tokenOf(5);
}

SyncAction TestServerSync::syncOf(int seedUser) const
{
    SyncAction action;
    action.kind = SyncAction::Kind::Sync;
    action.clerkId = clerkIdOfSeedUser(seedUser);
    return action;
}

void TestServerSync::withoutAClerkKeyStatusAndActionsAreUnsupported()
{
    ServerFixture keyless;
    QString error;
    QVERIFY2(keyless.start(m_db, &error), qPrintable(error));
    const QByteArray token = keyless.tokenOf(5);
    const HttpAnswer status = keyless.get(QStringLiteral("/sync/status"), token);
    QCOMPARE(status.status, 501);
    QCOMPARE(problemType(status), apijson::problemTypeUri(apijson::ProblemType::Unsupported));
    const HttpAnswer action =
        keyless.post(QStringLiteral("/sync/actions"), bodyOf(syncOf(21), true), token, "k1");
    QCOMPARE(action.status, 501);
    // The snapshot is the database alone: served without the key.
    QCOMPARE(keyless.get(QStringLiteral("/sync/snapshot"), token).status, 200);
    apijson::Capabilities capabilities;
    QVERIFY(apijson::fromJson(keyless.get(QStringLiteral("/capabilities"), {}).json(),
                              &capabilities, &error));
    QVERIFY(!capabilities.has(apijson::feature::syncStatus));
    QVERIFY(apijson::fromJson(m_server.get(QStringLiteral("/capabilities"), {}).json(),
                              &capabilities, &error));
    QVERIFY(capabilities.has(apijson::feature::syncStatus));
    QVERIFY(capabilities.has(apijson::feature::sync));
}

void TestServerSync::theServerComparesWithClerk()
{
    const HttpAnswer answer = m_server.get(QStringLiteral("/sync/status"), m_admin);
    QCOMPARE(answer.status, 200);
    apijson::SyncStatusReport report;
    QString error;
    QVERIFY2(apijson::fromJson(answer.json(), &report, &error), qPrintable(error));
    QVERIFY2(report.complete, qPrintable(report.problems.join(QLatin1Char(' '))));
    QCOMPARE(report.rows.size(), 22);
    QCOMPARE(statusOf(report, 1), SyncStatus::InSync);
    QCOMPARE(statusOf(report, 3), SyncStatus::Drifted);
    QCOMPARE(statusOf(report, 10), SyncStatus::NoDefaultRole);
    QCOMPARE(statusOf(report, 19), SyncStatus::Orphaned);
    QCOMPARE(statusOf(report, 21), SyncStatus::MissingInDatabase);
}

void TestServerSync::onlyAnAdminSeesOrFixesSync_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("status") << QStringLiteral("/sync/status");
    QTest::newRow("snapshot") << QStringLiteral("/sync/snapshot");
    QTest::newRow("actions") << QStringLiteral("/sync/actions");
}

void TestServerSync::onlyAnAdminSeesOrFixesSync()
{
    QFETCH(QString, path);
    const QByteArray learner = m_server.tokenOf(7);
    const HttpAnswer answer = path.endsWith(QLatin1String("actions"))
                                  ? m_server.post(path, bodyOf(syncOf(21), false), learner, "l-1")
                                  : m_server.get(path, learner);
    QCOMPARE(answer.status, 403);
    QCOMPARE(problemType(answer), apijson::problemTypeUri(apijson::ProblemType::NotPermitted));
    QCOMPARE(scalar(m_db, QStringLiteral(R"(SELECT count(*) FROM "User" WHERE "clerkId" = ?)"),
                    {clerkIdOfSeedUser(21)})
                 .toInt(),
             0);
}

void TestServerSync::aMissingUserIsSyncedWithClerksDataNotTheRequests()
{
    SyncAction action = syncOf(21);
    ClerkUser forged;
    forged.id = action.clerkId;
    forged.primaryEmail = QStringLiteral("forged@example.test");
    action.clerk = forged;
    const QString count = QStringLiteral(R"(SELECT count(*) FROM "User" WHERE "clerkId" = ?)");

    HttpAnswer answer =
        m_server.post(QStringLiteral("/sync/actions"), bodyOf(action, true), m_admin, "s21-dry");
    QCOMPARE(answer.status, 200);
    SyncActionResult result;
    QString error;
    QVERIFY2(apijson::fromJson(answer.json(), &result, &error), qPrintable(error));
    QVERIFY(result.dryRun);
    QVERIFY(result.created);
    QCOMPARE(scalar(m_db, count, {action.clerkId}).toInt(), 0);

    answer = m_server.post(QStringLiteral("/sync/actions"), bodyOf(action, false), m_admin, "s21");
    QCOMPARE(answer.status, 200);
    QVERIFY2(apijson::fromJson(answer.json(), &result, &error), qPrintable(error));
    QVERIFY(result.changed);
    QCOMPARE(scalar(m_db, QStringLiteral(R"(SELECT "email" FROM "User" WHERE "clerkId" = ?)"),
                    {action.clerkId})
                 .toString(),
             emailOfSeedUser(21));
}

void TestServerSync::anActionThatDoesNotApplyIsAConflict()
{
    SyncAction endAll;
    endAll.kind = SyncAction::Kind::EndAllGrants;
    endAll.clerkId = clerkIdOfSeedUser(1); // in sync: not an orphan
    endAll.reason = QStringLiteral("test");
    const QString before = checksum(m_db);
    const HttpAnswer answer =
        m_server.post(QStringLiteral("/sync/actions"), bodyOf(endAll, false), m_admin, "end-1");
    QCOMPARE(answer.status, 409);
    QCOMPARE(problemType(answer), apijson::problemTypeUri(apijson::ProblemType::Conflict));
    QCOMPARE(checksum(m_db), before);
}

void TestServerSync::anUnknownPersonIsNotFound()
{
    SyncAction action = syncOf(21);
    action.clerkId = QStringLiteral("user_nobody");
    const HttpAnswer answer =
        m_server.post(QStringLiteral("/sync/actions"), bodyOf(action, true), m_admin, "nobody");
    QCOMPARE(answer.status, 404);
}

void TestServerSync::withoutRolesOnlyClerkAdminsUseTheServer()
{
    // SehatScan has no roles: an admin is a Clerk user whose
    // public_metadata.role is "admin", which only Clerk can say.
    QString error;
    const QString db = m_cluster->createDatabase(Fixture::SehatScan, &error);
    QVERIFY2(!db.isEmpty(), qPrintable(error));
    QVERIFY2(seedSehatScanUsers(*m_cluster, db, 20, &error), qPrintable(error));
    FakeClerkApi clerk;
    QList<FakeClerkUser> users = FakeClerkApi::seedUsers(1, 20);
    users[4].publicRole = QStringLiteral("admin"); // seed user 5
    clerk.setUsers(users);
    clerk.setSecretKey(secret);
    QVERIFY(clerk.start());
    ServerFixture withKey;
    QVERIFY2(withKey.start(db, &error,
                           [&clerk](server::ServerOptions &o) {
                               o.clerkSecretKey = secret;
                               o.clerkApiUrl = QUrl(clerk.baseUrl());
                           }),
             qPrintable(error));
    QCOMPARE(withKey.get(QStringLiteral("/users?limit=5"), withKey.tokenOf(5)).status, 200);
    HttpAnswer refused = withKey.get(QStringLiteral("/users?limit=5"), withKey.tokenOf(7));
    QCOMPARE(refused.status, 403);
    QVERIFY2(refused.json()
                 .value(QLatin1String("reason"))
                 .toString()
                 .contains(QLatin1String("Clerk admin")),
             refused.body.constData());
    // Roles themselves: schema-without-roles, in the words direct mode uses.
    const HttpAnswer grants = withKey.get(QStringLiteral("/grants"), withKey.tokenOf(5));
    QCOMPARE(grants.status, 409);
    QCOMPARE(problemType(grants),
             apijson::problemTypeUri(apijson::ProblemType::SchemaWithoutRoles));
    PgDataSource direct(m_cluster->connection(db));
    const QString directMessage = failureOf(direct.fetchGrantPage({})).message();
    QCOMPARE(grants.json().value(QLatin1String("detail")).toString(), directMessage);
    const HttpAnswer explained = withKey.get(
        QStringLiteral("/users/%1/access/MENTOR").arg(clerkIdOfSeedUser(5)), withKey.tokenOf(5));
    QCOMPARE(explained.status, 409);
    QCOMPARE(problemType(explained),
             apijson::problemTypeUri(apijson::ProblemType::SchemaWithoutRoles));
    QCOMPARE(apijson::errorFromResponse(explained.status, explained.body).message(), directMessage);

    ServerFixture keyless;
    QVERIFY2(keyless.start(db, &error), qPrintable(error));
    refused = keyless.get(QStringLiteral("/users?limit=5"), keyless.tokenOf(5));
    QCOMPARE(refused.status, 403);
    QVERIFY2(refused.json()
                 .value(QLatin1String("reason"))
                 .toString()
                 .contains(QLatin1String("Clerk secret key")),
             refused.body.constData());
}

QTEST_GUILESS_MAIN(TestServerSync)
#include "tst_serversync.moc"
