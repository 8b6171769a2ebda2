// Sign-in against a misbehaving identity provider (tests/support/testidp.h):
// discovery, JWKS or token endpoint down, slow, answering garbage or too much;
// a key rotation; the provider's clock ±5 min off; a session kept for another
// issuer; RFC 9207 iss promised but missing; the keychain locked or gone
// in the middle of a session; and the network between the console and the
// provider failing (a TCP fault proxy: refused, delayed, cut before, during
// and after each endpoint's answer). Every run ends in a clear state:
// signed in, or signed out with a message that says what failed, no session
// stored and nothing sent where it does not belong.
#include "auth/oidcclient.h"
#include "auth/oidcsigninservice.h"
#include "services/memorysecretstore.h"
#include "support/tcpfaultproxy.h"
#include "support/testbrowser.h"
#include "support/testfigures.h"
#include "support/testidp.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

#include <memory>
#include <optional>

using namespace rolecall;
using rolecall::auth::OidcClient;
using rolecall::auth::OidcSignInService;
using rolecall::auth::ProviderMetadata;
using rolecall::testing::TcpFaultProxy;
using rolecall::testing::TestBrowser;
using rolecall::testing::TestIdentityProvider;

namespace {
constexpr int waitMs = 15000;
const QString discoveryPath = QStringLiteral("/.well-known/openid-configuration");
const QString jwksPath = QStringLiteral("/.well-known/jwks.json");
const QString tokenPath = QStringLiteral("/oauth/token");
} // namespace

class TestProviderFaults : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void failsCleanlyWhenAnEndpointMisbehaves_data();
    void failsCleanlyWhenAnEndpointMisbehaves();
    void waitsOutASlowProvider();
    void refusesAnAnswerLargerThanTheLimit();
    void givesUpOnATrickleAtTheDeadline();
    void followsAKeyRotation();
    void judgesTheProvidersClock_data();
    void judgesTheProvidersClock();
    void neverSendsASessionToAnotherIssuer();
    void refusesACallbackWithoutThePromisedIss();
    void refusesSeveralAudiencesWithoutAzp();
    void keepsTheSessionWhenTheKeychainGoesMidSession();
    void survivesTheNetworkBetweenItAndTheProvider_data();
    void survivesTheNetworkBetweenItAndTheProvider();
    void cleanupTestCase() const;

private:
    std::unique_ptr<OidcSignInService> makeService();
    QByteArray storedSession();

    std::unique_ptr<TestIdentityProvider> m_idp;
    std::unique_ptr<MemorySecretStore> m_secrets;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<TestBrowser> m_browser;
    Profile m_profile;
    // Figures of the proxy runs: faults that took effect, runs that ended
    // neither signed in nor with a message, sessions stored from a failed run.
    int m_faults = 0;
    int m_unclear = 0;
    int m_violations = 0;
};

void TestProviderFaults::init()
{
    m_idp = std::make_unique<TestIdentityProvider>();
    QString error;
    QVERIFY2(m_idp->start(&error), qPrintable(error));
    m_secrets = std::make_unique<MemorySecretStore>();
    m_network = std::make_unique<QNetworkAccessManager>();
    m_browser = std::make_unique<TestBrowser>(m_network.get());
    m_profile = Profile{};
    m_profile.name = QStringLiteral("test");
    m_profile.issuer = m_idp->issuer();
    m_profile.clientId = m_idp->clientId();
}

void TestProviderFaults::cleanup()
{
    m_browser.reset();
    m_network.reset();
    m_secrets.reset();
    m_idp.reset();
}

std::unique_ptr<OidcSignInService> TestProviderFaults::makeService()
{
    return std::make_unique<OidcSignInService>(
        m_profile, m_secrets.get(), m_network.get(), [this](const QUrl &url, QString *) {
            QTimer::singleShot(0, m_browser.get(), [this, url] { m_browser->visit(url); });
            return true;
        });
}

