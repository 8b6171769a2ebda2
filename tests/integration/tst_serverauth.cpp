// rolecall-server's bearer-token checks: JWT access tokens and opaque ones
// from the test identity provider; every bad token is a 401 problem, and no
// token ever reaches a log.
#include "support/rolefixtures.h"
#include "support/rsakeypair.h"
#include "support/serverfixture.h"

#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QSignalSpy>
#include <QTest>

using namespace rolecall;
using namespace rolecall::testing;

namespace {

QStringList g_messages; // everything qDebug & co. said during the test
QtMessageHandler g_previousHandler = nullptr;

void captureMessages(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    g_messages.append(message);
    g_previousHandler(type, context, message);
}

QByteArray unsignedJwt(const QJsonObject &header, const QJsonObject &payload)
{
    return base64Url(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.' +
           base64Url(QJsonDocument(payload).toJson(QJsonDocument::Compact)) + '.';
}

// The classic confusion attack: HS256 with the RSA public key as the secret.
QByteArray hs256Jwt(const QJsonObject &payload, const RsaKeyPair &key)
{
    const QByteArray input =
        base64Url(QJsonDocument(QJsonObject{{QStringLiteral("alg"), QStringLiteral("HS256")},
                                            {QStringLiteral("typ"), QStringLiteral("JWT")},
                                            {QStringLiteral("kid"), key.kid()}})
                      .toJson(QJsonDocument::Compact)) +
        '.' + base64Url(QJsonDocument(payload).toJson(QJsonDocument::Compact));
    return input + '.' +
           base64Url(QMessageAuthenticationCode::hash(input, key.publicKeyPem(),
                                                      QCryptographicHash::Sha256));
}

QJsonObject payloadOf(const QByteArray &jwt)
{
    return QJsonDocument::fromJson(
               QByteArray::fromBase64(jwt.split('.').value(1), QByteArray::Base64UrlEncoding))
        .object();
}

} // namespace

class TestServerAuth : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void aJwtAccessTokenSignsIn();
    void anOpaqueTokenIsCheckedAtUserinfoAndCachedBriefly();
    void aRotatedKeyIsFetchedOnce();
    void badTokensAreRefused_data();
    void badTokensAreRefused();
    void anUnknownKeyRefetchesTheKeySetNoMoreThanOnce();
    void noTokenIsEverLogged();

private:
    QString m_db;
    ServerFixture m_server;
    QStringList m_tokensUsed;
};

void TestServerAuth::initTestCase()
{
    g_previousHandler = qInstallMessageHandler(captureMessages);
    RoleWriterDatabases databases;
    QString error;
    if (!databases.start(&error))
        QSKIP(qPrintable(error));
    m_db = databases.freshDatabase(20);
    QVERIFY(!m_db.isEmpty());
    QVERIFY2(m_server.start(m_db, &error), qPrintable(error));
}

void TestServerAuth::cleanupTestCase()
{
    m_server.stop();
    qInstallMessageHandler(g_previousHandler);
}

void TestServerAuth::aJwtAccessTokenSignsIn()
{
    const QByteArray token = m_server.tokenOf(5);
    m_tokensUsed << QString::fromLatin1(token);
    const HttpAnswer me = m_server.get(QStringLiteral("/me"), token);
    QCOMPARE(me.status, 200);
    QCOMPARE(me.json().value(QLatin1String("userFound")).toBool(), true);
    QVERIFY(me.json().value(QLatin1String("canWrite")).toBool());
}

void TestServerAuth::anOpaqueTokenIsCheckedAtUserinfoAndCachedBriefly()
{
    QSignalSpy served(&m_server.idp(), &TestIdentityProvider::requestServed);
    const QString token = m_server.idp().issueOpaqueAccessToken();
    m_tokensUsed << token;
    QCOMPARE(m_server.get(QStringLiteral("/me"), token.toLatin1()).status, 200);
    QCOMPARE(m_server.get(QStringLiteral("/me"), token.toLatin1()).status, 200);
    int userinfoCalls = 0;
    for (const auto &call : served)
        userinfoCalls += call.at(1).toString() == QLatin1String("/oauth/userinfo");
    QCOMPARE(userinfoCalls, 1); // the second answer came from the cache
}

void TestServerAuth::aRotatedKeyIsFetchedOnce()
{
    const int before = m_server.idp().jwksRequestCount();
    m_server.idp().rotateSigningKey();
    const QByteArray token = m_server.tokenOf(5);
    m_tokensUsed << QString::fromLatin1(token);
    QCOMPARE(m_server.get(QStringLiteral("/me"), token).status, 200);
    QCOMPARE(m_server.idp().jwksRequestCount(), before + 1);
}

