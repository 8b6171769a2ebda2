#include "services/syncservice.h"

#include <QMutex>
#include <QMutexLocker>

namespace rolecall {

QString clerkSecretKeyGrantsText()
{
    return QObject::tr("The secret key (sk_live_… or sk_test_…, from the Clerk Dashboard under "
                       "API keys) grants full access to your Clerk instance's Backend API: it can "
                       "read, change and delete every user. Rolecall only reads the user list "
                       "with it and keeps it in the OS keychain, never in settings or logs.");
}

QString missingClerkKeyMessage(const QString &profile)
{
    return QObject::tr("Profile %1 has no Clerk secret key. %2 Enter it under Account ▸ "
                       "Profiles… ▸ Edit, or store it with: rolecallctl profiles set-secret %1 "
                       "clerk-secret-key (it reads the key from standard input).")
        .arg(profile, clerkSecretKeyGrantsText());
}

bool isClerkSecretKey(const QByteArray &value)
{
    return value.startsWith("sk_") && value.size() > 8 && !value.contains(' ');
}

QByteArray takeClerkSecretKeyFromEnvironment()
{
    static QMutex mutex;
    static QByteArray taken;
    const QMutexLocker lock(&mutex);
    if (qEnvironmentVariableIsSet("ROLECALL_CLERK_SECRET_KEY")) {
        taken = qgetenv("ROLECALL_CLERK_SECRET_KEY").trimmed();
        qunsetenv("ROLECALL_CLERK_SECRET_KEY");
    }
    return taken;
}

} // namespace rolecall
