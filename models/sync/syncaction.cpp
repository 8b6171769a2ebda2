#include "sync/syncaction.h"

namespace rolecall {

QString syncActionName(SyncAction::Kind kind)
{
    switch (kind) {
    case SyncAction::Kind::Sync:
        return QStringLiteral("sync");
    case SyncAction::Kind::GrantDefaultRole:
        return QStringLiteral("grant-default-role");
    case SyncAction::Kind::EndAllGrants:
        return QStringLiteral("end-all-grants");
    }
    return {};
}

std::optional<SyncAction> syncActionFor(const SyncRecord &record, const QString &reason)
{
    SyncAction action;
    action.clerkId = record.clerkId;
    action.clerk = record.clerk;
    action.reason = reason;
    switch (record.status) {
    case SyncStatus::MissingInDatabase:
    case SyncStatus::Drifted:
    case SyncStatus::EmailConflict:
        action.kind = SyncAction::Kind::Sync;
        return action;
    case SyncStatus::NoDefaultRole:
        action.kind = SyncAction::Kind::GrantDefaultRole;
        return action;
    case SyncStatus::Orphaned:
        action.kind = SyncAction::Kind::EndAllGrants;
        return action;
    case SyncStatus::InSync:
    case SyncStatus::PasswordAccount:
        break;
    }
    return std::nullopt;
}

} // namespace rolecall
