#pragma once

#include "server/accesslog.h"
#include "server/issuerfetch.h"
#include "server/serveroptions.h"

#include <QString>

#include <memory>

namespace rolecall::server {

class ServerCore;

// rolecall-server: the admin API v1 (resources/api/rolecall-admin-api.yaml)
// over HTTP, on the same PgDataSource and PgSyncStore the console uses.
//
//   connection thread (cpp-httplib pool, --max-connections; one per open connection)
//     ─▶ fault switches (tests only) ─▶ route ─▶ bearer token ─▶ actor = sub
//     ─▶ a turn at the database (AdmissionGate, --db-sessions; 503 after --session-wait)
//     ─▶ [writes: ADMIN? ─▶ Idempotency-Key claim in PostgreSQL]
//     ─▶ PgDataSource future .result() (a PgSession per worker) ─▶ JSON / problem
//     ─▶ one access-log line
//
// Handlers block on the data source's futures; that is what a worker thread
// is for, and no Qt event loop is involved. PostgreSQL is the only state.
class RolecallServer
{
public:
    explicit RolecallServer(ServerOptions options, AccessLog::Sink logSink = {},
                            IssuerFetch fetch = fetchFromIssuer);
    ~RolecallServer(); // stops
    Q_DISABLE_COPY_MOVE(RolecallServer)

    // Prepares the database (the idempotency table), binds the listening
    // socket and serves on a thread of its own. Returns false with *error.
    bool start(QString *error);
    // The bound port (useful when the options asked for port 0).
    quint16 port() const;
    // Blocks until stop() is called from elsewhere (the executable's main).
    void wait();
    void stop();

private:
    std::unique_ptr<ServerCore> m_core;
};

} // namespace rolecall::server
