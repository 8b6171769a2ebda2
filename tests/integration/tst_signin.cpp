// The whole browser sign-in through OidcSignInService against the test
// identity provider: real loopback listener, real QNetworkAccessManager, real
// RS256 tokens. The "browser" is played in-process: it follows the provider's
// redirect to the loopback address like a real one would.
#include "auth/oidcsigninservice.h"
#include "services/memorysecretstore.h"
#include "support/testbrowser.h"
#include "support/testidp.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

#include <memory>

using namespace rolecall;
using rolecall::auth::OidcSignInService;
using rolecall::testing::TestBrowser;
using rolecall::testing::TestIdentityProvider;

namespace {
constexpr int waitMs = 15000;
}

class TestSignIn : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void signsInEndToEnd();
    void restoresFromTheKeychainAndStoresRotatedTokens();
    void endsTheSessionOnInvalidGrant();
    void signOutRevokesAndForgets();
    void rejectsBadIdTokens_data();
    void rejectsBadIdTokens();
    void refetchesKeysOnceForAnUnknownKid();
    void reportsProviderFailures_data();
    void reportsProviderFailures();
    void ignoresACallbackWithTheWrongState();
    void reportsAnUnreachableProvider();
    void timesOutAndCancels();
    void keepsTheSessionInMemoryWithoutAKeychain();

private:
    std::unique_ptr<OidcSignInService> makeService();
    QByteArray storedSession();

    std::unique_ptr<TestIdentityProvider> m_idp;
    std::unique_ptr<MemorySecretStore> m_secrets;
    std::unique_ptr<QNetworkAccessManager> m_network;
    Profile m_profile;
    bool m_browserActs = true;
    QList<QUrl> m_opened;
    std::unique_ptr<TestBrowser> m_browser;
};

void TestSignIn::init()
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
    m_browserActs = true;
    m_opened.clear();
}

void TestSignIn::cleanup()
{
    m_browser.reset();
    m_network.reset();
    m_secrets.reset();
    m_idp.reset();
}

std::unique_ptr<OidcSignInService> TestSignIn::makeService()
{
    return std::make_unique<OidcSignInService>(
        m_profile, m_secrets.get(), m_network.get(), [this](const QUrl &url, QString *) {
            m_opened << url;
            if (m_browserActs)
                QTimer::singleShot(0, m_browser.get(), [this, url] { m_browser->visit(url); });
            return true;
        });
}

QByteArray TestSignIn::storedSession()
{
    QByteArray value;
    bool done = false;
    m_secrets->read(SecretStore::profileKey(QStringLiteral("test"), QStringLiteral("session")),
                    this, [&](const SecretStore::Result &result) {
                        value = result.value;
                        done = true;
                    });
    // The memory store answers on the next turn of the event loop.
    return QTest::qWaitFor([&done] { return done; }, 1000) ? value : QByteArray();
}

