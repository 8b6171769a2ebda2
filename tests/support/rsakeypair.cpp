#include "support/rsakeypair.h"

#include <QCryptographicHash>
#include <QJsonDocument>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

namespace rolecall::testing {

namespace {

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

} // namespace

QByteArray base64Url(const QByteArray &bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

RsaKeyPair::RsaKeyPair(const QString &kid, int bits)
{
    std::unique_ptr<EVP_PKEY_CTX, decltype(&EVP_PKEY_CTX_free)> ctx(
        EVP_PKEY_CTX_new_from_name(nullptr, "RSA", nullptr), &EVP_PKEY_CTX_free);
    EVP_PKEY *key = nullptr;
    if (!ctx || EVP_PKEY_keygen_init(ctx.get()) <= 0 ||
        EVP_PKEY_CTX_set_rsa_keygen_bits(ctx.get(), bits) <= 0 ||
        EVP_PKEY_generate(ctx.get(), &key) <= 0)
        return;
    m_key = std::shared_ptr<EVP_PKEY>(key, &EVP_PKEY_free);
    if (!kid.isEmpty()) {
        m_kid = kid;
        return;
    }
    const QByteArray digest =
        QCryptographicHash::hash(bnParam(key, OSSL_PKEY_PARAM_RSA_N), QCryptographicHash::Sha256);
    m_kid = QStringLiteral("ins_test_") + QString::fromLatin1(base64Url(digest.left(12)));
}

QJsonObject RsaKeyPair::publicJwk() const
{
    if (!m_key)
        return {};
    return QJsonObject{
        {QStringLiteral("kty"), QStringLiteral("RSA")},
        {QStringLiteral("use"), QStringLiteral("sig")},
        {QStringLiteral("alg"), QStringLiteral("RS256")},
        {QStringLiteral("kid"), m_kid},
        {QStringLiteral("n"),
         QString::fromLatin1(base64Url(bnParam(m_key.get(), OSSL_PKEY_PARAM_RSA_N)))},
        {QStringLiteral("e"),
         QString::fromLatin1(base64Url(bnParam(m_key.get(), OSSL_PKEY_PARAM_RSA_E)))},
    };
}

QByteArray RsaKeyPair::signRs256(const QByteArray &signingInput) const
{
    if (!m_key)
        return {};
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    size_t length = 0;
    const auto *data = reinterpret_cast<const unsigned char *>(signingInput.constData());
    const auto size = static_cast<size_t>(signingInput.size());
    if (!ctx ||
        EVP_DigestSignInit_ex(ctx.get(), nullptr, "SHA256", nullptr, nullptr, m_key.get(),
                              nullptr) != 1 ||
        EVP_DigestSign(ctx.get(), nullptr, &length, data, size) != 1)
        return {};
    QByteArray signature(static_cast<qsizetype>(length), Qt::Uninitialized);
    if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char *>(signature.data()), &length,
                       data, size) != 1)
        return {};
    signature.resize(static_cast<qsizetype>(length));
    return signature;
}

QByteArray RsaKeyPair::publicKeyPem() const
{
    if (!m_key)
        return {};
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), &BIO_free);
    if (!bio || PEM_write_bio_PUBKEY(bio.get(), m_key.get()) != 1)
        return {};
    QByteArray pem(static_cast<qsizetype>(BIO_ctrl_pending(bio.get())), Qt::Uninitialized);
    const int read = BIO_read(bio.get(), pem.data(), static_cast<int>(pem.size()));
    pem.resize(qMax(0, read));
    return pem;
}

QByteArray makeJwt(const QJsonObject &header, const QJsonObject &payload, const RsaKeyPair &key)
{
    QJsonObject head = header;
    if (!head.contains(QStringLiteral("alg")))
        head.insert(QStringLiteral("alg"), QStringLiteral("RS256"));
    if (!head.contains(QStringLiteral("typ")))
        head.insert(QStringLiteral("typ"), QStringLiteral("JWT"));
    if (!head.contains(QStringLiteral("kid")))
        head.insert(QStringLiteral("kid"), key.kid());
    return signJwt(head, payload, key);
}

QByteArray signJwt(const QJsonObject &header, const QJsonObject &payload, const RsaKeyPair &key)
{
    const QByteArray input = base64Url(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.' +
                             base64Url(QJsonDocument(payload).toJson(QJsonDocument::Compact));
    return input + '.' + base64Url(key.signRs256(input));
}

} // namespace rolecall::testing
