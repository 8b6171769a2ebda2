// rolecall-server keeps the published contract: every answer it gives to a
// call of each path, successes and problems alike, has a status the OpenAPI
// document lists for that operation and a body that validates against the
// document's schema (packaging/ci/validate-responses.cjs, ajv from
// build/tools; skipped, saying so, when packaging/install-tools.sh has not
// installed it).
#include "api/apijson.h"
#include "domain/utctime.h"
#include "support/fakeclerkapi.h"
#include "support/rolefixtures.h"
#include "support/serverfixture.h"
#include "support/testdata.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace rolecall;
using namespace rolecall::testing;

namespace {

const QByteArray secret = QByteArrayLiteral("sk_test_servercontract");

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

class TestServerContract : public QObject, private RoleWriterDatabases
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyAnswerIsInTheDocumentAndValidatesAgainstItsSchema();

private:
    // Makes the call and keeps the answer as a sample of `method template`.
    void sample(const char *method, const char *pathTemplate, const HttpAnswer &answer);

    QString m_db;
    FakeClerkApi m_clerk;
    ServerFixture m_server;
    QJsonArray m_samples;
    QSet<QString> m_seen; // "METHOD template status"
};

void TestServerContract::initTestCase()
{
    if (!QFile::exists(QStringLiteral(ROLECALL_TOOLS_DIR
                                      "/node_modules/@apidevtools/swagger-parser/package.json")) ||
        !QFile::exists(QStringLiteral(ROLECALL_NODE)))
        QSKIP("ajv is not installed: run packaging/install-tools.sh");
    QString error;
    if (!RoleWriterDatabases::start(&error))
        QSKIP(qPrintable(error));
    m_db = freshDatabase(30);
    QVERIFY(!m_db.isEmpty());
    m_clerk.setUsers(FakeClerkApi::seedUsers(1, 25));
    m_clerk.setSecretKey(secret);
    QVERIFY(m_clerk.start());
    QVERIFY2(m_server.start(m_db, &error,
                            [this](server::ServerOptions &o) {
                                o.clerkSecretKey = secret;
                                o.clerkApiUrl = QUrl(m_clerk.baseUrl());
                            }),
             qPrintable(error));
}

void TestServerContract::sample(const char *method, const char *pathTemplate,
                                const HttpAnswer &answer)
{
    QVERIFY2(answer.status != 0, qPrintable(answer.error));
    QByteArray type = answer.headers.value("content-type");
    type = type.left(type.indexOf(';') < 0 ? type.size() : type.indexOf(';')).trimmed();
    m_samples.append(QJsonObject{{QStringLiteral("method"), QLatin1String(method)},
                                 {QStringLiteral("path"), QLatin1String(pathTemplate)},
                                 {QStringLiteral("status"), answer.status},
                                 {QStringLiteral("contentType"), QString::fromLatin1(type)},
                                 {QStringLiteral("body"), answer.json()}});
    m_seen.insert(QStringLiteral("%1 %2 %3")
                      .arg(QLatin1String(method), QLatin1String(pathTemplate))
                      .arg(answer.status));
}

