#include "auth/browser.h"

#include "auth/browser_p.h"

#include <QProcess>

namespace rolecall::auth {

namespace detail {

bool startDetached(QStringList command, const QUrl &url, QString *error)
{
    if (command.isEmpty()) {
        *error = QStringLiteral("No command to open a browser with.");
        return false;
    }
    const QString program = command.takeFirst();
    command << url.toString(QUrl::FullyEncoded);
    // No shell: the program gets the URL as one argument. And no secret of
    // ours in its environment (main() takes the Clerk key hook out of the
    // process; this holds for anyone who calls in without main()).
    QProcess process;
    process.setProgram(program);
    process.setArguments(command);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("ROLECALL_CLERK_SECRET_KEY"));
    process.setProcessEnvironment(environment);
    if (!process.startDetached()) {
        *error = QStringLiteral("Could not start the browser command \"%1\".").arg(program);
        return false;
    }
    return true;
}

} // namespace detail

BrowserOpener browserFromEnvironment()
{
    const QString command = qEnvironmentVariable("ROLECALL_BROWSER");
    if (command.trimmed().isEmpty())
        return {};
    return [command](const QUrl &url, QString *error) {
        return detail::startDetached(QProcess::splitCommand(command), url, error);
    };
}

BrowserOpener commandLineBrowser()
{
    if (BrowserOpener fromEnvironment = browserFromEnvironment())
        return fromEnvironment;
    return &detail::openWithSystemOpener;
}

} // namespace rolecall::auth
