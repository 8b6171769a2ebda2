#pragma once

#include "auth/jwks.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <variant>

namespace rolecall::auth {

// What a verified OpenID Connect ID token says about the user. `subject` is
// the identity (the Clerk user ID); the rest is for display.
struct IdTokenClaims
{
    QString subject, email, name, givenName, familyName, issuer, nonce;
    QStringList audience;
    QDateTime issuedAt, expiresAt; // UTC
    QJsonObject raw;               // the whole payload, for claims read later
};

struct IdTokenExpectations
{
    QString issuer;   // exact match, e.g. the Clerk Frontend API URL
    QString clientId; // must be in aud (and equal azp when present)
    QString nonce;    // the one sent with the authorization request; empty: not checked
    QDateTime now;    // invalid: the current time
    int leewaySeconds = 60;
};

enum class IdTokenError {
    Malformed,
    Oversized,
    UnsupportedAlgorithm,
    UnknownKey, // the kid is not in the key set: refetch the JWKS once and retry
    BadSignature,
    WrongIssuer,
    WrongAudience,
    Expired,
    NotYetValid,
    IssuedInFuture,
    WrongNonce,
    MissingSubject,
};

struct IdTokenFailure
{
    IdTokenError error;
    QString message; // one English sentence; never contains the token
};

// Checks a compact-serialised JWT: RS256 only, signed by the key its kid
// names, then issuer, audience, times and nonce. No claim is looked at before
// the signature has been checked.
std::variant<IdTokenClaims, IdTokenFailure> verifyIdToken(const QByteArray &token, const Jwks &keys,
                                                          const IdTokenExpectations &expected);

// What a verified JWT access token (RFC 9068; Clerk's OAuth access tokens)
// says: who (`subject`) and until when.
struct AccessTokenClaims
{
    QString subject, issuer, authorizedParty;
    QStringList audience;
    QDateTime expiresAt; // UTC
};

struct AccessTokenExpectations
{
    QString issuer;   // exact match
    QString audience; // in aud, or equal to azp or client_id
    QDateTime now;    // invalid: the current time
    int leewaySeconds = 30;
};

// Checks a JWT access token (typ at+jwt or JWT): RS256 only, signed by the key
// its kid names, then issuer, audience, exp/nbf and a subject. The failures
// are those of verifyIdToken() (UnknownKey: refetch the key set once).
std::variant<AccessTokenClaims, IdTokenFailure>
verifyAccessToken(const QByteArray &token, const Jwks &keys,
                  const AccessTokenExpectations &expected);

} // namespace rolecall::auth
