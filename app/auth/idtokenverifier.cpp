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

// The steps an ID token and a JWT access token share: size, the three parts,
// an RS256 header of an accepted type, the key its kid names and the
// signature. Returns the payload, which only now is the provider's word.
std::variant<QJsonObject, IdTokenFailure> verifySignedJwt(const QByteArray &token, const Jwks &keys,
                                                          const QString &noun,
                                                          bool acceptAccessTokenType)
{
    const auto failure = [](IdTokenError error, const QString &message) {
        return std::variant<QJsonObject, IdTokenFailure>(IdTokenFailure{error, message});
    };
    if (token.size() > maxTokenSize)
        return failure(
            IdTokenError::Oversized,
            QStringLiteral("The %1 is larger than %2 KiB.").arg(noun).arg(maxTokenSize / 1024));
    const QList<QByteArray> parts = token.split('.');
    if (parts.size() != 3)
        return failure(
            IdTokenError::Malformed,
            QStringLiteral("The %1 does not have the three parts of a signed JWT.").arg(noun));

    const auto header = decodeJsonObject(parts[0]);
    if (!header)
        return failure(
            IdTokenError::Malformed,
            QStringLiteral("The %1 header is not a base64url-encoded JSON object.").arg(noun));
    const QJsonValue alg = header->value(QLatin1String("alg"));
    if (alg.toString() != QLatin1String("RS256"))
        return failure(IdTokenError::UnsupportedAlgorithm,
                       QStringLiteral("The %1 is not signed with RS256, the only accepted "
                                      "algorithm.")
                           .arg(noun));
    const QJsonValue typ = header->value(QLatin1String("typ"));
    // RFC 9068 §2.1: a JWT access token says "at+jwt" (Clerk's do); plain JWT
    // is what providers sent before that profile existed.
    const bool typeAccepted =
        typ.isUndefined() ||
        typ.toString().compare(QLatin1String("JWT"), Qt::CaseInsensitive) == 0 ||
        (acceptAccessTokenType &&
         (typ.toString().compare(QLatin1String("at+jwt"), Qt::CaseInsensitive) == 0 ||
          typ.toString().compare(QLatin1String("application/at+jwt"), Qt::CaseInsensitive) == 0));
    if (!typeAccepted)
        return failure(IdTokenError::Malformed,
                       QStringLiteral("The %1 header declares a type other than JWT.").arg(noun));
    // Extensions the verifier does not know must not be ignored (RFC 7515 §4.1.11).
    if (header->contains(QLatin1String("crit")))
        return failure(IdTokenError::Malformed,
                       QStringLiteral("The %1 header requires extensions that are not "
                                      "supported.")
                           .arg(noun));
    const QString kid = header->value(QLatin1String("kid")).toString();
    if (kid.isEmpty())
        return failure(IdTokenError::Malformed,
                       QStringLiteral("The %1 header has no key ID.").arg(noun));
    EVP_PKEY *key = keys.key(kid);
    if (!key)
        return failure(IdTokenError::UnknownKey,
                       QStringLiteral("The %1 is signed with a key the identity provider's "
                                      "key set does not contain.")
                           .arg(noun));

    const auto signature = decodeBase64Url(parts[2]);
    if (!signature)
        return failure(IdTokenError::Malformed,
                       QStringLiteral("The %1 signature is not valid base64url.").arg(noun));
    const QByteArrayView signingInput(token.constData(), parts[0].size() + 1 + parts[1].size());
    if (!verifyRs256(key, signingInput, *signature))
        return failure(IdTokenError::BadSignature,
                       QStringLiteral("The %1 signature does not match its content.").arg(noun));

    const auto payload = decodeJsonObject(parts[1]);
    if (!payload)
        return failure(
            IdTokenError::Malformed,
            QStringLiteral("The %1 payload is not a base64url-encoded JSON object.").arg(noun));
    return *payload;
}

// exp (required) and nbf (when present) against now, with leeway.
std::optional<IdTokenFailure> checkValidity(const QJsonObject &p, const QString &noun,
                                            const QDateTime &nowTime, int leewaySeconds,
                                            qint64 *expiresAt)
{
    const qint64 now = nowTime.toSecsSinceEpoch();
    const qint64 leeway = qMax(0, leewaySeconds);
    const auto exp = numericDate(p.value(QLatin1String("exp")));
    if (!exp)
        return IdTokenFailure{IdTokenError::Malformed,
                              QStringLiteral("The %1 has no valid expiry time (exp).").arg(noun)};
    if (now >= *exp + leeway)
        return IdTokenFailure{IdTokenError::Expired,
                              QStringLiteral("The %1 has expired.").arg(noun)};
    const QJsonValue nbfValue = p.value(QLatin1String("nbf"));
    if (!nbfValue.isUndefined()) {
        const auto nbf = numericDate(nbfValue);
        if (!nbf)
            return IdTokenFailure{
                IdTokenError::Malformed,
                QStringLiteral("The %1 has an invalid not-before time (nbf).").arg(noun)};
        if (now < *nbf - leeway)
            return IdTokenFailure{
                IdTokenError::NotYetValid,
                QStringLiteral("The %1 is not valid yet; check the system clock.").arg(noun)};
    }
    *expiresAt = *exp;
    return std::nullopt;
}

