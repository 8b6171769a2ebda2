// Sync with Clerk: the database snapshot, the server's own comparison with
// Clerk and the actions that fix one person, each with the same SyncRun and
// sync writer the console uses. Status and actions need the Clerk secret key
// on the server (501 without it).
#include "server/servercore.h"

#include "api/apijson.h"
#include "sync/syncaction.h"

namespace rolecall::server {

namespace {

// A status request always walks Clerk anew; an action is checked against a
// report at most clerkReportAge old (a batch of actions walks Clerk once).

ClerkSync &clerkSyncOf(ServerCore &core)
{
    if (!core.clerkSync())
        throw ProblemException{Problem::of(
            apijson::ProblemType::Unsupported,
            QStringLiteral("This server holds no Clerk secret key, so it cannot compare with "
                           "Clerk or act on the comparison; start it with "
                           "--clerk-secret-key-file or ROLECALL_CLERK_SECRET_KEY."))};
    return *core.clerkSync();
}

const SyncRecord *recordOf(const apijson::SyncStatusReport &report, const QString &clerkId)
{
    for (const SyncRecord &record : report.rows) {
        if (record.clerkId == clerkId)
            return &record;
    }
    return nullptr;
}

// Who may see and fix sync: an active ADMIN where the database has roles;
// where it has none (SehatScan), a Clerk user whose public_metadata.role is
// "admin", as the console judges it. The writer checks again in its
// transaction. A write (`write`) by a non-admin where roles decide gets the
// sync writer's own sentence, as PostgreSQL direct gives it.
void requireSyncAdmin(const Caller &caller, const apijson::SyncStatusReport *report,
                      bool write = false)
{
    if (caller.access.canWrite())
        return;
    if (!caller.access.rolesSupported && report &&
        ClerkSync::isAdminIn(*report, caller.principal.subject))
        return;
    QString reason = caller.access.readOnlyReason();
    if (write && caller.access.rolesSupported && !caller.access.databaseReadOnly)
        reason = notAnAdminRefusal(caller.actor());
    else if (!caller.access.rolesSupported)
        reason = QStringLiteral("Only an admin may sync users; this database has no roles, so an "
                                "admin is a Clerk user whose public_metadata.role is \"admin\".");
    if (reason.isEmpty())
        reason = QStringLiteral("You may not sync users.");
    throw ProblemException{Problem::notPermitted(reason)};
}

void requireAdminWhereRolesDecide(const Caller &caller, bool write = false)
{
    if (caller.access.rolesSupported)
        requireSyncAdmin(caller, nullptr, write);
}

} // namespace

void registerSyncRoutes(ServerCore &core)
{
    core.readSignedIn("/sync/snapshot", [&core](const httplib::Request &, const Caller &caller) {
        if (!caller.access.canWrite()) {
            requireAdminWhereRolesDecide(caller);
            const auto report = clerkSyncOf(core).report(clerkReportAge);
            requireSyncAdmin(caller, &report);
        }
        return jsonAnswer(200, apijson::toJson(ServerCore::await(core.syncStore().loadSnapshot())));
    });

    core.readSignedIn("/sync/status", [&core](const httplib::Request &, const Caller &caller) {
        requireAdminWhereRolesDecide(caller); // before walking Clerk for nobody
        ClerkSync &clerk = clerkSyncOf(core);
        const apijson::SyncStatusReport report = clerk.report(std::chrono::seconds(0));
        requireSyncAdmin(caller, &report);
        return jsonAnswer(200, apijson::toJson(report));
    });

    core.writeSignedIn("/sync/actions", [&core](const httplib::Request &request,
                                                const Caller &caller) {
        SyncAction asked;
        bool dryRun = false;
        QString error;
        if (!apijson::fromJson(jsonBodyOf(request), &asked, &dryRun, &error))
            refuseInput(error);
        requireAdminWhereRolesDecide(caller, true);
        const apijson::SyncStatusReport report = clerkSyncOf(core).report(clerkReportAge);
        requireSyncAdmin(caller, &report, true);
        if (!report.complete)
            throw ProblemException{
                Problem::of(apijson::ProblemType::Connection,
                            QStringLiteral("Clerk could not be read completely: %1")
                                .arg(report.problems.join(QLatin1Char(' '))))};
        const SyncRecord *record = recordOf(report, asked.clerkId);
        if (!record)
            throw ProblemException{Problem::notFound(
                QStringLiteral("Neither Clerk nor the database knows %1.").arg(asked.clerkId))};
        // The server's own comparison decides what is done, with Clerk's data
        // as the server read it, never as the request describes it.
        std::optional<SyncAction> action = syncActionFor(*record, asked.reason);
        // Someone acted since the caller's view and this person is in sync now:
        // a sync or a default role asked again is the writer's "nothing to do",
        // as PostgreSQL direct answers it, not a failure. Ending grants of
        // someone back in Clerk stays a conflict.
        if (!action && record->status == SyncStatus::InSync && record->clerk &&
            asked.kind != SyncAction::Kind::EndAllGrants)
            action = SyncAction{asked.kind, asked.clerkId, record->clerk, asked.reason};
        if (!action || action->kind != asked.kind)
            throw ProblemException{Problem::of(
                apijson::ProblemType::Conflict,
                QStringLiteral("%1 is %2 now, so \"%3\" does not apply; refresh the sync status.")
                    .arg(asked.clerkId, syncStatusName(record->status),
                         syncActionName(asked.kind)))};
        const SyncRecord *actor = recordOf(report, caller.principal.subject);
        const std::optional<ClerkUser> actorClerk =
            actor ? actor->clerk : std::optional<ClerkUser>();
        const SyncActionResult result =
            ServerCore::await(core.syncStore().apply(caller.actor(), actorClerk, *action, dryRun));
        return jsonAnswer(200, apijson::toJson(result));
    });
}

} // namespace rolecall::server
