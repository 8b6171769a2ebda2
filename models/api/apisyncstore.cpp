#include "api/apisyncstore.h"

#include "api/apidatasource.h"
#include "api/apiroutes.h"
#include "async/futurewatch.h"

#include <QJsonDocument>
#include <QThread>

namespace rolecall {

namespace {

using Kind = DataSourceError::Kind;

// Runs `next` with the client once the backend is known to offer sync, on
// the source's thread (the CLI runs it on a worker of its own).
template <typename T>
void withSync(ApiDataSource *source, const ApiSettle<T> &settle,
              std::function<void(ApiClient *)> next)
{
    if (!source) {
        settle.fail(DataSourceError(Kind::Connection, ApiSyncStore::tr("The backend is gone.")));
        return;
    }
    QPointer<ApiDataSource> guard(source);
    if (QThread::currentThread() != source->thread()) {
        QMetaObject::invokeMethod(
            source, [guard, settle, next] { withSync(guard.data(), settle, next); },
            Qt::QueuedConnection);
        return;
    }
    watchFuture(
        source->mode(), source,
        [guard, settle, next](const ApiMode &mode) {
            if (mode.plain || !mode.capabilities.has(apijson::feature::sync)) {
                settle.fail(DataSourceError(
                    Kind::Schema, ApiSyncStore::tr("%1 does not offer sync through its API.")
                                      .arg(guard->client()->baseUrl().host())));
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
