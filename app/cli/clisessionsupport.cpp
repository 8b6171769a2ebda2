#include "cli/clisessionsupport.h"

#include "cli/cli.h"
#include "services/profilestore.h"

#include <QSettings>
#include <QTextStream>

namespace rolecall::cli {

using auth::OidcSignInService;

std::optional<Profile> resolveProfile(CliContext &context, int *exitCode)
{
    const std::unique_ptr<QSettings> settings = openAppSettings();
    ProfileStore store(*settings);
    QString error;
    std::optional<Profile> profile = store.resolve(context.profile, &error);
    if (!profile) {
        context.err << "rolecallctl: " << error << '\n';
        *exitCode = ExitUsage;
    }
    return profile;
}

void waitForStorage(SessionRig &rig)
{
    if (!rig.service.isStoringSession())
        return;
    QObject::connect(&rig.service, &OidcSignInService::sessionStored, &rig.loop, &QEventLoop::quit);
    rig.loop.exec();
}

bool restore(SessionRig &rig, CliContext &context)
{
    bool signedIn = false;
    QObject::connect(&rig.service, &SignInService::signedIn, &rig.loop, [&] {
        signedIn = true;
        rig.loop.quit();
    });
    QObject::connect(&rig.service, &SignInService::signedOut, &rig.loop, &QEventLoop::quit);
    QObject::connect(&rig.service, &SignInService::failed, &rig.loop, [&](const QString &message) {
        context.err << "rolecallctl: " << message << '\n';
        rig.loop.quit();
    });
    QObject::connect(&rig.service, &SignInService::notice, &rig.loop, [&](const QString &message) {
        context.err << "rolecallctl: note: " << message << '\n';
    });
    rig.service.restore();
    if (rig.service.state() == SignInService::State::Restoring)
        rig.loop.exec();
    QObject::disconnect(&rig.service, nullptr, &rig.loop, nullptr);
    waitForStorage(rig);
    return signedIn;
}

} // namespace rolecall::cli
