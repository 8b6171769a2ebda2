#pragma once

#include "cli/clicontext.h"
#include "domain/connectionsettings.h"
#include "domain/profile.h"

#include <memory>
#include <optional>

class QCommandLineParser;

namespace rolecall {
class DataSource;
class SyncStore;
} // namespace rolecall

namespace rolecall::cli {

// Where a verb's data lives: a database (--db, ROLECALL_DATABASE_URL, the
// discrete options or the profile's database), or the backend API of a
// profile with an API URL.
struct CliConnection
{
    ConnectionSettings database;
    std::optional<Profile> apiProfile; // set: the backend API
};

// The connection the options and the profile name; false with *error set.
bool cliConnectionFromOptions(const QCommandLineParser &parser, const QString &profile,
                              CliConnection *out, QString *error);

// The data source of one verb's run. For the API it restores the profile's
// session from the keychain (rolecallctl login first) and runs the network
// on a thread of its own, so the verb may wait on results as it does for
// PostgreSQL:
//
//   open() ─▶ database: PgDataSource
//          └▶ API: keychain session ─▶ access token ─▶ ApiDataSource, both on a worker
//                  thread; a 401 mid-run ─▶ the session renews the token once (refresh
//                  token) ─▶ the request again; refused again or not renewed: "sign in again"
class CliDataSource final
{
    Q_DISABLE_COPY_MOVE(CliDataSource)

public:
    explicit CliDataSource(CliConnection connection);
    ~CliDataSource();

    // False with the problem printed and *exitCode set (not signed in).
    bool open(CliContext &context, int *exitCode);
    DataSource &source() { return *m_source; }
    // The database side of sync: PgSyncStore, or ApiSyncStore (GET
    // /sync/snapshot, POST /sync/actions) for an API profile. After open().
    SyncStore &syncStore();

private:
    struct ApiRig;
    CliConnection m_connection;
    std::unique_ptr<ApiRig> m_api;
    std::unique_ptr<DataSource> m_ownedSource; // PostgreSQL
    std::unique_ptr<SyncStore> m_syncStore;
    DataSource *m_source = nullptr;
};

} // namespace rolecall::cli
