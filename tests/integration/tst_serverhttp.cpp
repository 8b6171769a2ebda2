// rolecall-server as an HTTP server: requests run concurrently, statements
// time out, bodies are limited, and the fault switches do what tests need.
#include "support/rolefixtures.h"
#include "support/serverfixture.h"

#include <QJsonDocument>
#include <QTest>

using namespace rolecall;
using namespace rolecall::testing;

class TestServerHttp : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void aSlowQueryDoesNotStallOtherRequests();
    void aStatementRunsNoLongerThanTheTimeout();
    void aTooLargeBodyIsRefusedBeforeAnythingElse();
    void anUnknownPathIsANotFoundProblem();
    void faultSwitchesAnswerAsAsked_data();
    void faultSwitchesAnswerAsAsked();
    void aDroppedConnectionEndsTheAnswerHalfway();
    void faultSwitchesAreOffByDefault();
    void everyRequestHasOneAccessLogLine();

private:
    QString m_db;
    ServerFixture m_server;
    QByteArray m_token;
};

void TestServerHttp::initTestCase()
{
    RoleWriterDatabases databases;
    QString error;
    if (!databases.start(&error))
        QSKIP(qPrintable(error));
    m_db = databases.freshDatabase(20);
    QVERIFY(!m_db.isEmpty());
    QVERIFY2(m_server.start(m_db, &error), qPrintable(error));
    m_token = m_server.tokenOf(5);
}

void TestServerHttp::aSlowQueryDoesNotStallOtherRequests()
{
    // Four requests each hold a database session in pg_sleep(3); the fifth,
    // which needs the database too, is answered meanwhile.
    QVERIFY(m_server.armFault(R"({"fault":"slow-query","ms":3000,"count":4,"path":"/me/slow"})"));
    QList<QFuture<HttpAnswer>> slow;
    for (int i = 0; i < 4; ++i)
        slow << requestLater(
            m_server.port(),
            HttpCall{QByteArrayLiteral("GET"), QStringLiteral("/me/slow"), m_token, {}, {}});
    QTest::qWait(300); // let them reach pg_sleep
    const HttpAnswer fast = m_server.get(QStringLiteral("/me"), m_token);
    QCOMPARE(fast.status, 200);
    QVERIFY2(fast.milliseconds < 1500, qPrintable(QString::number(fast.milliseconds)));
    for (const auto &future : std::as_const(slow))
        QVERIFY(!future.isFinished());
    for (auto &future : slow) {
        QTRY_VERIFY_WITH_TIMEOUT(future.isFinished(), 20000);
        QVERIFY(future.result().milliseconds >= 2500);
    }
}

void TestServerHttp::aStatementRunsNoLongerThanTheTimeout()
{
    ServerFixture strict;
    QString error;
    QVERIFY2(strict.start(
                 m_db, &error,
                 [](server::ServerOptions &o) { o.statementTimeout = std::chrono::seconds(1); }),
             qPrintable(error));
    QVERIFY(strict.armFault(R"({"fault":"slow-query","ms":5000,"path":"/me"})"));
    const HttpAnswer answer = strict.get(QStringLiteral("/me"), strict.tokenOf(5));
    QCOMPARE(answer.status, 500);
    QVERIFY2(answer.milliseconds < 4000, qPrintable(QString::number(answer.milliseconds)));
    QVERIFY2(
        answer.json().value(QLatin1String("detail")).toString().contains(QLatin1String("timeout")),
        answer.body.constData());
}

void TestServerHttp::aTooLargeBodyIsRefusedBeforeAnythingElse()
{
    const QByteArray big(m_server.options().maxBodyBytes + 1, 'x');
    const HttpAnswer answer = m_server.post(QStringLiteral("/grants"), big, m_token, "k-big");
    QCOMPARE(answer.status, 413);
    QCOMPARE(answer.headers.value("content-type"), QByteArray("application/problem+json"));
    QCOMPARE(answer.json().value(QLatin1String("type")).toString(),
             QStringLiteral("https://rolecall.dev/problems/payload-too-large"));
}