void TestSignIn::signsInEndToEnd()
{
    auto service = makeService();
    QSignalSpy states(service.get(), &SignInService::stateChanged);
    QSignalSpy signedIn(service.get(), &SignInService::signedIn);
    QSignalSpy urls(service.get(), &SignInService::authorizationUrlReady);
    QSignalSpy failed(service.get(), &SignInService::failed);
    service->signIn();
    QTRY_COMPARE_WITH_TIMEOUT(signedIn.size(), 1, waitMs);
    QVERIFY2(failed.isEmpty(),
             failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));

    // the authorization request
    QCOMPARE(urls.size(), 1);
    QCOMPARE(m_opened.size(), 1);
    const QUrlQuery authorize(m_opened.first());
    QCOMPARE(authorize.queryItemValue(QStringLiteral("response_type")), QStringLiteral("code"));
    QCOMPARE(authorize.queryItemValue(QStringLiteral("code_challenge_method")),
             QStringLiteral("S256"));
    QCOMPARE(authorize.queryItemValue(QStringLiteral("code_challenge")).size(), 43);
    QVERIFY(authorize.queryItemValue(QStringLiteral("state")).size() >= 32);
    QVERIFY(authorize.queryItemValue(QStringLiteral("nonce")).size() >= 32);
    QCOMPARE(authorize.queryItemValue(QStringLiteral("scope"), QUrl::FullyDecoded),
             QStringLiteral("openid profile email offline_access"));
    const QUrl redirect(
        authorize.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded));
    QCOMPARE(redirect.host(), QStringLiteral("127.0.0.1"));
    QCOMPARE(redirect.path(), QStringLiteral("/callback"));
    QVERIFY(redirect.port() > 0);

    // the token request: public client, verifier, the same redirect_uri
    QCOMPARE(m_idp->tokenRequests().size(), 1);
    const QUrlQuery token = m_idp->tokenRequests().first();
    QCOMPARE(token.queryItemValue(QStringLiteral("grant_type")),
             QStringLiteral("authorization_code"));
    QCOMPARE(token.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded),
             redirect.toString());
    QVERIFY(!token.hasQueryItem(QStringLiteral("client_secret")));
    QCOMPARE(token.queryItemValue(QStringLiteral("code_verifier")).size(), 43);

    // who is signed in
    QCOMPARE(service->state(), SignInService::State::SignedIn);
    const Identity identity = service->identity();
    QCOMPARE(identity.subject, m_idp->user().subject);
    QCOMPARE(identity.email, m_idp->user().email);
    QCOMPARE(identity.issuer, m_idp->issuer());
    QVERIFY(identity.accessTokenExpiry > QDateTime::currentDateTimeUtc());
    QVERIFY(!service->accessToken().isEmpty());

    // the browser was told the truth, on a self-contained page
    QTRY_COMPARE_WITH_TIMEOUT(m_browser->pages.size(), 1, waitMs);
    QCOMPARE(m_browser->statuses.first(), 200);
    QVERIFY2(m_browser->pages.first().contains(QLatin1String("Signed in")),
             qPrintable(m_browser->pages.first()));

    // the session is in the keychain: refresh token yes, access token no
    const QJsonObject session = QJsonDocument::fromJson(storedSession()).object();
    QVERIFY(!session.value(QLatin1String("refreshToken")).toString().isEmpty());
    QVERIFY(!storedSession().contains(service->accessToken().toUtf8()));
    QTRY_VERIFY_WITH_TIMEOUT(!service->isStoringSession(), waitMs);

    // the listener is gone: a second callback finds nobody
    QTcpSocket second;
    second.connectToHost(QHostAddress(QHostAddress::LocalHost), quint16(redirect.port()));
    QVERIFY(!second.waitForConnected(2000));
    QVERIFY(states.size() >= 3);
}

void TestSignIn::restoresFromTheKeychainAndStoresRotatedTokens()
{
    auto first = makeService();
    QSignalSpy signedIn(first.get(), &SignInService::signedIn);
    first->signIn();
    QTRY_COMPARE_WITH_TIMEOUT(signedIn.size(), 1, waitMs);
    QTRY_VERIFY_WITH_TIMEOUT(!first->isStoringSession(), waitMs);
    const QString firstRefresh = QJsonDocument::fromJson(storedSession())
                                     .object()
                                     .value(QLatin1String("refreshToken"))
                                     .toString();
    first.reset();

    auto second = makeService();
    QSignalSpy restored(second.get(), &SignInService::signedIn);
    second->restore();
    QTRY_COMPARE_WITH_TIMEOUT(restored.size(), 1, waitMs);
    QCOMPARE(m_opened.size(), 1); // no browser the second time
    QCOMPARE(second->identity().subject, m_idp->user().subject);
    QTRY_VERIFY_WITH_TIMEOUT(!second->isStoringSession(), waitMs);
    const QString rotated = QJsonDocument::fromJson(storedSession())
                                .object()
                                .value(QLatin1String("refreshToken"))
                                .toString();
    QVERIFY(!rotated.isEmpty());
    QVERIFY(rotated != firstRefresh); // the provider rotated it and the new one was stored at once
    QCOMPARE(m_idp->tokenRequests().last().queryItemValue(QStringLiteral("grant_type")),
             QStringLiteral("refresh_token"));

    // a refresh on demand (after a 401) works too and keeps the subject
    bool refreshed = false;
    second->refreshNow([&refreshed](bool ok) { refreshed = ok; });
    QTRY_VERIFY_WITH_TIMEOUT(refreshed, waitMs);
}

void TestSignIn::endsTheSessionOnInvalidGrant()
{
    auto first = makeService();
    QSignalSpy signedIn(first.get(), &SignInService::signedIn);
    first->signIn();
    QTRY_COMPARE_WITH_TIMEOUT(signedIn.size(), 1, waitMs);
    QTRY_VERIFY_WITH_TIMEOUT(!first->isStoringSession(), waitMs);
    first.reset();

    m_idp->behaviour().tokenError = QStringLiteral("invalid_grant");
    auto second = makeService();
    QSignalSpy failed(second.get(), &SignInService::failed);
    QSignalSpy signedOut(second.get(), &SignInService::signedOut);
    second->restore();
    QTRY_COMPARE_WITH_TIMEOUT(signedOut.size(), 1, waitMs);
    QCOMPARE(second->state(), SignInService::State::SignedOut);
    QVERIFY(failed.first().first().toString().contains(QLatin1String("sign in again")));
    QTRY_VERIFY_WITH_TIMEOUT(storedSession().isEmpty(), waitMs);
}

