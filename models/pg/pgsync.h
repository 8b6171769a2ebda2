#pragma once

#include "domain/connectionsettings.h"
#include "pg/pgsession.h"
#include "services/syncstore.h"

#include <QFuture>
#include <QObject>
#include <QSqlDatabase>

#include <optional>

namespace rolecall {

// The database side of sync status, on the same connection settings as
// PgDataSource: one worker with its own session (pgsession.h) for the sync
// purpose, whose longer statement timeout lets the snapshot read a million
// users in one statement. Futures finish on the worker.
//
//   SyncRun                      PgSyncStore worker (PgSession, Sync purpose)
//   loadSnapshot() ──QFuture──▶ detect schema ─▶ one read of every User with
//        ◀── SyncDbSnapshot ───  their LEARNER facts (read: retried once)
//   SyncApplier, per action:
//   apply(actor, action, dryRun) ─▶ detect schema ─▶ BEGIN ─▶ check admin ─▶
//        write + audit event ─▶ COMMIT, or ROLLBACK when dry or failing
//        ◀── SyncActionResult or DataSourceError (write: never retried)
//
// Writes need an active ADMIN: on Akako LMS the actor's own grants, checked
// inside the transaction as every role write does. SehatScan has no roles, so
// there the actor's Clerk user (fetched with the secret key) must carry
// public_metadata.role "admin", Clerk's documented basic RBAC. A dry run does
// the whole write and rolls it back. Nothing is ever deleted.
class PgSyncStore final : public SyncStore
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PgSyncStore)

public:
    explicit PgSyncStore(ConnectionSettings settings, QObject *parent = nullptr);
    ~PgSyncStore() override;

    QFuture<SyncDbSnapshot> loadSnapshot() override;
    QFuture<SyncActionResult> apply(const Actor &actor, const std::optional<ClerkUser> &actorClerk,
                                    const SyncAction &action, bool dryRun) override;
    QString displayName() const override { return m_settings.displayName(); }

    const ConnectionSettings &settings() const { return m_settings; }

private:
    const ConnectionSettings m_settings;
    PgSessionPool m_worker; // one thread: its connection lives as long as it does
};

// The work itself, on an open connection (used by the store's worker).
SyncDbSnapshot loadSyncSnapshot(QSqlDatabase &db, const SchemaInfo &schema);
SyncActionResult applySyncAction(QSqlDatabase &db, const SchemaInfo &schema, const Actor &actor,
                                 const std::optional<ClerkUser> &actorClerk,
                                 const SyncAction &action, bool dryRun);

} // namespace rolecall
