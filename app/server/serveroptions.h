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
    int threads = 8;
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
