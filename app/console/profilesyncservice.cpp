#include "console/profilesyncservice.h"

#include "async/futurewatch.h"
#include "pg/pgsync.h"
#include "services/boundsecret.h"
#include "services/secretstore.h"
#include "sync/freshadminstore.h"
#include "sync/syncrun.h"

#include <QNetworkAccessManager>

namespace rolecall {

ProfileSyncService::ProfileSyncService(QString profile, ConnectionSettings connection,
                                       ClerkApiSettings clerk, SecretStore *secrets,
                                       QNetworkAccessManager *network, QObject *parent)
    : ProfileSyncService(std::move(profile), new PgSyncStore(std::move(connection)),
                         std::move(clerk), secrets, network, parent)
{}

ProfileSyncService::ProfileSyncService(QString profile, SyncStore *store, ClerkApiSettings clerk,
                                       SecretStore *secrets, QNetworkAccessManager *network,
                                       QObject *parent)
    : SyncService(parent)
    , m_profile(std::move(profile))
    , m_clerk(std::move(clerk))
    , m_secrets(secrets)
    , m_network(network)
    , m_store(store)
{
    m_store->setParent(this);
    m_clerk.secretKey.clear();
    m_freshAdminStore = new FreshAdminSyncStore(
        m_store,
        [this](const QString &id, QObject *context, auto done) {
            if (m_client)
                m_client->fetchUser(id, context, std::move(done));
            else
                done(std::nullopt, tr("no comparison is open, so Clerk cannot be asked"));
        },
        this);
}

ProfileSyncService::~ProfileSyncService()
{
    if (m_run)
        m_run->blockSignals(true); // nobody hears of a run that goes with its service
    dropRun();
}

QString ProfileSyncService::displayName() const
{
    if (m_onServer)
        return tr("Clerk as the server %1 compares it").arg(m_store->displayName());
    return tr("Clerk at %1, database %2")
        .arg(m_clerk.baseUrl.toDisplayString(), m_store->displayName());
}

void ProfileSyncService::dropRun()
{
    if (m_run) {
        disconnect(m_run, nullptr, this, nullptr);
        m_run->cancel();
        m_run->deleteLater();
        m_run = nullptr;
    }
    if (m_client) {
        m_client->cancel();
        m_client->deleteLater();
        m_client = nullptr;
    }
}

void ProfileSyncService::startRun()
{
    m_keyRead.renew();
    m_starting = true;
    // Where the comparison is made: the database's store at once (here); an
    // API profile's asks its server first.
    const QFuture<SyncStore::ComparisonSite> site = m_store->comparisonSite();
    if (site.isFinished() && !site.isCanceled() && site.resultCount() > 0)
        return startAt(site.result());
    watchFuture(site, this,
                m_keyRead.current([this](const SyncStore::ComparisonSite &at) { startAt(at); }),
                m_keyRead.current([this](const QString &message) {
                    m_starting = false;
                    Q_EMIT runRefused(message, false);
                }));
}

void ProfileSyncService::startAt(const SyncStore::ComparisonSite &site)
{
    m_onServer = site.where == SyncStore::Comparison::OnServer;
    if (site.where == SyncStore::Comparison::Unavailable) {
        m_starting = false;
        Q_EMIT runRefused(site.why, false);
        return;
    }
    if (m_onServer) { // the server holds the Clerk key: none is read here
        m_starting = false;
        dropRun();
        m_run = new SyncRun(m_store, nullptr, this);
        Q_EMIT runStarted(m_run);
        m_run->start();
        return;
    }
    if (!m_secrets) {
        m_starting = false;
        Q_EMIT runRefused(missingClerkKeyMessage(m_profile), true);
        return;
    }
    m_secrets->read(
        SecretStore::profileKey(m_profile, secretKind()), this,
        // A newer start or a cancel drops this answer.
        m_keyRead.current([this](const SecretStore::Result &result) {
            m_starting = false;
            if (result.status == SecretStore::Status::Ok && !result.value.isEmpty()) {
                // Sent only to the API it was entered for.
                QString problem;
                std::optional<QByteArray> key =
                    unpackBoundSecret(result.value, originOf(m_clerk.baseUrl), &problem);
                if (!key) {
                    Q_EMIT runRefused(problem, true);
                    return;
                }
                startWithKey(key->trimmed());
                wipeSecret(*key);
            } else if (result.status == SecretStore::Status::NotFound || result.value.isEmpty()) {
                Q_EMIT runRefused(missingClerkKeyMessage(m_profile), true);
            } else {
                Q_EMIT runRefused(tr("The Clerk secret key could not be read from the keychain: %1")
                                      .arg(result.message),
                                  false);
            }
        }));
}

void ProfileSyncService::startWithKey(const QByteArray &key)
{
    dropRun();
    ClerkApiSettings settings = m_clerk;
    settings.secretKey = key;
    m_client = new ClerkApiClient(settings, m_network, this);
    m_run = new SyncRun(m_store, m_client, this);
    Q_EMIT runStarted(m_run);
    m_run->start();
}

void ProfileSyncService::cancelRun()
{
    m_keyRead.renew();
    if (m_run && m_run->isRunning())
        m_run->cancel();
    else if (std::exchange(m_starting, false)) // still reading the key: no run to cancel
        Q_EMIT runRefused(tr("Cancelled."), false);
}

QFuture<SyncActionResult> ProfileSyncService::apply(const Actor &actor, const SyncAction &action,
                                                    bool dryRun)
{
    // SehatScan writes check the actor's Clerk role as Clerk has it now,
    // not as the comparison saw it.
    if (m_run && m_run->schemaKind() == SchemaKind::SehatScan)
        return m_freshAdminStore->apply(actor, std::nullopt, action, dryRun);
    return m_store->apply(actor, std::nullopt, action, dryRun);
}

} // namespace rolecall