void TestSignIn::signOutRevokesAndForgets()
{
    auto service = makeService();
    QSignalSpy signedIn(service.get(), &SignInService::signedIn);
    service->signIn();
    QTRY_COMPARE_WITH_TIMEOUT(signedIn.size(), 1, waitMs);
    QTRY_VERIFY_WITH_TIMEOUT(!service->isStoringSession(), waitMs);
    const QString refresh = QJsonDocument::fromJson(storedSession())
                                .object()
                                .value(QLatin1String("refreshToken"))
                                .toString();

    QSignalSpy finished(service.get(), &OidcSignInService::signOutFinished);
    service->signOut();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, waitMs);
    QCOMPARE(service->state(), SignInService::State::SignedOut);
    QVERIFY(service->accessToken().isEmpty());
    QVERIFY(!service->identity().isValid());
    QCOMPARE(m_idp->revokedTokens(), QStringList{refresh});
    QVERIFY(storedSession().isEmpty());
}

void TestSignIn::rejectsBadIdTokens_data()
{
    QTest::addColumn<QString>("claim");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("messagePart");

    QTest::newRow("wrong nonce") << "nonce" << QJsonValue(QStringLiteral("not-the-one")) << "nonce";
    QTest::newRow("wrong audience")
        << "aud" << QJsonValue(QStringLiteral("someone-else")) << "client ID";
    QTest::newRow("wrong issuer") << "iss" << QJsonValue(QStringLiteral("http://evil.example"))
                                  << "iss";
    QTest::newRow("expired") << "exp"
                             << QJsonValue(double(QDateTime::currentSecsSinceEpoch() - 3600))
                             << "expired";
    QTest::newRow("no subject") << "sub" << QJsonValue() << "sub";
}

void TestSignIn::rejectsBadIdTokens()
{
    QFETCH(QString, claim);
    QFETCH(QJsonValue, value);
    QFETCH(QString, messagePart);
    m_idp->behaviour().idTokenOverride =
        m_idp->makeIdToken(QJsonObject{{claim, value}}, QStringLiteral("placeholder"));
    if (claim != QLatin1String("nonce")) {
        // keep the nonce right so that only `claim` is wrong: re-made once the nonce is known
        m_idp->behaviour().idTokenOverride.clear();
        connect(m_idp.get(), &TestIdentityProvider::requestServed, this,
                [this, claim, value](const QString &, const QString &path, int) {
                    if (path == QLatin1String("/oauth/authorize"))
                        m_idp->behaviour().idTokenOverride =
                            m_idp->makeIdToken(QJsonObject{{claim, value}}, m_idp->lastNonce());
                });
    }
    auto service = makeService();
    QSignalSpy failed(service.get(), &SignInService::failed);
    QSignalSpy signedIn(service.get(), &SignInService::signedIn);
    service->signIn();
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, waitMs);
    const QString message = failed.first().first().toString();
    QVERIFY2(message.startsWith(QLatin1String("The ID token was rejected")), qPrintable(message));
    QVERIFY2(message.contains(messagePart, Qt::CaseInsensitive), qPrintable(message));
    QVERIFY(signedIn.isEmpty());
    QCOMPARE(service->state(), SignInService::State::SignedOut);
    QVERIFY(service->accessToken().isEmpty());
    QVERIFY(storedSession().isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(m_browser->pages.size(), 1, waitMs);
    QVERIFY2(m_browser->pages.first().contains(QLatin1String("failed")),
             qPrintable(m_browser->pages.first()));
}

void TestSignIn::refetchesKeysOnceForAnUnknownKid()
{
    // The provider signs with a key its JWKS does not list (yet): one refetch, then no.
    m_idp->behaviour().signWithUnknownKid = true;
    auto service = makeService();
    QSignalSpy failed(service.get(), &SignInService::failed);
    service->signIn();
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, waitMs);
    QCOMPARE(m_idp->jwksRequestCount(), 1); // first fetch was already fresh: no second one
    QVERIFY(failed.first().first().toString().contains(QLatin1String("rejected")));

    // After a sign-in with cached keys, the provider rotates: fetched once more, accepted.
    m_idp->behaviour().signWithUnknownKid = false;
    QSignalSpy signedIn(service.get(), &SignInService::signedIn);
    service->signIn();
    QTRY_COMPARE_WITH_TIMEOUT(signedIn.size(), 1, waitMs);
    const int fetches = m_idp->jwksRequestCount();
    m_idp->rotateSigningKey();
    bool refreshed = false;
    service->refreshNow([&refreshed](bool ok) { refreshed = ok; });
    QTRY_VERIFY_WITH_TIMEOUT(refreshed, waitMs);
    QCOMPARE(m_idp->jwksRequestCount(), fetches + 1);
}

