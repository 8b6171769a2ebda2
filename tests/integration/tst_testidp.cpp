// The test identity provider is itself tested here, by hand, so that the
// sign-in tests can trust it.
#include "auth/idtokenverifier.h"
#include "auth/jwks.h"
#include "support/rsakeypair.h"
#include "support/testidp.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QUrlQuery>

using rolecall::auth::IdTokenClaims;
using rolecall::auth::IdTokenError;
using rolecall::auth::IdTokenExpectations;
using rolecall::auth::IdTokenFailure;
using rolecall::auth::Jwks;
using rolecall::auth::verifyIdToken;
using rolecall::testing::base64Url;
using rolecall::testing::TestIdentityProvider;

namespace {

struct HttpResult
{
    int status = 0;
    QByteArray body;
    QUrl location;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

const QString redirectUri = QStringLiteral("http://127.0.0.1:43123/callback");
const QByteArray verifier = QByteArrayLiteral("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");

QString challengeFor(const QByteArray &codeVerifier)
{
    return QString::fromLatin1(
        base64Url(QCryptographicHash::hash(codeVerifier, QCryptographicHash::Sha256)));
}

} // namespace

class TestTestIdp : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void discovery();
    void authorizeRejectsBadRequests_data();
    void authorizeRejectsBadRequests();
    void authorizeMisbehaves();
    void codeExchange();
    void refreshRotates();
    void refreshWithoutRotation();
    void revocation();
    void userInfo();
    void tokenMisbehaves();
    void rotatedKeys();
    void madeTokensVerify();
    void survivesMalformedRequests();

private:
    HttpResult get(const QUrl &url, const QByteArray &bearer = {});
    HttpResult postForm(const QString &path, const QUrlQuery &form);
    HttpResult finish(QNetworkReply *reply);
    QUrl authorizeUrl(const QString &scope = QStringLiteral("openid email profile offline_access"),
                      const QByteArray &codeVerifier = verifier) const;
    // Runs authorize and returns the redirect's query.
    QUrlQuery
    authorize(const QString &scope = QStringLiteral("openid email profile offline_access"));
    QJsonObject exchange(const QString &code);
    Jwks fetchJwks();
    QUrlQuery refreshForm(const QString &refreshToken) const;
    IdTokenExpectations expectations(const QString &nonce) const;

    TestIdentityProvider m_idp;
    QNetworkAccessManager m_nam;
};

void TestTestIdp::initTestCase()
{
    m_nam.setProxy(QNetworkProxy::NoProxy);
    QString error;
    QVERIFY2(m_idp.start(&error), qPrintable(error));
    QVERIFY(m_idp.issuer().startsWith(QStringLiteral("http://127.0.0.1:")));
    QVERIFY(!m_idp.issuer().endsWith(QLatin1Char('/')));
}

void TestTestIdp::init()
{
    m_idp.behaviour() = TestIdentityProvider::Behaviour();
}

HttpResult TestTestIdp::finish(QNetworkReply *reply)
{
    QSignalSpy spy(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        spy.wait(10'000);
    HttpResult result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    result.location = QUrl::fromEncoded(reply->rawHeader("Location"));
    reply->deleteLater();
    return result;
}

HttpResult TestTestIdp::get(const QUrl &url, const QByteArray &bearer)
{
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    if (!bearer.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + bearer);
    return finish(m_nam.get(request));
}

HttpResult TestTestIdp::postForm(const QString &path, const QUrlQuery &form)
{
    QNetworkRequest request(QUrl(m_idp.issuer() + path));
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QStringLiteral("application/x-www-form-urlencoded"));
    return finish(m_nam.post(request, form.toString(QUrl::FullyEncoded).toLatin1()));
}

QUrl TestTestIdp::authorizeUrl(const QString &scope, const QByteArray &codeVerifier) const
{
    QUrl url(m_idp.issuer() + QStringLiteral("/oauth/authorize"));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("response_type"), QStringLiteral("code"));
    query.addQueryItem(QStringLiteral("client_id"), m_idp.clientId());
    query.addQueryItem(QStringLiteral("redirect_uri"), redirectUri);
    query.addQueryItem(QStringLiteral("scope"), scope);
    query.addQueryItem(QStringLiteral("state"), QStringLiteral("state-1234567890"));
    query.addQueryItem(QStringLiteral("nonce"), QStringLiteral("nonce-abcdef"));
    query.addQueryItem(QStringLiteral("code_challenge"), challengeFor(codeVerifier));
    query.addQueryItem(QStringLiteral("code_challenge_method"), QStringLiteral("S256"));
    url.setQuery(query);
    return url;
}

