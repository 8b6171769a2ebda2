#pragma once

#include "connectionsettings.h"
#include "roles.h"
#include "syncstatus.h"

#include <QFuture>
#include <QObject>
#include <QSqlDatabase>
#include <QThreadPool>

#include <optional>

namespace rolecall {

// One sync action on one person; each is its own transaction.
struct SyncAction
{
    enum class Kind {
        Sync,             // upsert the User row as the app's own sync does
        GrantDefaultRole, // Akako: a LEARNER grant from now
        EndAllGrants,     // Akako, orphans: end every active or scheduled grant
    };
    Kind kind = Kind::Sync;
    QString clerkId;
    std::optional<ClerkUser> clerk; // Sync: the Clerk user as just fetched
    QString reason;                 // EndAllGrants: required; GrantDefaultRole: optional
};

QString syncActionName(SyncAction::Kind kind); // "sync", "grant-default-role", "end-all-grants"

struct SyncActionResult
{
    QString clerkId;
    SyncAction::Kind kind = SyncAction::Kind::Sync;
    bool dryRun = false;
    bool changed = false; // false: nothing to do (already so)
    bool created = false; // Sync: a new User row
    QString userRowId;
    QList<FieldDiff> changes; // Sync: column, new (Clerk) value, old value
    QStringList grantIds;     // grants written or ended
    QString summary;          // one sentence for people
};

// The database side of sync status, on the same connection settings as
// PgDataSource and with the same pattern: a worker thread with its own QPSQL
// connection (UTC session, statement timeout); futures finish there.
//
// Writes need an active ADMIN: on Akako LMS the actor's own grants, checked
// inside the transaction as every role write does. SehatScan has no roles, so
// there the actor's Clerk user (fetched with the secret key) must carry
// public_metadata.role "admin", Clerk's documented basic RBAC. A dry run does
// the whole write and rolls it back. Nothing is ever deleted.
class PgSyncStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PgSyncStore)

public:
    explicit PgSyncStore(ConnectionSettings settings, QObject *parent = nullptr);
    ~PgSyncStore() override;

    QFuture<SyncDbSnapshot> loadSnapshot();
    QFuture<SyncActionResult> apply(const Actor &actor, const std::optional<ClerkUser> &actorClerk,
                                    const SyncAction &action, bool dryRun);

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
