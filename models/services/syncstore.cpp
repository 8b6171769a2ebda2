#include "services/syncstore.h"

#include "domain/datasourceerror.h"

namespace rolecall {

QFuture<SyncStore::ComparisonSite> SyncStore::comparisonSite()
{
    return QtFuture::makeReadyFuture(ComparisonSite{});
}

QFuture<SyncStatusReport> SyncStore::loadStatus()
{
    return QtFuture::makeExceptionalFuture<SyncStatusReport>(
        DataSourceError(DataSourceError::Kind::Schema,
                        QStringLiteral("%1 does not compare with Clerk itself; the comparison is "
                                       "made here, with a Clerk secret key.")
                            .arg(displayName())));
}

} // namespace rolecall
