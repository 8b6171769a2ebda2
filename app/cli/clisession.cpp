#include "cli/clisession.h"

#include "cli/cli.h"
#include "cli/clidatasource.h"
#include "cli/clioptions.h"
#include "cli/clisessionsupport.h"
#include "domain/connectionsettings.h"
#include "domain/datasourceerror.h"
#include "pg/pgdatasource.h"
#include "services/profilestore.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <optional>

namespace rolecall::cli {

namespace {

using auth::OidcSignInService;

// The verb's options, parsed; nullopt with the exit code set when the verb
// must end (help shown or a usage error).
std::optional<QCommandLineParser *> parse(QCommandLineParser &parser, CliContext &context,
                                          int *exitCode)
{
    parser.addOption(
        {{QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help.")});
    if (!parser.parse(QStringList{context.command} + context.args)) {
        context.err << "rolecallctl: " << parser.errorText() << '\n';
        *exitCode = ExitUsage;
        return std::nullopt;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        context.out << parser.helpText();
        *exitCode = ExitOk;
        return std::nullopt;
    }
    if (!parser.positionalArguments().isEmpty()) {
        context.err << "rolecallctl: unexpected argument '" << parser.positionalArguments().first()
                    << "'\n";
        *exitCode = ExitUsage;
        return std::nullopt;
    }
    return &parser;
}

} // namespace

int runLogin(CliContext &context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Sign in with the profile's OpenID provider in "
                                                    "the browser (PKCE, loopback redirect)."));
    parser.addOption({QStringLiteral("no-browser"),
                      QStringLiteral("Do not open a browser; print the sign-in link only.")});
    parser.addOption({QStringLiteral("timeout"),
                      QStringLiteral("Seconds to wait for the browser (default 300)."),
                      QStringLiteral("SECONDS"), QStringLiteral("300")});
    int exitCode = ExitOk;
    if (!parse(parser, context, &exitCode))
        return exitCode;
    bool timeoutOk = false;
    const int timeout = parser.value(QStringLiteral("timeout")).toInt(&timeoutOk);
    if (!timeoutOk || timeout < 1 || timeout > 3600) {
        context.err << "rolecallctl: --timeout must be 1 to 3600 seconds\n";
        return ExitUsage;
    }
    const std::optional<Profile> profile = resolveProfile(context, &exitCode);
    if (!profile)
        return exitCode;

    SessionRig rig(*profile, parser.isSet(QStringLiteral("no-browser"))
                                 ? auth::BrowserOpener()
                                 : auth::commandLineBrowser());
    rig.service.setBrowserTimeout(std::chrono::seconds(timeout));
    QObject::connect(&rig.service, &SignInService::authorizationUrlReady, &rig.loop,
                     [&](const QUrl &url) {
                         context.out << "Sign in to " << profile->name << " in your browser:\n  "
                                     << url.toString(QUrl::FullyEncoded) << '\n';
                         context.out.flush();
                     });
    QObject::connect(&rig.service, &SignInService::notice, &rig.loop, [&](const QString &message) {
        context.err << "rolecallctl: note: " << message << '\n';
    });
    QObject::connect(&rig.service, &SignInService::failed, &rig.loop, [&](const QString &message) {
        context.err << "rolecallctl: " << message << '\n';
        exitCode = ExitFailure;
        rig.loop.quit();
    });
    QObject::connect(
        &rig.service, &SignInService::signedIn, &rig.loop, [&](const Identity &identity) {
            context.out << "Signed in as "
                        << (identity.email.isEmpty() ? identity.subject : identity.email) << " ("
                        << identity.subject << ") on profile " << profile->name << ".\n";
            rig.loop.quit();
        });
    rig.service.signIn();
    rig.loop.exec();
    waitForStorage(rig);
    return exitCode;
}

int runLogout(CliContext &context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Sign out: revoke the session at the provider and delete it from the keychain."));
    int exitCode = ExitOk;
    if (!parse(parser, context, &exitCode))
        return exitCode;
    const std::optional<Profile> profile = resolveProfile(context, &exitCode);
    if (!profile)
        return exitCode;
    SessionRig rig(*profile, {});
    const bool wasSignedIn = restore(rig, context);
    QObject::connect(&rig.service, &OidcSignInService::signOutFinished, &rig.loop,
                     &QEventLoop::quit);
    QObject::connect(&rig.service, &SignInService::notice, &rig.loop, [&](const QString &message) {
        context.err << "rolecallctl: note: " << message << '\n';
    });
    rig.service.signOut(); // also removes an entry that could not be restored
    rig.loop.exec();
    context.out << (wasSignedIn ? "Signed out of " : "Not signed in to ") << profile->name << ".\n";
    return ExitOk;
}

int runWhoami(CliContext &context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Show who is signed in and what they may do."));
    parser.addOption({QStringLiteral("format"), QStringLiteral("table or json (default table)."),
                      QStringLiteral("FORMAT"), QStringLiteral("table")});
    parser.addOption({QStringLiteral("db"),
                      QStringLiteral("Database to look the person up in (default: the profile's)."),
                      QStringLiteral("URL")});
    int exitCode = ExitOk;
    if (!parse(parser, context, &exitCode))
        return exitCode;
    Format format = Format::Table;
    if (!parseFormat(parser.value(QStringLiteral("format")), {Format::Table, Format::Json}, context,
                     &format))
        return ExitUsage;
    const std::optional<Profile> profile = resolveProfile(context, &exitCode);
    if (!profile)
        return exitCode;
    SessionRig rig(*profile, {});
    if (!restoreOrSayHow(rig, *profile, context))
        return ExitNotSignedIn;
    const Identity identity = rig.service.identity();

    // What they may do comes from their own rows in the data source.
    std::optional<AccountAccess> access;
    QString accessProblem;
    const QString databaseUrl = parser.isSet(QStringLiteral("db"))
                                    ? parser.value(QStringLiteral("db"))
                                    : profile->databaseUrl;
    ConnectionSettings settings;
    if (!parser.isSet(QStringLiteral("db")) && !profile->apiBaseUrl.isEmpty()) {
        // An API profile: the server answers for the token's subject.
        CliDataSource api(CliConnection{{}, profile});
        int openCode = ExitOk;
        try {
            if (api.open(context, &openCode))
                access = api.source().fetchAccount(identity.subject).result();
            else
                accessProblem = QStringLiteral("not signed in");
        } catch (const DataSourceError &e) {
            accessProblem = e.message();
        }
    } else if (databaseUrl.isEmpty()) {
        accessProblem = QStringLiteral("the profile names no database");
    } else if (!ConnectionSettings::fromUrl(databaseUrl, &settings, &accessProblem)) {
        // accessProblem says why
    } else {
        PgDataSource source(settings);
        try {
            access = source.fetchAccount(identity.subject).result();
        } catch (const DataSourceError &e) {
            accessProblem = e.message();
        }
    }

    if (format == Format::Json) {
        QJsonObject json{
            {QStringLiteral("profile"), profile->name},
            {QStringLiteral("issuer"), identity.issuer},
            {QStringLiteral("subject"), identity.subject},
            {QStringLiteral("email"), identity.email},
            {QStringLiteral("name"), identity.name},
            {QStringLiteral("accessTokenExpiresAt"),
             identity.accessTokenExpiry.toUTC().toString(Qt::ISODate)},
            {QStringLiteral("keychain"), rig.service.keychainAvailable()},
        };
        if (access) {
            json.insert(QStringLiteral("userFound"), access->userFound);
            json.insert(QStringLiteral("activeRoles"),
                        QJsonArray::fromStringList(access->activeRoles));
            json.insert(QStringLiteral("canWrite"), access->canWrite());
            json.insert(QStringLiteral("readOnlyReason"), access->readOnlyReason());
        } else {
            json.insert(QStringLiteral("userFound"), QJsonValue());
            json.insert(QStringLiteral("activeRoles"), QJsonValue());
            json.insert(QStringLiteral("canWrite"), false);
            json.insert(QStringLiteral("readOnlyReason"),
                        QStringLiteral("Roles unknown: %1").arg(accessProblem));
        }
        context.out << QJsonDocument(json).toJson(QJsonDocument::Indented);
        return ExitOk;
    }
    context.out << "Profile:       " << profile->name << '\n'
                << "Issuer:        " << identity.issuer << '\n'
                << "Subject:       " << identity.subject << '\n'
                << "Email:         " << identity.email << '\n'
                << "Name:          " << identity.name << '\n';
    if (access) {
        context.out << "Active roles:  "
                    << (access->userFound ? (access->activeRoles.isEmpty()
                                                 ? QStringLiteral("none")
                                                 : access->activeRoles.join(QStringLiteral(", ")))
                                          : QStringLiteral("no user record in this database"))
                    << '\n'
                    << "Access:        "
                    << (access->canWrite()
                            ? QStringLiteral("read-write (active ADMIN)")
                            : QStringLiteral("read-only: ") + access->readOnlyReason())
                    << '\n';
    } else {
        context.out << "Active roles:  unknown (" << accessProblem << ")\n";
    }
    context.out << "Token expires: "
                << identity.accessTokenExpiry.toLocalTime().toString(
                       QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                << '\n';
    return ExitOk;
}

} // namespace rolecall::cli
