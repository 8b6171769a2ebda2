#include "auth/idtokenverifier.h"
#include "auth/jwks.h"
#include "support/rsakeypair.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <openssl/evp.h>

#include <optional>

using rolecall::auth::IdTokenClaims;
using rolecall::auth::IdTokenError;
using rolecall::auth::IdTokenExpectations;
using rolecall::auth::IdTokenFailure;
using rolecall::auth::Jwks;
using rolecall::auth::verifyIdToken;
using rolecall::testing::base64Url;
using rolecall::testing::RsaKeyPair;

namespace {

const QString issuer = QStringLiteral("https://clerk.example.test");
const QString clientId = QStringLiteral("client_abc123");
const QString nonce = QStringLiteral("n-0S6_WzA2Mj");
constexpr qint64 now = 1'800'000'000;

QByteArray b64(const QByteArray &bytes)
{
    return base64Url(bytes);
}

QByteArray b64(const QJsonObject &object)
{
    return base64Url(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QByteArray hmacSha256(const QByteArray &secret, const QByteArray &input)
{
    QByteArray mac(EVP_MAX_MD_SIZE, Qt::Uninitialized);
    size_t length = 0;
    if (!EVP_Q_mac(nullptr, "HMAC", nullptr, "SHA256", nullptr, secret.constData(),
                   static_cast<size_t>(secret.size()),
                   reinterpret_cast<const unsigned char *>(input.constData()),
                   static_cast<size_t>(input.size()), reinterpret_cast<unsigned char *>(mac.data()),
                   static_cast<size_t>(mac.size()), &length))
        return {};
    mac.resize(static_cast<qsizetype>(length));
    return mac;
}

QJsonObject header(const QString &kid = QStringLiteral("k1"),
                   const QString &alg = QStringLiteral("RS256"))
{
    return QJsonObject{{QStringLiteral("alg"), alg},
                       {QStringLiteral("typ"), QStringLiteral("JWT")},
                       {QStringLiteral("kid"), kid}};
}

QJsonObject goodPayload()
{
    return QJsonObject{
        {QStringLiteral("iss"), issuer},
        {QStringLiteral("sub"), QStringLiteral("user_2abcDEF")},
        {QStringLiteral("aud"), clientId},
        {QStringLiteral("exp"), now + 3600},
        {QStringLiteral("iat"), now - 10},
        {QStringLiteral("nbf"), now - 10},
        {QStringLiteral("nonce"), nonce},
        {QStringLiteral("email"), QStringLiteral("ada@example.com")},
        {QStringLiteral("name"), QStringLiteral("Ada Lovelace")},
        {QStringLiteral("given_name"), QStringLiteral("Ada")},
        {QStringLiteral("family_name"), QStringLiteral("Lovelace")},
    };
}

// A null or undefined value ({}) removes the claim.
QJsonObject withClaim(QJsonObject payload, const QString &claim, const QJsonValue &value)
{
    if (value.isNull() || value.isUndefined())
        payload.remove(claim);
    else
        payload.insert(claim, value);
    return payload;
}

// The header exactly as given: the tests leave out what they want missing.
QByteArray rs256(const QJsonObject &head, const QJsonObject &payload, const RsaKeyPair &key)
{
    return rolecall::testing::signJwt(head, payload, key);
}

IdTokenExpectations expectations()
{
    IdTokenExpectations e;
    e.issuer = issuer;
    e.clientId = clientId;
    e.nonce = nonce;
    e.now = QDateTime::fromSecsSinceEpoch(now, Qt::UTC);
    return e;
}

} // namespace

class TestIdTokenVerifier : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void acceptsGoodTokens_data();
    void acceptsGoodTokens();
    void readsClaims();
    void rejectsBadTokens_data();
    void rejectsBadTokens();
    void jwksRejectsBadDocuments_data();
    void jwksRejectsBadDocuments();
    void jwksSkipsUnusableKeys();
    void jwksCopiesShareKeys();

private:
    // Keys are made at run time so that no key material is ever committed.
    const RsaKeyPair m_key1{QStringLiteral("k1")};
    const RsaKeyPair m_key2{QStringLiteral("k2")};
    std::optional<Jwks> m_jwks;
};

void TestIdTokenVerifier::initTestCase()
{
    QVERIFY(m_key1.isValid() && m_key2.isValid());
    const QJsonObject ec{
        {QStringLiteral("kty"), QStringLiteral("EC")},
        {QStringLiteral("crv"), QStringLiteral("P-256")},
        {QStringLiteral("kid"), QStringLiteral("ec1")},
        {QStringLiteral("x"), QStringLiteral("f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU")},
        {QStringLiteral("y"), QStringLiteral("x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0")}};
    const QJsonObject set{
        {QStringLiteral("keys"), QJsonArray{m_key1.publicJwk(), m_key2.publicJwk(), ec}}};
    QString error;
    m_jwks = Jwks::parse(QJsonDocument(set).toJson(QJsonDocument::Compact), &error);
    QVERIFY2(m_jwks, qPrintable(error));
    QCOMPARE(m_jwks->size(), 2);
}

void TestIdTokenVerifier::acceptsGoodTokens_data()
{
    QTest::addColumn<QByteArray>("token");
    const RsaKeyPair &k1 = m_key1;
    const QJsonObject good = goodPayload();
    const auto claim = [&](const char *name, const QJsonValue &value) {
        return rs256(header(), withClaim(good, QString::fromLatin1(name), value), k1);
    };

    QTest::newRow("plain") << rs256(header(), good, k1);
    QTest::newRow("signed by k2") << rs256(header(QStringLiteral("k2")), good, m_key2);
    QTest::newRow("no typ") << rs256(QJsonObject{{QStringLiteral("alg"), QStringLiteral("RS256")},
                                                 {QStringLiteral("kid"), QStringLiteral("k1")}},
                                     good, k1);
    QTest::newRow("typ lower case")
        << rs256(withClaim(header(), QStringLiteral("typ"), QStringLiteral("jwt")), good, k1);
    QTest::newRow("aud array") << claim("aud", QJsonArray{clientId});
    QTest::newRow("aud array of several, azp this client") << rs256(
        header(),
        withClaim(withClaim(good, QStringLiteral("aud"), QJsonArray{QStringLiteral("x"), clientId}),
                  QStringLiteral("azp"), clientId),
        k1);
    QTest::newRow("azp equal") << claim("azp", clientId);
    QTest::newRow("expired within leeway") << claim("exp", now - 59);
    QTest::newRow("nbf within leeway") << claim("nbf", now + 59);
    QTest::newRow("iat within leeway") << claim("iat", now + 59);
    QTest::newRow("no nbf") << claim("nbf", {});
}

void TestIdTokenVerifier::acceptsGoodTokens()
{
    QFETCH(QByteArray, token);
    const auto result = verifyIdToken(token, *m_jwks, expectations());
    const auto *failure = std::get_if<IdTokenFailure>(&result);
    QVERIFY2(!failure, failure ? qPrintable(failure->message) : "");
}

void TestIdTokenVerifier::readsClaims()
{
    const QJsonObject payload = withClaim(withClaim(goodPayload(), QStringLiteral("aud"),
                                                    QJsonArray{clientId, QStringLiteral("api")}),
                                          QStringLiteral("azp"), clientId);
    const auto result = verifyIdToken(rs256(header(), payload, m_key1), *m_jwks, expectations());
    QVERIFY(std::holds_alternative<IdTokenClaims>(result));
    const IdTokenClaims &claims = std::get<IdTokenClaims>(result);
    QCOMPARE(claims.subject, QStringLiteral("user_2abcDEF"));
    QCOMPARE(claims.email, QStringLiteral("ada@example.com"));
    QCOMPARE(claims.name, QStringLiteral("Ada Lovelace"));
    QCOMPARE(claims.givenName, QStringLiteral("Ada"));
    QCOMPARE(claims.familyName, QStringLiteral("Lovelace"));
    QCOMPARE(claims.issuer, issuer);
    QCOMPARE(claims.nonce, nonce);
    QCOMPARE(claims.audience, (QStringList{clientId, QStringLiteral("api")}));
    QCOMPARE(claims.issuedAt, QDateTime::fromSecsSinceEpoch(now - 10, Qt::UTC));
    QCOMPARE(claims.expiresAt, QDateTime::fromSecsSinceEpoch(now + 3600, Qt::UTC));
    QCOMPARE(claims.raw, payload);
}

void TestIdTokenVerifier::rejectsBadTokens_data()
{
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<int>("error");
    const RsaKeyPair &k1 = m_key1;
    const QJsonObject good = goodPayload();
    const QByteArray goodToken = rs256(header(), good, k1);
    const QList<QByteArray> parts = goodToken.split('.');
    const auto row = [](const char *name, const QByteArray &token, IdTokenError error) {
        QTest::newRow(name) << token << static_cast<int>(error);
    };
    const auto claim = [&](const char *name, const QJsonValue &value) {
        return rs256(header(), withClaim(good, QString::fromLatin1(name), value), k1);
    };

    row("signed by k2, header says k1", rs256(header(), good, m_key2), IdTokenError::BadSignature);
    row("tampered payload",
        parts[0] + '.' + b64(withClaim(good, QStringLiteral("sub"), QStringLiteral("user_admin"))) +
            '.' + parts[2],
        IdTokenError::BadSignature);
    row("truncated signature", goodToken.chopped(4), IdTokenError::BadSignature);
    row("alg none",
        b64(QJsonObject{{QStringLiteral("alg"), QStringLiteral("none")}}) + '.' + b64(good) + '.',
        IdTokenError::UnsupportedAlgorithm);
    row("alg none with kid",
        b64(header(QStringLiteral("k1"), QStringLiteral("none"))) + '.' + b64(good) + '.',
        IdTokenError::UnsupportedAlgorithm);
    {
        // Key confusion: HMAC keyed with the public key a naive verifier would use.
        const QByteArray input =
            b64(header(QStringLiteral("k1"), QStringLiteral("HS256"))) + '.' + b64(good);
        row("HS256 with the public key as secret",
            input + '.' + b64(hmacSha256(k1.publicKeyPem(), input)),
            IdTokenError::UnsupportedAlgorithm);
    }
    row("RS512 label", rs256(header(QStringLiteral("k1"), QStringLiteral("RS512")), good, k1),
        IdTokenError::UnsupportedAlgorithm);
    row("rs256 lower case", rs256(header(QStringLiteral("k1"), QStringLiteral("rs256")), good, k1),
        IdTokenError::UnsupportedAlgorithm);
    row("missing alg", rs256(QJsonObject{{QStringLiteral("kid"), QStringLiteral("k1")}}, good, k1),
        IdTokenError::UnsupportedAlgorithm);
    row("unknown kid", rs256(header(QStringLiteral("k9")), good, k1), IdTokenError::UnknownKey);
    row("EC kid", rs256(header(QStringLiteral("ec1")), good, k1), IdTokenError::UnknownKey);
    row("missing kid",
        rs256(QJsonObject{{QStringLiteral("alg"), QStringLiteral("RS256")}}, good, k1),
        IdTokenError::Malformed);
    row("typ not JWT",
        rs256(withClaim(header(), QStringLiteral("typ"), QStringLiteral("at+jwt")), good, k1),
        IdTokenError::Malformed);
    row("crit header", rs256(withClaim(header(), QStringLiteral("crit"), QJsonArray{}), good, k1),
        IdTokenError::Malformed);
    row("wrong iss", claim("iss", QStringLiteral("https://evil.example.test")),
        IdTokenError::WrongIssuer);
    row("iss with trailing slash", claim("iss", QString(issuer + QLatin1Char('/'))),
        IdTokenError::WrongIssuer);
    row("missing iss", claim("iss", {}), IdTokenError::WrongIssuer);
    row("wrong aud", claim("aud", QStringLiteral("client_other")), IdTokenError::WrongAudience);
    row("aud array without client",
        claim("aud", QJsonArray{QStringLiteral("a"), QStringLiteral("b")}),
        IdTokenError::WrongAudience);
    row("missing aud", claim("aud", {}), IdTokenError::WrongAudience);
    row("azp mismatch", claim("azp", QStringLiteral("client_other")), IdTokenError::WrongAudience);
    // OIDC Core 3.1.3.7: several audiences need an azp naming this client.
    row("several audiences without azp", claim("aud", QJsonArray{QStringLiteral("x"), clientId}),
        IdTokenError::WrongAudience);
    row("expired beyond leeway", claim("exp", now - 60), IdTokenError::Expired);
    row("missing exp", claim("exp", {}), IdTokenError::Malformed);
    row("exp as string", claim("exp", QStringLiteral("1800003600")), IdTokenError::Malformed);
    row("not yet valid", claim("nbf", now + 120), IdTokenError::NotYetValid);
    row("iat in future", claim("iat", now + 120), IdTokenError::IssuedInFuture);
    row("missing iat", claim("iat", {}), IdTokenError::Malformed);
    row("wrong nonce", claim("nonce", QStringLiteral("replayed")), IdTokenError::WrongNonce);
    row("missing nonce", claim("nonce", {}), IdTokenError::WrongNonce);
    row("missing sub", claim("sub", {}), IdTokenError::MissingSubject);
    row("empty sub", claim("sub", QString()), IdTokenError::MissingSubject);
    row("malformed base64 header", "e30!x." + parts[1] + '.' + parts[2], IdTokenError::Malformed);
    row("padded signature", goodToken + '=', IdTokenError::Malformed);
    row("malformed header JSON",
        b64(QByteArray("{\"alg\":\"RS256\",")) + '.' + parts[1] + '.' + parts[2],
        IdTokenError::Malformed);
    {
        const QByteArray input = b64(header()) + '.' + b64(QByteArray("[\"not an object\"]"));
        row("signed payload not an object", input + '.' + b64(k1.signRs256(input)),
            IdTokenError::Malformed);
    }
    row("two parts only", parts[0] + '.' + parts[1], IdTokenError::Malformed);
    row("four parts", goodToken + ".x", IdTokenError::Malformed);
    row("empty", QByteArray(), IdTokenError::Malformed);
    row("oversized", claim("pad", QString(16 * 1024, QLatin1Char('x'))), IdTokenError::Oversized);
}

void TestIdTokenVerifier::rejectsBadTokens()
{
    QFETCH(QByteArray, token);
    QFETCH(int, error);
    const auto result = verifyIdToken(token, *m_jwks, expectations());
    QVERIFY2(std::holds_alternative<IdTokenFailure>(result), "the token was accepted");
    const IdTokenFailure &failure = std::get<IdTokenFailure>(result);
    QVERIFY2(static_cast<int>(failure.error) == error, qPrintable(failure.message));
    QVERIFY(!failure.message.isEmpty());
    const QList<QByteArray> parts = token.split('.');
    for (const QByteArray &part : parts) {
        if (part.size() > 8)
            QVERIFY2(!failure.message.contains(QString::fromLatin1(part)),
                     "the message must not repeat the token");
    }
}

void TestIdTokenVerifier::jwksRejectsBadDocuments_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("messagePart");
    const QJsonObject k1 = m_key1.publicJwk();
    const auto set = [](const QJsonArray &keys) {
        return QJsonDocument(QJsonObject{{QStringLiteral("keys"), keys}})
            .toJson(QJsonDocument::Compact);
    };

