// rolecall-server: the admin API over HTTP; composition only (app/server/).
#include "buildinfo/buildinfo.h"
#include "server/mallocarenas.h"
#include "server/rolecallserver.h"
#include "server/serveroptions.h"

#include <QCoreApplication>
#include <QProcessEnvironment>
#include <QTextStream>

#include <csignal>
#include <cstdio>

namespace {

rolecall::server::RolecallServer *g_server = nullptr;

extern "C" void stopOnSignal(int)
{
    // httplib's stop() only closes the listening socket and sets a flag.
    if (g_server)
        g_server->stop();
}

} // namespace

int main(int argc, char *argv[])
{
    // Before any thread allocates: two malloc arenas, not 8 a core
    // (server/mallocarenas.h).
    rolecall::server::limitMallocArenas(2, QProcessEnvironment::systemEnvironment());
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Rolecall"));
    QCoreApplication::setApplicationName(QStringLiteral("rolecall-server"));
    QCoreApplication::setApplicationVersion(rolecall::buildinfo::version());
    QTextStream out(stdout);
    QTextStream err(stderr);

    using namespace rolecall::server;
    const auto parsed =
        parseServerOptions(QCoreApplication::arguments(), QProcessEnvironment::systemEnvironment());
    if (const auto *problem = std::get_if<QString>(&parsed)) {
        err << "rolecall-server: " << *problem << "\nSee rolecall-server --help.\n";
        return 2;
    }
    const ParsedOptions &options = std::get<ParsedOptions>(parsed);
    if (options.command == ServerCommand::ShowHelp) {
        out << options.helpText;
        return 0;
    }
    if (options.command == ServerCommand::ShowVersion) {
        out << "rolecall-server " << rolecall::buildinfo::version() << '\n';
        return 0;
    }

    RolecallServer server(options.options);
    QString error;
    if (!server.start(&error)) {
        err << "rolecall-server: " << error << '\n';
        return 1;
    }
    g_server = &server;
    std::signal(SIGINT, stopOnSignal);
    std::signal(SIGTERM, stopOnSignal);
    err << "rolecall-server " << rolecall::buildinfo::version() << " serving "
        << options.options.database.displayName() << " on "
        << (options.options.tls() ? "https" : "http") << "://"
        << options.options.listenAddress.toString() << ':' << server.port() << "/api/rolecall/v1"
        << (options.options.testFaults ? " (TEST FAULT SWITCHES ON)" : "") << '\n';
    err.flush();
    server.wait();
    g_server = nullptr;
    return 0;
}
