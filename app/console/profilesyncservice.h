#pragma once

#include "async/staleanswerguard.h"
#include "clerk/clerkapiclient.h"
#include "domain/connectionsettings.h"
#include "services/secretstore.h"
#include "services/syncservice.h"
#include "services/syncstore.h"

#include <QPointer>

class QNetworkAccessManager;

namespace rolecall {

class SecretStore;
class SyncStore;

// The Sync screen's service for one profile, composed as `rolecallctl sync`
// composes it: the profile's Clerk API URL (`clerk.baseUrl`), its secret key
// read from the SecretStore (profiles/NAME/clerk-secret-key) at each start,
// and a PgSyncStore on the profile's database (or, for an API profile, the
// store it is given: the server then checks every write). The key is held only for the
// run and never logged.
//
//   startRun ─▶ SyncStore::comparisonSite() ─┬─ OnServer (an API server with the Clerk key)
//                                            │    ─▶ SyncRun(store, no client): GET /sync/status
//                                            ├─ Unavailable ─▶ runRefused(why, false)
//                                            └─ Here ─▶ (below)
//   Here ─▶ SecretStore::read(key) ─┬─ none, empty ─▶ runRefused(how to store one, true)
//                                   ├─ unreadable ──▶ runRefused(keychain's message, false)
//                                   └─ key ─▶ ClerkApiClient + SyncRun(PgSyncStore)
//                                             ─▶ runStarted(run) ─▶ run->start()
//   cancelRun: reading the key ─▶ runRefused("Cancelled.") (its answer is dropped);
//              a run going ─▶ run->cancel() (the run says finished/failed itself)
//   a new startRun drops an earlier answer and replaces the run (its signals stop)
//   apply(actor, action) ─▶ SehatScan: FreshAdminSyncStore (the actor's Clerk user read
//                           again with the run's client) ─▶ PgSyncStore::apply
//                        ─▶ Akako: PgSyncStore::apply (the ADMIN check is in the database)
class ProfileSyncService final : public SyncService
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileSyncService)

public:
    // `clerk` gives the URL, rate and timeouts (its secretKey is ignored);
    // `secrets` and `network` are not owned (`network` may be null).
    ProfileSyncService(QString profile, ConnectionSettings connection, ClerkApiSettings clerk,
                       SecretStore *secrets, QNetworkAccessManager *network,
                       QObject *parent = nullptr);
    // The same over another database side (an API profile's ApiSyncStore),
    // which this service takes over.
    ProfileSyncService(QString profile, SyncStore *store, ClerkApiSettings clerk,
                       SecretStore *secrets, QNetworkAccessManager *network,
                       QObject *parent = nullptr);
    ~ProfileSyncService() override;

    void startRun() override;
    void cancelRun() override;
    SyncRun *currentRun() const override { return m_run; }
    QFuture<SyncActionResult> apply(const Actor &actor, const SyncAction &action,
                                    bool dryRun) override;
    QString displayName() const override;

    static QString secretKind() { return SecretStore::clerkSecretKeyKind(); }

private:
    void startAt(const SyncStore::ComparisonSite &site);
    void startWithKey(const QByteArray &key);
    void dropRun();

    const QString m_profile;
    ClerkApiSettings m_clerk;
    QPointer<SecretStore> m_secrets;
    QPointer<QNetworkAccessManager> m_network;
    SyncStore *m_store;
    SyncStore *m_freshAdminStore; // m_store, the actor's Clerk user read at each write
    ClerkApiClient *m_client = nullptr;
    SyncRun *m_run = nullptr;
    StaleAnswerGuard m_keyRead; // the keychain read of the latest start
    bool m_starting = false;    // reading the key for a run
    bool m_onServer = false;    // the store's server compares (an API profile's with the key)
};

} // namespace rolecall
