#pragma once

#include "domain/connectionsettings.h"

#include <QByteArray>
#include <QHostAddress>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <chrono>
#include <variant>

namespace rolecall::server {

// Everything rolecall-server is started with. Secrets (the Clerk secret key)
// come from the environment or a file, never from argv; the database password
// is libpq's business (PGPASSWORD, ~/.pgpass, a service file).
struct ServerOptions
{
    ConnectionSettings database;
    QUrl issuer;      // the identity provider, e.g. the Clerk Frontend API URL
    QString audience; // the OAuth client ID the console signs in with
    QHostAddress listenAddress = QHostAddress::LocalHost;
    quint16 listenPort = 8080;
    QString tlsCertificateFile, tlsKeyFile; // both or neither
    std::chrono::seconds statementTimeout{30};
    qint64 maxBodyBytes = 1024 * 1024;
    // PostgreSQL sessions per pool, and requests at the database at once
    // (--db-sessions; --threads is its old name). Few: each is a backend
    // process on the database server.
    int databaseSessions = 8;
    // HTTP connections served at once, each on a thread of its own while it
    // is open (cpp-httplib). Many: an open keep-alive connection is mostly
    // idle, and must not keep a later client from being served.
    int maxConnections = 128;
    // A keep-alive connection idle this long is closed, freeing its thread;
    // one that has carried this many requests is closed after the last.
    std::chrono::seconds keepAliveTimeout{5};
    int keepAliveRequests = 100;
    // How long a request waits for its turn at the database before it is
    // answered 503 with Retry-After (the client retries then).
    std::chrono::seconds sessionWait{10};
    QByteArray clerkSecretKey; // empty: the server runs no sync comparison with Clerk
    QUrl clerkApiUrl{QStringLiteral("https://api.clerk.com/v1")};
    bool testFaults = false; // --test-faults or ROLECALL_SERVER_TEST_FAULTS=1

    bool tls() const { return !tlsCertificateFile.isEmpty(); }
};

// What the command line asked for instead of running.
enum class ServerCommand { Run, ShowVersion, ShowHelp };

struct ParsedOptions
{
    ServerCommand command = ServerCommand::Run;
    ServerOptions options;
    QString helpText;
};

// Parses `arguments` (argv, program name first). Returns the options, or one
// English sentence saying what is wrong with them.
std::variant<ParsedOptions, QString> parseServerOptions(const QStringList &arguments,
                                                        const QProcessEnvironment &environment);

} // namespace rolecall::server