QStringList audiences(const QJsonValue &aud, bool *ok)
{
    *ok = true;
    if (aud.isString())
        return QStringList{aud.toString()};
    QStringList result;
    if (aud.isArray()) {
        const QJsonArray list = aud.toArray();
        for (const QJsonValue &a : list) {
            if (!a.isString())
                *ok = false;
            result.append(a.toString());
        }
    }
    return result;
}

} // namespace

Result verifyIdToken(const QByteArray &token, const Jwks &keys, const IdTokenExpectations &expected)
{
    const QString noun = QStringLiteral("ID token");
    auto verified = verifySignedJwt(token, keys, noun, false);
    if (const auto *failure = std::get_if<IdTokenFailure>(&verified))
        return *failure;
    // Only from here on is the payload the identity provider's word.
    const QJsonObject &p = std::get<QJsonObject>(verified);

    IdTokenClaims claims;
    claims.raw = p;
    claims.issuer = p.value(QLatin1String("iss")).toString();
    if (expected.issuer.isEmpty() || claims.issuer != expected.issuer)
        return fail(IdTokenError::WrongIssuer,
                    QStringLiteral("The ID token was issued by \"%1\", not by the configured "
                                   "issuer \"%2\".")
                        .arg(claims.issuer, expected.issuer));

    bool audienceOk = true;
    claims.audience = audiences(p.value(QLatin1String("aud")), &audienceOk);
    if (!audienceOk)
        return fail(IdTokenError::Malformed,
                    QStringLiteral("The ID token audience list contains a non-string."));
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
    qint64 exp = 0;
    if (auto invalid = checkValidity(p, noun, nowTime, expected.leewaySeconds, &exp))
        return *invalid;
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
    claims.expiresAt = QDateTime::fromSecsSinceEpoch(exp, Qt::UTC);
    return claims;
}

std::variant<AccessTokenClaims, IdTokenFailure>
verifyAccessToken(const QByteArray &token, const Jwks &keys,
                  const AccessTokenExpectations &expected)
{
    const QString noun = QStringLiteral("access token");
    auto verified = verifySignedJwt(token, keys, noun, true);
    if (const auto *failure = std::get_if<IdTokenFailure>(&verified))
        return *failure;
    const QJsonObject &p = std::get<QJsonObject>(verified);

    AccessTokenClaims claims;
    claims.issuer = p.value(QLatin1String("iss")).toString();
    if (expected.issuer.isEmpty() || claims.issuer != expected.issuer)
        return IdTokenFailure{IdTokenError::WrongIssuer,
                              QStringLiteral("The access token was issued by \"%1\", not by the "
                                             "configured issuer \"%2\".")
                                  .arg(claims.issuer, expected.issuer)};
    // Clerk names the OAuth application in azp (and client_id); RFC 9068
    // tokens name the resource in aud. Either one naming ours will do.
    bool audienceOk = true;
    claims.audience = audiences(p.value(QLatin1String("aud")), &audienceOk);
    claims.authorizedParty = p.value(QLatin1String("azp")).toString();
    const QString clientId = p.value(QLatin1String("client_id")).toString();
    if (!audienceOk || expected.audience.isEmpty() ||
        !(claims.audience.contains(expected.audience) ||
          claims.authorizedParty == expected.audience || clientId == expected.audience))
        return IdTokenFailure{
            IdTokenError::WrongAudience,
            QStringLiteral("The access token is not meant for \"%1\".").arg(expected.audience)};
    const QDateTime nowTime =
        expected.now.isValid() ? expected.now : QDateTime::currentDateTimeUtc();
    qint64 exp = 0;
    if (auto invalid = checkValidity(p, noun, nowTime, expected.leewaySeconds, &exp))
        return *invalid;
    claims.subject = p.value(QLatin1String("sub")).toString();
    if (claims.subject.isEmpty())
        return IdTokenFailure{IdTokenError::MissingSubject,
                              QStringLiteral("The access token does not name a user (sub).")};
    claims.expiresAt = QDateTime::fromSecsSinceEpoch(exp, Qt::UTC);
    return claims;
}

} // namespace rolecall::auth
