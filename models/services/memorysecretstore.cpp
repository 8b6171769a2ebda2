#include "services/memorysecretstore.h"

#include <QMetaObject>
#include <QMutexLocker>

#include <algorithm>

namespace rolecall {

void MemorySecretStore::answer(QObject *context, Callback done, const Result &result)
{
    // Queued on the context: never synchronous, runs on its thread, and Qt
    // drops the call if the context is deleted first.
    if (!context || !done)
        return;
    QMetaObject::invokeMethod(
        context, [done = std::move(done), result] { done(result); }, Qt::QueuedConnection);
}

SecretStore::Result MemorySecretStore::unavailable() const
{
    return {Status::Unavailable,
            {},
            QStringLiteral("The keychain is unavailable (test switch); nothing was stored.")};
}

void MemorySecretStore::read(const QString &key, QObject *context, Callback done)
{
    Result result;
    {
        const QMutexLocker lock(&m_mutex);
        if (!m_available)
            result = unavailable();
        else if (const auto it = m_values.constFind(key); it != m_values.cend())
            result.value = *it;
        else
            result = {
                Status::NotFound, {}, QStringLiteral("No secret is stored under %1.").arg(key)};
    }
    answer(context, std::move(done), result);
}

void MemorySecretStore::write(const QString &key, const QByteArray &value, QObject *context,
                              Callback done)
{
    Result result;
    {
        const QMutexLocker lock(&m_mutex);
        if (!m_available)
            result = unavailable();
        else
            m_values.insert(key, value);
    }
    answer(context, std::move(done), result);
}

void MemorySecretStore::remove(const QString &key, QObject *context, Callback done)
{
    Result result;
    {
        const QMutexLocker lock(&m_mutex);
        if (!m_available)
            result = unavailable();
        else if (!m_values.remove(key))
            result = {
                Status::NotFound, {}, QStringLiteral("No secret is stored under %1.").arg(key)};
    }
    answer(context, std::move(done), result);
}

void MemorySecretStore::setAvailable(bool available)
{
    const QMutexLocker lock(&m_mutex);
    m_available = available;
}

bool MemorySecretStore::isAvailable() const
{
    const QMutexLocker lock(&m_mutex);
    return m_available;
}

QStringList MemorySecretStore::keys() const
{
    const QMutexLocker lock(&m_mutex);
    QStringList result = m_values.keys();
    std::sort(result.begin(), result.end());
    return result;
}

} // namespace rolecall
