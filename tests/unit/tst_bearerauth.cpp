// BearerAuthenticator with the identity provider replaced by a function: which
// tokens it accepts, what it asks the network, and what it keeps.
#include "server/bearerauth.h"
#include "support/rsakeypair.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace rolecall::server;
using rolecall::testing::makeJwt;
using rolecall::testing::RsaKeyPair;

namespace {

const QString issuer = QStringLiteral("https://clerk.example.com");
const QString clientId = QStringLiteral("client_abc");

struct FakeIssuer
{
    QList<RsaKeyPair> keys{RsaKeyPair(QStringLiteral("k1"))};
    QString discoveryIssuer = issuer;
    QHash<QByteArray, QString> opaque; // token -> sub
    QStringList asked;                 // paths
    QList<QByteArray> bearers;         // what userinfo was shown

    FetchResult fetch(const QUrl &url, const QByteArray &bearer)
    {
        asked << url.path();
        if (url.path() == QLatin1String("/.well-known/openid-configuration"))
            return {200,
                    QJsonDocument(QJsonObject{{QStringLiteral("issuer"), discoveryIssuer},
                                              {QStringLiteral("jwks_uri"),
                                               QString(issuer + QStringLiteral("/jwks"))},
                                              {QStringLiteral("userinfo_endpoint"),
                                               QString(issuer + QStringLiteral("/userinfo"))}})
                        .toJson(),
                    {}};
        if (url.path() == QLatin1String("/jwks")) {
            QJsonArray set;
            for (const RsaKeyPair &key : std::as_const(keys))
                set.append(key.publicJwk());
            return {200, QJsonDocument(QJsonObject{{QStringLiteral("keys"), set}}).toJson(), {}};
        }
        if (url.path() == QLatin1String("/userinfo")) {
            bearers << bearer;
            if (!opaque.contains(bearer))
                return {401, {}, {}};
            return {
                200,
                QJsonDocument(QJsonObject{{QStringLiteral("sub"), opaque.value(bearer)}}).toJson(),
                {}};
        }
        return {404, {}, {}};
    }
};

QJsonObject claims(qint64 expiresIn = 600)
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    return {{QStringLiteral("iss"), issuer},
            {QStringLiteral("sub"), QStringLiteral("user_1")},
            {QStringLiteral("azp"), clientId},
            {QStringLiteral("iat"), now},
            {QStringLiteral("exp"), now + expiresIn}};
}

QByteArray bearer(const QByteArray &token)
{
    return "Bearer " + token;
}

} // namespace

class TestBearerAuth : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aJwtAccessTokenGivesItsSubject_data();
    void aJwtAccessTokenGivesItsSubject();
    void discoveryAndKeysAreFetchedOnce();
    void anOpaqueTokenIsAskedAboutOnceWhileCached();
    void aCachedOpaqueAnswerExpires();
    void aDiscoveryDocumentOfAnotherIssuerIsRefused();
    void anUnreachableProviderIsAFailureNotACrash();
};

void TestBearerAuth::aJwtAccessTokenGivesItsSubject_data()
{
    QTest::addColumn<QJsonObject>("header");
    QTest::addColumn<QJsonObject>("overrides");
    QTest::addColumn<bool>("accepted");
    const QJsonObject atJwt{{QStringLiteral("typ"), QStringLiteral("at+jwt")}};
    QTest::newRow("at+jwt, azp") << atJwt << QJsonObject{} << true;
    QTest::newRow("plain JWT") << QJsonObject{} << QJsonObject{} << true;
    QTest::newRow("aud instead of azp")
        << atJwt << QJsonObject{{QStringLiteral("azp"), {}}, {QStringLiteral("aud"), clientId}}
        << true;
    QTest::newRow("client_id only")
        << atJwt
        << QJsonObject{{QStringLiteral("azp"), {}}, {QStringLiteral("client_id"), clientId}}
        << true;
    QTest::newRow("another client")
        << atJwt << QJsonObject{{QStringLiteral("azp"), QStringLiteral("other")}} << false;
    QTest::newRow("id token type")
        << QJsonObject{{QStringLiteral("typ"), QStringLiteral("dpop+jwt")}} << QJsonObject{}
        << false;
    QTest::newRow("expired beyond leeway")
        << atJwt << QJsonObject{{QStringLiteral("exp"), QDateTime::currentSecsSinceEpoch() - 60}}
        << false;
    QTest::newRow("expired within leeway")
        << atJwt << QJsonObject{{QStringLiteral("exp"), QDateTime::currentSecsSinceEpoch() - 5}}
        << true;
}