void TestServerAuth::badTokensAreRefused_data()
{
    QTest::addColumn<QByteArray>("authorization");
    TestIdentityProvider &idp = m_server.idp();
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const QByteArray good = m_server.tokenOf(5);
    const QJsonObject claims = payloadOf(good);
    const QString revoked = idp.issueOpaqueAccessToken();
    idp.revokeAccessToken(revoked);
    const QString expiredOpaque = idp.issueOpaqueAccessToken(-10);
    QByteArray tampered = good;
    tampered[tampered.indexOf('.') + 5] = tampered[tampered.indexOf('.') + 5] == 'A' ? 'B' : 'A';

    const auto bearer = [](const QByteArray &token) { return "Bearer " + token; };
    QTest::newRow("none") << QByteArray();
    QTest::newRow("basic") << QByteArray("Basic dXNlcjpwYXNz");
    QTest::newRow("empty bearer") << QByteArray("Bearer ");
    QTest::newRow("expired") << bearer(idp.makeAccessToken(
        {{QStringLiteral("exp"), now - 120}, {QStringLiteral("iat"), now - 3700}}));
    QTest::newRow("not yet valid")
        << bearer(idp.makeAccessToken({{QStringLiteral("nbf"), now + 600}}));
    QTest::newRow("wrong issuer") << bearer(
        idp.makeAccessToken({{QStringLiteral("iss"), QStringLiteral("http://evil.example")}}));
    QTest::newRow("wrong audience") << bearer(
        idp.makeAccessToken({{QStringLiteral("azp"), QStringLiteral("other-app")},
                             {QStringLiteral("client_id"), QStringLiteral("other-app")}}));
    QTest::newRow("no subject") << bearer(idp.makeAccessToken({{QStringLiteral("sub"), {}}}));
    QTest::newRow("alg none") << bearer(
        unsignedJwt({{QStringLiteral("alg"), QStringLiteral("none")},
                     {QStringLiteral("typ"), QStringLiteral("at+jwt")}},
                    claims));
    QTest::newRow("HS256 with the public key") << bearer(hs256Jwt(claims, idp.currentKey()));
    QTest::newRow("tampered payload") << bearer(tampered);
    QTest::newRow("foreign key") << bearer(makeJwt(
        QJsonObject{{QStringLiteral("typ"), QStringLiteral("at+jwt")}}, claims, RsaKeyPair()));
    QTest::newRow("revoked opaque") << bearer(revoked.toLatin1());
    QTest::newRow("expired opaque") << bearer(expiredOpaque.toLatin1());
    QTest::newRow("made-up opaque") << bearer("oat_madeup");
    QTest::newRow("not token characters") << QByteArray("Bearer abc def\"<>");
}

void TestServerAuth::badTokensAreRefused()
{
    QFETCH(QByteArray, authorization);
    if (authorization.startsWith("Bearer ") && authorization.size() > 12)
        m_tokensUsed << QString::fromLatin1(authorization.mid(7));
    HttpCall call{QByteArrayLiteral("GET"), QStringLiteral("/me"), {}, {}, {}};
    if (!authorization.isEmpty())
        call.headers.append({QByteArrayLiteral("Authorization"), authorization});
    const HttpAnswer answer = request(m_server.port(), call);
    QCOMPARE(answer.status, 401);
    QCOMPARE(answer.headers.value("content-type"), QByteArray("application/problem+json"));
    QCOMPARE(answer.json().value(QLatin1String("type")).toString(),
             QStringLiteral("https://rolecall.dev/problems/unauthorized"));
    QVERIFY(answer.headers.value("www-authenticate").startsWith("Bearer"));
    QVERIFY(!answer.json().value(QLatin1String("detail")).toString().isEmpty());
}

void TestServerAuth::anUnknownKeyRefetchesTheKeySetNoMoreThanOnce()
{
    ServerFixture fresh;
    QString error;
    QVERIFY2(fresh.start(m_db, &error), qPrintable(error));
    QCOMPARE(fresh.get(QStringLiteral("/me"), fresh.tokenOf(5)).status, 200);
    const int afterFirst = fresh.idp().jwksRequestCount();
    fresh.idp().behaviour().signWithUnknownKid = true;
    for (int i = 0; i < 3; ++i) {
        const QByteArray token = fresh.idp().makeAccessToken({});
        m_tokensUsed << QString::fromLatin1(token);
        QCOMPARE(fresh.get(QStringLiteral("/me"), token).status, 401);
    }
    QCOMPARE(fresh.idp().jwksRequestCount(), afterFirst + 1);
}

void TestServerAuth::noTokenIsEverLogged()
{
    const QStringList log = m_server.logLines();
    QVERIFY(!log.isEmpty());
    for (const QString &line : log) {
        const QJsonObject entry = QJsonDocument::fromJson(line.toUtf8()).object();
        QVERIFY2(entry.contains(QLatin1String("status")), qPrintable(line));
        QVERIFY2(!line.contains(QLatin1String("eyJ")) && !line.contains(QLatin1String("oat_")) &&
                     !line.contains(QLatin1String("Bearer")),
                 qPrintable(line));
    }
    const QStringList everything = log + g_messages;
    for (const QString &token : std::as_const(m_tokensUsed)) {
        for (const QString &text : everything) {
            // Any 16-character piece of a token would be a leak.
            for (qsizetype at = 0; at + 16 <= token.size(); at += 8)
                QVERIFY2(!text.contains(token.mid(at, 16)), qPrintable(text));
        }
    }
}

QTEST_GUILESS_MAIN(TestServerAuth)
#include "tst_serverauth.moc"
