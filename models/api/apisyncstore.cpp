#include "api/apisyncstore.h"

#include "api/apidatasource.h"
#include "api/apiroutes.h"
#include "async/futurewatch.h"

#include <QJsonDocument>
#include <QThread>

namespace rolecall {

namespace {

using Kind = DataSourceError::Kind;

// Why a backend offers no sync, plainly: a rolecall-server without the
// Clerk key offers none of it.
QString noSyncReason(const ApiDataSource &source, const ApiMode &mode)
{
    const QString host = source.client()->baseUrl().host();
    if (mode.plain)
        return ApiSyncStore::tr("%1 is a plain backend: it offers no sync through its API.")
            .arg(host);
    return ApiSyncStore::tr("The server at %1 holds no Clerk secret key, so it cannot compare "
                            "with Clerk or fix what differs; its operator starts it with "
                            "--clerk-secret-key-file or ROLECALL_CLERK_SECRET_KEY.")
        .arg(host);
}

// Runs `next` with the client once the backend is known to offer `feature`
// (sync, or sync-status), on the source's thread (the CLI runs it on a
// worker of its own).
template <typename T>
void withSync(ApiDataSource *source, const ApiSettle<T> &settle,
              std::function<void(ApiClient *)> next, const char *feature = apijson::feature::sync)
{
    if (!source) {
        settle.fail(DataSourceError(Kind::Connection, ApiSyncStore::tr("The backend is gone.")));
        return;
    }
    QPointer<ApiDataSource> guard(source);
    if (QThread::currentThread() != source->thread()) {
        QMetaObject::invokeMethod(
            source,
            [guard, settle, next, feature] { withSync(guard.data(), settle, next, feature); },
            Qt::QueuedConnection);
        return;
    }
    watchFuture(
        source->mode(), source,
        [guard, settle, next, feature](const ApiMode &mode) {
            if (!guard)
                return settle.fail(
                    DataSourceError(Kind::Connection, ApiSyncStore::tr("The backend is gone.")));
            if (mode.plain || !mode.capabilities.has(feature)) {
                settle.fail(DataSourceError(Kind::Schema, noSyncReason(*guard, mode)));
                return;
            }
            next(guard->client());
        },
        [settle](const DataSourceError &e) { settle.fail(e); });
}

} // namespace

ApiSyncStore::ApiSyncStore(ApiDataSource *source, QObject *parent)
    : SyncStore(parent)
    , m_source(source)
{}

ApiSyncStore::~ApiSyncStore() = default;

QString ApiSyncStore::displayName() const
{
    return m_source ? m_source->displayName() : QString();
}

QFuture<SyncDbSnapshot> ApiSyncStore::loadSnapshot()
{
    ApiSettle<SyncDbSnapshot> settle;
    withSync(m_source.data(), settle, [settle](ApiClient *client) {
        ApiCall call;
        call.url = client->urlFor(apiroutes::path(apiroutes::Route::SyncSnapshot));
        client->send(
            call,
            [settle](const ApiResponse &response) {
                SyncDbSnapshot snapshot;
                QString why;
                if (apijson::fromJson(response.json, &snapshot, &why))
                    settle.value(snapshot);
                else
                    settle.fail(DataSourceError(
                        Kind::Query, tr("The sync snapshot cannot be read: %1").arg(why)));
            },
            [settle](const DataSourceError &e) { settle.fail(e); });
    });
    return settle.future();
}

QFuture<SyncStore::ComparisonSite> ApiSyncStore::comparisonSite()
{
    if (!m_source)
        return QtFuture::makeReadyFuture(
            ComparisonSite{Comparison::Unavailable, tr("The backend is gone.")});
    QPointer<ApiDataSource> source = m_source;
    // mode() hops to the source's thread; the continuation only reads it.
    return m_source->mode().then([source](const ApiMode &mode) {
        if (!mode.plain && mode.capabilities.has(apijson::feature::syncStatus))
            return ComparisonSite{Comparison::OnServer, {}};
        if (!mode.plain && mode.capabilities.has(apijson::feature::sync))
            return ComparisonSite{Comparison::Here, {}};
        return ComparisonSite{Comparison::Unavailable,
                              source ? noSyncReason(*source, mode) : tr("The backend is gone.")};
    });
}

QFuture<SyncStatusReport> ApiSyncStore::loadStatus()
{
    ApiSettle<SyncStatusReport> settle;
    withSync(
        m_source.data(), settle,
        [settle](ApiClient *client) {
            ApiCall call;
            call.url = client->urlFor(apiroutes::path(apiroutes::Route::SyncStatus));
            client->send(
                call,
                [settle](const ApiResponse &response) {
                    SyncStatusReport report;
                    QString why;
                    if (apijson::fromJson(response.json, &report, &why))
                        settle.value(report);
                    else
                        settle.fail(DataSourceError(
                            Kind::Query, tr("The sync status cannot be read: %1").arg(why)));
                },
                [settle](const DataSourceError &e) { settle.fail(e); });
        },
        apijson::feature::syncStatus);
    return settle.future();
}

QFuture<SyncActionResult> ApiSyncStore::apply(const Actor &actor,
                                              const std::optional<ClerkUser> &actorClerk,
                                              const SyncAction &action, bool dryRun)
{
    Q_UNUSED(actor)
    Q_UNUSED(actorClerk)
    ApiSettle<SyncActionResult> settle;
    withSync(m_source.data(), settle, [settle, action, dryRun](ApiClient *client) {
        ApiCall call;
        call.method = "POST";
        call.url = client->urlFor(apiroutes::path(apiroutes::Route::SyncActions));
        call.body = QJsonDocument(apijson::toJson(action, dryRun)).toJson(QJsonDocument::Compact);
        call.write = true;
        client->send(
            call,
            [settle](const ApiResponse &response) {
                SyncActionResult result;
                QString why;
                if (apijson::fromJson(response.json, &result, &why))
                    settle.value(result);
                else
                    settle.fail(DataSourceError(Kind::Query,
                                                tr("The sync result cannot be read: %1").arg(why)));
            },
            [settle](const DataSourceError &e) { settle.fail(e); });
    });
    return settle.future();
}

} // namespace rolecall
