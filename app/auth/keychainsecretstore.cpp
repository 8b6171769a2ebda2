#include "auth/keychainsecretstore.h"

#include "auth/keychainlock_p.h"

#include <qt6keychain/keychain.h>

#include <QMetaObject>
#include <QPointer>

namespace rolecall {

namespace {

// One sentence for people: the cause and what to do. Never the value; the
// key is fine to show.
QString describe(QKeychain::Error error, const QString &detail)
{
    switch (error) {
    case QKeychain::AccessDenied:
        return QStringLiteral("The OS keychain is locked or denied access; unlock it and try "
                              "again.");
    case QKeychain::AccessDeniedByUser:
        return QStringLiteral("Access to the OS keychain was refused; allow Rolecall to use it "
                              "and try again.");
    case QKeychain::NoBackendAvailable:
        return QStringLiteral("No OS keychain is available (no Secret Service on this desktop); "
                              "install and start gnome-keyring or KWallet.");
    case QKeychain::NotImplemented:
        return QStringLiteral("The OS keychain on this system does not support this operation.");
    case QKeychain::CouldNotDeleteEntry:
        return QStringLiteral("The OS keychain could not delete the entry.");
    default:
        break;
    }
    // OtherError: mostly D-Bus trouble on Linux (no session bus, no Secret
    // Service, no default collection). QtKeychain's text names the cause.
    const QString cause = detail.isEmpty() ? QStringLiteral("unknown error") : detail;
    return QStringLiteral("The OS keychain could not be reached (%1); make sure a Secret "
                          "Service such as gnome-keyring is running and unlocked.")
        .arg(cause);
}

SecretStore::Result resultOf(const QKeychain::Job &job, const QString &key, bool isRead)
{
    SecretStore::Result result;
    switch (job.error()) {
    case QKeychain::NoError:
        if (isRead)
            result.value = static_cast<const QKeychain::ReadPasswordJob &>(job).binaryData();
        break;
    case QKeychain::EntryNotFound:
        result.status = SecretStore::Status::NotFound;
        result.message = QStringLiteral("No secret is stored under %1.").arg(key);
        break;
    default:
        result.status = SecretStore::Status::Unavailable;
        result.message = describe(job.error(), job.errorString());
        break;
    }
    return result;
}

SecretStore::Result lockedResult()
{
    SecretStore::Result result;
    result.status = SecretStore::Status::Unavailable;
    result.message = describe(QKeychain::AccessDenied, {});
    return result;
}

} // namespace

KeychainSecretStore::KeychainSecretStore(QObject *parent)
    : KeychainSecretStore(QStringLiteral("rolecall"), parent)
{}

KeychainSecretStore::KeychainSecretStore(const QString &service, QObject *parent)
    : SecretStore(parent)
    , m_service(service)
{}

void KeychainSecretStore::start(QKeychain::Job *job, Operation operation, const QString &key,
                                QObject *context, Callback done)
{
    // The job has no parent and deletes itself after finished(): deleting a
    // job while its D-Bus call is in flight is not safe in QtKeychain 0.13.
    job->setAutoDelete(true);
    // Explicit: the plaintext fallback writes ~/.config/<service>.conf.
    job->setInsecureFallback(false);
    job->setKey(key);
    const QPointer<QObject> guard(context);
    QObject::connect(job, &QKeychain::Job::finished, job,
                     [guard, done = std::move(done), key, operation](QKeychain::Job *finished) {
                         // Everything is read out of the job here, inside finished().
                         const Result result =
                             resultOf(*finished, key, operation == Operation::Read);
                         if (!guard || !done)
                             return;
                         if (operation == Operation::Read && result.status == Status::NotFound) {
                             // A locked collection reads as "not found" (libsecret): ask.
                             askWhetherKeychainIsLocked(guard.data(), [done, result](bool locked) {
                                 done(locked ? lockedResult() : result);
                             });
                             return;
                         }
                         // Queued: the answer runs on the context's thread, and not at all
                         // if the context goes away meanwhile.
                         QMetaObject::invokeMethod(
                             guard.data(), [done, result] { done(result); }, Qt::QueuedConnection);
                     });
    job->start();
}

void KeychainSecretStore::read(const QString &key, QObject *context, Callback done)
{
    start(new QKeychain::ReadPasswordJob(m_service), Operation::Read, key, context,
          std::move(done));
}

void KeychainSecretStore::write(const QString &key, const QByteArray &value, QObject *context,
                                Callback done)
{
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setBinaryData(value);
    start(job, Operation::Write, key, context, std::move(done));
}

void KeychainSecretStore::remove(const QString &key, QObject *context, Callback done)
{
    start(new QKeychain::DeletePasswordJob(m_service), Operation::Remove, key, context,
          std::move(done));
}

} // namespace rolecall
