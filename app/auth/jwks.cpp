#include "auth/jwks.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>

namespace rolecall::auth {

namespace {

constexpr int minimumRsaBits = 2048;

struct BnFree
{
    void operator()(BIGNUM *bn) const { BN_free(bn); }
};
struct ParamBldFree
{
    void operator()(OSSL_PARAM_BLD *bld) const { OSSL_PARAM_BLD_free(bld); }
};
struct ParamFree
{
    void operator()(OSSL_PARAM *params) const { OSSL_PARAM_free(params); }
};
struct PkeyCtxFree
{
    void operator()(EVP_PKEY_CTX *ctx) const { EVP_PKEY_CTX_free(ctx); }
};
struct PkeyFree
{
    void operator()(EVP_PKEY *key) const { EVP_PKEY_free(key); }
};

std::optional<Jwks> fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return std::nullopt;
}

std::unique_ptr<BIGNUM, BnFree> toBignum(const QByteArray &bigEndian)
{
    return std::unique_ptr<BIGNUM, BnFree>(
        BN_bin2bn(reinterpret_cast<const unsigned char *>(bigEndian.constData()),
                  static_cast<int>(bigEndian.size()), nullptr));
}

// Builds a public RSA key from its modulus and exponent (big-endian bytes).
std::unique_ptr<EVP_PKEY, PkeyFree> rsaPublicKey(const QByteArray &modulus,
                                                 const QByteArray &exponent)
{
    const auto n = toBignum(modulus);
    const auto e = toBignum(exponent);
    const std::unique_ptr<OSSL_PARAM_BLD, ParamBldFree> builder(OSSL_PARAM_BLD_new());
    if (!n || !e || !builder ||
        !OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_N, n.get()) ||
        !OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_E, e.get()))
        return nullptr;
    const std::unique_ptr<OSSL_PARAM, ParamFree> params(OSSL_PARAM_BLD_to_param(builder.get()));
    const std::unique_ptr<EVP_PKEY_CTX, PkeyCtxFree> ctx(
        EVP_PKEY_CTX_new_from_name(nullptr, "RSA", nullptr));
    if (!params || !ctx || EVP_PKEY_fromdata_init(ctx.get()) <= 0)
        return nullptr;
    EVP_PKEY *raw = nullptr;
    if (EVP_PKEY_fromdata(ctx.get(), &raw, EVP_PKEY_PUBLIC_KEY, params.get()) <= 0)
        return nullptr;
    return std::unique_ptr<EVP_PKEY, PkeyFree>(raw);
}

} // namespace

std::optional<QByteArray> decodeBase64Url(QByteArrayView text)
{
    if (text.size() % 4 == 1)
        return std::nullopt;
    for (const char c : text) {
        const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                        (c >= '0' && c <= '9') || c == '-' || c == '_';
        if (!ok)
            return std::nullopt;
    }
    auto result = QByteArray::fromBase64Encoding(text.toByteArray(),
                                                 QByteArray::Base64UrlEncoding |
                                                     QByteArray::AbortOnBase64DecodingErrors);
    if (!result)
        return std::nullopt;
    return std::move(result.decoded);
}

EVP_PKEY *Jwks::key(const QString &kid) const
{
    const auto it = m_keys.constFind(kid);
    return it == m_keys.cend() ? nullptr : it.value().get();
}

std::optional<Jwks> Jwks::parse(const QByteArray &json, QString *error)
{
    if (json.size() > maxDocumentSize)
        return fail(error, QStringLiteral("The key set is larger than %1 KiB, which no identity "
                                          "provider needs.")
                               .arg(maxDocumentSize / 1024));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fail(
            error,
            QStringLiteral("The key set is not valid JSON: %1.").arg(parseError.errorString()));
    if (!doc.isObject() || !doc.object().value(QLatin1String("keys")).isArray())
        return fail(error,
                    QStringLiteral("The key set is not a JSON object with a \"keys\" array."));

    Jwks jwks;
    const QJsonArray entries = doc.object().value(QLatin1String("keys")).toArray();
    for (const QJsonValue &entry : entries) {
        if (!entry.isObject())
            return fail(error, QStringLiteral("An entry of the key set is not a JSON object."));
        const QJsonObject jwk = entry.toObject();
        const QJsonValue use = jwk.value(QLatin1String("use"));
        const QJsonValue alg = jwk.value(QLatin1String("alg"));
        const QString kid = jwk.value(QLatin1String("kid")).toString();
        // Keys for other algorithms or for encryption are legitimate members of
        // a set; they are just of no use for checking an RS256 signature.
        if (jwk.value(QLatin1String("kty")).toString() != QLatin1String("RSA") ||
            (!use.isUndefined() && use.toString() != QLatin1String("sig")) ||
            (!alg.isUndefined() && alg.toString() != QLatin1String("RS256")) || kid.isEmpty())
            continue;

        const auto n = decodeBase64Url(jwk.value(QLatin1String("n")).toString().toLatin1());
        const auto e = decodeBase64Url(jwk.value(QLatin1String("e")).toString().toLatin1());
        if (!n || !e || n->isEmpty() || e->isEmpty())
            return fail(error, QStringLiteral("The RSA key \"%1\" in the key set has a missing or "
                                              "malformed base64url modulus or exponent.")
                                   .arg(kid));
        auto pkey = rsaPublicKey(*n, *e);
        if (!pkey)
            return fail(
                error,
                QStringLiteral("The RSA key \"%1\" in the key set is not a valid key.").arg(kid));
        if (EVP_PKEY_get_bits(pkey.get()) < minimumRsaBits)
            continue; // too weak to trust, but no reason to refuse its neighbours
        if (jwks.m_keys.contains(kid))
            return fail(
                error, QStringLiteral("The key set has two RSA keys with the ID \"%1\".").arg(kid));
        jwks.m_keys.insert(kid, std::shared_ptr<EVP_PKEY>(std::move(pkey)));
    }
    if (jwks.m_keys.isEmpty())
        return fail(error, QStringLiteral("The key set contains no RSA signing key."));
    return jwks;
}

} // namespace rolecall::auth