    QTest::newRow("not JSON") << QByteArray("{keys:") << QStringLiteral("JSON");
    QTest::newRow("array") << QByteArray("[]") << QStringLiteral("keys");
    QTest::newRow("no keys") << QByteArray("{}") << QStringLiteral("keys");
    QTest::newRow("keys not array") << QByteArray("{\"keys\":{}}") << QStringLiteral("keys");
    QTest::newRow("empty") << set({}) << QStringLiteral("no RSA");
    QTest::newRow("entry not object") << set({42}) << QStringLiteral("object");
    QTest::newRow("n standard base64")
        << set({withClaim(k1, QStringLiteral("n"),
                          QString(k1.value(QLatin1String("n")).toString() + QStringLiteral("+/")))})
        << QStringLiteral("base64url");
    QTest::newRow("n padded") << set({withClaim(k1, QStringLiteral("n"),
                                                QString(k1.value(QLatin1String("n")).toString() +
                                                        QStringLiteral("==")))})
                              << QStringLiteral("base64url");
    QTest::newRow("missing e") << set({withClaim(k1, QStringLiteral("e"), {})})
                               << QStringLiteral("exponent");
    QTest::newRow("duplicate kid") << set({k1, k1}) << QStringLiteral("two");
    QTest::newRow("oversized") << QByteArray(Jwks::maxDocumentSize + 1, ' ')
                               << QStringLiteral("KiB");
}