QUrlQuery TestTestIdp::authorize(const QString &scope)
{
    const HttpResult result = get(authorizeUrl(scope));
    if (result.status != 302)
        qWarning("authorize answered %d: %s", result.status, result.body.constData());
    return QUrlQuery(result.location);
}

QJsonObject TestTestIdp::exchange(const QString &code)
{
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("authorization_code"));
    form.addQueryItem(QStringLiteral("code"), code);
    form.addQueryItem(QStringLiteral("redirect_uri"), redirectUri);
    form.addQueryItem(QStringLiteral("client_id"), m_idp.clientId());
    form.addQueryItem(QStringLiteral("code_verifier"), QString::fromLatin1(verifier));
    return postForm(QStringLiteral("/oauth/token"), form).json();
}

Jwks TestTestIdp::fetchJwks()
{
    const HttpResult result = get(QUrl(m_idp.issuer() + QStringLiteral("/.well-known/jwks.json")));
    QString error;
    const std::optional<Jwks> jwks = Jwks::parse(result.body, &error);
    if (!jwks)
        qWarning("JWKS: %s", qPrintable(error));
    return jwks.value_or(Jwks());
}

QUrlQuery TestTestIdp::refreshForm(const QString &refreshToken) const
{
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("refresh_token"));
    form.addQueryItem(QStringLiteral("refresh_token"), refreshToken);
    form.addQueryItem(QStringLiteral("client_id"), m_idp.clientId());
    return form;
}

IdTokenExpectations TestTestIdp::expectations(const QString &nonce) const
{
    IdTokenExpectations expected;
    expected.issuer = m_idp.issuer();
    expected.clientId = m_idp.clientId();
    expected.nonce = nonce;
    return expected;
}

void TestTestIdp::discovery()
{
    const QString base = m_idp.issuer();
    HttpResult result = get(QUrl(base + QStringLiteral("/.well-known/openid-configuration")));
    QCOMPARE(result.status, 200);
    QJsonObject doc = result.json();
    QCOMPARE(doc.value(QStringLiteral("issuer")).toString(), base);
    QCOMPARE(doc.value(QStringLiteral("authorization_endpoint")).toString(),
             base + QStringLiteral("/oauth/authorize"));
    QCOMPARE(doc.value(QStringLiteral("token_endpoint")).toString(),
             base + QStringLiteral("/oauth/token"));
    QCOMPARE(doc.value(QStringLiteral("jwks_uri")).toString(),
             base + QStringLiteral("/.well-known/jwks.json"));
    QCOMPARE(doc.value(QStringLiteral("userinfo_endpoint")).toString(),
             base + QStringLiteral("/oauth/userinfo"));
    QCOMPARE(doc.value(QStringLiteral("revocation_endpoint")).toString(),
             base + QStringLiteral("/oauth/token/revoke"));
    QCOMPARE(doc.value(QStringLiteral("response_types_supported")).toArray(),
             QJsonArray{QStringLiteral("code")});
    QCOMPARE(doc.value(QStringLiteral("code_challenge_methods_supported")).toArray(),
             QJsonArray{QStringLiteral("S256")});
    QCOMPARE(doc.value(QStringLiteral("id_token_signing_alg_values_supported")).toArray(),
             QJsonArray{QStringLiteral("RS256")});
    QVERIFY(doc.value(QStringLiteral("grant_types_supported"))
                .toArray()
                .contains(QStringLiteral("refresh_token")));
    QVERIFY(doc.value(QStringLiteral("token_endpoint_auth_methods_supported"))
                .toArray()
                .contains(QStringLiteral("none")));
    QVERIFY(doc.contains(QStringLiteral("scopes_supported")));
    QVERIFY(doc.contains(QStringLiteral("subject_types_supported")));

    m_idp.behaviour().revocation = false;
    result = get(QUrl(base + QStringLiteral("/.well-known/openid-configuration")));
    QVERIFY(!result.json().contains(QStringLiteral("revocation_endpoint")));
}