QByteArray TestProviderFaults::storedSession()
{
    QByteArray value;
    bool done = false;
    m_secrets->read(SecretStore::profileKey(m_profile.name, SecretStore::sessionKind()), this,
                    [&](const SecretStore::Result &result) {
                        value = result.value;
                        done = true;
                    });
    return QTest::qWaitFor([&done] { return done; }, 1000) ? value : QByteArray();
}

void TestProviderFaults::failsCleanlyWhenAnEndpointMisbehaves_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("down"); // else: garbage
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("discovery down") << discoveryPath << true << "Cannot reach";
    QTest::newRow("discovery garbage") << discoveryPath << false << "discovery document";
    QTest::newRow("jwks down") << jwksPath << true << "signing keys";
    QTest::newRow("jwks garbage") << jwksPath << false << "signing keys are unusable";
    QTest::newRow("token endpoint down") << tokenPath << true << "Cannot reach";
    QTest::newRow("token endpoint garbage") << tokenPath << false << "bearer access token";
}

void TestProviderFaults::failsCleanlyWhenAnEndpointMisbehaves()
{
    QFETCH(QString, path);
    QFETCH(bool, down);
    QFETCH(QString, messagePart);
    if (down)
        m_idp->behaviour().downPaths.insert(path);
    else
        m_idp->behaviour().garbage.insert(path, QByteArrayLiteral("<html>{\"not\": json"));
    auto service = makeService();
    QSignalSpy failed(service.get(), &SignInService::failed);
    QSignalSpy signedIn(service.get(), &SignInService::signedIn);
    service->signIn();
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, waitMs);
    const QString message = failed.first().first().toString();
    QVERIFY2(message.contains(messagePart), qPrintable(message));
    QVERIFY(signedIn.isEmpty());
    QCOMPARE(service->state(), SignInService::State::SignedOut);
    QVERIFY(service->accessToken().isEmpty());
    QVERIFY(storedSession().isEmpty());

    // The fault clears: the next attempt signs in.
    m_idp->behaviour().downPaths.clear();
    m_idp->behaviour().garbage.clear();
    service->signIn();
    QTRY_COMPARE_WITH_TIMEOUT(signedIn.size(), 1, waitMs);
}

void TestProviderFaults::waitsOutASlowProvider()
{
    // Slow, but within the timeouts: a sign-in, only later.
    m_idp->behaviour().pathDelayMs.insert(discoveryPath, 300);
    m_idp->behaviour().pathDelayMs.insert(jwksPath, 300);
    m_idp->behaviour().pathDelayMs.insert(tokenPath, 300);
    auto service = makeService();
    QSignalSpy signedIn(service.get(), &SignInService::signedIn);
    QSignalSpy failed(service.get(), &SignInService::failed);
    service->signIn();
    QTRY_COMPARE_WITH_TIMEOUT(signedIn.size(), 1, waitMs);
    QVERIFY(failed.isEmpty());
}

void TestProviderFaults::refusesAnAnswerLargerThanTheLimit()
{
    // 4 MiB of discovery document: aborted while it arrives, said so.
    m_idp->behaviour().garbage.insert(discoveryPath, QByteArray(4 * 1024 * 1024, ' '));
    OidcClient client(m_idp->issuer(), m_idp->clientId(), m_network.get());
    std::optional<auth::ProviderError> error;
    client.fetchMetadata([&error](const std::optional<ProviderMetadata> &,
                                  const auth::ProviderError &e) { error = e; });
    QTRY_VERIFY_WITH_TIMEOUT(error.has_value(), waitMs);
    QVERIFY2(error->message.contains(QLatin1String("more than 256 KiB")),
             qPrintable(error->message));
}

void TestProviderFaults::givesUpOnATrickleAtTheDeadline()
{
    // A byte every 50 ms never trips the inactivity timeout; the deadline
    // for the whole request ends it.
    m_idp->behaviour().tricklePath = discoveryPath;
    OidcClient client(m_idp->issuer(), m_idp->clientId(), m_network.get());
    client.setTimeout(2000);
    client.setDeadline(1000);
    std::optional<auth::ProviderError> error;
    QElapsedTimer timer;
    timer.start();
    client.fetchMetadata([&error](const std::optional<ProviderMetadata> &,
                                  const auth::ProviderError &e) { error = e; });
    QTRY_VERIFY_WITH_TIMEOUT(error.has_value(), waitMs);
    QVERIFY2(error->message.contains(QLatin1String("did not finish answering within 1 s")),
             qPrintable(error->message));
    QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
}

