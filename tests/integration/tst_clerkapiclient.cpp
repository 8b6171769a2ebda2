// ClerkApiClient against the fake Clerk Backend API: every page in created-at
// order, the count, the rate limit kept on its own, Retry-After honoured,
// 5xx and timeouts retried with backoff, offset fallback, cancel, and the
// secret key never in a message.
#include "clerk/clerkapiclient.h"
#include "support/fakeclerkapi.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

using namespace rolecall;
using rolecall::testing::FakeClerkApi;

namespace {

const QByteArray secret = QByteArrayLiteral("sk_test_clientsecret123");

struct Outcome
{
    QList<ClerkUser> users;
    int pages = 0;
    qint64 total = -1;
    QString failure;
    bool finished = false;
    qint64 elapsedMs = 0;
};

} // namespace

class TestClerkApiClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void walksEveryPageInOrder();
    void staysUnderTheRateLimit();
    void honoursRetryAfter();
    void retriesFailingPagesWithBackoff();
    void timesOutAndRetriesAHangingPage();
    void fallsBackToOffset();
    void refusesAWrongKeyWithoutShowingIt();
    void cancels();

private:
    ClerkApiSettings settings() const;
    Outcome run(ClerkApiClient &client, int timeoutMs = 60000);

    std::unique_ptr<FakeClerkApi> m_api;
};

void TestClerkApiClient::init()
{
    m_api = std::make_unique<FakeClerkApi>();
    m_api->setSecretKey(secret);
    m_api->setUsers(FakeClerkApi::seedUsers(1, 1234));
    QVERIFY(m_api->start());
}

ClerkApiSettings TestClerkApiClient::settings() const
{
    ClerkApiSettings s;
    s.baseUrl = QUrl(m_api->baseUrl());
    s.secretKey = secret;
    s.backoffStartMs = 50;
    s.timeoutMs = 5000;
    return s;
}

Outcome TestClerkApiClient::run(ClerkApiClient &client, int timeoutMs)
{
    Outcome outcome;
    connect(&client, &ClerkApiClient::pageReady, this, [&](const QList<ClerkUser> &users) {
        outcome.users += users;
        ++outcome.pages;
    });
    connect(&client, &ClerkApiClient::totalCountReady, this,
            [&](qint64 total) { outcome.total = total; });
    connect(&client, &ClerkApiClient::finished, this, [&] { outcome.finished = true; });
    connect(&client, &ClerkApiClient::failed, this,
            [&](const QString &message) { outcome.failure = message; });
    QElapsedTimer timer;
    timer.start();
    client.start();
    (void)QTest::qWaitFor([&] { return outcome.finished || !outcome.failure.isEmpty(); },
                          timeoutMs);
    outcome.elapsedMs = timer.elapsed();
    return outcome;
}

void TestClerkApiClient::walksEveryPageInOrder()
{
    ClerkApiClient client(settings(), nullptr);
    const Outcome outcome = run(client);
    QVERIFY2(outcome.finished, qPrintable(outcome.failure));
    QCOMPARE(outcome.total, 1234);
    QCOMPARE(outcome.users.size(), 1234);
    QCOMPARE(outcome.pages, 3); // 500, 500, 234
    for (qsizetype i = 0; i < outcome.users.size(); ++i)
        QCOMPARE(outcome.users.at(i).id, FakeClerkApi::seedUser(int(i) + 1).id);
    QCOMPARE(outcome.users.first().primaryEmail, QStringLiteral("user1@example.test"));
    QVERIFY(outcome.users.first().primaryEmailVerified);
    // The cursor, never an offset; always Clerk's maximum page.
    const QStringList queries = m_api->listQueries();
    QCOMPARE(queries.size(), 3);
    QVERIFY(!queries.at(0).contains(QLatin1String("starting_after")));
    QVERIFY(queries.at(1).contains(QStringLiteral("starting_after=") + outcome.users.at(499).id));
    QVERIFY(queries.at(2).contains(QLatin1String("limit=500")));
    QCOMPARE(m_api->rateLimitedCount(), 0);
    QCOMPARE(client.requestsSent(), 4);
}

void TestClerkApiClient::staysUnderTheRateLimit()
{
    // 5 requests per second at the server; the client told the same.
    m_api->behaviour().rateLimit = 5;
    m_api->behaviour().rateWindowMs = 1000;
    ClerkApiSettings s = settings();
    s.rateLimit = 5;
    s.rateWindowMs = 1000;
    s.pageSize = 100; // 13 pages + the count: 14 requests
    ClerkApiClient client(s, nullptr);
    const Outcome outcome = run(client);
    QVERIFY2(outcome.finished, qPrintable(outcome.failure));
    QCOMPARE(outcome.users.size(), 1234);
    QCOMPARE(m_api->rateLimitedCount(), 0);
    QVERIFY(m_api->maxRequestsInWindow() <= 5);
    // 14 requests at 5 per second cannot take less than 2 s.
    QVERIFY2(outcome.elapsedMs >= 2000, qPrintable(QString::number(outcome.elapsedMs)));
}