void TestTestIdp::authorizeRejectsBadRequests_data()
{
    QTest::addColumn<QString>("param");
    QTest::addColumn<QString>("value"); // empty: removed
    QTest::newRow("response_type") << QStringLiteral("response_type") << QStringLiteral("token");
    QTest::newRow("client_id") << QStringLiteral("client_id") << QStringLiteral("someone-else");
    QTest::newRow("redirect https")
        << QStringLiteral("redirect_uri") << QStringLiteral("https://127.0.0.1:1/cb");
    QTest::newRow("redirect host")
        << QStringLiteral("redirect_uri") << QStringLiteral("http://127.0.0.1:@evil.example/cb");
    QTest::newRow("no challenge") << QStringLiteral("code_challenge") << QString();
    QTest::newRow("plain") << QStringLiteral("code_challenge_method") << QStringLiteral("plain");
    QTest::newRow("no state") << QStringLiteral("state") << QString();
}

void TestTestIdp::authorizeRejectsBadRequests()
{
    QFETCH(QString, param);
    QFETCH(QString, value);
    QUrl url = authorizeUrl();
    QUrlQuery query(url);
    query.removeQueryItem(param);
    if (!value.isEmpty())
        query.addQueryItem(param, value);
    url.setQuery(query);
    const HttpResult result = get(url);
    QCOMPARE(result.status, 400);
    QVERIFY(result.body.startsWith("Invalid authorization request"));
}

void TestTestIdp::authorizeMisbehaves()
{
    QUrlQuery query = authorize();
    QCOMPARE(query.queryItemValue(QStringLiteral("state")), QStringLiteral("state-1234567890"));
    QCOMPARE(query.queryItemValue(QStringLiteral("iss"), QUrl::FullyDecoded), m_idp.issuer());
    QCOMPARE(m_idp.lastNonce(), QStringLiteral("nonce-abcdef"));
    QCOMPARE(m_idp.lastRedirectUri(), QUrl(redirectUri));

    m_idp.behaviour().deny = true;
    query = authorize();
    QCOMPARE(query.queryItemValue(QStringLiteral("error")), QStringLiteral("access_denied"));
    QVERIFY(!query.hasQueryItem(QStringLiteral("code")));
    QCOMPARE(query.queryItemValue(QStringLiteral("state")), QStringLiteral("state-1234567890"));

    m_idp.behaviour() = {};
    m_idp.behaviour().wrongState = true;
    m_idp.behaviour().wrongIss = true;
    query = authorize();
    QVERIFY(query.hasQueryItem(QStringLiteral("code")));
    QVERIFY(query.queryItemValue(QStringLiteral("state")) != QStringLiteral("state-1234567890"));
    QCOMPARE(query.queryItemValue(QStringLiteral("iss"), QUrl::FullyDecoded),
             QStringLiteral("http://evil.example"));

    m_idp.behaviour() = {};
    m_idp.behaviour().omitState = true;
    m_idp.behaviour().sendIss = false;
    m_idp.behaviour().authorizeDelayMs = 200;
    QElapsedTimer timer;
    timer.start();
    query = authorize();
    QVERIFY(timer.elapsed() >= 150);
    QVERIFY(query.hasQueryItem(QStringLiteral("code")));
    QVERIFY(!query.hasQueryItem(QStringLiteral("state")));
    QVERIFY(!query.hasQueryItem(QStringLiteral("iss")));
}

