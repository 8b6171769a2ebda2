#pragma once

#include "async/staleanswerguard.h"
#include "sync/syncstatus.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>

#include <memory>

namespace rolecall {

class ClerkApiClient;
class SyncStore;

// One sync status run: the database snapshot and the Clerk walk at once,
// joined page by page as Clerk answers.
//
//   start() ─▶ SyncStore::loadSnapshot() (worker) ──▶ SyncComparer
//          └─▶ ClerkApiClient pages ─▶ (held until the snapshot is in) ─▶ compare
//                                                  recordsReady(page's verdicts)
//   last page ─▶ orphans and password accounts ─▶ recordsReady ─▶ finished()
//
// Orphans are only named after every Clerk page came in: a failed or
// cancelled run never calls anyone an orphan.
//
// Without a client the store's server compares (SyncStore::Comparison::OnServer):
//
//   start() ─▶ SyncStore::loadStatus() ─▶ every record at once ─▶ recordsReady ─▶ finished()
//                                      └▶ incomplete or refused ─▶ failed(why)
class SyncRun final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncRun)

public:
    // `client` null: the store's server makes the comparison (loadStatus()).
    SyncRun(SyncStore *store, ClerkApiClient *client, QObject *parent = nullptr);
    ~SyncRun() override;

    void start();
    void cancel();
    bool isRunning() const { return m_running; }
    bool isComplete() const { return m_complete; }

    SchemaKind schemaKind() const;
    qint64 clerkTotal() const { return m_clerkTotal; } // -1 until counted
    qint64 clerkSeen() const { return m_clerkSeen; }
    qint64 databaseRows() const { return m_databaseRows; }
    // Time spent joining pages on this thread, and hashing the database
    // side on the worker (overlapped with the Clerk walk), in ns.
    qint64 comparisonNs() const { return m_comparisonNs; }
    qint64 hashBuildNs() const { return m_buildNs; }
    // The Clerk user with this ID as this run saw it (the actor's, for SehatScan writes).
    std::optional<ClerkUser> clerkUser(const QString &clerkId) const;

Q_SIGNALS:
    void snapshotLoaded(qint64 rows);
    void totalCountReady(qint64 total);
    void recordsReady(const QList<rolecall::SyncRecord> &records);
    void progress(qint64 clerkSeen, qint64 clerkTotal);
    // Clerk asked us to wait (429) or a request failed and is tried again.
    void waiting(const QString &reason, qint64 delayMs);
    void finished();
    void failed(const QString &message);

private:
    void startOnServer();
    void onReport(const SyncStatusReport &report);
    void onPage(const QList<ClerkUser> &users);
    void compare(const QList<ClerkUser> &users);
    void maybeFinish();
    void fail(const QString &message);

    QPointer<SyncStore> m_store;
    QPointer<ClerkApiClient> m_client;
    std::shared_ptr<SyncComparer> m_comparer;
    QList<QList<ClerkUser>> m_pending;  // pages that came before the snapshot
    QHash<QString, ClerkUser> m_admins; // Clerk users with a public role, for SehatScan writes
    const bool m_onServer;
    bool m_running = false;
    bool m_complete = false;
    bool m_clerkDone = false;
    qint64 m_clerkTotal = -1;
    qint64 m_clerkSeen = 0;
    qint64 m_databaseRows = 0;
    qint64 m_comparisonNs = 0;
    qint64 m_buildNs = 0;
    StaleAnswerGuard m_snapshot; // renewed by every start, cancel and failure
};

} // namespace rolecall
