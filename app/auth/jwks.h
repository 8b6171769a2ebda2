#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>

#include <openssl/types.h>

#include <memory>
#include <optional>

namespace rolecall::auth {

// Decodes unpadded base64url (RFC 7515 §2). Returns nullopt on any character
// outside the alphabet, on padding and on an impossible length, so a token
// cannot be smuggled past in two spellings.
std::optional<QByteArray> decodeBase64Url(QByteArrayView text);

// The RSA signing keys of a JSON Web Key Set (RFC 7517), by key ID. Copies
// share the keys, so passing a Jwks around is cheap.
class Jwks
{
public:
    static constexpr qsizetype maxDocumentSize = 256 * 1024;

    // Keeps the keys that can check an RS256 signature (kty RSA, use absent or
    // "sig", alg absent or "RS256", a kid, at least 2048 bits) and skips the
    // rest. Returns nullopt and sets *error when the document is too large, is
    // not a key set, has a broken RSA key, or has no usable key at all.
    static std::optional<Jwks> parse(const QByteArray &json, QString *error);

    bool contains(const QString &kid) const { return m_keys.contains(kid); }
    QStringList keyIds() const { return m_keys.keys(); }
    qsizetype size() const { return m_keys.size(); }

    // The public key for kid, owned by this set; nullptr if unknown.
    EVP_PKEY *key(const QString &kid) const;

private:
    QHash<QString, std::shared_ptr<EVP_PKEY>> m_keys;
};

} // namespace rolecall::auth