void TestTestIdp::codeExchange()
{
    const QString code = authorize().queryItemValue(QStringLiteral("code"));
    QVERIFY(!code.isEmpty());

    // PKCE: a wrong verifier is refused and does not use the code up.
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("authorization_code"));
    form.addQueryItem(QStringLiteral("code"), code);
    form.addQueryItem(QStringLiteral("redirect_uri"), redirectUri);
    form.addQueryItem(QStringLiteral("client_id"), m_idp.clientId());
    form.addQueryItem(QStringLiteral("code_verifier"),
                      QStringLiteral("wrong-verifier-wrong-verifier-wrong-verifier"));
    HttpResult result = postForm(QStringLiteral("/oauth/token"), form);
    QVERIFY(result.status == 400 || result.status == 401);
    QCOMPARE(result.json().value(QStringLiteral("error")).toString(),
             QStringLiteral("invalid_grant"));

    // redirect_uri must match exactly.
    form.removeQueryItem(QStringLiteral("code_verifier"));
    form.addQueryItem(QStringLiteral("code_verifier"), QString::fromLatin1(verifier));
    form.removeQueryItem(QStringLiteral("redirect_uri"));
    form.addQueryItem(QStringLiteral("redirect_uri"), redirectUri + QLatin1Char('/'));
    result = postForm(QStringLiteral("/oauth/token"), form);
    QCOMPARE(result.json().value(QStringLiteral("error")).toString(),
             QStringLiteral("invalid_grant"));

    const QJsonObject tokens = exchange(code);
    QVERIFY(tokens.value(QStringLiteral("access_token")).toString().startsWith(u"oat_"));
    QVERIFY(tokens.value(QStringLiteral("refresh_token")).toString().startsWith(u"clk_refresh_"));
    QCOMPARE(tokens.value(QStringLiteral("token_type")).toString(), QStringLiteral("Bearer"));
    QCOMPARE(tokens.value(QStringLiteral("expires_in")).toInt(), 3600);
    QVERIFY(!m_idp.tokenRequests().isEmpty());
    QCOMPARE(m_idp.tokenRequests().constLast().queryItemValue(QStringLiteral("code_verifier")),
             QString::fromLatin1(verifier));

    // The ID token verifies against the served JWKS.
    const IdTokenExpectations expected = expectations(QStringLiteral("nonce-abcdef"));
    const auto verified = verifyIdToken(
        tokens.value(QStringLiteral("id_token")).toString().toLatin1(), fetchJwks(), expected);
    QVERIFY2(std::holds_alternative<IdTokenClaims>(verified),
             std::holds_alternative<IdTokenFailure>(verified)
                 ? qPrintable(std::get<IdTokenFailure>(verified).message)
                 : "");
    const auto &claims = std::get<IdTokenClaims>(verified);
    QCOMPARE(claims.subject, m_idp.user().subject);
    QCOMPARE(claims.email, m_idp.user().email);
    QCOMPARE(claims.name, QStringLiteral("Ada Admin"));

    // Single use.
    const QJsonObject again = exchange(code);
    QCOMPARE(again.value(QStringLiteral("error")).toString(), QStringLiteral("invalid_grant"));

    // No offline_access, no refresh token.
    const QString code2 = authorize(QStringLiteral("openid email")).queryItemValue(u"code"_qs);
    QVERIFY(!exchange(code2).contains(QStringLiteral("refresh_token")));
}

void TestTestIdp::refreshRotates()
{
    const QJsonObject tokens = exchange(authorize().queryItemValue(QStringLiteral("code")));
    const QString refresh = tokens.value(QStringLiteral("refresh_token")).toString();
    QUrlQuery form = refreshForm(refresh);
    HttpResult result = postForm(QStringLiteral("/oauth/token"), form);
    QCOMPARE(result.status, 200);
    const QString rotated = result.json().value(QStringLiteral("refresh_token")).toString();
    QVERIFY(!rotated.isEmpty());
    QVERIFY(rotated != refresh);
    QVERIFY(result.json().contains(QStringLiteral("id_token")));

    result = postForm(QStringLiteral("/oauth/token"), form); // the old one
    QCOMPARE(result.status, 400);
    QCOMPARE(result.json().value(QStringLiteral("error")).toString(),
             QStringLiteral("invalid_grant"));

    m_idp.behaviour().omitIdTokenOnRefresh = true;
    form.removeQueryItem(QStringLiteral("refresh_token"));
    form.addQueryItem(QStringLiteral("refresh_token"), rotated);
    result = postForm(QStringLiteral("/oauth/token"), form);
    QCOMPARE(result.status, 200);
    QVERIFY(!result.json().contains(QStringLiteral("id_token")));
}

