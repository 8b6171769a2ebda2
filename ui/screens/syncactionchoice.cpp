#include "screens/syncactionchoice.h"

#include "widgets/synccountsbar.h"

namespace rolecall {

namespace {

// The action that fixes `status` in `record`, if it has that status:
// syncActionFor()'s, except that someone drifted or in an email conflict who
// also lacks the default role can be granted it (as `rolecallctl sync apply
// --status no-default-role` does). The exception belongs in syncActionFor()
// once it takes the status to fix.
std::optional<SyncAction> actionFixing(const SyncRecord &record, SyncStatus status)
{
    if (!record.matches(status))
        return std::nullopt;
    std::optional<SyncAction> action = syncActionFor(record);
    if (action && status == SyncStatus::NoDefaultRole)
        action->kind = SyncAction::Kind::GrantDefaultRole;
    return action;
}

} // namespace

SyncActionChoice chooseSyncActions(SyncScreen::Action action, const QList<SyncRecord> &selected,
                                   const QList<SyncRecord> &everyone)
{
    SyncActionChoice choice;
    const QList<SyncRecord> *among = &selected;
    std::optional<SyncStatus> fixing; // none: whoever a sync fixes
    switch (action) {
    case SyncScreen::Action::SyncSelected:
        choice.title = SyncScreen::tr("Sync the selected people from Clerk");
        choice.nobody =
            SyncScreen::tr("Select people who are missing, drifted or in an email conflict first.");
        break;
    case SyncScreen::Action::SyncAllMissing:
    case SyncScreen::Action::SyncAllDrifted:
        among = &everyone;
        fixing = action == SyncScreen::Action::SyncAllMissing ? SyncStatus::MissingInDatabase
                                                              : SyncStatus::Drifted;
        choice.title = action == SyncScreen::Action::SyncAllMissing
                           ? SyncScreen::tr("Sync every user missing in the database")
                           : SyncScreen::tr("Sync every drifted user");
        choice.nobody =
            SyncScreen::tr("Nobody has the status “%1”.").arg(SyncCountsBar::statusLabel(*fixing));
        break;
    case SyncScreen::Action::GrantDefaultRole:
        fixing = SyncStatus::NoDefaultRole;
        choice.title = SyncScreen::tr("Grant the default role (LEARNER)");
        choice.nobody =
            SyncScreen::tr("Select people in the database without the default role first.");
        break;
    case SyncScreen::Action::EndGrants:
        fixing = SyncStatus::Orphaned;
        choice.title = SyncScreen::tr("End all active grants of the selected orphans");
        choice.nobody = SyncScreen::tr("Select orphaned people first.");
        break;
    }
    for (const SyncRecord &record : *among) {
        const std::optional<SyncAction> fix =
            fixing ? actionFixing(record, *fixing) : syncActionFor(record);
        if (!fix || (!fixing && fix->kind != SyncAction::Kind::Sync))
            continue;
        if (fix->kind == SyncAction::Kind::Sync && !fix->clerk)
            continue; // a sync writes what Clerk holds
        choice.actions << *fix;
    }
    return choice;
}

} // namespace rolecall
