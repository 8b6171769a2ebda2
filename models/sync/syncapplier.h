#pragma once

#include "async/staleanswerguard.h"
#include "services/syncstore.h"

#include <QObject>
#include <QPointer>

#include <functional>

namespace rolecall {

// Runs many sync actions one after another, each its own transaction, for a
// preview (dry run) or for real, with progress; what the Sync screen's
// actions and `rolecallctl sync apply` do.
//
//   start(actions) ─▶ SyncStore::apply(action 1) ─▶ actionDone / actionFailed
//                   ─▶ ... action n ─▶ finished(changed, failed)
//
// A refusal for not being an admin ends the batch (it holds for everyone);
// any other failure is reported and the batch goes on. cancel() stops after
// the action in flight (which commits or rolls back on its own).
class SyncApplier final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncApplier)

public:
    explicit SyncApplier(SyncStore *store, QObject *parent = nullptr);
    // One action as SyncStore::apply does it, by another route: the Sync
    // screen's SyncService (which knows the actor's Clerk user itself).
    using ApplyAction = std::function<QFuture<SyncActionResult>(
        const Actor &actor, const std::optional<ClerkUser> &actorClerk, const SyncAction &action,
        bool dryRun)>;
    explicit SyncApplier(ApplyAction apply, QObject *parent = nullptr);

    void start(const Actor &actor, const std::optional<ClerkUser> &actorClerk,
               const QList<SyncAction> &actions, bool dryRun);
    void cancel();
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    void progress(int done, int total);
    void actionDone(const rolecall::SyncActionResult &result);
    void actionFailed(const QString &clerkId, const QString &message, bool notPermitted);
    void finished(int changed, int failed, bool cancelled);

private:
    void next();

    QPointer<SyncStore> m_store;
    ApplyAction m_apply; // set: used instead of m_store
    Actor m_actor;
    std::optional<ClerkUser> m_actorClerk;
    QList<SyncAction> m_actions;
    bool m_dryRun = false;
    bool m_running = false;
    bool m_cancelled = false;
    int m_done = 0;
    int m_changed = 0;
    int m_failed = 0;
    StaleAnswerGuard m_batch; // renewed by start(): a new batch drops the old one's answers
};

} // namespace rolecall