void TestSignIn::reportsProviderFailures_data()
{
    QTest::addColumn<QString>("knob");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("denied") << "deny"
                            << "access_denied";
    QTest::newRow("issuer mix-up") << "wrongIss"
                                   << "";
    QTest::newRow("token error") << "tokenError"
                                 << "invalid_request";
    QTest::newRow("token endpoint down") << "tokenHttpStatus"
                                         << "HTTP 500";
}

void TestSignIn::reportsProviderFailures()
{
    QFETCH(QString, knob);
    QFETCH(QString, messagePart);
    auto &behaviour = m_idp->behaviour();
    if (knob == QLatin1String("deny"))
        behaviour.deny = true;
    else if (knob == QLatin1String("wrongIss"))
        behaviour.wrongIss = true;
    else if (knob == QLatin1String("tokenError"))
        behaviour.tokenError = QStringLiteral("invalid_request");
    else
        behaviour.tokenHttpStatus = 500;
    auto service = makeService();
    QSignalSpy failed(service.get(), &SignInService::failed);
    service->signIn();
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, waitMs);
    const QString message = failed.first().first().toString();
    QVERIFY2(!message.isEmpty() && message.contains(messagePart), qPrintable(message));
    QCOMPARE(service->state(), SignInService::State::SignedOut);
    QTRY_COMPARE_WITH_TIMEOUT(m_browser->pages.size(), 1, waitMs);
    QVERIFY2(!m_browser->pages.first().contains(QLatin1String("Signed in")),
             qPrintable(m_browser->pages.first()));
}

void TestSignIn::ignoresACallbackWithTheWrongState()
{
    m_idp->behaviour().wrongState = true;
    auto service = makeService();
    QSignalSpy failed(service.get(), &SignInService::failed);
    service->signIn();
    QTRY_COMPARE_WITH_TIMEOUT(m_browser->pages.size(), 1, waitMs);
    QCOMPARE(m_browser->statuses.first(), 400);
    QCOMPARE(service->state(), SignInService::State::WaitingForBrowser); // still waiting
    QVERIFY(failed.isEmpty());
    service->cancel();
    QCOMPARE(failed.size(), 1);
    QVERIFY(failed.first().first().toString().contains(QLatin1String("cancelled")));
    QCOMPARE(service->state(), SignInService::State::SignedOut);
}

void TestSignIn::reportsAnUnreachableProvider()
{
    m_profile.issuer = QStringLiteral("http://127.0.0.1:1");
    auto service = makeService();
    QSignalSpy failed(service.get(), &SignInService::failed);
    service->signIn();
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, waitMs);
    QVERIFY2(failed.first().first().toString().startsWith(QLatin1String("Cannot reach")),
             qPrintable(failed.first().first().toString()));
    QCOMPARE(service->state(), SignInService::State::SignedOut);
    QVERIFY(m_opened.isEmpty());
}

void TestSignIn::timesOutAndCancels()
{
    m_browserActs = false; // the person never comes back
    auto service = makeService();
    service->setBrowserTimeout(std::chrono::milliseconds(300));
    QSignalSpy failed(service.get(), &SignInService::failed);
    service->signIn();
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, waitMs);
    QCOMPARE(service->state(), SignInService::State::SignedOut);
    QVERIFY(!service->authorizationUrl().isValid() || service->authorizationUrl().isEmpty());
}

void TestSignIn::keepsTheSessionInMemoryWithoutAKeychain()
{
    m_secrets->setAvailable(false);
    auto service = makeService();
    QSignalSpy signedIn(service.get(), &SignInService::signedIn);
    QSignalSpy notices(service.get(), &SignInService::notice);
    service->signIn();
    QTRY_COMPARE_WITH_TIMEOUT(signedIn.size(), 1, waitMs);
    QTRY_VERIFY_WITH_TIMEOUT(!notices.isEmpty(), waitMs);
    QVERIFY2(notices.last().first().toString().contains(QLatin1String("until Rolecall closes")),
             qPrintable(notices.last().first().toString()));
    QVERIFY(!service->keychainAvailable());
    QCOMPARE(service->state(), SignInService::State::SignedIn);
}

QTEST_GUILESS_MAIN(TestSignIn)
#include "tst_signin.moc"
