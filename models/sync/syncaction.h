#pragma once

#include "domain/roles.h"
#include "sync/syncstatus.h"

#include <QList>
#include <QString>
#include <QStringList>

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

// The action that fixes a person's status, if any: sync for missing, drifted
// (and conflicting: refused with the holder named), grant the default role,
// end an orphan's grants with `reason`. In-sync people and password accounts
// need nothing. The Sync screen, its dialog and `rolecallctl sync apply` all
// ask this one rule.
std::optional<SyncAction> syncActionFor(const SyncRecord &record, const QString &reason = {});

} // namespace rolecall
