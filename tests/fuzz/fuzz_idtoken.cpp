// libFuzzer target: JWKS documents and ID tokens, both of which come from the
// network. The input is tried as a key set, as a token against a fixed key
// set, and (when it looks like "header.payload") as a token correctly signed
// with that set's key, so the claim checks behind the signature get fuzzed too.
#include "auth/idtokenverifier.h"
#include "auth/jwks.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/rsa.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>

namespace {

using rolecall::auth::IdTokenExpectations;
using rolecall::auth::Jwks;

struct Fixture
{
    std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key{nullptr, &EVP_PKEY_free};
    Jwks jwks;
    IdTokenExpectations expected;
};

QByteArray b64(const QByteArray &bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray bnParam(EVP_PKEY *key, const char *name)
{
    BIGNUM *bn = nullptr;
    if (EVP_PKEY_get_bn_param(key, name, &bn) != 1)
        return {};
    QByteArray bytes(BN_num_bytes(bn), Qt::Uninitialized);
    BN_bn2bin(bn, reinterpret_cast<unsigned char *>(bytes.data()));
    BN_free(bn);
    return bytes;
}

// Made once per process from a key generated at run time: no key material
// is committed, and the fuzzer does not pay for key generation per input.
const Fixture &fixture()
{
    static const Fixture *const instance = [] {
        auto *f = new Fixture;
        std::unique_ptr<EVP_PKEY_CTX, decltype(&EVP_PKEY_CTX_free)> ctx(
            EVP_PKEY_CTX_new_from_name(nullptr, "RSA", nullptr), &EVP_PKEY_CTX_free);
        EVP_PKEY *key = nullptr;
        if (!ctx || EVP_PKEY_keygen_init(ctx.get()) <= 0 ||
            EVP_PKEY_CTX_set_rsa_keygen_bits(ctx.get(), 2048) <= 0 ||
            EVP_PKEY_generate(ctx.get(), &key) <= 0)
            std::abort();
        f->key.reset(key);
        const QJsonObject jwk{
            {QStringLiteral("kty"), QStringLiteral("RSA")},
            {QStringLiteral("use"), QStringLiteral("sig")},
            {QStringLiteral("alg"), QStringLiteral("RS256")},
            {QStringLiteral("kid"), QStringLiteral("k1")},
            {QStringLiteral("n"), QString::fromLatin1(b64(bnParam(key, OSSL_PKEY_PARAM_RSA_N)))},
            {QStringLiteral("e"), QString::fromLatin1(b64(bnParam(key, OSSL_PKEY_PARAM_RSA_E)))},
        };
        const QJsonObject set{{QStringLiteral("keys"), QJsonArray{jwk}}};
        QString error;
        auto parsed = Jwks::parse(QJsonDocument(set).toJson(QJsonDocument::Compact), &error);
        if (!parsed)
            std::abort();
        f->jwks = *parsed;
        f->expected.issuer = QStringLiteral("https://clerk.example.test");
        f->expected.clientId = QStringLiteral("client_abc123");
        f->expected.nonce = QStringLiteral("n-0S6_WzA2Mj");
        f->expected.now = QDateTime::fromSecsSinceEpoch(1'800'000'000, Qt::UTC);
        return f;
    }();
    return *instance;
}

QByteArray signRs256(EVP_PKEY *key, const QByteArray &input)
{
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    size_t length = 0;
    const auto *data = reinterpret_cast<const unsigned char *>(input.constData());
    if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key) != 1 ||
        EVP_DigestSign(ctx.get(), nullptr, &length, data, static_cast<size_t>(input.size())) != 1)
        return {};
    QByteArray signature(static_cast<qsizetype>(length), Qt::Uninitialized);
    if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char *>(signature.data()), &length,
                       data, static_cast<size_t>(input.size())) != 1)
        return {};
    signature.resize(static_cast<qsizetype>(length));
    return signature;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const Fixture &f = fixture();

    QString error;
    if (const auto keys = Jwks::parse(bytes, &error)) {
        if (keys->size() == 0) // parse promises at least one usable key
            std::abort();
    }

    (void)rolecall::auth::verifyIdToken(bytes, f.jwks, f.expected);

    // Signing costs about a millisecond; only for inputs shaped like a token.
    if (bytes.count('.') == 1 && bytes.size() <= 4096) {
        const QByteArray token = bytes + '.' + b64(signRs256(f.key.get(), bytes));
        (void)rolecall::auth::verifyIdToken(token, f.jwks, f.expected);
    }
    return 0;
}
