#pragma once

#include "services/secretstore.h"

namespace QKeychain {
class Job;
}

namespace rolecall {

// The SecretStore of the console: the OS keychain through QtKeychain (Secret
// Service on Linux, Keychain on macOS, Credential Manager on Windows).
// Never falls back to a plaintext file: without a usable keychain every call
// answers Unavailable with a message saying why.
class KeychainSecretStore final : public SecretStore
{
    Q_OBJECT

public:
    // `service` groups the entries in the keychain; tests pass their own.
    explicit KeychainSecretStore(QObject *parent = nullptr);
    explicit KeychainSecretStore(const QString &service, QObject *parent = nullptr);

    QString service() const { return m_service; }

    void read(const QString &key, QObject *context, Callback done) override;
    void write(const QString &key, const QByteArray &value, QObject *context,
               Callback done) override;
    void remove(const QString &key, QObject *context, Callback done) override;

private:
    enum class Operation { Read, Write, Remove };
    void start(QKeychain::Job *job, Operation operation, const QString &key, QObject *context,
               Callback done);

    QString m_service;
};

} // namespace rolecall