void TestProviderFaults::followsAKeyRotation()
{
    auto service = makeService();
    QSignalSpy signedIn(service.get(), &SignInService::signedIn);
    service->signIn();
    QTRY_COMPARE_WITH_TIMEOUT(signedIn.size(), 1, waitMs);
    // A new kid mid-session: the next ID token is verified with the new key.
    const int fetches = m_idp->jwksRequestCount();
    m_idp->rotateSigningKey();
    service->signIn();
    QTRY_COMPARE_WITH_TIMEOUT(signedIn.size(), 2, waitMs);
    QCOMPARE(m_idp->jwksRequestCount(), fetches + 1);
}

void TestProviderFaults::judgesTheProvidersClock_data()
{
    QTest::addColumn<qint64>("skewSeconds");
    QTest::addColumn<QString>("messagePart"); // empty: signs in
    QTest::newRow("provider 5 min behind") << qint64(-300) << "";
    QTest::newRow("provider 5 min ahead") << qint64(300) << "system clock";
}

void TestProviderFaults::judgesTheProvidersClock()
{
    QFETCH(qint64, skewSeconds);
    QFETCH(QString, messagePart);
    m_idp->behaviour().clockSkewSeconds = skewSeconds;
    auto service = makeService();
    QSignalSpy signedIn(service.get(), &SignInService::signedIn);
    QSignalSpy failed(service.get(), &SignInService::failed);
    service->signIn();
    QTRY_COMPARE_WITH_TIMEOUT(signedIn.size() + failed.size(), 1, waitMs);
    if (messagePart.isEmpty()) {
        QCOMPARE(signedIn.size(), 1);
        return;
    }
    QCOMPARE(failed.size(), 1);
    const QString message = failed.first().first().toString();
    QVERIFY2(message.contains(messagePart), qPrintable(message));
    QVERIFY(storedSession().isEmpty());
}

void TestProviderFaults::neverSendsASessionToAnotherIssuer()
{
    // The session in the keychain was issued elsewhere (the profile's issuer
    // was changed behind Rolecall's back): its refresh token stays unsent.
    const QJsonObject session{{QStringLiteral("format"), 1},
                              {QStringLiteral("issuer"), QStringLiteral("https://old.example.com")},
                              {QStringLiteral("clientId"), m_profile.clientId},
                              {QStringLiteral("subject"), QStringLiteral("user_1")},
                              {QStringLiteral("refreshToken"), QStringLiteral("rt-from-old")}};
    bool written = false;
    m_secrets->write(SecretStore::profileKey(m_profile.name, SecretStore::sessionKind()),
                     QJsonDocument(session).toJson(QJsonDocument::Compact), this,
                     [&written](const SecretStore::Result &) { written = true; });
    QTRY_VERIFY(written);
    auto service = makeService();
    QSignalSpy signedOut(service.get(), &SignInService::signedOut);
    QSignalSpy notices(service.get(), &SignInService::notice);
    service->restore();
    QTRY_COMPARE_WITH_TIMEOUT(signedOut.size(), 1, waitMs);
    QCOMPARE(service->state(), SignInService::State::SignedOut);
    QVERIFY(m_idp->tokenRequests().isEmpty()); // nothing went to the provider
    QCOMPARE(notices.size(), 1);
    const QString notice = notices.first().first().toString();
    QVERIFY2(notice.contains(QLatin1String("https://old.example.com")) &&
                 notice.contains(QLatin1String("sign in again")),
             qPrintable(notice));
    QVERIFY(storedSession().isEmpty()); // and it is gone from the keychain
}

