#pragma once

#include "services/syncstore.h"

#include <QPointer>

namespace rolecall {

class ApiDataSource;

// SyncStore over the admin API: the database side of sync status from GET
// /sync/snapshot and each action through POST /sync/actions (the server
// runs the same writer and checks the actor itself, from the token). Where
// the server holds the Clerk key (capabilities' "sync-status"), the whole
// comparison is the server's (GET /sync/status): comparisonSite() says
// OnServer and no key is needed here; without "sync" it says plainly why
// there is no sync.
// Shares the data source's client and capabilities; called from another
// thread, a call runs on the source's and its future finishes there.
class ApiSyncStore final : public SyncStore
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiSyncStore)

public:
    explicit ApiSyncStore(ApiDataSource *source, QObject *parent = nullptr);
    ~ApiSyncStore() override;

    QFuture<SyncDbSnapshot> loadSnapshot() override;
    // `actor` and `actorClerk` are not sent: the server knows who calls.
    QFuture<SyncActionResult> apply(const Actor &actor, const std::optional<ClerkUser> &actorClerk,
                                    const SyncAction &action, bool dryRun) override;
    QString displayName() const override;
    QFuture<ComparisonSite> comparisonSite() override;
    QFuture<SyncStatusReport> loadStatus() override;

private:
    QPointer<ApiDataSource> m_source;
};

} // namespace rolecall
