#pragma once

#include <QString>
#include <QStringList>

namespace rolecall {

// One deployment the console can sign in to and read: the OpenID provider
// (issuer, client ID, scopes) and the data source. Holds no secret: those live
// in the SecretStore under SecretStore::profileKey(name, ...).
struct Profile
{
    QString name;   // [A-Za-z0-9._-], 1 to 64 characters
    QString issuer; // https://<slug>.clerk.accounts.dev, https://clerk.<domain>, ...
    QString clientId;
    QStringList scopes = defaultScopes();
    QString databaseUrl; // postgresql://... without a password
    QString apiBaseUrl;  // the application's REST API (later)
    QString clerkApiUrl; // Clerk Backend API base; empty: https://api.clerk.com/v1

    static QStringList defaultScopes()
    {
        return {QStringLiteral("openid"), QStringLiteral("profile"), QStringLiteral("email"),
                QStringLiteral("offline_access")};
    }

    // Checks every field; false and *error set (one sentence naming the field)
    // when something is wrong. An issuer must be https, or http on a loopback
    // address (development issuers).
    bool validate(QString *error) const;

    bool operator==(const Profile &) const = default;
};

// An address a secret or a session goes to (the Clerk API, the backend API):
// absolute, no user info, and https:// unless the host is a loopback address.
// false and *error (naming `field`) otherwise.
bool checkServiceUrl(const QString &text, const QString &field, QString *error);

} // namespace rolecall