void TestTestIdp::refreshWithoutRotation()
{
    m_idp.behaviour().rotateRefreshTokens = false;
    const QJsonObject tokens = exchange(authorize().queryItemValue(QStringLiteral("code")));
    const QString refresh = tokens.value(QStringLiteral("refresh_token")).toString();
    QVERIFY(!refresh.isEmpty());
    QUrlQuery form = refreshForm(refresh);
    for (int i = 0; i < 2; ++i) {
        const HttpResult result = postForm(QStringLiteral("/oauth/token"), form);
        QCOMPARE(result.status, 200);
        QVERIFY(!result.json().contains(QStringLiteral("refresh_token")));
    }
}

void TestTestIdp::revocation()
{
    const QJsonObject tokens = exchange(authorize().queryItemValue(QStringLiteral("code")));
    const QString refresh = tokens.value(QStringLiteral("refresh_token")).toString();
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("token"), refresh);
    form.addQueryItem(QStringLiteral("token_type_hint"), QStringLiteral("refresh_token"));
    QCOMPARE(postForm(QStringLiteral("/oauth/token/revoke"), form).status, 200);
    QVERIFY(m_idp.revokedTokens().contains(refresh));

    const QUrlQuery refreshRequest = refreshForm(refresh);
    const HttpResult result = postForm(QStringLiteral("/oauth/token"), refreshRequest);
    QCOMPARE(result.json().value(QStringLiteral("error")).toString(),
             QStringLiteral("invalid_grant"));

    m_idp.behaviour().revocation = false;
    QCOMPARE(postForm(QStringLiteral("/oauth/token/revoke"), form).status, 404);
}

void TestTestIdp::userInfo()
{
    const QJsonObject tokens = exchange(authorize().queryItemValue(QStringLiteral("code")));
    const QUrl url(m_idp.issuer() + QStringLiteral("/oauth/userinfo"));
    HttpResult result =
        get(url, tokens.value(QStringLiteral("access_token")).toString().toLatin1());
    QCOMPARE(result.status, 200);
    QCOMPARE(result.json().value(QStringLiteral("sub")).toString(), m_idp.user().subject);
    QCOMPARE(result.json().value(QStringLiteral("email")).toString(), m_idp.user().email);
    QCOMPARE(get(url).status, 401);
    QCOMPARE(get(url, "oat_not-a-token").status, 401);
}

void TestTestIdp::tokenMisbehaves()
{
    const QString code = authorize().queryItemValue(QStringLiteral("code"));
    m_idp.behaviour().tokenHttpStatus = 500;
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("authorization_code"));
    HttpResult result = postForm(QStringLiteral("/oauth/token"), form);
    QCOMPARE(result.status, 500);
    QVERIFY(result.body.contains("<html>"));

    m_idp.behaviour() = {};
    m_idp.behaviour().tokenError = QStringLiteral("temporarily_unavailable");
    result = postForm(QStringLiteral("/oauth/token"), form);
    QCOMPARE(result.status, 400);
    QCOMPARE(result.json().value(QStringLiteral("error")).toString(),
             QStringLiteral("temporarily_unavailable"));

    m_idp.behaviour() = {};
    m_idp.behaviour().idTokenOverride = QByteArrayLiteral("not.a.jwt");
    m_idp.behaviour().tokenDelayMs = 200;
    m_idp.behaviour().accessTokenLifetime = 60;
    QElapsedTimer timer;
    timer.start();
    const QJsonObject tokens = exchange(code);
    QVERIFY(timer.elapsed() >= 150);
    QCOMPARE(tokens.value(QStringLiteral("id_token")).toString(), QStringLiteral("not.a.jwt"));
    QCOMPARE(tokens.value(QStringLiteral("expires_in")).toInt(), 60);
}

