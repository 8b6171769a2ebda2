#pragma once

#include "services/secretstore.h"

#include <QHash>
#include <QMutex>
#include <QStringList>

namespace rolecall {

// A SecretStore in memory, for unit tests and for running without a keychain
// in tests only, and as rolecallctl's relay of a keychain entry for a worker
// thread. Answers asynchronously like the real one, on the caller's context;
// safe to call from any thread.
class MemorySecretStore final : public SecretStore
{
    Q_OBJECT

public:
    using SecretStore::SecretStore;

    void read(const QString &key, QObject *context, Callback done) override;
    void write(const QString &key, const QByteArray &value, QObject *context,
               Callback done) override;
    void remove(const QString &key, QObject *context, Callback done) override;

    // false: every call answers Unavailable and changes nothing, as a locked or
    // missing keychain would.
    void setAvailable(bool available);
    bool isAvailable() const;

    QStringList keys() const; // sorted; for tests

private:
    static void answer(QObject *context, Callback done, const Result &result);
    Result unavailable() const;

    mutable QMutex m_mutex;
    QHash<QString, QByteArray> m_values;
    bool m_available = true;
};

} // namespace rolecall
