// rolecall-server's small parts: problems per error kind, the access-log
// line, the fault switches.
#include "server/accesslog.h"
#include "server/faultswitches.h"
#include "server/problem.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace rolecall;
using namespace rolecall::server;

class TestServerParts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyErrorKindHasAStableProblem_data();
    void everyErrorKindHasAStableProblem();
    void aValidationProblemNamesItsField();
    void anAccessLogLineIsOneJsonObjectWithoutTheQuery();
    void faultsAreTakenPerPathAndCount();
    void badFaultRequestsAreRefused_data();
    void badFaultRequestsAreRefused();
};

void TestServerParts::everyErrorKindHasAStableProblem_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<bool>("ifMatch");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("slug");
    using Kind = DataSourceError::Kind;
    QTest::newRow("connection") << int(Kind::Connection) << false << 503 << "connection";
    QTest::newRow("query") << int(Kind::Query) << false << 500 << "query";
    QTest::newRow("schema") << int(Kind::Schema) << false << 409 << "schema";
    QTest::newRow("validation") << int(Kind::Validation) << false << 422 << "validation";
    QTest::newRow("conflict") << int(Kind::Conflict) << false << 409 << "conflict";
    QTest::newRow("conflict under If-Match") << int(Kind::Conflict) << true << 412 << "stale";
    QTest::newRow("not permitted") << int(Kind::NotPermitted) << false << 403 << "not-permitted";
    QTest::newRow("self-demotion") << int(Kind::SelfDemotion) << false << 409 << "self-demotion";
}

void TestServerParts::everyErrorKindHasAStableProblem()
{
    QFETCH(int, kind);
    QFETCH(bool, ifMatch);
    QFETCH(int, status);
    QFETCH(QString, slug);
    const Problem problem = problemFor(
        DataSourceError(static_cast<DataSourceError::Kind>(kind), QStringLiteral("what happened")),
        ifMatch);
    QCOMPARE(problem.status, status);
    const QJsonObject json = QJsonDocument::fromJson(problem.toJson()).object();
    QCOMPARE(json.value(QLatin1String("type")).toString(),
             QStringLiteral("https://rolecall.dev/problems/") + slug);
    QCOMPARE(json.value(QLatin1String("status")).toInt(), status);
    QCOMPARE(json.value(QLatin1String("detail")).toString(), QStringLiteral("what happened"));
    QVERIFY(!json.value(QLatin1String("title")).toString().isEmpty());
    if (status == 403)
        QCOMPARE(json.value(QLatin1String("reason")).toString(), QStringLiteral("what happened"));
}

void TestServerParts::aValidationProblemNamesItsField()
{
    const QJsonObject json =
        QJsonDocument::fromJson(
            Problem::validation(QStringLiteral("Too long."), QStringLiteral("reason")).toJson())
            .object();
    const QJsonObject error = json.value(QLatin1String("errors")).toArray().first().toObject();
    QCOMPARE(error.value(QLatin1String("field")).toString(), QStringLiteral("reason"));
    QCOMPARE(error.value(QLatin1String("message")).toString(), QStringLiteral("Too long."));
}

void TestServerParts::anAccessLogLineIsOneJsonObjectWithoutTheQuery()
{
    QList<QByteArray> lines;
    AccessLog log([&lines](const QByteArray &line) { lines << line; });
    log.write({QStringLiteral("GET"), QStringLiteral("/api/rolecall/v1/users"), 200, 12,
               QStringLiteral("user_1"), QStringLiteral("r1")});
    QCOMPARE(lines.size(), 1);
    QVERIFY(lines.first().endsWith('\n'));
    QCOMPARE(lines.first().count('\n'), 1);
    const QJsonObject entry = QJsonDocument::fromJson(lines.first()).object();
    QCOMPARE(entry.value(QLatin1String("method")).toString(), QStringLiteral("GET"));
    QCOMPARE(entry.value(QLatin1String("path")).toString(),
             QStringLiteral("/api/rolecall/v1/users"));
    QCOMPARE(entry.value(QLatin1String("status")).toInt(), 200);
    QCOMPARE(entry.value(QLatin1String("ms")).toInt(), 12);
    QCOMPARE(entry.value(QLatin1String("sub")).toString(), QStringLiteral("user_1"));
    QVERIFY(entry.contains(QLatin1String("time")));
}

void TestServerParts::faultsAreTakenPerPathAndCount()
{
    FaultSwitches faults;
    QString error;
    const auto fault = FaultSwitches::parse(
        R"({"fault":"rate-limited","count":2,"retryAfter":3,"path":"/users"})", &error);
    QVERIFY2(fault, qPrintable(error));
    faults.arm(*fault);
    QVERIFY(!faults.take(QStringLiteral("/grants")));
    const auto first = faults.take(QStringLiteral("/users?limit=5"));
    QVERIFY(first);
    QCOMPARE(first->kind, FaultSwitches::Kind::RateLimited);
    QCOMPARE(first->retryAfter, 3);
    QVERIFY(faults.take(QStringLiteral("/users/count")));
    QVERIFY(!faults.take(QStringLiteral("/users")));
    faults.arm(*fault);
    faults.clear();
    QVERIFY(!faults.take(QStringLiteral("/users")));
}

void TestServerParts::badFaultRequestsAreRefused_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("unknown") << QByteArray(R"({"fault":"explode"})");
    QTest::newRow("none") << QByteArray("{}");
    QTest::newRow("zero count") << QByteArray(R"({"fault":"slow","count":0})");
    QTest::newRow("negative ms") << QByteArray(R"({"fault":"slow","ms":-1})");
}

void TestServerParts::badFaultRequestsAreRefused()
{
    QFETCH(QByteArray, json);
    QString error;
    QVERIFY(!FaultSwitches::parse(json, &error));
    QVERIFY(!error.isEmpty());
}

QTEST_GUILESS_MAIN(TestServerParts)
#include "tst_serverparts.moc"