void TestTestIdp::rotatedKeys()
{
    const IdTokenExpectations expected = expectations(QStringLiteral("nonce-abcdef"));

    // Signed with a key the JWKS does not have yet...
    m_idp.behaviour().signWithUnknownKid = true;
    const QJsonObject tokens = exchange(authorize().queryItemValue(QStringLiteral("code")));
    const QByteArray idToken = tokens.value(QStringLiteral("id_token")).toString().toLatin1();
    const int fetchesBefore = m_idp.jwksRequestCount();
    Jwks jwks = fetchJwks();
    QCOMPARE(m_idp.jwksRequestCount(), fetchesBefore + 1);
    QCOMPARE(jwks.size(), 1);
    auto verified = verifyIdToken(idToken, jwks, expected);
    QVERIFY(std::holds_alternative<IdTokenFailure>(verified));
    QCOMPARE(std::get<IdTokenFailure>(verified).error, IdTokenError::UnknownKey);

    // ...which a rotation then publishes, next to the old one.
    const QString oldKid = m_idp.currentKey().kid();
    m_idp.rotateSigningKey();
    QVERIFY(m_idp.currentKey().kid() != oldKid);
    jwks = fetchJwks();
    QCOMPARE(jwks.size(), 2);
    QVERIFY(jwks.contains(oldKid));
    QVERIFY(jwks.contains(m_idp.currentKey().kid()));
    verified = verifyIdToken(idToken, jwks, expected);
    QVERIFY(std::holds_alternative<IdTokenClaims>(verified));
}

void TestTestIdp::madeTokensVerify()
{
    const Jwks jwks = fetchJwks();
    const IdTokenExpectations expected = expectations(QStringLiteral("n1"));
    QVERIFY(std::holds_alternative<IdTokenClaims>(
        verifyIdToken(m_idp.makeIdToken({}, QStringLiteral("n1")), jwks, expected)));
    const auto noSubject =
        verifyIdToken(m_idp.makeIdToken(QJsonObject{{QStringLiteral("sub"), QJsonValue::Null}},
                                        QStringLiteral("n1")),
                      jwks, expected);
    QVERIFY(std::holds_alternative<IdTokenFailure>(noSubject));
    QCOMPARE(std::get<IdTokenFailure>(noSubject).error, IdTokenError::MissingSubject);
    const auto wrongIssuer =
        verifyIdToken(m_idp.makeIdToken(QJsonObject{{QStringLiteral("iss"),
                                                     QStringLiteral("http://evil.example")}},
                                        QStringLiteral("n1")),
                      jwks, expected);
    QVERIFY(std::holds_alternative<IdTokenFailure>(wrongIssuer));
    QCOMPARE(std::get<IdTokenFailure>(wrongIssuer).error, IdTokenError::WrongIssuer);
}

void TestTestIdp::survivesMalformedRequests()
{
    const auto raw = [this](const QByteArray &bytes) {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_idp.port());
        if (!socket.waitForConnected(5000))
            return QByteArray("no connection");
        socket.write(bytes);
        QByteArray answer;
        // waitFor* would block the server, which runs on this thread: turn the
        // event loop instead, until it closes the connection after answering.
        if (!QTest::qWaitFor(
                [&] {
                    answer.append(socket.readAll());
                    return socket.state() == QAbstractSocket::UnconnectedState;
                },
                5000))
            return QByteArray("still open after: " + answer);
        answer.append(socket.readAll());
        return answer;
    };
    QVERIFY(raw(QByteArray("\x00\x01\xff garbage\r\n\r\n", 16)).startsWith("HTTP/1.1 400"));
    QVERIFY(
        raw("GET /oauth/authorize HTTP/1.1\r\nno colon here\r\n\r\n").startsWith("HTTP/1.1 400"));
    QVERIFY(
        raw("POST /oauth/token HTTP/1.1\r\nContent-Length: -5\r\n\r\n").startsWith("HTTP/1.1 400"));
    QVERIFY(raw("POST /oauth/token HTTP/1.1\r\nContent-Length: 999999999\r\n\r\n")
                .startsWith("HTTP/1.1 413"));
    QVERIFY(raw("GET / HTTP/1.1\r\nX-Big: " + QByteArray(100 * 1024, 'a') + "\r\n\r\n")
                .startsWith("HTTP/1.1 413"));

    const HttpResult result =
        get(QUrl(m_idp.issuer() + QStringLiteral("/.well-known/openid-configuration")));
    QCOMPARE(result.status, 200);
}

QTEST_GUILESS_MAIN(TestTestIdp)
#include "tst_testidp.moc"
