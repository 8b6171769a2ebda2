#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <openssl/types.h>

#include <memory>

namespace rolecall::testing {

// Unpadded base64url (RFC 7515 §2).
QByteArray base64Url(const QByteArray &bytes);

// An RSA signing key made at run time, so that no key material is ever
// committed or written to disk. Copies share the key. Shared by the test
// identity provider, the ID token tests and the ID token fuzz target.
class RsaKeyPair
{
public:
    // Generates; isValid() is false if OpenSSL failed. An empty `kid` is
    // derived from the modulus: stable for the key, distinct across keys.
    explicit RsaKeyPair(const QString &kid = {}, int bits = 2048);

    bool isValid() const { return m_key != nullptr; }
    QString kid() const { return m_kid; }
    QJsonObject publicJwk() const;
    QByteArray signRs256(const QByteArray &signingInput) const;
    QByteArray publicKeyPem() const;

private:
    std::shared_ptr<EVP_PKEY> m_key;
    QString m_kid;
};

// A compact RS256 JWT; alg, typ and kid are filled in from `key` unless
// `header` already has them (so tests can lie about either).
QByteArray makeJwt(const QJsonObject &header, const QJsonObject &payload, const RsaKeyPair &key);
// The same with `header` exactly as given (so tests can leave any field out).
QByteArray signJwt(const QJsonObject &header, const QJsonObject &payload, const RsaKeyPair &key);

} // namespace rolecall::testing
