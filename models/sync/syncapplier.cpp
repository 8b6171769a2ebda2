#include "sync/syncapplier.h"

#include "async/futurewatch.h"
#include "domain/datasourceerror.h"

namespace rolecall {

SyncApplier::SyncApplier(SyncStore *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{}

SyncApplier::SyncApplier(ApplyAction apply, QObject *parent)
    : QObject(parent)
    , m_apply(std::move(apply))
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
    if ((!m_store && !m_apply) || m_cancelled || m_done >= m_actions.size()) {
        m_running = false;
        Q_EMIT finished(m_changed, m_failed, m_cancelled);
        return;
    }
    const SyncAction action = m_actions.at(m_done);
    const quint64 ticket = m_batch.ticket();
    const auto settle = [this, action, ticket](const std::optional<SyncActionResult> &result,
                                               const DataSourceError *error) {
        if (!m_batch.isCurrent(ticket))
            return;
        ++m_done;
        const bool stop = error && error->kind() == DataSourceError::Kind::NotPermitted;
        if (result) {
            m_changed += result->changed ? 1 : 0;
            Q_EMIT actionDone(*result);
        } else {
            ++m_failed;
            Q_EMIT actionFailed(action.clerkId, error->message(), stop);
        }
        Q_EMIT progress(m_done, int(m_actions.size()));
        if (stop) {
            m_running = false;
            Q_EMIT finished(m_changed, m_failed, false);
            return;
        }
        next();
    };
    // watchFuture turns any exception (not only DataSourceError) and a
    // cancelled future into an error, so one bad action never stalls the batch.
    watchFuture(
        m_apply ? m_apply(m_actor, m_actorClerk, action, m_dryRun)
                : m_store->apply(m_actor, m_actorClerk, action, m_dryRun),
        this, [settle](const SyncActionResult &result) { settle(result, nullptr); },
        [settle](const DataSourceError &error) { settle(std::nullopt, &error); });
}

} // namespace rolecall
