#include "sync/syncapplier.h"

#include "domain/datasourceerror.h"

#include <QFutureWatcher>

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
    auto *watcher = new QFutureWatcher<SyncActionResult>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, action, ticket] {
        watcher->deleteLater();
        if (!m_batch.isCurrent(ticket))
            return;
        ++m_done;
        bool stop = false;
        try {
            const SyncActionResult result = watcher->result();
            m_changed += result.changed ? 1 : 0;
            Q_EMIT actionDone(result);
        } catch (const DataSourceError &e) {
            ++m_failed;
            stop = e.kind() == DataSourceError::Kind::NotPermitted;
            Q_EMIT actionFailed(action.clerkId, e.message(), stop);
        }
        Q_EMIT progress(m_done, int(m_actions.size()));
        if (stop) {
            m_running = false;
            Q_EMIT finished(m_changed, m_failed, false);
            return;
        }
        next();
    });
    watcher->setFuture(m_apply ? m_apply(m_actor, m_actorClerk, action, m_dryRun)
                               : m_store->apply(m_actor, m_actorClerk, action, m_dryRun));
}

} // namespace rolecall