void TestClerkApiClient::honoursRetryAfter()
{
    m_api->behaviour().forced429 = 1; // the second request
    m_api->behaviour().forced429RetryAfter = 2;
    ClerkApiClient client(settings(), nullptr);
    QSignalSpy retrying(&client, &ClerkApiClient::retrying);
    const Outcome outcome = run(client);
    QVERIFY2(outcome.finished, qPrintable(outcome.failure));
    QCOMPARE(outcome.users.size(), 1234);
    QCOMPARE(m_api->rateLimitedCount(), 1);
    QCOMPARE(retrying.count(), 1);
    QCOMPARE(retrying.first().at(1).toLongLong(), 2000);
    QVERIFY2(outcome.elapsedMs >= 2000, qPrintable(QString::number(outcome.elapsedMs)));
}

void TestClerkApiClient::retriesFailingPagesWithBackoff()
{
    m_api->behaviour().failPages = {{1, 3}}; // the second page fails three times
    ClerkApiClient client(settings(), nullptr);
    const Outcome outcome = run(client);
    QVERIFY2(outcome.finished, qPrintable(outcome.failure));
    QCOMPARE(outcome.users.size(), 1234);
    QCOMPARE(client.retries(), 3);
    // 50 + 75 + 112 ms of backoff at least.
    QVERIFY(outcome.elapsedMs >= 237);

    // More failures than attempts: a clear failure, and no orphan-making partial success.
    init();
    m_api->behaviour().failPages = {{0, 100}};
    ClerkApiSettings s = settings();
    s.maxAttempts = 3;
    ClerkApiClient failing(s, nullptr);
    const Outcome failed = run(failing);
    QVERIFY(!failed.finished);
    QVERIFY2(failed.failure.contains(QLatin1String("gave up after 3 attempts")),
             qPrintable(failed.failure));
}

void TestClerkApiClient::timesOutAndRetriesAHangingPage()
{
    m_api->behaviour().hangPages = {1};
    ClerkApiSettings s = settings();
    s.timeoutMs = 700;
    ClerkApiClient client(s, nullptr);
    QSignalSpy retrying(&client, &ClerkApiClient::retrying);
    const Outcome outcome = run(client);
    QVERIFY2(outcome.finished, qPrintable(outcome.failure));
    QCOMPARE(outcome.users.size(), 1234);
    QCOMPARE(retrying.count(), 1);
    QVERIFY(retrying.first().at(0).toString().contains(QLatin1String("timed out")));
    QVERIFY(outcome.elapsedMs >= 700);
}

void TestClerkApiClient::fallsBackToOffset()
{
    m_api->behaviour().refuseCursor = true;
    ClerkApiClient client(settings(), nullptr);
    const Outcome outcome = run(client);
    QVERIFY2(outcome.finished, qPrintable(outcome.failure));
    QCOMPARE(outcome.users.size(), 1234);
    QVERIFY(client.usedOffsetFallback());
    QCOMPARE(outcome.users.last().id, FakeClerkApi::seedUser(1234).id);
    QVERIFY(m_api->listQueries().last().contains(QLatin1String("offset=1000")));
}

void TestClerkApiClient::refusesAWrongKeyWithoutShowingIt()
{
    ClerkApiSettings s = settings();
    s.secretKey = QByteArrayLiteral("sk_test_wrongwrongwrong");
    ClerkApiClient client(s, nullptr);
    const Outcome outcome = run(client);
    QVERIFY(!outcome.finished);
    QVERIFY2(outcome.failure.contains(QLatin1String("401")), qPrintable(outcome.failure));
    QVERIFY(outcome.failure.contains(QLatin1String("authentication_invalid")));
    QVERIFY(!outcome.failure.contains(QLatin1String("sk_test")));
    QVERIFY(m_api->unauthorizedCount() >= 1);

    s.secretKey.clear();
    ClerkApiClient keyless(s, nullptr);
    const Outcome none = run(keyless);
    QVERIFY(none.failure.contains(QLatin1String("set-secret")));
}

void TestClerkApiClient::cancels()
{
    m_api->behaviour().pageDelayMs = 300;
    ClerkApiClient client(settings(), nullptr);
    Outcome outcome;
    connect(&client, &ClerkApiClient::pageReady, this, [&](const QList<ClerkUser> &users) {
        outcome.users += users;
        client.cancel(); // after the first page
    });
    connect(&client, &ClerkApiClient::failed, this,
            [&](const QString &message) { outcome.failure = message; });
    connect(&client, &ClerkApiClient::finished, this, [&] { outcome.finished = true; });
    client.start();
    QTRY_VERIFY(!outcome.failure.isEmpty());
    QCOMPARE(outcome.users.size(), 500);
    QVERIFY(client.wasCancelled());
    QVERIFY(!client.isRunning());
    // A fixed wait: nothing more may arrive, so there is no signal to wait on;
    // a page already on its way (300 ms) would have landed by then.
    QTest::qWait(800);
    QCOMPARE(outcome.users.size(), 500);
    QVERIFY(!outcome.finished);
}

QTEST_GUILESS_MAIN(TestClerkApiClient)
#include "tst_clerkapiclient.moc"