void TestIdTokenVerifier::jwksRejectsBadDocuments()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, messagePart);
    QString error;
    QVERIFY(!Jwks::parse(json, &error));
    QVERIFY2(error.contains(messagePart, Qt::CaseInsensitive), qPrintable(error));
}

void TestIdTokenVerifier::jwksSkipsUnusableKeys()
{
    const QJsonObject k1 = m_key1.publicJwk();
    const QJsonObject k2 = m_key2.publicJwk();
    const RsaKeyPair weak(QStringLiteral("weak"), 1024);
    QVERIFY(weak.isValid());
    const QJsonArray keys{
        weak.publicJwk(),
        QJsonObject{{QStringLiteral("kty"), QStringLiteral("EC")},
                    {QStringLiteral("kid"), QStringLiteral("ec1")},
                    {QStringLiteral("crv"), QStringLiteral("P-256")}},
        withClaim(k2, QStringLiteral("use"), QStringLiteral("enc")),
        withClaim(withClaim(k2, QStringLiteral("kid"), QStringLiteral("k3")), QStringLiteral("alg"),
                  QStringLiteral("RS512")),
        withClaim(k2, QStringLiteral("kid"), {}),
        withClaim(withClaim(k1, QStringLiteral("use"), {}), QStringLiteral("alg"), {}),
    };
    QString error;
    const auto jwks =
        Jwks::parse(QJsonDocument(QJsonObject{{QStringLiteral("keys"), keys}}).toJson(), &error);
    QVERIFY2(jwks, qPrintable(error));
    QCOMPARE(jwks->keyIds(), QStringList{QStringLiteral("k1")});
    QVERIFY(jwks->contains(QStringLiteral("k1")));
    QVERIFY(!jwks->contains(QStringLiteral("k2")));
    QVERIFY(!jwks->contains(QStringLiteral("k3")));
    QVERIFY(!jwks->contains(QStringLiteral("ec1")));
    QVERIFY(!jwks->contains(QStringLiteral("weak")));
}

void TestIdTokenVerifier::jwksCopiesShareKeys()
{
    const Jwks copy = *m_jwks;
    QCOMPARE(copy.key(QStringLiteral("k1")), m_jwks->key(QStringLiteral("k1")));
    const auto result = verifyIdToken(rs256(header(), goodPayload(), m_key1), copy, expectations());
    QVERIFY(std::holds_alternative<IdTokenClaims>(result));
}

QTEST_GUILESS_MAIN(TestIdTokenVerifier)
#include "tst_idtokenverifier.moc"