void TestBearerAuth::aJwtAccessTokenGivesItsSubject()
{
    QFETCH(QJsonObject, header);
    QFETCH(QJsonObject, overrides);
    QFETCH(bool, accepted);
    FakeIssuer idp;
    BearerAuthenticator auth(
        {QUrl(issuer), clientId},
        [&idp](const QUrl &url, const QByteArray &b) { return idp.fetch(url, b); });
    QJsonObject payload = claims();
    for (auto it = overrides.begin(); it != overrides.end(); ++it) {
        if (it.value().isNull())
            payload.remove(it.key());
        else
            payload.insert(it.key(), it.value());
    }
    const auto verdict = auth.authenticate(bearer(makeJwt(header, payload, idp.keys.first())));
    QCOMPARE(std::holds_alternative<Principal>(verdict), accepted);
    if (accepted)
        QCOMPARE(std::get<Principal>(verdict).subject, QStringLiteral("user_1"));
}

void TestBearerAuth::discoveryAndKeysAreFetchedOnce()
{
    FakeIssuer idp;
    BearerAuthenticator auth(
        {QUrl(issuer), clientId},
        [&idp](const QUrl &url, const QByteArray &b) { return idp.fetch(url, b); });
    for (int i = 0; i < 3; ++i)
        QVERIFY(std::holds_alternative<Principal>(
            auth.authenticate(bearer(makeJwt({}, claims(), idp.keys.first())))));
    QCOMPARE(idp.asked, (QStringList{QStringLiteral("/.well-known/openid-configuration"),
                                     QStringLiteral("/jwks")}));
}

void TestBearerAuth::anOpaqueTokenIsAskedAboutOnceWhileCached()
{
    FakeIssuer idp;
    idp.opaque.insert("oat_good", QStringLiteral("user_2"));
    BearerAuthenticator auth(
        {QUrl(issuer), clientId},
        [&idp](const QUrl &url, const QByteArray &b) { return idp.fetch(url, b); });
    for (int i = 0; i < 3; ++i) {
        const auto verdict = auth.authenticate(bearer("oat_good"));
        QVERIFY(std::holds_alternative<Principal>(verdict));
        QCOMPARE(std::get<Principal>(verdict).subject, QStringLiteral("user_2"));
    }
    QCOMPARE(idp.bearers, QList<QByteArray>{"oat_good"});
    // A refusal is not cached: the provider is asked each time.
    QVERIFY(std::holds_alternative<AuthFailure>(auth.authenticate(bearer("oat_bad"))));
    QVERIFY(std::holds_alternative<AuthFailure>(auth.authenticate(bearer("oat_bad"))));
    QCOMPARE(idp.bearers.size(), 3);
}

void TestBearerAuth::aCachedOpaqueAnswerExpires()
{
    FakeIssuer idp;
    idp.opaque.insert("oat_good", QStringLiteral("user_2"));
    BearerAuthenticator::Config config{QUrl(issuer), clientId};
    config.opaqueCacheTime = std::chrono::seconds(0);
    BearerAuthenticator auth(
        config, [&idp](const QUrl &url, const QByteArray &b) { return idp.fetch(url, b); });
    QVERIFY(std::holds_alternative<Principal>(auth.authenticate(bearer("oat_good"))));
    idp.opaque.clear(); // revoked
    QVERIFY(std::holds_alternative<AuthFailure>(auth.authenticate(bearer("oat_good"))));
}

void TestBearerAuth::aDiscoveryDocumentOfAnotherIssuerIsRefused()
{
    FakeIssuer idp;
    idp.discoveryIssuer = QStringLiteral("https://evil.example");
    BearerAuthenticator auth(
        {QUrl(issuer), clientId},
        [&idp](const QUrl &url, const QByteArray &b) { return idp.fetch(url, b); });
    const auto verdict = auth.authenticate(bearer(makeJwt({}, claims(), idp.keys.first())));
    QVERIFY(std::holds_alternative<AuthFailure>(verdict));
    QVERIFY(std::get<AuthFailure>(verdict).message.contains(QLatin1String("another issuer")));
}

void TestBearerAuth::anUnreachableProviderIsAFailureNotACrash()
{
    BearerAuthenticator auth({QUrl(issuer), clientId}, [](const QUrl &, const QByteArray &) {
        return FetchResult{0, {}, QStringLiteral("Could not establish connection")};
    });
    const auto verdict = auth.authenticate(bearer("oat_any"));
    QVERIFY(std::holds_alternative<AuthFailure>(verdict));
    QVERIFY(std::get<AuthFailure>(verdict).message.contains(QLatin1String("cannot be reached")));
}

QTEST_GUILESS_MAIN(TestBearerAuth)
#include "tst_bearerauth.moc"
