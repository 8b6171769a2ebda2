// rolecall-server's writes on a real PostgreSQL: the actor is the token's
// subject, every write needs an Idempotency-Key and happens once per key,
// If-Match guards against stale views, and the role writer's refusals come
// back as the contract's problems.
#include "api/apijson.h"
#include "domain/utctime.h"
#include "pg/pgdatasource.h"
#include "support/pgtestcluster.h"
#include "support/rolefixtures.h"
#include "support/serverfixture.h"
#include "support/testdata.h"

#include <QJsonDocument>
#include <QTest>

using namespace rolecall;
using namespace rolecall::testing;

namespace {

QByteArray bodyOf(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QString problemType(const HttpAnswer &answer)
{
    return answer.json().value(QLatin1String("type")).toString();
}

QString typeUri(apijson::ProblemType type)
{
    return apijson::problemTypeUri(type);
}

RoleGrant grantIn(const HttpAnswer &answer)
{
    RoleGrant grant;
    QString error;
    if (!apijson::fromJson(answer.json(), &grant, &error))
        qWarning("not a grant: %s (%s)", answer.body.constData(), qPrintable(error));
    return grant;
}

} // namespace

class TestServerWrites : public QObject, private RoleWriterDatabases
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void aGrantIsWrittenOnceWithTheTokensActorAndAnETag();
    void theSameKeyAndBodyAnswerAgainWithoutWritingTwice();
    void theSameKeyWithAnotherBodyIsRefused();
    void aWriteWithoutAKeyIsRefused();
    void aNonAdminIsRefusedWhateverTheBodySays();
    void anInvalidBodyIsAValidationProblemNamingTheField();
    void endingWithAStaleETagIsRefusedAndWithTheCurrentOneEnds();
    void endingOnesOwnAdminGrantNeedsConfirmation();
    void endingTheLastAdminGrantIsRefused();
    void aBulkGrantIsPlannedByADryRunThenApplied();

private:
    int grantsOf(int user, const QString &role);
    HttpAnswer grant(int user, const QString &role, const QByteArray &key,
                     const QByteArray &token = {});

    QString m_db;
    ServerFixture m_server;
    std::unique_ptr<PgDataSource> m_direct;
    QByteArray m_admin;
};

void TestServerWrites::initTestCase()
{
    QString error;
    if (!start(&error))
        QSKIP(qPrintable(error));
    m_db = freshDatabase(60);
    QVERIFY(!m_db.isEmpty());
    QVERIFY2(m_server.start(m_db, &error), qPrintable(error));
    m_direct = std::make_unique<PgDataSource>(m_cluster->connection(m_db));
    m_admin = m_server.tokenOf(5);
}

int TestServerWrites::grantsOf(int user, const QString &role)
{
    return scalar(m_db, QStringLiteral(R"(SELECT count(*) FROM "UserRole" r JOIN "User" u
                                    ON u."id" = r."userId" WHERE u."email" = ? AND r."role" = ?)"),
                  {emailOfSeedUser(user), role})
        .toInt();
}

HttpAnswer TestServerWrites::grant(int user, const QString &role, const QByteArray &key,
                                   const QByteArray &token)
{
    return m_server.post(
        QStringLiteral("/grants"),
        bodyOf(apijson::toJson(grantOf(user, role, QStringLiteral("server test")))),
        token.isEmpty() ? m_admin : token, key);
}

void TestServerWrites::aGrantIsWrittenOnceWithTheTokensActorAndAnETag()
{
    const HttpAnswer answer = grant(12, QStringLiteral("MENTOR"), "grant-12-mentor");
    QCOMPARE(answer.status, 201);
    const RoleGrant written = grantIn(answer);
    QCOMPARE(written.role, QStringLiteral("MENTOR"));
    QCOMPARE(written.assignedBy, clerkIdOfSeedUser(5));
    QCOMPARE(answer.headers.value("etag"), '"' + isoUtc(written.updatedAt).toLatin1() + '"');
    QCOMPARE(grantsOf(12, QStringLiteral("MENTOR")), 1);
}

