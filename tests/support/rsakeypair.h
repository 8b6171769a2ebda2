#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <openssl/types.h>

#include <memory>

namespace rolecall::testing {

// Unpadded base64url (RFC 7515 §2).
QByteArray base64Url(const QByteArray &bytes);

// An RSA-2048 signing key made at run time, so that no key material is ever
// committed or written to disk. Copies share the key.
class RsaKeyPair
{
public:
    RsaKeyPair(); // generates; isValid() is false if OpenSSL failed

    bool isValid() const { return m_key != nullptr; }
    QString kid() const { return m_kid; }
    QJsonObject publicJwk() const;
    QByteArray signRs256(const QByteArray &signingInput) const;
    QByteArray publicKeyPem() const;

private:
    std::shared_ptr<EVP_PKEY> m_key;
    QString m_kid;
};

// A compact RS256 JWT; alg and kid are filled in from `key` unless `header`
// already has them (so tests can lie about either).
QByteArray makeJwt(const QJsonObject &header, const QJsonObject &payload, const RsaKeyPair &key);

} // namespace rolecall::testing
