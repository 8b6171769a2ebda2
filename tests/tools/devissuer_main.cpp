// rolecall-dev-issuer: the test OpenID Connect provider as a process, for the
// demo script's "local development issuer". Prints `issuer=URL` once it
// listens, then serves until SIGTERM/SIGINT or until stdin (when it is a pipe
// or terminal) is closed.
#include "support/testidp.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSocketNotifier>

#include <csignal>
#include <cstdio>
#include <memory>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using rolecall::testing::TestIdentityProvider;

namespace {

// A signal handler reaches nothing but globals.
// NOLINTNEXTLINE(cppcoreguidelines-avoid-non-const-global-variables)
int signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const ssize_t ignored = ::write(signalPipe[1], &byte, 1);
}

// /dev/null or a file on stdin must not end the server at once: only a pipe
// or a terminal says anything about the parent going away.
bool stdinIsWatchable()
{
    struct stat info = {};
    if (::fstat(STDIN_FILENO, &info) != 0)
        return false;
    return S_ISFIFO(info.st_mode) || S_ISSOCK(info.st_mode) || ::isatty(STDIN_FILENO);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("rolecall-dev-issuer"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("A local OpenID Connect issuer that stands in for Clerk."));
    parser.addHelpOption();
    const QCommandLineOption portOption(QStringLiteral("port"),
                                        QStringLiteral("Port on 127.0.0.1 (0: any free port)."),
                                        QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption clientOption(QStringLiteral("client-id"),
                                          QStringLiteral("The OAuth client ID to accept."),
                                          QStringLiteral("ID"), QStringLiteral("rolecall-dev"));
    const QCommandLineOption subjectOption(
        QStringLiteral("subject"), QStringLiteral("The user's sub claim."), QStringLiteral("SUB"),
        QStringLiteral("user_demoadmin000000000000000000"));
    const QCommandLineOption emailOption(
        QStringLiteral("email"), QStringLiteral("The user's email."), QStringLiteral("EMAIL"),
        QStringLiteral("admin@akako.example"));
    const QCommandLineOption givenOption(QStringLiteral("given-name"),
                                         QStringLiteral("The user's given name."),
                                         QStringLiteral("NAME"), QStringLiteral("Ada"));
    const QCommandLineOption familyOption(QStringLiteral("family-name"),
                                          QStringLiteral("The user's family name."),
                                          QStringLiteral("NAME"), QStringLiteral("Admin"));
    parser.addOptions(
        {portOption, clientOption, subjectOption, emailOption, givenOption, familyOption});
    parser.process(app);

    bool portOk = false;
    const uint port = parser.value(portOption).toUInt(&portOk);
    if (!portOk || port > 65535) {
        std::fprintf(stderr, "rolecall-dev-issuer: --port must be a number from 0 to 65535\n");
        return 2;
    }

    if (::pipe2(signalPipe, O_CLOEXEC | O_NONBLOCK) != 0) {
        std::perror("rolecall-dev-issuer: pipe2");
        return 1;
    }
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    ::sigaction(SIGTERM, &action, nullptr);
    ::sigaction(SIGINT, &action, nullptr);
    QSocketNotifier signalNotifier(signalPipe[0], QSocketNotifier::Read);
    QObject::connect(&signalNotifier, &QSocketNotifier::activated, &app, [] {
        char byte = 0;
        [[maybe_unused]] const ssize_t ignored = ::read(signalPipe[0], &byte, 1);
        QCoreApplication::quit();
    });

    std::unique_ptr<QSocketNotifier> stdinNotifier;
    if (stdinIsWatchable()) {
        stdinNotifier = std::make_unique<QSocketNotifier>(STDIN_FILENO, QSocketNotifier::Read);
        QObject::connect(stdinNotifier.get(), &QSocketNotifier::activated, &app,
                         [notifier = stdinNotifier.get()] {
                             char buffer[256];
                             const ssize_t got = ::read(STDIN_FILENO, buffer, sizeof buffer);
                             if (got <= 0) { // EOF or error: the parent is gone
                                 notifier->setEnabled(false);
                                 QCoreApplication::quit();
                             }
                         });
    }

    TestIdentityProvider provider;
    provider.setClientId(parser.value(clientOption));
    provider.setUser({parser.value(subjectOption), parser.value(emailOption),
                      parser.value(givenOption), parser.value(familyOption)});
    // Method and path only: queries and bodies carry codes and tokens.
    QObject::connect(&provider, &TestIdentityProvider::requestServed, &app,
                     [](const QString &method, const QString &path, int status) {
                         std::fprintf(stderr, "rolecall-dev-issuer: %s %s -> %d\n",
                                      qPrintable(method), qPrintable(path), status);
                     });
    QString error;
    if (!provider.start(&error, static_cast<quint16>(port))) {
        std::fprintf(stderr, "rolecall-dev-issuer: cannot listen: %s\n", qPrintable(error));
        return 1;
    }
    std::printf("issuer=%s\n", qPrintable(provider.issuer()));
    std::fflush(stdout);
    std::fprintf(stderr, "rolecall-dev-issuer: serving client %s, user %s\n",
                 qPrintable(provider.clientId()), qPrintable(provider.user().email));

    const int status = QCoreApplication::exec();
    std::fprintf(stderr, "rolecall-dev-issuer: stopped\n");
    return status;
}
