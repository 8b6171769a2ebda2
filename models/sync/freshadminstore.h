#pragma once

#include "clerk/clerkuser.h"
#include "services/syncstore.h"

#include <functional>
#include <optional>

namespace rolecall {

// A SyncStore that reads the acting admin's Clerk user afresh for every
// write, instead of trusting the comparison's snapshot: on SehatScan, where
// "admin" is the Clerk user's public_metadata.role, an admin demoted in Clerk
// since the comparison ran is refused at once. The write itself goes to
// `inner`; what the fetch found is what it checks.
//
//   apply(actor, action) ─▶ fetch(actor.clerkId) ─▶ inner.apply(actor, fresh, action)
//                              └─ could not read ─▶ NotPermitted, nothing written
class FreshAdminSyncStore final : public SyncStore
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FreshAdminSyncStore)

public:
    // Answers the user (nullopt: no such user) or a message when Clerk could
    // not be asked; calls back on `context`'s thread.
    using Fetch = std::function<void(
        const QString &clerkId, QObject *context,
        std::function<void(const std::optional<ClerkUser> &, const QString &error)> done)>;

    FreshAdminSyncStore(SyncStore *inner, Fetch fetch, QObject *parent = nullptr);

    QFuture<SyncDbSnapshot> loadSnapshot() override;
    // `snapshotClerk` is ignored: the fetch decides.
    QFuture<SyncActionResult> apply(const Actor &actor,
                                    const std::optional<ClerkUser> &snapshotClerk,
                                    const SyncAction &action, bool dryRun) override;
    QString displayName() const override;

private:
    SyncStore *m_inner;
    Fetch m_fetch;
};

} // namespace rolecall
