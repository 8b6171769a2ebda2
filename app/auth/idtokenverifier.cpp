#include "auth/idtokenverifier.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QList>

#include <openssl/evp.h>

#include <cmath>
#include <memory>

namespace rolecall::auth {

namespace {

constexpr qsizetype maxTokenSize = 16 * 1024;

using Result = std::variant<IdTokenClaims, IdTokenFailure>;

Result fail(IdTokenError error, const QString &message)
{
    return IdTokenFailure{error, message};
}

std::optional<QJsonObject> decodeJsonObject(QByteArrayView part)
{
    const auto bytes = decodeBase64Url(part);
    if (!bytes)
        return std::nullopt;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(*bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    return doc.object();
}

bool verifyRs256(EVP_PKEY *key, QByteArrayView signingInput, const QByteArray &signature)
{
    struct MdCtxFree
    {
        void operator()(EVP_MD_CTX *ctx) const { EVP_MD_CTX_free(ctx); }
    };
    // A signature of another length cannot be right, whatever OpenSSL makes of it.
    if (signature.size() != EVP_PKEY_get_size(key))
        return false;
    const std::unique_ptr<EVP_MD_CTX, MdCtxFree> ctx(EVP_MD_CTX_new());
    if (!ctx || EVP_DigestVerifyInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key) != 1)
        return false;
    return EVP_DigestVerify(ctx.get(),
                            reinterpret_cast<const unsigned char *>(signature.constData()),
                            static_cast<size_t>(signature.size()),
                            reinterpret_cast<const unsigned char *>(signingInput.data()),
                            static_cast<size_t>(signingInput.size())) == 1;
}

// A NumericDate claim (RFC 7519 §2) in whole seconds; nullopt if it is not a
// number of a sane size.
std::optional<qint64> numericDate(const QJsonValue &value)
{
    if (!value.isDouble())
        return std::nullopt;
    const double seconds = value.toDouble();
    if (!std::isfinite(seconds) || seconds < 0 || seconds > 253402300799.0) // year 9999
        return std::nullopt;
    return static_cast<qint64>(std::floor(seconds));
}

} // namespace

Result verifyIdToken(const QByteArray &token, const Jwks &keys, const IdTokenExpectations &expected)
{
    if (token.size() > maxTokenSize)
        return fail(IdTokenError::Oversized,
                    QStringLiteral("The ID token is larger than %1 KiB.").arg(maxTokenSize / 1024));
    const QList<QByteArray> parts = token.split('.');
    if (parts.size() != 3)
        return fail(IdTokenError::Malformed,
                    QStringLiteral("The ID token does not have the three parts of a signed JWT."));

    const auto header = decodeJsonObject(parts[0]);
    if (!header)
        return fail(IdTokenError::Malformed,
                    QStringLiteral("The ID token header is not a base64url-encoded JSON object."));
    const QJsonValue alg = header->value(QLatin1String("alg"));
    if (alg.toString() != QLatin1String("RS256"))
        return fail(IdTokenError::UnsupportedAlgorithm,
                    QStringLiteral("The ID token is not signed with RS256, the only accepted "
                                   "algorithm."));
    const QJsonValue typ = header->value(QLatin1String("typ"));
    if (!typ.isUndefined() &&
        typ.toString().compare(QLatin1String("JWT"), Qt::CaseInsensitive) != 0)
        return fail(IdTokenError::Malformed,
                    QStringLiteral("The ID token header declares a type other than JWT."));
    // Extensions the verifier does not know must not be ignored (RFC 7515 §4.1.11).
    if (header->contains(QLatin1String("crit")))
        return fail(IdTokenError::Malformed,
                    QStringLiteral("The ID token header requires extensions that are not "
                                   "supported."));
    const QString kid = header->value(QLatin1String("kid")).toString();
    if (kid.isEmpty())
        return fail(IdTokenError::Malformed, QStringLiteral("The ID token header has no key ID."));
    EVP_PKEY *key = keys.key(kid);
    if (!key)
        return fail(IdTokenError::UnknownKey,
                    QStringLiteral("The ID token is signed with a key the identity provider's "
                                   "key set does not contain."));

    const auto signature = decodeBase64Url(parts[2]);
    if (!signature)
        return fail(IdTokenError::Malformed,
                    QStringLiteral("The ID token signature is not valid base64url."));
    const QByteArrayView signingInput(token.constData(), parts[0].size() + 1 + parts[1].size());
    if (!verifyRs256(key, signingInput, *signature))
        return fail(IdTokenError::BadSignature,
                    QStringLiteral("The ID token signature does not match its content."));

    // Only from here on is the payload the identity provider's word.
    const auto payload = decodeJsonObject(parts[1]);
    if (!payload)
        return fail(IdTokenError::Malformed,
                    QStringLiteral("The ID token payload is not a base64url-encoded JSON object."));
    const QJsonObject &p = *payload;

    IdTokenClaims claims;
    claims.raw = p;
    claims.issuer = p.value(QLatin1String("iss")).toString();
    if (expected.issuer.isEmpty() || claims.issuer != expected.issuer)
        return fail(IdTokenError::WrongIssuer,
                    QStringLiteral("The ID token was issued by \"%1\", not by the configured "
                                   "issuer \"%2\".")
                        .arg(claims.issuer, expected.issuer));

    const QJsonValue aud = p.value(QLatin1String("aud"));
    if (aud.isString()) {
        claims.audience = QStringList{aud.toString()};
    } else if (aud.isArray()) {
        const QJsonArray audiences = aud.toArray();
        for (const QJsonValue &a : audiences) {
            if (!a.isString())
                return fail(IdTokenError::Malformed,
                            QStringLiteral("The ID token audience list contains a non-string."));
            claims.audience.append(a.toString());
        }
    }
    if (expected.clientId.isEmpty() || !claims.audience.contains(expected.clientId))
        return fail(IdTokenError::WrongAudience,
                    QStringLiteral("The ID token is not meant for the client ID \"%1\".")
                        .arg(expected.clientId));
    const QJsonValue azp = p.value(QLatin1String("azp"));
    // OIDC Core §3.1.3.7: several audiences need an azp naming this client;
    // without one, any of the other audiences could have asked for the token.
    if (azp.isUndefined() && claims.audience.size() > 1)
        return fail(IdTokenError::WrongAudience,
                    QStringLiteral("The ID token names several audiences but no authorized party "
                                   "(azp); it is not accepted for the client ID \"%1\".")
                        .arg(expected.clientId));
    if (!azp.isUndefined() && azp.toString() != expected.clientId)
        return fail(IdTokenError::WrongAudience,
                    QStringLiteral("The ID token was issued to another authorized party than the "
                                   "client ID \"%1\".")
                        .arg(expected.clientId));

    const QDateTime nowTime =
        expected.now.isValid() ? expected.now : QDateTime::currentDateTimeUtc();
    const qint64 now = nowTime.toSecsSinceEpoch();
    const qint64 leeway = qMax(0, expected.leewaySeconds);

    const auto exp = numericDate(p.value(QLatin1String("exp")));
    if (!exp)
        return fail(IdTokenError::Malformed,
                    QStringLiteral("The ID token has no valid expiry time (exp)."));
    if (now >= *exp + leeway)
        return fail(IdTokenError::Expired, QStringLiteral("The ID token has expired."));
    const QJsonValue nbfValue = p.value(QLatin1String("nbf"));
    if (!nbfValue.isUndefined()) {
        const auto nbf = numericDate(nbfValue);
        if (!nbf)
            return fail(IdTokenError::Malformed,
                        QStringLiteral("The ID token has an invalid not-before time (nbf)."));
        if (now < *nbf - leeway)
            return fail(IdTokenError::NotYetValid,
                        QStringLiteral("The ID token is not valid yet; check the system clock."));
    }
    const auto iat = numericDate(p.value(QLatin1String("iat")));
    if (!iat)
        return fail(IdTokenError::Malformed,
                    QStringLiteral("The ID token has no valid issue time (iat)."));
    if (*iat > now + leeway)
        return fail(IdTokenError::IssuedInFuture,
                    QStringLiteral("The ID token claims to be issued in the future; check the "
                                   "system clock."));

    claims.nonce = p.value(QLatin1String("nonce")).toString();
    if (!expected.nonce.isEmpty() && claims.nonce != expected.nonce)
        return fail(IdTokenError::WrongNonce,
                    QStringLiteral("The ID token does not answer this sign-in request (the nonce "
                                   "differs)."));

    claims.subject = p.value(QLatin1String("sub")).toString();
    if (claims.subject.isEmpty())
        return fail(IdTokenError::MissingSubject,
                    QStringLiteral("The ID token does not name a user (sub)."));

    claims.email = p.value(QLatin1String("email")).toString();
    claims.name = p.value(QLatin1String("name")).toString();
    claims.givenName = p.value(QLatin1String("given_name")).toString();
    claims.familyName = p.value(QLatin1String("family_name")).toString();
    claims.issuedAt = QDateTime::fromSecsSinceEpoch(*iat, Qt::UTC);
    claims.expiresAt = QDateTime::fromSecsSinceEpoch(*exp, Qt::UTC);
    return claims;
}

} // namespace rolecall::auth