void TestServerHttp::anUnknownPathIsANotFoundProblem()
{
    const HttpAnswer answer = m_server.get(QStringLiteral("/no/such/thing"), m_token);
    QCOMPARE(answer.status, 404);
    QCOMPARE(answer.json().value(QLatin1String("type")).toString(),
             QStringLiteral("https://rolecall.dev/problems/not-found"));
}

void TestServerHttp::faultSwitchesAnswerAsAsked_data()
{
    QTest::addColumn<QByteArray>("fault");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("retryAfter");
    QTest::newRow("429") << QByteArray(R"({"fault":"rate-limited","retryAfter":7})") << 429
                         << QByteArray("7");
    QTest::newRow("500") << QByteArray(R"({"fault":"server-error"})") << 500 << QByteArray();
    QTest::newRow("token expires mid-session")
        << QByteArray(R"({"fault":"expire-token"})") << 401 << QByteArray();
    QTest::newRow("slow") << QByteArray(R"({"fault":"slow","ms":600})") << 200 << QByteArray();
}

void TestServerHttp::faultSwitchesAnswerAsAsked()
{
    QFETCH(QByteArray, fault);
    QFETCH(int, status);
    QFETCH(QByteArray, retryAfter);
    QVERIFY(m_server.armFault(fault));
    const HttpAnswer faulty = m_server.get(QStringLiteral("/me"), m_token);
    QCOMPARE(faulty.status, status);
    QCOMPARE(faulty.headers.value("retry-after"), retryAfter);
    if (status == 200)
        QVERIFY(faulty.milliseconds >= 600);
    else
        QCOMPARE(faulty.headers.value("content-type"), QByteArray("application/problem+json"));
    // One request only: the next is served as usual.
    QCOMPARE(m_server.get(QStringLiteral("/me"), m_token).status, 200);
}

void TestServerHttp::aDroppedConnectionEndsTheAnswerHalfway()
{
    QVERIFY(m_server.armFault(R"({"fault":"drop"})"));
    const HttpAnswer dropped = m_server.get(QStringLiteral("/me"), m_token);
    QVERIFY2(dropped.status == 0 || dropped.json().isEmpty(), dropped.body.constData());
    QCOMPARE(m_server.get(QStringLiteral("/me"), m_token).status, 200);
}

void TestServerHttp::faultSwitchesAreOffByDefault()
{
    ServerFixture production;
    QString error;
    QVERIFY2(production.start(m_db, &error, [](server::ServerOptions &o) { o.testFaults = false; }),
             qPrintable(error));
    QVERIFY(!production.armFault(R"({"fault":"server-error"})"));
    QCOMPARE(production.get(QStringLiteral("/me"), production.tokenOf(5)).status, 200);
}

void TestServerHttp::everyRequestHasOneAccessLogLine()
{
    const qsizetype before = m_server.logLines().size();
    QCOMPARE(m_server.get(QStringLiteral("/me?search=secret-term"), m_token).status, 200);
    const QStringList lines = m_server.logLines();
    QCOMPARE(lines.size(), before + 1);
    const QJsonObject entry = QJsonDocument::fromJson(lines.constLast().toUtf8()).object();
    QCOMPARE(entry.value(QLatin1String("path")).toString(), QStringLiteral("/api/rolecall/v1/me"));
    QCOMPARE(entry.value(QLatin1String("status")).toInt(), 200);
    QCOMPARE(entry.value(QLatin1String("sub")).toString(),
             TestIdentityProvider::seedUser(5).subject);
    QVERIFY(entry.contains(QLatin1String("ms")));
    QVERIFY(!lines.constLast().contains(QLatin1String("secret-term")));
}

QTEST_GUILESS_MAIN(TestServerHttp)
#include "tst_serverhttp.moc"