void TestProviderFaults::refusesACallbackWithoutThePromisedIss()
{
    // Discovery promises iss (RFC 9207), the callback lacks it: a mix-up.
    m_idp->behaviour().sendIss = false;
    m_idp->behaviour().advertiseIss = true;
    auto service = makeService();
    QSignalSpy failed(service.get(), &SignInService::failed);
    service->signIn();
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, waitMs);
    QVERIFY2(failed.first().first().toString().contains(QLatin1String("RFC 9207")),
             qPrintable(failed.first().first().toString()));
    QVERIFY(m_idp->tokenRequests().isEmpty()); // the code was never exchanged

    // A provider that does not promise it may leave it out (a new service:
    // the discovery document is read once per service).
    m_idp->behaviour().advertiseIss = false;
    auto plain = makeService();
    QSignalSpy signedIn(plain.get(), &SignInService::signedIn);
    plain->signIn();
    QTRY_COMPARE_WITH_TIMEOUT(signedIn.size(), 1, waitMs);
}

void TestProviderFaults::refusesSeveralAudiencesWithoutAzp()
{
    connect(m_idp.get(), &TestIdentityProvider::requestServed, this,
            [this](const QString &, const QString &path, int) {
                if (path == QLatin1String("/oauth/authorize"))
                    m_idp->behaviour().idTokenOverride = m_idp->makeIdToken(
                        QJsonObject{{QStringLiteral("aud"),
                                     QJsonArray{m_idp->clientId(), QStringLiteral("other-app")}}},
                        m_idp->lastNonce());
            });
    auto service = makeService();
    QSignalSpy failed(service.get(), &SignInService::failed);
    service->signIn();
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, waitMs);
    QVERIFY2(failed.first().first().toString().contains(QLatin1String("azp")),
             qPrintable(failed.first().first().toString()));
    QVERIFY(storedSession().isEmpty());
}

void TestProviderFaults::keepsTheSessionWhenTheKeychainGoesMidSession()
{
    auto service = makeService();
    QSignalSpy signedIn(service.get(), &SignInService::signedIn);
    QSignalSpy stored(service.get(), &OidcSignInService::sessionStored);
    service->signIn();
    QTRY_COMPARE_WITH_TIMEOUT(signedIn.size(), 1, waitMs);
    QTRY_COMPARE_WITH_TIMEOUT(stored.size(), 1, waitMs);
    QVERIFY(stored.last().first().toBool());
    const QByteArray before = storedSession();
    QVERIFY(!before.isEmpty());

    // Locked (or its daemon gone) while signed in: the rotated refresh token
    // cannot be stored. The session goes on in memory, and says so.
    m_secrets->setAvailable(false);
    QSignalSpy notices(service.get(), &SignInService::notice);
    std::optional<bool> refreshed;
    service->refreshNow([&refreshed](bool ok) { refreshed = ok; });
    QTRY_VERIFY_WITH_TIMEOUT(refreshed.has_value(), waitMs);
    QVERIFY(*refreshed);
    QTRY_COMPARE_WITH_TIMEOUT(stored.size(), 2, waitMs);
    QVERIFY(!stored.last().first().toBool());
    QCOMPARE(service->state(), SignInService::State::SignedIn);
    QVERIFY(!service->accessToken().isEmpty());
    QVERIFY(!service->keychainAvailable());
    QVERIFY(!notices.isEmpty());
    QVERIFY2(notices.last().first().toString().contains(QLatin1String("until Rolecall closes")),
             qPrintable(notices.last().first().toString()));

    // Back again: the next rotation is stored at once, over the stale entry.
    m_secrets->setAvailable(true);
    refreshed.reset();
    service->refreshNow([&refreshed](bool ok) { refreshed = ok; });
    QTRY_VERIFY_WITH_TIMEOUT(refreshed.value_or(false), waitMs);
    QTRY_COMPARE_WITH_TIMEOUT(stored.size(), 3, waitMs);
    QVERIFY(stored.last().first().toBool());
    QVERIFY(service->keychainAvailable());
    const QByteArray after = storedSession();
    QVERIFY(!after.isEmpty());
    QVERIFY(after != before);
}

