#pragma once

#include "domain/connectionsettings.h"
#include "services/syncstore.h"

#include <QFuture>
#include <QObject>
#include <QSqlDatabase>
#include <QThreadPool>

#include <optional>

namespace rolecall {

// The database side of sync status, on the same connection settings as
// PgDataSource and with the same pattern: a worker thread with its own QPSQL
// connection (UTC session, statement timeout); futures finish there.
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
    QSqlDatabase &connection();

    const ConnectionSettings m_settings;
    QString m_connectionName;
    QSqlDatabase m_db;  // used on the worker thread only
    QThreadPool m_pool; // one worker: its connection lives as long as it does
};

// The work itself, on an open connection (used by the store's worker).
SyncDbSnapshot loadSyncSnapshot(QSqlDatabase &db, const SchemaInfo &schema);
SyncActionResult applySyncAction(QSqlDatabase &db, const SchemaInfo &schema, const Actor &actor,
                                 const std::optional<ClerkUser> &actorClerk,
                                 const SyncAction &action, bool dryRun);

} // namespace rolecall
