// The test identity provider's tokens: ID tokens and access tokens, signed
// with its current key (or the next one, to test an unknown kid).
#include "support/testidp.h"

#include <QRandomGenerator>

namespace rolecall::testing {

namespace {

constexpr qint64 idTokenLifetimeSecs = 3600;

QJsonObject withOverrides(QJsonObject claims, const QJsonObject &overrides)
{
    for (auto it = overrides.constBegin(); it != overrides.constEnd(); ++it) {
        if (it.value().isNull() || it.value().isUndefined())
            claims.remove(it.key());
        else
            claims.insert(it.key(), it.value());
    }
    return claims;
}

} // namespace

QString TestIdentityProvider::randomToken(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(raw.data()),
                                          static_cast<qsizetype>(bytes / 4));
    return QString::fromLatin1(base64Url(raw));
}

QByteArray TestIdentityProvider::makeIdToken(const QJsonObject &overrides,
                                             const QString &nonce) const
{
    const qint64 now = QDateTime::currentSecsSinceEpoch() + m_behaviour.clockSkewSeconds;
    QJsonObject claims = userClaims();
    claims.insert(QStringLiteral("iss"), issuer());
    claims.insert(QStringLiteral("aud"), m_clientId);
    claims.insert(QStringLiteral("exp"), now + idTokenLifetimeSecs);
    claims.insert(QStringLiteral("iat"), now);
    claims.insert(QStringLiteral("jti"), randomToken(12));
    if (!nonce.isEmpty())
        claims.insert(QStringLiteral("nonce"), nonce);
    const RsaKeyPair &key = m_behaviour.signWithUnknownKid ? nextKey() : currentKey();
    return makeJwt(QJsonObject{}, withOverrides(claims, overrides), key);
}

QByteArray TestIdentityProvider::makeAccessToken(const QJsonObject &overrides) const
{
    const qint64 now = QDateTime::currentSecsSinceEpoch() + m_behaviour.clockSkewSeconds;
    const QJsonObject claims{
        {QStringLiteral("iss"), issuer()},
        {QStringLiteral("sub"), m_user.subject},
        {QStringLiteral("azp"), m_clientId},
        {QStringLiteral("client_id"), m_clientId},
        {QStringLiteral("scope"), QStringLiteral("openid profile email")},
        {QStringLiteral("exp"), now + m_behaviour.accessTokenLifetime},
        {QStringLiteral("iat"), now},
        {QStringLiteral("nbf"), now},
        {QStringLiteral("jti"), randomToken(12)},
    };
    const RsaKeyPair &key = m_behaviour.signWithUnknownKid ? nextKey() : currentKey();
    return makeJwt(QJsonObject{{QStringLiteral("typ"), QStringLiteral("at+jwt")}},
                   withOverrides(claims, overrides), key);
}

QString TestIdentityProvider::issueOpaqueAccessToken(int lifetimeSecs)
{
    const QString token = QStringLiteral("oat_") + randomToken();
    m_accessTokens.insert(token, QDateTime::currentDateTimeUtc().addSecs(lifetimeSecs));
    return token;
}

void TestIdentityProvider::revokeAccessToken(const QString &token)
{
    m_revoked.insert(token);
}

} // namespace rolecall::testing