void TestServerWrites::theSameKeyAndBodyAnswerAgainWithoutWritingTwice()
{
    const HttpAnswer first = grant(16, QStringLiteral("MENTOR"), "grant-16-mentor");
    QCOMPARE(first.status, 201);
    const QString before = checksum(m_db);
    const HttpAnswer again = grant(16, QStringLiteral("MENTOR"), "grant-16-mentor");
    QCOMPARE(again.status, 201);
    QCOMPARE(again.body, first.body);
    QCOMPARE(again.headers.value("etag"), first.headers.value("etag"));
    QCOMPARE(checksum(m_db), before);
    QCOMPARE(grantsOf(16, QStringLiteral("MENTOR")), 1);
}

void TestServerWrites::theSameKeyWithAnotherBodyIsRefused()
{
    QCOMPARE(grant(17, QStringLiteral("MENTOR"), "grant-17").status, 201);
    const HttpAnswer other = grant(18, QStringLiteral("MENTOR"), "grant-17");
    QCOMPARE(other.status, 422);
    QCOMPARE(problemType(other), typeUri(apijson::ProblemType::IdempotencyKeyReused));
    QCOMPARE(grantsOf(18, QStringLiteral("MENTOR")), 0);
}

void TestServerWrites::aWriteWithoutAKeyIsRefused()
{
    const HttpAnswer answer = grant(19, QStringLiteral("MENTOR"), {});
    QCOMPARE(answer.status, 422);
    QCOMPARE(problemType(answer), typeUri(apijson::ProblemType::Validation));
    QCOMPARE(grantsOf(19, QStringLiteral("MENTOR")), 0);
}

void TestServerWrites::aNonAdminIsRefusedWhateverTheBodySays()
{
    const QString before = checksum(m_db);
    QJsonObject body = apijson::toJson(grantOf(7, QStringLiteral("ADMIN")));
    // The actor comes from the token; fields claiming otherwise change nothing.
    body.insert(QStringLiteral("assignedBy"), clerkIdOfSeedUser(5));
    body.insert(QStringLiteral("actor"), clerkIdOfSeedUser(5));
    const HttpAnswer answer =
        m_server.post(QStringLiteral("/grants"), bodyOf(body), m_server.tokenOf(7), "self-promo");
    QCOMPARE(answer.status, 403);
    QCOMPARE(problemType(answer), typeUri(apijson::ProblemType::NotPermitted));
    QCOMPARE(checksum(m_db), before);
}

void TestServerWrites::anInvalidBodyIsAValidationProblemNamingTheField()
{
    QJsonObject body = apijson::toJson(grantOf(20, QStringLiteral("MENTOR")));
    body.remove(QStringLiteral("reason"));
    HttpAnswer answer =
        m_server.post(QStringLiteral("/grants"), bodyOf(body), m_admin, "no-reason");
    QCOMPARE(answer.status, 422);
    apijson::Problem problem;
    QString error;
    QVERIFY2(apijson::fromJson(answer.json(), &problem, &error), qPrintable(error));
    QCOMPARE(problem.errors.value(0).field, QStringLiteral("reason"));

    answer = m_server.post(QStringLiteral("/grants"), "not json", m_admin, "not-json");
    QCOMPARE(answer.status, 422);
    answer = grant(20, QStringLiteral("WIZARD"), "wizard");
    QCOMPARE(answer.status, 422);
    QCOMPARE(problemType(answer), typeUri(apijson::ProblemType::Validation));
    QCOMPARE(grantsOf(20, QStringLiteral("MENTOR")), 0);
}

void TestServerWrites::endingWithAStaleETagIsRefusedAndWithTheCurrentOneEnds()
{
    const HttpAnswer granted = grant(13, QStringLiteral("MENTOR"), "grant-13");
    QCOMPARE(granted.status, 201);
    const RoleGrant written = grantIn(granted);
    EndRequest end;
    end.reason = QStringLiteral("server test");
    const QByteArray body = bodyOf(apijson::toJson(end));
    const QString path = QStringLiteral("/grants/%1/end").arg(written.id);

    const QByteArray stale = '"' + isoUtc(written.updatedAt.addSecs(-60)).toLatin1() + '"';
    const HttpAnswer refused =
        m_server.post(path, body, m_admin, "end-13-stale", {{"If-Match", stale}});
    QCOMPARE(refused.status, 412);
    QCOMPARE(problemType(refused), typeUri(apijson::ProblemType::Stale));

    const HttpAnswer ended =
        m_server.post(path, body, m_admin, "end-13", {{"If-Match", granted.headers.value("etag")}});
    QCOMPARE(ended.status, 200);
    const RoleGrant after = grantIn(ended);
    QVERIFY(after.effectiveEnd.isValid());
    QCOMPARE(ended.headers.value("etag"), '"' + isoUtc(after.updatedAt).toLatin1() + '"');
}

