#pragma once

#include "domain/profile.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace rolecall {

// A secret is kept in the keychain together with where it may be sent: the
// Clerk secret key with the origin of the Clerk API it was entered for. When
// the profile points elsewhere later, the key is not sent there (a changed
// settings file must not carry a key to another host); the person is asked to
// enter it again. The session keeps its issuer and client ID the same way
// (OidcSignInService).

// "https://api.clerk.com" (scheme, host, and the port when not the default):
// what a secret is bound to.
QString originOf(const QUrl &url);

// The origin a profile's Clerk secret key is bound to (its Clerk API URL, or
// Clerk's default when it has none).
QString clerkKeyOrigin(const Profile &profile);

// What the keychain holds for a bound secret.
QByteArray packBoundSecret(const QByteArray &secret, const QString &origin);

// The secret if it was stored for `origin`; nullopt and *error (for people,
// never holding the secret) otherwise: bound elsewhere, or stored before
// secrets were bound (a bare value), which is refused the same way.
std::optional<QByteArray> unpackBoundSecret(const QByteArray &stored, const QString &origin,
                                            QString *error);

// The kinds of secret (SecretStore::sessionKind(), clerkSecretKeyKind())
// that a change from `before` to `after` leaves tied to the old value: the
// session when the issuer or the client ID changes, the Clerk key when the
// Clerk API's origin does. They are deleted, after saying so.
QStringList secretKindsInvalidated(const Profile &before, const Profile &after);

// One sentence saying what the change deletes and why; empty when nothing.
QString invalidatedSecretsText(const QString &profile, const QStringList &kinds);

// Overwrites the bytes of `secret` where they are, in every copy that shares
// them, then empties it. QByteArray::fill() would first detach a shared
// buffer and fill only the fresh copy, leaving the secret where it was.
void wipeSecret(QByteArray &secret);
void wipeSecret(QString &secret);

} // namespace rolecall
