#pragma once

// Internal to rolecall_server: what the route files share.
#include "domain/datasourceerror.h"
#include "domain/roles.h"
#include "pg/pgdatasource.h"
#include "pg/pgsync.h"
#include "server/accesslog.h"
#include "server/admissiongate.h"
#include "server/awaitfuture.h"
#include "server/bearerauth.h"
#include "server/clerksync.h"
#include "server/faultswitches.h"
#include "server/idempotencystore.h"
#include "server/problem.h"
#include "server/serveroptions.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QUrlQuery>

#include <httplib.h>

#include <functional>
#include <memory>
#include <thread>

namespace rolecall::server {

inline constexpr char apiBase[] = "/api/rolecall/v1";

// What a handler answers with (also what an idempotent write stores).
using Answer = StoredAnswer;

Answer jsonAnswer(int status, const QByteArray &json, const QByteArray &etag = {});
Answer problemAnswer(const Problem &problem);

// Thrown inside a handler to answer with a problem.
struct ProblemException
{
    Problem problem;
};

// --- what the route files share (routesupport.cpp) ---------------------------
Answer jsonAnswer(int status, const QJsonObject &body, const QByteArray &etag = {});
// The request's query parameters as the codec's fromUrlQuery() reads them.
QUrlQuery urlQueryOf(const httplib::Request &request);
// The request body as one JSON object; throws a 422 problem otherwise.
QJsonObject jsonBodyOf(const httplib::Request &request);
// Throws the 422 problem for a codec decoding error ("field: message").
[[noreturn]] void refuseInput(const QString &decodeError);
// A grant's entity tag: its updatedAt, quoted (the contract's ETag).
QByteArray etagOf(const RoleGrant &grant);
// If-Match as the instant it names; invalid for none or "*". Throws a 422
// problem when it names no instant.
QDateTime ifMatchInstant(const httplib::Request &request);

// The signed-in caller of a request, with their account.
struct Caller
{
    Principal principal;
    AccountAccess access;
    Actor actor() const { return Actor{principal.subject, access.user.email}; }
};

class ServerCore
{
public:
    ServerCore(ServerOptions options, AccessLog::Sink logSink, IssuerFetch fetch);
    ~ServerCore();
    Q_DISABLE_COPY_MOVE(ServerCore)

    bool start(QString *error);
    void stop();
    void wait();
    quint16 port() const { return m_port; }

    // --- for the routes -----------------------------------------------------
    // Registers `pattern` (a regex under apiBase) for a GET any signed-in
    // ADMIN may read.
    using ReadHandler = std::function<Answer(const httplib::Request &, const Caller &)>;
    void read(const std::string &pattern, ReadHandler handler);
    // A GET anyone signed in may call (/me).
    void readSignedIn(const std::string &pattern, ReadHandler handler);
    // A POST that writes: ADMIN only, Idempotency-Key required and honoured.
    using WriteHandler = std::function<Answer(const httplib::Request &, const Caller &)>;
    void write(const std::string &pattern, WriteHandler handler);
    // A POST that writes for anyone signed in: the handler (and the writer
    // inside its transaction) decides who may (sync on a schema without roles).
    void writeSignedIn(const std::string &pattern, WriteHandler handler);
    // A GET without a token (/capabilities).
    void anonymous(const std::string &pattern, std::function<Answer(const httplib::Request &)>);

    PgDataSource &source() { return *m_source; }
    PgSyncStore &syncStore() { return *m_syncStore; }
    PgSessionPool &pool() { return *m_pool; }
    // Null unless the server holds the Clerk secret key.
    ClerkSync *clerkSync() { return m_clerkSync.get(); }
    const ServerOptions &options() const { return m_options; }

    // Waits for a data-source future on this worker thread; a DataSourceError
    // becomes a problem.
    template <typename T>
    static T await(QFuture<T> future)
    {
        return awaitFuture(std::move(future));
    }

private:
    void readAs(const std::string &pattern, ReadHandler handler, bool requireAdmin);
    void writeAs(const std::string &pattern, WriteHandler handler, bool requireAdmin);
    // The bearer token's principal, or a 401 problem. No database.
    Principal verify(const httplib::Request &request);
    // A turn at the database for this request, or a 503 problem after
    // --session-wait.
    AdmissionGate::Ticket admit();
    // The principal's account; a 403 problem if `requireAdmin` and not one.
    // `write`: a non-admin is refused with the role writer's own sentence
    // (notAnAdminRefusal), as PostgreSQL direct refuses them.
    Caller callerOf(const Principal &principal, bool requireAdmin, bool write = false);
    void send(httplib::Response &response, const Answer &answer);
    void guarded(const httplib::Request &request, httplib::Response &response,
                 const std::function<Answer()> &work);
    Answer idempotent(const httplib::Request &request, const Caller &caller,
                      const WriteHandler &handler);
    bool applyFault(const httplib::Request &request, httplib::Response &response);
    // problemFor(), but a Schema failure on a database without roles is the
    // contract's schema-without-roles, in the data source's own words.
    Problem problemOf(const DataSourceError &error, bool ifMatchSent = false);
    void registerTestRoutes();

    const ServerOptions m_options;
    AccessLog m_log;
    BearerAuthenticator m_auth;
    FaultSwitches m_faults;
    AdmissionGate m_gate{m_options.databaseSessions};
    std::unique_ptr<PgDataSource> m_source;
    std::unique_ptr<PgSyncStore> m_syncStore;
    std::unique_ptr<PgSessionPool> m_pool;
    std::unique_ptr<IdempotencyStore> m_idempotency;
    std::unique_ptr<ClerkSync> m_clerkSync;
    std::unique_ptr<httplib::Server> m_http;
    std::thread m_listener;
    socket_t m_listenSocket = -1;
    quint16 m_port = 0;
};

// Route files: each registers its paths.
void registerReadRoutes(ServerCore &core);
void registerWriteRoutes(ServerCore &core);
void registerSyncRoutes(ServerCore &core);

} // namespace rolecall::server
