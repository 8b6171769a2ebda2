#include "cli/clisessionsupport.h"

#include "cli/cli.h"
#include "services/datasource.h"
#include "services/profilestore.h"

#include <QSettings>
#include <QTextStream>
#include <QTimer>

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

bool restoreOrSayHow(SessionRig &rig, const Profile &profile, CliContext &context)
{
    if (restore(rig, context))
        return true;
    context.err << "rolecallctl: not signed in to " << profile.name
                << "; run 'rolecallctl login'\n";
    return false;
}

std::optional<Actor> signedInActor(CliContext &context, int *exitCode)
{
    *exitCode = ExitNotSignedIn;
    const std::unique_ptr<QSettings> settings = openAppSettings();
    const ProfileStore store(*settings);
    QString error;
    const std::optional<Profile> profile = store.resolve(context.profile, &error);
    if (!profile) {
        // A write is made by someone: with no usable profile nobody is signed in.
        context.err << "rolecallctl: not signed in: " << error << '\n';
        return std::nullopt;
    }
    SessionRig rig(*profile, {});
    if (!restoreOrSayHow(rig, *profile, context))
        return std::nullopt;
    const Identity identity = rig.service.identity();
    *exitCode = ExitOk;
    return Actor{identity.subject, identity.email};
}

bool mayWrite(DataSource &source, const Actor &actor, CliContext &context)
{
    const AccountAccess access = source.fetchAccount(actor.clerkId).result();
    if (access.canWrite())
        return true;
    context.err << "rolecallctl: not permitted: " << access.readOnlyReason() << '\n';
    return false;
}

SecretStore::Result
waitForKeychain(const std::function<void(QObject *, SecretStore::Callback)> &start)
{
    QEventLoop loop;
    SecretStore::Result result{SecretStore::Status::Unavailable,
                               {},
                               QStringLiteral("The OS keychain did not answer within two "
                                              "minutes.")};
    bool answered = false;
    start(&loop, [&](const SecretStore::Result &r) {
        result = r;
        answered = true;
        loop.quit();
    });
    if (!answered) {
        QTimer::singleShot(120000, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return result;
}

} // namespace rolecall::cli
