#pragma once

#include "screens/syncscreen.h"
#include "sync/syncaction.h"

namespace rolecall {

// What one of the Sync screen's action buttons does: the title of its
// dialog, one action per person it applies to, and what to say instead of
// a dialog when it applies to nobody.
struct SyncActionChoice
{
    QString title;
    QString nobody;
    QList<SyncAction> actions;
};

// The people `action` acts on, each with the action syncActionFor() says
// fixes them: "Sync all missing" and "Sync all drifted" take everyone with
// that status, the other buttons the `selected` people whose fix is theirs
// (a sync, the default role, ending an orphan's grants).
SyncActionChoice chooseSyncActions(SyncScreen::Action action, const QList<SyncRecord> &selected,
                                   const QList<SyncRecord> &everyone);

} // namespace rolecall
