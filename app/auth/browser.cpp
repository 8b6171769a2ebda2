#include "auth/browser.h"

#include <QProcess>
#include <QStandardPaths>

namespace rolecall::auth {

namespace {

bool startDetached(QStringList command, const QUrl &url, QString *error)
{
    if (command.isEmpty()) {
        *error = QStringLiteral("No command to open a browser with.");
        return false;
    }
    const QString program = command.takeFirst();
    command << url.toString(QUrl::FullyEncoded);
    if (!QProcess::startDetached(program, command)) {
        *error = QStringLiteral("Could not start the browser command \"%1\".").arg(program);
        return false;
    }
    return true;
}

} // namespace

BrowserOpener browserFromEnvironment()
{
    const QString command = qEnvironmentVariable("ROLECALL_BROWSER");
    if (command.trimmed().isEmpty())
        return {};
    return [command](const QUrl &url, QString *error) {
        return startDetached(QProcess::splitCommand(command), url, error);
    };
}

BrowserOpener commandLineBrowser()
{
    if (BrowserOpener fromEnvironment = browserFromEnvironment())
        return fromEnvironment;
    return [](const QUrl &url, QString *error) {
#if defined(Q_OS_WIN)
        return startDetached(
            {QStringLiteral("cmd"), QStringLiteral("/c"), QStringLiteral("start"), QString()}, url,
            error);
#elif defined(Q_OS_MACOS)
        return startDetached({QStringLiteral("open")}, url, error);
#else
        if (QStandardPaths::findExecutable(QStringLiteral("xdg-open")).isEmpty()) {
            *error = QStringLiteral("No browser opener (xdg-open) on this machine.");
            return false;
        }
        return startDetached({QStringLiteral("xdg-open")}, url, error);
#endif
    };
}

} // namespace rolecall::auth