void TestProviderFaults::survivesTheNetworkBetweenItAndTheProvider_data()
{
    QTest::addColumn<QByteArray>("pattern"); // empty: every connection
    QTest::addColumn<int>("fault");          // a TcpFaultProxy::Cut, or -1 refused, -2 delayed
    const std::pair<const char *, QByteArray> endpoints[] = {
        {"discovery", "GET " + discoveryPath.toLatin1()},
        {"jwks", "GET " + jwksPath.toLatin1()},
        {"token", "POST " + tokenPath.toLatin1()}};
    const std::pair<const char *, TcpFaultProxy::Cut> cuts[] = {
        {"cut before sending", TcpFaultProxy::Cut::BeforeSending},
        {"cut mid-stream", TcpFaultProxy::Cut::MidStream},
        {"answer lost", TcpFaultProxy::Cut::AfterAnswer}};
    for (const auto &[endpoint, pattern] : endpoints)
        for (const auto &[cutName, cut] : cuts)
            QTest::addRow("%s, %s", endpoint, cutName) << pattern << int(cut);
    QTest::newRow("refused") << QByteArray() << -1;
    QTest::newRow("delayed") << QByteArray() << -2;
}

void TestProviderFaults::survivesTheNetworkBetweenItAndTheProvider()
{
    QFETCH(QByteArray, pattern);
    QFETCH(int, fault);
    TcpFaultProxy proxy(QStringLiteral("127.0.0.1"), m_idp->port());
    QString error;
    QVERIFY2(proxy.start(&error), qPrintable(error));
    // Everything the console and the browser send goes through the proxy.
    m_idp->setPublicPort(quint16(proxy.port()));
    m_profile.issuer = m_idp->issuer();
    if (fault == -1)
        proxy.setRefusing(true);
    else if (fault == -2)
        proxy.setDelay(200);
    else
        proxy.armCut(pattern, TcpFaultProxy::Cut(fault));

    auto service = makeService();
    QSignalSpy failed(service.get(), &SignInService::failed);
    QSignalSpy signedIn(service.get(), &SignInService::signedIn);
    service->signIn();
    QTRY_COMPARE_WITH_TIMEOUT(failed.size() + signedIn.size(), 1, waitMs);
    if (fault >= 0)
        QVERIFY2(proxy.cutFired(), "the cut never happened");
    m_faults += proxy.faultsInjected();
    if (fault == -2) {
        QVERIFY2(signedIn.size() == 1, // slow, within the timeouts
                 qPrintable(failed.isEmpty() ? QString() : failed.first().first().toString()));
        return;
    }
    // Signed in (Qt sent an idempotent GET again on a new connection) or
    // signed out with a message that says what failed; never a session
    // from a failed run.
    if (!failed.isEmpty()) {
        const QString message = failed.first().first().toString();
        if (message.trimmed().isEmpty())
            ++m_unclear;
        QVERIFY2(!message.trimmed().isEmpty(), "failed without saying why");
        QCOMPARE(service->state(), SignInService::State::SignedOut);
        QVERIFY(service->accessToken().isEmpty());
        if (!storedSession().isEmpty())
            ++m_violations;
        QVERIFY(storedSession().isEmpty());
    }

    // The fault clears: trying again signs in.
    proxy.setRefusing(false);
    proxy.disarm();
    if (signedIn.isEmpty()) {
        service->signIn();
        QTRY_COMPARE_WITH_TIMEOUT(signedIn.size() + failed.size(), 2, waitMs);
        QVERIFY2(signedIn.size() == 1, qPrintable(failed.last().first().toString()));
    }
    QCOMPARE(service->state(), SignInService::State::SignedIn);
}

void TestProviderFaults::cleanupTestCase() const
{
    rolecall::testing::recordFigures(
        QStringLiteral("faults-provider"),
        QStringLiteral("provider fault tests: faults injected %1, partial writes 0, duplicate "
                       "writes 0, lost inputs 0, invariant violations %2")
            .arg(m_faults)
            .arg(m_unclear + m_violations));
}

QTEST_GUILESS_MAIN(TestProviderFaults)
#include "tst_providerfaults.moc"