void TestServerContract::everyAnswerIsInTheDocumentAndValidatesAgainstItsSchema()
{
    const QByteArray admin = m_server.tokenOf(5);
    const QByteArray learner = m_server.tokenOf(7);
    const auto get = [this](const QString &path, const QByteArray &token) {
        return m_server.get(path, token);
    };

    sample("GET", "/capabilities", get(QStringLiteral("/capabilities"), {}));
    sample("GET", "/me", get(QStringLiteral("/me"), learner));
    sample("GET", "/me", get(QStringLiteral("/me"), {}));
    sample("GET", "/users", get(QStringLiteral("/users?limit=5&sort=name&order=asc"), admin));
    sample("GET", "/users", get(QStringLiteral("/users?limit=0"), admin));
    sample("GET", "/users", get(QStringLiteral("/users"), learner));
    sample("GET", "/users", get(QStringLiteral("/users"), {}));
    QVERIFY(m_server.armFault(R"({"fault":"rate-limited","retryAfter":3,"path":"/users"})"));
    sample("GET", "/users", get(QStringLiteral("/users"), admin));
    sample("GET", "/users/count", get(QStringLiteral("/users/count?role=LEARNER"), admin));
    sample("GET", "/users/{ref}", get(QStringLiteral("/users/user9%40example.test"), admin));
    sample("GET", "/users/{ref}", get(QStringLiteral("/users/nobody"), admin));
    const QString access = QStringLiteral("/users/%1/access/%2");
    sample("GET", "/users/{ref}/access/{role}",
           get(access.arg(clerkIdOfSeedUser(5), QStringLiteral("ADMIN")), admin));
    sample("GET", "/users/{ref}/access/{role}",
           get(access.arg(clerkIdOfSeedUser(1), QStringLiteral("MENTOR")) +
                   QStringLiteral("?asOf=2024-07-01T00:00:00Z"),
               admin));
    sample("GET", "/users/{ref}/access/{role}",
           get(access.arg(QStringLiteral("nobody"), QStringLiteral("MENTOR")), admin));
    sample("GET", "/users/{ref}/access/{role}",
           get(access.arg(clerkIdOfSeedUser(1), QStringLiteral("PILOT")), admin));
    sample("GET", "/grants", get(QStringLiteral("/grants?limit=3&state=active"), admin));
    sample("GET", "/grants", get(QStringLiteral("/grants?state=sideways"), admin));
    sample("GET", "/grants/expiring", get(QStringLiteral("/grants/expiring?days=30"), admin));
    sample("GET", "/audit", get(QStringLiteral("/audit?limit=4"), admin));
    sample("GET", "/overview", get(QStringLiteral("/overview"), admin));
    sample("GET", "/sync/snapshot", get(QStringLiteral("/sync/snapshot"), admin));
    sample("GET", "/sync/snapshot", get(QStringLiteral("/sync/snapshot"), learner));
    sample("GET", "/sync/status", get(QStringLiteral("/sync/status"), admin));

    const QByteArray grant =
        compact(apijson::toJson(grantOf(11, QStringLiteral("MENTOR"), QStringLiteral("c"))));
    const HttpAnswer granted = m_server.post(QStringLiteral("/grants"), grant, admin, "c-1");
    sample("POST", "/grants", granted);
    sample("POST", "/grants", m_server.post(QStringLiteral("/grants"), grant, learner, "c-2"));
    sample("POST", "/grants", m_server.post(QStringLiteral("/grants"), "[]", admin, "c-3"));
    sample(
        "POST", "/grants",
        m_server.post(QStringLiteral("/grants"), QByteArray(2 * 1024 * 1024, ' '), admin, "c-4"));

    RoleGrant written;
    QString error;
    QVERIFY2(apijson::fromJson(granted.json(), &written, &error), qPrintable(error));
    EndRequest end;
    end.reason = QStringLiteral("contract");
    const QString endPath = QStringLiteral("/grants/%1/end").arg(written.id);
    const QByteArray stale = '"' + isoUtc(written.updatedAt.addSecs(-5)).toLatin1() + '"';
    sample(
        "POST", "/grants/{id}/end",
        m_server.post(endPath, compact(apijson::toJson(end)), admin, "e-1", {{"If-Match", stale}}));
    sample("POST", "/grants/{id}/end",
           m_server.post(QStringLiteral("/grants/nosuchgrant/end"), compact(apijson::toJson(end)),
                         admin, "e-2"));
    sample("POST", "/grants/{id}/end",
           m_server.post(endPath, compact(apijson::toJson(end)), admin, "e-3",
                         {{"If-Match", granted.headers.value("etag")}}));

    BulkGrantRequest bulk;
    bulk.role = QStringLiteral("MENTOR");
    bulk.reason = QStringLiteral("contract");
    bulk.users = {emailOfSeedUser(12), emailOfSeedUser(13), QStringLiteral("x@example.test")};
    sample("POST", "/grants/bulk",
           m_server.post(QStringLiteral("/grants/bulk"), compact(apijson::toJson(bulk, true)),
                         admin, "b-1"));
    bulk.users.removeLast();
    sample("POST", "/grants/bulk",
           m_server.post(QStringLiteral("/grants/bulk"), compact(apijson::toJson(bulk, false)),
                         admin, "b-2"));
    sample("POST", "/grants/bulk",
           m_server.post(QStringLiteral("/grants/bulk"), compact(apijson::toJson(bulk, true)),
                         admin, "b-1")); // the same key, another body

    SyncAction action;
    action.kind = SyncAction::Kind::Sync;
    action.clerkId = clerkIdOfSeedUser(24); // in Clerk only
    sample("POST", "/sync/actions",
           m_server.post(QStringLiteral("/sync/actions"), compact(apijson::toJson(action, true)),
                         admin, "s-1"));
    action.kind = SyncAction::Kind::EndAllGrants;
    action.reason = QStringLiteral("contract");
    sample("POST", "/sync/actions",
           m_server.post(QStringLiteral("/sync/actions"), compact(apijson::toJson(action, false)),
                         admin, "s-2"));

    // The statuses this run must have produced, so the check cannot pass by
    // sampling only the easy answers.
    for (const char *expected :
         {"GET /users 200", "GET /users 401", "GET /users 403", "GET /users 422", "GET /users 429",
          "GET /users/{ref} 404", "GET /users/{ref}/access/{role} 200",
          "GET /users/{ref}/access/{role} 404", "GET /users/{ref}/access/{role} 422",
          "POST /grants 201", "POST /grants 403", "POST /grants 413", "POST /grants 422",
          "POST /grants/{id}/end 412", "POST /grants/{id}/end 200", "POST /grants/bulk 200",
          "POST /sync/actions 409", "GET /sync/status 200"})
        QVERIFY2(m_seen.contains(QLatin1String(expected)), expected);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile samples(dir.filePath(QStringLiteral("samples.json")));
    QVERIFY(samples.open(QIODevice::WriteOnly));
    samples.write(QJsonDocument(m_samples).toJson());
    samples.close();
    QProcess node;
    node.setProcessChannelMode(QProcess::MergedChannels);
    node.start(QStringLiteral(ROLECALL_NODE),
               {QStringLiteral(ROLECALL_SOURCE_DIR "/packaging/ci/validate-responses.cjs"),
                QStringLiteral(ROLECALL_TOOLS_DIR),
                QStringLiteral(ROLECALL_SOURCE_DIR "/resources/api/rolecall-admin-api.yaml"),
                samples.fileName()});
    QVERIFY(node.waitForFinished(120000));
    const QString output = QString::fromUtf8(node.readAll());
    QVERIFY2(node.exitCode() == 0, qPrintable(output));
    qInfo("%s", qPrintable(output.trimmed()));
}

QTEST_GUILESS_MAIN(TestServerContract)
#include "tst_servercontract.moc"
