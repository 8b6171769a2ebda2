#pragma once

#include "domain/domain.h"
#include "sync/syncaction.h"
#include "sync/syncstatus.h"

#include <QFuture>
#include <QObject>

#include <optional>

namespace rolecall {

// The database side of sync status, as a sync run and the batch runner see
// it: a snapshot of the users (and their roles) to compare with Clerk, and
// one sync action at a time, each its own transaction. PostgreSQL implements
// it directly (pg/); a backend API can implement it on its server.
class SyncStore : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;
    ~SyncStore() override = default;

    virtual QFuture<SyncDbSnapshot> loadSnapshot() = 0;
    // Fails with a DataSourceError (NotPermitted unless the actor is an
    // active ADMIN); a dry run does the whole write and rolls it back.
    virtual QFuture<SyncActionResult> apply(const Actor &actor,
                                            const std::optional<ClerkUser> &actorClerk,
                                            const SyncAction &action, bool dryRun) = 0;
    // "user@host/db", for headers and messages.
    virtual QString displayName() const = 0;

    // Where the comparison with Clerk is made: here (the caller walks Clerk
    // with its own key and compares with loadSnapshot()), on the store's
    // server (loadStatus() is the whole comparison; no key here), or nowhere
    // (`why` says so plainly). PostgreSQL: here.
    enum class Comparison { Here, OnServer, Unavailable };
    struct ComparisonSite
    {
        Comparison where = Comparison::Here;
        QString why; // Unavailable: why, in a sentence
    };
    virtual QFuture<ComparisonSite> comparisonSite();
    // The server's whole comparison (Comparison::OnServer); a Schema error elsewhere.
    virtual QFuture<SyncStatusReport> loadStatus();
};

} // namespace rolecall
