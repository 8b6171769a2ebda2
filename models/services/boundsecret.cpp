#include "services/boundsecret.h"

#include "clerk/clerkapiclient.h"
#include "services/secretstore.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstring>

namespace rolecall {

namespace {

constexpr int boundSecretFormat = 1;

QString tr(const char *text)
{
    return QCoreApplication::translate("BoundSecret", text);
}

// A volatile write the compiler may not drop as dead.
void overwrite(void *data, size_t size)
{
    auto *bytes = static_cast<volatile unsigned char *>(data);
    for (size_t i = 0; i < size; ++i)
        bytes[i] = 0;
}

} // namespace

QString originOf(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty())
        return {};
    return url
        .adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment |
                  QUrl::RemoveUserInfo | QUrl::StripTrailingSlash)
        .toString(QUrl::FullyEncoded)
        .toLower();
}

QString clerkKeyOrigin(const Profile &profile)
{
    return originOf(profile.clerkApiUrl.isEmpty() ? ClerkApiSettings::defaultBaseUrl()
                                                  : QUrl(profile.clerkApiUrl));
}

QByteArray packBoundSecret(const QByteArray &secret, const QString &origin)
{
    const QJsonObject entry{{QStringLiteral("format"), boundSecretFormat},
                            {QStringLiteral("origin"), origin},
                            {QStringLiteral("secret"), QString::fromUtf8(secret)}};
    return QJsonDocument(entry).toJson(QJsonDocument::Compact);
}

std::optional<QByteArray> unpackBoundSecret(const QByteArray &stored, const QString &origin,
                                            QString *error)
{
    const QJsonObject entry = QJsonDocument::fromJson(stored).object();
    const QString secret = entry.value(QLatin1String("secret")).toString();
    if (entry.value(QLatin1String("format")).toInt() != boundSecretFormat || secret.isEmpty()) {
        if (error)
            *error = tr("The stored key does not say which API it was entered for, so it is not "
                        "sent anywhere; enter it again.");
        return std::nullopt;
    }
    const QString boundTo = entry.value(QLatin1String("origin")).toString();
    if (boundTo.isEmpty() || boundTo != origin) {
        if (error)
            *error = tr("The stored key was entered for %1, not %2, so it is not sent there; "
                        "enter the key for %2 again.")
                         .arg(boundTo.isEmpty() ? tr("another API") : boundTo, origin);
        return std::nullopt;
    }
    return secret.toUtf8();
}

QStringList secretKindsInvalidated(const Profile &before, const Profile &after)
{
    QStringList kinds;
    if (before.issuer != after.issuer || before.clientId != after.clientId)
        kinds << SecretStore::sessionKind();
    if (clerkKeyOrigin(before) != clerkKeyOrigin(after))
        kinds << SecretStore::clerkSecretKeyKind();
    return kinds;
}

QString invalidatedSecretsText(const QString &profile, const QStringList &kinds)
{
    const bool session = kinds.contains(SecretStore::sessionKind());
    const bool clerkKey = kinds.contains(SecretStore::clerkSecretKeyKind());
    if (session && clerkKey)
        return tr("The issuer or client ID and the Clerk API URL of profile %1 change, so its "
                  "stored session and Clerk secret key are deleted from the keychain: they were "
                  "issued for the old values. Sign in again and enter the key again.")
            .arg(profile);
    if (session)
        return tr("The issuer or client ID of profile %1 changes, so its stored session is "
                  "deleted from the keychain: it was issued for the old values. Sign in again.")
            .arg(profile);
    if (clerkKey)
        return tr("The Clerk API URL of profile %1 changes, so its Clerk secret key is deleted "
                  "from the keychain: it was entered for the old API. Enter the key again.")
            .arg(profile);
    return {};
}

void wipeSecret(QByteArray &secret)
{
    // Only a buffer we may write: not a literal or fromRawData() memory.
    if (secret.data_ptr().isMutable() && !secret.isEmpty())
        overwrite(const_cast<char *>(secret.constData()), size_t(secret.size()));
    secret.clear();
}

void wipeSecret(QString &secret)
{
    if (secret.data_ptr().isMutable() && !secret.isEmpty())
        overwrite(const_cast<QChar *>(secret.constData()), size_t(secret.size()) * sizeof(QChar));
    secret.clear();
}

} // namespace rolecall
