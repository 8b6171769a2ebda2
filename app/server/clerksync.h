#pragma once

#include "api/apijson.h"
#include "clerk/clerkapiclient.h"

#include <QThread>

#include <chrono>
#include <mutex>
#include <optional>

namespace rolecall {
class SyncStore;
}

namespace rolecall::server {

// The sync comparison with Clerk, run by the server when it holds the Clerk
// secret key: the same SyncRun (and ClerkApiClient, with its rate limiter and
// retries) the console runs, on a thread of its own with an event loop,
// since HTTP workers have none.
//
//   HTTP worker ─ report(maxAge) ─▶ [a complete report younger than maxAge?] ─▶ it
//                                └▶ SyncRun on the Clerk thread ─▶ rows ─▶ report
//
// One run at a time: callers that arrive during a run wait for it and get its
// report, so a burst of requests walks Clerk once.
// How old a report may be for an admin check or a sync action: a burst of
// requests walks Clerk once a minute at most.
inline constexpr std::chrono::seconds clerkReportAge{60};

class ClerkSync
{
public:
    ClerkSync(ClerkApiSettings settings, SyncStore &store);
    ~ClerkSync();
    Q_DISABLE_COPY_MOVE(ClerkSync)

    // Blocks this (worker) thread until a run ends.
    apijson::SyncStatusReport report(std::chrono::seconds maxAge);
    // Whether Clerk names `clerkId` an admin (public_metadata.role "admin"),
    // judged on a report at most `maxAge` old: who is an admin where the
    // database has no roles (SehatScan), as the console judges it.
    bool isAdmin(const QString &clerkId, std::chrono::seconds maxAge);
    static bool isAdminIn(const apijson::SyncStatusReport &report, const QString &clerkId);

private:
    apijson::SyncStatusReport run();

    const ClerkApiSettings m_settings;
    SyncStore &m_store;
    QThread m_thread;
    QObject *m_context = nullptr; // lives on m_thread
    std::mutex m_mutex;
    std::optional<apijson::SyncStatusReport> m_last;
    std::chrono::steady_clock::time_point m_lastAt;
};

} // namespace rolecall::server
