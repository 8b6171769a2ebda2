#include "server/clerksync.h"

#include "services/syncstore.h"
#include "sync/syncrun.h"

#include <memory>
#include <semaphore>

namespace rolecall::server {

ClerkSync::ClerkSync(ClerkApiSettings settings, SyncStore &store)
    : m_settings(std::move(settings))
    , m_store(store)
{
    m_thread.setObjectName(QStringLiteral("clerk-sync"));
    m_context = new QObject;
    m_context->moveToThread(&m_thread);
    QObject::connect(&m_thread, &QThread::finished, m_context, &QObject::deleteLater);
    m_thread.start();
}

ClerkSync::~ClerkSync()
{
    m_thread.quit();
    m_thread.wait();
}

apijson::SyncStatusReport ClerkSync::report(std::chrono::seconds maxAge)
{
    const std::lock_guard lock(m_mutex);
    if (m_last && m_last->complete && std::chrono::steady_clock::now() - m_lastAt <= maxAge)
        return *m_last;
    m_last = run();
    m_lastAt = std::chrono::steady_clock::now();
    return *m_last;
}

bool ClerkSync::isAdmin(const QString &clerkId, std::chrono::seconds maxAge)
{
    return isAdminIn(report(maxAge), clerkId);
}

bool ClerkSync::isAdminIn(const apijson::SyncStatusReport &report, const QString &clerkId)
{
    for (const SyncRecord &record : report.rows) {
        if (record.clerkId == clerkId)
            return record.clerk && record.clerk->publicRole.compare(QLatin1String("admin"),
                                                                    Qt::CaseInsensitive) == 0;
    }
    return false;
}

apijson::SyncStatusReport ClerkSync::run()
{
    struct Shared
    {
        apijson::SyncStatusReport report;
        std::binary_semaphore done{0};
    };
    auto shared = std::make_shared<Shared>();
    QMetaObject::invokeMethod(m_context, [this, shared] {
        auto *client = new ClerkApiClient(m_settings, nullptr, m_context);
        auto *run = new SyncRun(&m_store, client, m_context);
        const auto end = [client, run, shared] {
            shared->report.complete = run->isComplete();
            run->disconnect();
            run->deleteLater();
            client->deleteLater();
            shared->done.release();
        };
        QObject::connect(
            run, &SyncRun::recordsReady, m_context,
            [shared](const QList<SyncRecord> &records) { shared->report.rows.append(records); });
        QObject::connect(run, &SyncRun::finished, m_context, end);
        QObject::connect(run, &SyncRun::failed, m_context, [shared, end](const QString &message) {
            shared->report.problems.append(message);
            end();
        });
        run->start();
    });
    shared->done.acquire();
    return shared->report;
}

} // namespace rolecall::server