void TestServerWrites::endingOnesOwnAdminGrantNeedsConfirmation()
{
    const HttpAnswer granted = grant(14, QStringLiteral("ADMIN"), "grant-14-admin");
    QCOMPARE(granted.status, 201);
    const QString path = QStringLiteral("/grants/%1/end").arg(grantIn(granted).id);
    const QByteArray token14 = m_server.tokenOf(14);
    EndRequest end;
    end.reason = QStringLiteral("stepping down");
    HttpAnswer answer = m_server.post(path, bodyOf(apijson::toJson(end)), token14, "down-1");
    QCOMPARE(answer.status, 409);
    QCOMPARE(problemType(answer), typeUri(apijson::ProblemType::SelfDemotion));
    end.confirmSelfDemotion = true;
    answer = m_server.post(path, bodyOf(apijson::toJson(end)), token14, "down-2");
    QCOMPARE(answer.status, 200);
    QCOMPARE(grantIn(answer).assignedBy, clerkIdOfSeedUser(5)); // who granted it stays
}

void TestServerWrites::endingTheLastAdminGrantIsRefused()
{
    const QList<GrantView> grants = m_direct->fetchGrants(clerkIdOfSeedUser(5), {}).result();
    QString adminGrant;
    for (const GrantView &view : grants) {
        if (view.grant.role == QLatin1String("ADMIN") && view.state == GrantState::Active)
            adminGrant = view.grant.id;
    }
    QVERIFY(!adminGrant.isEmpty());
    EndRequest end;
    end.reason = QStringLiteral("leaving");
    end.confirmSelfDemotion = true;
    const HttpAnswer answer = m_server.post(QStringLiteral("/grants/%1/end").arg(adminGrant),
                                            bodyOf(apijson::toJson(end)), m_admin, "last-admin");
    QCOMPARE(answer.status, 422);
    QVERIFY2(answer.json()
                 .value(QLatin1String("detail"))
                 .toString()
                 .contains(QLatin1String("last active ADMIN")),
             answer.body.constData());
    QVERIFY(m_direct->fetchAccount(clerkIdOfSeedUser(5)).result().canWrite());
}

void TestServerWrites::aBulkGrantIsPlannedByADryRunThenApplied()
{
    BulkGrantRequest bulk;
    bulk.role = QStringLiteral("MENTOR");
    bulk.reason = QStringLiteral("cohort");
    bulk.users = {emailOfSeedUser(30), emailOfSeedUser(31), emailOfSeedUser(12),
                  QStringLiteral("nobody@example.test")};
    const QString before = checksum(m_db);
    const HttpAnswer planned = m_server.post(
        QStringLiteral("/grants/bulk"), bodyOf(apijson::toJson(bulk, true)), m_admin, "bulk-plan");
    QCOMPARE(planned.status, 200);
    BulkPlan plan;
    QString error;
    QVERIFY2(apijson::fromJson(planned.json(), &plan, &error), qPrintable(error));
    QCOMPARE(plan.willChange.size(), 2);
    QCOMPARE(plan.alreadyHave.size(), 1); // user 12 got MENTOR above
    QCOMPARE(plan.unknown, QStringList{QStringLiteral("nobody@example.test")});
    QCOMPARE(checksum(m_db), before);

    bulk.users.removeLast();
    const HttpAnswer applied =
        m_server.post(QStringLiteral("/grants/bulk"), bodyOf(apijson::toJson(bulk, false)), m_admin,
                      "bulk-apply");
    QCOMPARE(applied.status, 200);
    QList<RoleGrant> written;
    QVERIFY2(apijson::fromJson(applied.json(), &written, &error), qPrintable(error));
    QCOMPARE(written.size(), 2);
    QCOMPARE(grantsOf(30, QStringLiteral("MENTOR")), 1);
    QCOMPARE(grantsOf(31, QStringLiteral("MENTOR")), 1);
}

QTEST_GUILESS_MAIN(TestServerWrites)
#include "tst_serverwrites.moc"
