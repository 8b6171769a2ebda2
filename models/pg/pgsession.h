#pragma once

#include "domain/connectionsettings.h"

#include <QFuture>
#include <QHash>
#include <QMutex>
#include <QSqlDatabase>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <type_traits>

namespace rolecall {

// What a session is for. It decides the one per-session setting that differs
// between them, the statement timeout; everything else is the same for all.
enum class PgSessionPurpose {
    // The console's and the CLI's pages, counts, searches and writes: a
    // person waits for each statement. 60 s ends a runaway read (a missing
    // index on a big table) with a clear error instead of a spinner forever.
    Interactive,
    // The sync store: its snapshot reads every user with their LEARNER facts in
    // one statement, which on a million users legitimately takes longer than
    // any page. 120 s; its writes bound themselves per transaction anyway.
    Sync,
};

// The statement_timeout a session for `purpose` gets.
std::chrono::seconds statementTimeout(PgSessionPurpose purpose);

// Whether a statement may run again after the connection was lost under it.
enum class PgWork {
    // A read: retried once on a fresh connection when the server went away.
    Read,
    // A write: the connection is checked first (one round trip, small next to
    // a write's transaction) and the write never retried, since a lost
    // COMMIT answer cannot tell whether it was written.
    Write,
};

// One QPSQL connection, opened and used by one thread only (Qt Sql's rule),
// set up the same way for every purpose: UTC time zone (the seed schemas keep
// UTC in TIMESTAMP(3) WITHOUT TIME ZONE, so now() agrees with what is
// stored), the purpose's statement timeout, the settings' schema as
// search_path, JIT off (the statements are short; compiling one costs more
// than it saves) and application_name "rolecall" (from connectOptions()).
//
//   (closed) ──open()──▶ connect ──▶ set up ──▶ (open) ──dropIfBroken()──▶ (closed)
//                           │ fails     │ fails
//                           ▼           ▼
//                 DataSourceError (Connection), still closed
class PgSession
{
public:
    // `timeout`: the statement_timeout instead of the purpose's (rolecall-server's
    // --statement-timeout).
    PgSession(ConnectionSettings settings, PgSessionPurpose purpose,
              std::optional<std::chrono::seconds> timeout = std::nullopt);
    ~PgSession();
    Q_DISABLE_COPY_MOVE(PgSession)

    // The open connection; connects and sets up when it is not open.
    QSqlDatabase &open();
    // open(), after making sure an open connection still answers.
    QSqlDatabase &openChecked();
    // After a failed statement: is the server still there? If not, closes
    // the connection (the next open() reconnects) and returns true.
    bool dropIfBroken();

    const QString &name() const { return m_name; }

private:
    void setUp();

    const QString m_name;
    const ConnectionSettings m_settings;
    const std::chrono::seconds m_timeout;
    QSqlDatabase m_db;
};

// Worker threads that each keep one PgSession for their whole life; what
// PgDataSource and PgSyncStore run their SQL on.
//
//   caller thread               worker (its own PgSession)
//   run(kind, work) ──QFuture──▶ open (Write: checked) ─▶ work(db) ─┐
//        ▲                          Read failed, server gone:       │
//        │                          reconnect ─▶ work(db) once more │
//        └──────────── result or DataSourceError ◀──────────────────┘
//
// Destroying the pool waits for the work in flight, ends the threads and
// closes their connections.
class PgSessionPool
{
public:
    PgSessionPool(ConnectionSettings settings, PgSessionPurpose purpose, int threadCount,
                  std::optional<std::chrono::seconds> timeout = std::nullopt);
    ~PgSessionPool();
    Q_DISABLE_COPY_MOVE(PgSessionPool)

    template <typename T>
    QFuture<T> run(PgWork kind, std::function<T(QSqlDatabase &)> work)
    {
        return QtConcurrent::run(&m_threads, [this, kind, work = std::move(work)]() -> T {
            if constexpr (std::is_void_v<T>) {
                runHere(kind, work);
            } else {
                std::optional<T> result;
                runHere(kind, [&](QSqlDatabase &db) { result.emplace(work(db)); });
                return std::move(*result);
            }
        });
    }

    const ConnectionSettings &settings() const { return m_settings; }

private:
    // On the worker: runs `work` on this thread's session with `kind`'s rules.
    void runHere(PgWork kind, const std::function<void(QSqlDatabase &)> &work);
    PgSession &sessionForThisThread();

    const ConnectionSettings m_settings;
    const PgSessionPurpose m_purpose;
    const std::optional<std::chrono::seconds> m_timeout;
    QMutex m_sessionsMutex;
    QHash<QThread *, std::shared_ptr<PgSession>> m_sessions;
    QThreadPool m_threads; // declared last: destroyed first, ending the workers
};

} // namespace rolecall
