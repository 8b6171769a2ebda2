#pragma once

#include <QByteArray>

namespace rolecall::auth {

// `bytes` bytes from the system's cryptographic RNG, base64url without
// padding: verifiers, state and nonce values.
QByteArray randomUrlSafe(int bytes);

// RFC 7636 S256: base64url(SHA-256(verifier)) without padding.
QByteArray codeChallengeS256(const QByteArray &verifier);

} // namespace rolecall::auth
