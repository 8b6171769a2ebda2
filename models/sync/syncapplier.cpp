#include "sync/syncapplier.h"

#include "async/futurewatch.h"
#include "domain/datasourceerror.h"

namespace rolecall {

SyncApplier::SyncApplier(SyncStore *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{}

void SyncApplier::start(const Actor &actor, const std::optional<ClerkUser> &actorClerk,
                        const QList<SyncAction> &actions, bool dryRun)
{
    if (m_running)
        return;
    m_batch.renew();
    m_actor = actor;
    m_actorClerk = actorClerk;
    m_actions = actions;
    m_dryRun = dryRun;
    m_running = true;
    m_cancelled = false;
    m_done = m_changed = m_failed = 0;
    Q_EMIT progress(0, int(m_actions.size()));
    next();
}

void SyncApplier::cancel()
{
    if (m_running)
        m_cancelled = true;
}

void SyncApplier::next()
{
    if (!m_store || m_cancelled || m_done >= m_actions.size()) {
        m_running = false;
        Q_EMIT finished(m_changed, m_failed, m_cancelled);
        return;
    }
    const SyncAction action = m_actions.at(m_done);
    const auto onDone = m_batch.current([this](const SyncActionResult &result) {
        ++m_done;
        m_changed += result.changed ? 1 : 0;
        Q_EMIT actionDone(result);
        afterAction(false);
    });
    const auto onFailed =
        m_batch.current([this, clerkId = action.clerkId](const DataSourceError &e) {
            ++m_done;
            ++m_failed;
            // A refusal for not being an admin holds for every action: the batch ends.
            const bool notPermitted = e.kind() == DataSourceError::Kind::NotPermitted;
            Q_EMIT actionFailed(clerkId, e.message(), notPermitted);
            afterAction(notPermitted);
        });
    watchFuture(m_store->apply(m_actor, m_actorClerk, action, m_dryRun), this, onDone, onFailed);
}

void SyncApplier::afterAction(bool stop)
{
    Q_EMIT progress(m_done, int(m_actions.size()));
    if (stop) {
        m_running = false;
        Q_EMIT finished(m_changed, m_failed, false);
        return;
    }
    next();
}

} // namespace rolecall
