#include "sync/freshadminstore.h"

#include "async/futurewatch.h"
#include "domain/datasourceerror.h"

#include <QPromise>

#include <memory>

namespace rolecall {

FreshAdminSyncStore::FreshAdminSyncStore(SyncStore *inner, Fetch fetch, QObject *parent)
    : SyncStore(parent)
    , m_inner(inner)
    , m_fetch(std::move(fetch))
{}

QFuture<SyncDbSnapshot> FreshAdminSyncStore::loadSnapshot()
{
    return m_inner->loadSnapshot();
}

QString FreshAdminSyncStore::displayName() const
{
    return m_inner->displayName();
}

QFuture<SyncActionResult> FreshAdminSyncStore::apply(const Actor &actor,
                                                     const std::optional<ClerkUser> &,
                                                     const SyncAction &action, bool dryRun)
{
    auto promise = std::make_shared<QPromise<SyncActionResult>>();
    promise->start();
    const auto fail = [promise](const DataSourceError &error) {
        promise->setException(error);
        promise->finish();
    };
    m_fetch(actor.clerkId, this,
            [this, promise, fail, actor, action, dryRun](const std::optional<ClerkUser> &fresh,
                                                         const QString &error) {
                if (!error.isEmpty()) {
                    fail(DataSourceError(DataSourceError::Kind::NotPermitted,
                                         tr("Could not read your Clerk user to check that you "
                                            "are still an admin, so nothing was written: %1")
                                             .arg(error)));
                    return;
                }
                watchFuture(
                    m_inner->apply(actor, fresh, action, dryRun), this,
                    [promise](const SyncActionResult &result) {
                        promise->addResult(result);
                        promise->finish();
                    },
                    fail);
            });
    return promise->future();
}

} // namespace rolecall
