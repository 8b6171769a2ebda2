#include "server/servercore.h"

#include "server/rolecallserver.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QUuid>

namespace rolecall::server {

namespace {

// What the access log needs to know about the request this worker is on:
// cpp-httplib runs a request's routing and its logger on the same thread.
struct RequestTrace
{
    QElapsedTimer timer;
    QString subject;
};
RequestTrace &currentTrace()
{
    thread_local RequestTrace trace;
    return trace;
}

QString qs(const std::string &text)
{
    return QString::fromStdString(text);
}

QString apiPath(const httplib::Request &request)
{
    const QString path = qs(request.path);
    const QString base = QLatin1String(apiBase);
    return path.startsWith(base) ? path.mid(base.size()) : path;
}

bool validKey(const QString &key)
{
    if (key.isEmpty() || key.size() > IdempotencyStore::maxKeyLength)
        return false;
    for (const QChar c : key) {
        if (c.unicode() < 0x21 || c.unicode() > 0x7e)
            return false;
    }
    return true;
}

} // namespace

Answer jsonAnswer(int status, const QByteArray &json, const QByteArray &etag)
{
    return Answer{status, QByteArrayLiteral("application/json"), etag, json};
}

Answer problemAnswer(const Problem &problem)
{
    Answer answer{
        problem.status, QByteArrayLiteral("application/problem+json"), {}, problem.toJson()};
    answer.retryAfter = problem.retryAfterSeconds;
    return answer;
}

ServerCore::ServerCore(ServerOptions options, AccessLog::Sink logSink, IssuerFetch fetch)
    : m_options(std::move(options))
    , m_log(std::move(logSink))
    , m_auth(BearerAuthenticator::Config{m_options.issuer, m_options.audience}, std::move(fetch))
{
    const PgPoolTuning tuning{m_options.databaseSessions, m_options.statementTimeout};
    m_source = std::make_unique<PgDataSource>(m_options.database, tuning);
    m_syncStore = std::make_unique<PgSyncStore>(m_options.database);
    m_pool =
        std::make_unique<PgSessionPool>(m_options.database, PgSessionPurpose::Interactive,
                                        m_options.databaseSessions, m_options.statementTimeout);
    m_idempotency = std::make_unique<IdempotencyStore>(*m_pool);
    if (!m_options.clerkSecretKey.isEmpty()) {
        ClerkApiSettings clerk;
        clerk.baseUrl = m_options.clerkApiUrl;
        clerk.secretKey = m_options.clerkSecretKey;
        m_clerkSync = std::make_unique<ClerkSync>(clerk, *m_syncStore);
    }
    if (m_options.tls())
        m_http = std::make_unique<httplib::SSLServer>(
            m_options.tlsCertificateFile.toLocal8Bit().constData(),
            m_options.tlsKeyFile.toLocal8Bit().constData());
    else
        m_http = std::make_unique<httplib::Server>();
}

ServerCore::~ServerCore()
{
    stop();
}

bool ServerCore::start(QString *error)
{
    if (!m_http->is_valid()) {
        *error = QStringLiteral("Cannot use the TLS certificate and key (%1, %2).")
                     .arg(m_options.tlsCertificateFile, m_options.tlsKeyFile);
        return false;
    }
    try {
        m_idempotency->ensureTable();
    } catch (const DataSourceError &e) {
        *error = e.message();
        return false;
    }

    // cpp-httplib serves a connection on one pool thread for as long as it is
    // open, so the pool is sized by connections, not by database sessions:
    // with as many threads as sessions, 32 keep-alive clients on 8 threads
    // left 24 accepted but unread until their clients timed out. The gate
    // (admit()) keeps the database's share small; keep-alive is bounded so
    // an idle connection gives its thread back.
    const auto connections = static_cast<size_t>(m_options.maxConnections);
    m_http->new_task_queue = [connections] { return new httplib::ThreadPool(connections); };
    m_http->set_payload_max_length(static_cast<size_t>(m_options.maxBodyBytes));
    m_http->set_read_timeout(30, 0);
    m_http->set_write_timeout(30, 0);
    m_http->set_keep_alive_max_count(static_cast<size_t>(m_options.keepAliveRequests));
    m_http->set_keep_alive_timeout(static_cast<time_t>(m_options.keepAliveTimeout.count()));
    m_http->set_socket_options([this](socket_t socket) {
        httplib::default_socket_options(socket);
        m_listenSocket = socket;
    });
    // Answers go out at once: with Nagle's algorithm a small answer waited for
    // the client's delayed ACK, 40 ms per request on loopback.
    m_http->set_tcp_nodelay(true);
    m_http->set_pre_routing_handler(
        [this](const httplib::Request &request, httplib::Response &response) {
            currentTrace().timer.start();
            currentTrace().subject.clear();
            return applyFault(request, response) ? httplib::Server::HandlerResponse::Handled
                                                 : httplib::Server::HandlerResponse::Unhandled;
        });
    m_http->set_error_handler(httplib::Server::HandlerWithResponse(
        [this](const httplib::Request &, httplib::Response &response) {
            if (!response.body.empty())
                return httplib::Server::HandlerResponse::Unhandled; // a problem already
            Problem problem;
            switch (response.status) {
            case 404:
                problem = Problem::notFound(QStringLiteral("There is no such resource."));
                break;
            case 413:
                problem = Problem::tooLarge(m_options.maxBodyBytes);
                break;
            default:
                problem = Problem::http(
                    response.status,
                    QStringLiteral("The request failed (HTTP %1).").arg(response.status));
            }
            send(response, problemAnswer(problem));
            return httplib::Server::HandlerResponse::Handled;
        }));
    m_http->set_exception_handler(
        [this](const httplib::Request &, httplib::Response &response, std::exception_ptr) {
            send(response, problemAnswer(Problem::internal(
                               QStringLiteral("The server failed to answer this request."))));
        });
    m_http->set_logger([this](const httplib::Request &request, const httplib::Response &response) {
        AccessEntry entry{qs(request.method),
                          qs(request.path),
                          response.status,
                          currentTrace().timer.isValid() ? currentTrace().timer.elapsed() : 0,
                          currentTrace().subject,
                          qs(response.get_header_value("X-Request-Id"))};
        currentTrace().timer.invalidate();
        m_log.write(entry);
    });

    registerReadRoutes(*this);
    registerWriteRoutes(*this);
    registerSyncRoutes(*this);
    if (m_options.testFaults)
        registerTestRoutes();

    const std::string host = m_options.listenAddress.toString().toStdString();
    if (m_options.listenPort == 0) {
        const int port = m_http->bind_to_any_port(host);
        if (port <= 0) {
            *error = QStringLiteral("Cannot listen on %1.").arg(m_options.listenAddress.toString());
            return false;
        }
        m_port = static_cast<quint16>(port);
    } else {
        if (!m_http->bind_to_port(host, m_options.listenPort)) {
            *error = QStringLiteral("Cannot listen on %1:%2 (in use, or not an address of this "
                                    "machine).")
                         .arg(m_options.listenAddress.toString())
                         .arg(m_options.listenPort);
            return false;
        }
        m_port = m_options.listenPort;
    }
    // cpp-httplib 0.11 listens with a backlog of 5: clients connecting at once
    // beyond that had their SYN dropped and retried a second later. Linux
    // takes a second listen() on a listening socket as a new backlog.
    if (m_listenSocket >= 0)
        ::listen(m_listenSocket, SOMAXCONN);
    m_listener = std::thread([this] { m_http->listen_after_bind(); });
    return true;
}

void ServerCore::stop()
{
    if (m_http)
        m_http->stop();
    if (m_listener.joinable())
        m_listener.join();
}

void ServerCore::wait()
{
    if (m_listener.joinable())
        m_listener.join();
}

void ServerCore::send(httplib::Response &response, const Answer &answer)
{
    response.status = answer.status;
    // Straight from the QByteArray: a page of users is 100 kB, copied once.
    response.set_content(answer.body.constData(), static_cast<size_t>(answer.body.size()),
                         answer.contentType.toStdString());
    if (!answer.etag.isEmpty())
        response.set_header("ETag", answer.etag.toStdString());
    if (answer.retryAfter > 0)
        response.set_header("Retry-After", std::to_string(answer.retryAfter));
    if (answer.status == 401)
        response.set_header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
    response.set_header("Cache-Control", "no-store");
    if (!response.has_header("X-Request-Id"))
        response.set_header("X-Request-Id",
                            QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString());
}

void ServerCore::guarded(const httplib::Request &request, httplib::Response &response,
                         const std::function<Answer()> &work)
{
    Q_UNUSED(request)
    Answer answer;
    try {
        answer = work();
    } catch (const ProblemException &e) {
        answer = problemAnswer(e.problem);
    } catch (const DataSourceError &e) {
        answer = problemAnswer(problemOf(e));
    } catch (const std::exception &) {
        answer = problemAnswer(
            Problem::internal(QStringLiteral("The server failed to answer this request.")));
    }
    send(response, answer);
}

Principal ServerCore::verify(const httplib::Request &request)
{
    const auto verdict =
        m_auth.authenticate(QByteArray::fromStdString(request.get_header_value("Authorization")));
    if (const auto *failed = std::get_if<AuthFailure>(&verdict))
        throw ProblemException{Problem::unauthorized(failed->message)};
    currentTrace().subject = std::get<Principal>(verdict).subject;
    return std::get<Principal>(verdict);
}

AdmissionGate::Ticket ServerCore::admit()
{
    auto ticket = m_gate.enter(m_options.sessionWait);
    if (!ticket)
        throw ProblemException{Problem::busy(
            QStringLiteral("Every database session of this server stayed busy for %1 s; try "
                           "again shortly.")
                .arg(m_options.sessionWait.count()))};
    return std::move(*ticket);
}

Caller ServerCore::callerOf(const Principal &principal, bool requireAdmin, bool write)
{
    Caller caller{principal, {}};
    caller.access = await(m_source->fetchAccount(caller.principal.subject));
    if (!requireAdmin || caller.access.canWrite())
        return caller;
    if (!caller.access.rolesSupported) {
        // No roles (SehatScan): the admins are Clerk's, known only with its key.
        if (m_clerkSync && m_clerkSync->isAdmin(caller.principal.subject, clerkReportAge))
            return caller;
        throw ProblemException{Problem::notPermitted(
            m_clerkSync ? QStringLiteral("This database has no roles, so only a Clerk admin "
                                         "(public_metadata.role \"admin\") may use it here.")
                        : QStringLiteral("This database has no roles, and this server holds no "
                                         "Clerk secret key to tell who is an admin."))};
    }
    if (write && !caller.access.databaseReadOnly)
        throw ProblemException{Problem::notPermitted(notAnAdminRefusal(caller.actor()))};
    if (!caller.access.userFound)
        throw ProblemException{
            Problem::notPermitted(QStringLiteral("You (%1) have no user in this database.")
                                      .arg(caller.principal.subject))};
    throw ProblemException{Problem::notPermitted(caller.access.readOnlyReason())};
}

// Each route: the token first (no database), then a turn at the database
// for the rest of the request, or 503 when none comes in time.
void ServerCore::read(const std::string &pattern, ReadHandler handler)
{
    readAs(pattern, std::move(handler), true);
}

void ServerCore::readSignedIn(const std::string &pattern, ReadHandler handler)
{
    readAs(pattern, std::move(handler), false);
}

void ServerCore::readAs(const std::string &pattern, ReadHandler handler, bool requireAdmin)
{
    m_http->Get(apiBase + pattern, [this, handler, requireAdmin](const httplib::Request &request,
                                                                 httplib::Response &response) {
        guarded(request, response, [&] {
            const Principal principal = verify(request);
            const auto turn = admit();
            return handler(request, callerOf(principal, requireAdmin));
        });
    });
}

void ServerCore::anonymous(const std::string &pattern,
                           std::function<Answer(const httplib::Request &)> handler)
{
    m_http->Get(apiBase + pattern,
                [this, handler](const httplib::Request &request, httplib::Response &response) {
                    guarded(request, response, [&] {
                        const auto turn = admit();
                        return handler(request);
                    });
                });
}

void ServerCore::write(const std::string &pattern, WriteHandler handler)
{
    writeAs(pattern, std::move(handler), true);
}

void ServerCore::writeSignedIn(const std::string &pattern, WriteHandler handler)
{
    writeAs(pattern, std::move(handler), false);
}

void ServerCore::writeAs(const std::string &pattern, WriteHandler handler, bool requireAdmin)
{
    m_http->Post(apiBase + pattern, [this, handler, requireAdmin](const httplib::Request &request,
                                                                  httplib::Response &response) {
        guarded(request, response, [&] {
            const Principal principal = verify(request);
            const auto turn = admit();
            return idempotent(request, callerOf(principal, requireAdmin, true), handler);
        });
    });
}

Answer ServerCore::idempotent(const httplib::Request &request, const Caller &caller,
                              const WriteHandler &handler)
{
    const QString key = qs(request.get_header_value("Idempotency-Key"));
    if (!validKey(key))
        throw ProblemException{Problem::validation(
            QStringLiteral("Every write needs an Idempotency-Key header: 1 to 255 visible ASCII "
                           "characters, new for each new write."),
            QStringLiteral("Idempotency-Key"))};
    const QByteArray hash = QCryptographicHash::hash(
        QByteArray::fromStdString(request.method + '\n' + request.path + '\n' +
                                  request.get_header_value("If-Match") + '\n' + request.body),
        QCryptographicHash::Sha256);

    const auto claimed = m_idempotency->claim(caller.principal.subject, key, hash);
    switch (claimed.claim) {
    case IdempotencyStore::Claim::Replay:
        return claimed.answer;
    case IdempotencyStore::Claim::Mismatch:
        throw ProblemException{Problem::of(
            apijson::ProblemType::IdempotencyKeyReused,
            QStringLiteral("This Idempotency-Key was used for a different request; use a new "
                           "key for a new write."))};
    case IdempotencyStore::Claim::InProgress: {
        Problem busy = Problem::of(apijson::ProblemType::Conflict,
                                   QStringLiteral("A request with this Idempotency-Key is "
                                                  "still running; try again shortly."));
        busy.retryAfterSeconds = 1;
        throw ProblemException{busy};
    }
    case IdempotencyStore::Claim::Fresh:
        break;
    }

    Answer answer;
    const bool ifMatch = request.has_header("If-Match");
    try {
        answer = handler(request, caller);
    } catch (const ProblemException &e) {
        answer = problemAnswer(e.problem);
    } catch (const DataSourceError &e) {
        answer = problemAnswer(problemOf(e, ifMatch));
    } catch (...) {
        m_idempotency->release(caller.principal.subject, key);
        throw;
    }
    // A server-side failure may go away: the same key may try again. Anything
    // else is the answer to this request for good.
    if (answer.status >= 500)
        m_idempotency->release(caller.principal.subject, key);
    else
        m_idempotency->complete(caller.principal.subject, key, answer);
    return answer;
}

Problem ServerCore::problemOf(const DataSourceError &error, bool ifMatchSent)
{
    if (error.kind() == DataSourceError::Kind::Schema) {
        try {
            const SchemaInfo schema = await(m_source->detectSchema());
            if (!schema.hasRoles() && schema.kind != SchemaKind::Unknown) {
                Problem problem = Problem::schemaWithoutRoles(schema);
                problem.detail = error.message(); // as PostgreSQL mode says it
                return problem;
            }
        } catch (const DataSourceError &) {
            // The schema cannot be read now: the failure as it was.
        }
    }
    return problemFor(error, ifMatchSent);
}

bool ServerCore::applyFault(const httplib::Request &request, httplib::Response &response)
{
    if (!m_options.testFaults || apiPath(request).startsWith(QLatin1String("/_test/")))
        return false;
    const auto fault = m_faults.take(apiPath(request));
    if (!fault)
        return false;
    switch (fault->kind) {
    case FaultSwitches::Kind::Slow:
        QThread::msleep(static_cast<unsigned long>(fault->ms));
        return false;
    case FaultSwitches::Kind::SlowQuery:
        try {
            const auto turn = admit(); // a slow statement holds a session, as a real one does
            awaitFuture(m_pool->run<void>(PgWork::Read, [ms = fault->ms](QSqlDatabase &db) {
                QSqlQuery sleep(db);
                sleep.prepare(QStringLiteral("SELECT pg_sleep(:s)"));
                sleep.bindValue(QStringLiteral(":s"), ms / 1000.0);
                if (!sleep.exec())
                    throw DataSourceError(
                        DataSourceError::Kind::Query,
                        QStringLiteral("The slow query failed: %1").arg(sleep.lastError().text()));
            }));
        } catch (const DataSourceError &e) {
            // The statement timeout ended it: answer as any query would.
            send(response, problemAnswer(problemFor(e)));
            return true;
        } catch (const ProblemException &e) {
            send(response, problemAnswer(e.problem));
            return true;
        }
        return false;
    case FaultSwitches::Kind::RateLimited:
        send(response, problemAnswer(Problem::rateLimited(fault->retryAfter)));
        return true;
    case FaultSwitches::Kind::ServerError:
        send(response, problemAnswer(Problem::internal(QStringLiteral("A test fault."))));
        return true;
    case FaultSwitches::Kind::ExpireToken:
        send(response,
             problemAnswer(Problem::unauthorized(QStringLiteral("The access token has expired."))));
        return true;
    case FaultSwitches::Kind::Drop: {
        // Promise a body, send a piece of it and give up: the client sees the
        // connection close in the middle of the answer.
        response.status = 200;
        response.set_content_provider(1024, "application/json",
                                      [](size_t, size_t, httplib::DataSink &sink) {
                                          sink.write("{\"users\":[", 10);
                                          return false;
                                      });
        return true;
    }
    }
    return false;
}

void ServerCore::registerTestRoutes()
{
    m_http->Post(std::string(apiBase) + "/_test/faults", [this](const httplib::Request &request,
                                                                httplib::Response &response) {
        QString error;
        const auto fault = FaultSwitches::parse(QByteArray::fromStdString(request.body), &error);
        if (!fault) {
            send(response, problemAnswer(Problem::validation(error)));
            return;
        }
        m_faults.arm(*fault);
        send(response, jsonAnswer(200, QByteArrayLiteral("{}")));
    });
    m_http->Delete(std::string(apiBase) + "/_test/faults",
                   [this](const httplib::Request &, httplib::Response &response) {
                       m_faults.clear();
                       send(response, jsonAnswer(200, QByteArrayLiteral("{}")));
                   });
}

// ------------------------------------------------------------ RolecallServer

RolecallServer::RolecallServer(ServerOptions options, AccessLog::Sink logSink, IssuerFetch fetch)
    : m_core(std::make_unique<ServerCore>(std::move(options), std::move(logSink), std::move(fetch)))
{}

RolecallServer::~RolecallServer() = default;

bool RolecallServer::start(QString *error)
{
    return m_core->start(error);
}

quint16 RolecallServer::port() const
{
    return m_core->port();
}

void RolecallServer::wait()
{
    m_core->wait();
}

void RolecallServer::stop()
{
    m_core->stop();
}

} // namespace rolecall::server
