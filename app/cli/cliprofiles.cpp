#include "cli/cliprofiles.h"

#include "auth/keychainsecretstore.h"
#include "cli/cli.h"
#include "cli/clioptions.h"
#include "cli/clioutput.h"
#include "cli/clisessionsupport.h"
#include "cli/terminal.h"
#include "itemmodels/tableexport.h"
#include "services/boundsecret.h"
#include "services/profilestore.h"
#include "services/syncservice.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QTextStream>

#include <cstdio>
#include <functional>

namespace rolecall::cli {

namespace {

// The kinds of secret a profile may keep, as `set-secret` names them.
const QStringList secretKinds = {SecretStore::clerkSecretKeyKind()};

QJsonObject toJson(const Profile &p, bool isDefault, bool full)
{
    QJsonObject o{
        {QStringLiteral("name"), p.name},
        {QStringLiteral("default"), isDefault},
        {QStringLiteral("issuer"), p.issuer},
        {QStringLiteral("clientId"), p.clientId},
        {QStringLiteral("databaseUrl"), p.databaseUrl},
    };
    if (full) {
        o.insert(QStringLiteral("scopes"), QJsonArray::fromStringList(p.scopes));
        o.insert(QStringLiteral("apiBaseUrl"), p.apiBaseUrl);
        o.insert(QStringLiteral("clerkApiUrl"), p.clerkApiUrl);
    }
    return o;
}

// Parses the verb's arguments; returns -1 to go on, else the exit code.
// `secretVerb`: the words may hold a secret typed by mistake, so they are
// never echoed back.
int parse(QCommandLineParser &parser, CliContext &context, const QString &usage, int minPositional,
          int maxPositional, bool secretVerb = false)
{
    parser.addOption(
        {{QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help.")});
    if (!parser.parse(QStringList{context.command} + context.args)) {
        if (secretVerb)
            context.err << "rolecallctl: unknown option; usage: " << usage << '\n';
        else
            context.err << "rolecallctl: " << parser.errorText() << '\n';
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        context.out << parser.helpText().replace(context.command + QStringLiteral(" [options]"),
                                                 usage);
        return ExitOk;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() < minPositional) {
        context.err << "rolecallctl: usage: " << usage << '\n';
        return ExitUsage;
    }
    if (positional.size() > maxPositional && secretVerb) {
        context.err << "rolecallctl: too many arguments; the value comes from standard input, "
                       "never from the command line\n";
        return ExitUsage;
    }
    if (positional.size() > maxPositional) {
        context.err << "rolecallctl: unexpected argument '" << positional.at(maxPositional)
                    << "'\n";
        return ExitUsage;
    }
    return -1;
}

void addProfileOptions(QCommandLineParser &parser)
{
    parser.addOptions({
        {QStringLiteral("issuer"), QStringLiteral("OpenID issuer URL (https, no trailing slash)."),
         QStringLiteral("URL")},
        {QStringLiteral("client-id"), QStringLiteral("OAuth client ID."), QStringLiteral("ID")},
        {QStringLiteral("db"), QStringLiteral("PostgreSQL URL without a password."),
         QStringLiteral("URL")},
        {QStringLiteral("scopes"),
         QStringLiteral("Space-separated scopes (default \"openid profile email "
                        "offline_access\")."),
         QStringLiteral("SCOPES")},
        {{QStringLiteral("api"), QStringLiteral("api-url")},
         QStringLiteral("The backend's admin API base URL, instead of --db (https, or http to "
                        "this machine only)."),
         QStringLiteral("URL")},
        {QStringLiteral("clerk-api-url"),
         QStringLiteral("Clerk Backend API base URL (default https://api.clerk.com/v1)."),
         QStringLiteral("URL")},
        {QStringLiteral("default"), QStringLiteral("Make this the default profile.")},
    });
}

// Copies the options given on the command line into `p`; true if any was.
bool applyOptions(const QCommandLineParser &parser, Profile &p)
{
    bool changed = false;
    const auto take = [&](const char *option, QString &field) {
        const QString name = QString::fromLatin1(option);
        if (parser.isSet(name)) {
            field = parser.value(name).trimmed();
            changed = true;
        }
    };
    take("issuer", p.issuer);
    take("client-id", p.clientId);
    // A profile reads one data source: naming one replaces the other.
    const bool db = parser.isSet(QStringLiteral("db"));
    const bool api = parser.isSet(QStringLiteral("api"));
    if (db && !api)
        p.apiBaseUrl.clear();
    if (api && !db)
        p.databaseUrl.clear();
    take("db", p.databaseUrl);
    take("api", p.apiBaseUrl);
    take("clerk-api-url", p.clerkApiUrl);
    if (parser.isSet(QStringLiteral("scopes"))) {
        p.scopes =
            parser.value(QStringLiteral("scopes")).split(QLatin1Char(' '), Qt::SkipEmptyParts);
        changed = true;
    }
    return changed;
}

int noSuchProfile(CliContext &context, const QString &name)
{
    context.err << "rolecallctl: no profile named " << name
                << "; `rolecallctl profiles list` shows them\n";
    return ExitValidation;
}

// The settings file could not be written.
int storeFailed(CliContext &context, const QString &error)
{
    context.err << "rolecallctl: " << error << '\n';
    return ExitFailure;
}

// A verb that changes one existing profile, NAME: parses, finds it and runs
// `change` on it. Returns -1 to go on (with *name set), else the exit code.
int changeExisting(CliContext &context, ProfileStore &store, const QString &usage,
                   const std::function<bool(const QString &, QString *)> &change, QString *name)
{
    QCommandLineParser parser;
    if (const int code = parse(parser, context, usage, 1, 1); code >= 0)
        return code;
    *name = parser.positionalArguments().first();
    if (!store.contains(*name))
        return noSuchProfile(context, *name);
    QString error;
    if (!change(*name, &error))
        return storeFailed(context, error);
    return -1;
}

int runList(CliContext &context, ProfileStore &store)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("format"), QStringLiteral("table, csv or json."),
                      QStringLiteral("FORMAT"), QStringLiteral("table")});
    if (const int code = parse(parser, context,
                               QStringLiteral("rolecallctl profiles list "
                                              "[--format table|csv|json]"),
                               0, 0);
        code >= 0)
        return code;
    Format format = Format::Table;
    if (!parseFormat(parser.value(QStringLiteral("format")),
                     {Format::Table, Format::Csv, Format::Json}, context, &format))
        return ExitUsage;
    const QList<Profile> all = store.profiles();
    const QString defaultName = store.defaultProfile();
    if (format == Format::Json) {
        QJsonArray array;
        for (const Profile &p : all)
            array.append(toJson(p, p.name == defaultName, false));
        context.out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
    } else if (format == Format::Csv) {
        context.out << csvRecord({QStringLiteral("name"), QStringLiteral("default"),
                                  QStringLiteral("issuer"), QStringLiteral("clientId"),
                                  QStringLiteral("databaseUrl")});
        for (const Profile &p : all)
            context.out << csvRecord(
                {p.name, p.name == defaultName ? QStringLiteral("true") : QStringLiteral("false"),
                 p.issuer, p.clientId, p.databaseUrl},
                FormulaGuard::On);
    } else {
        if (all.isEmpty()) {
            context.out << "No profiles yet; add one with rolecallctl profiles add NAME --issuer "
                           "URL --client-id ID --db URL\n";
            return ExitOk;
        }
        QList<QStringList> rows;
        for (const Profile &p : all)
            rows.append({p.name, p.name == defaultName ? QStringLiteral("*") : QString(), p.issuer,
                         p.clientId, p.databaseUrl});
        printTable(context.out,
                   {QStringLiteral("Name"), QStringLiteral("Default"), QStringLiteral("Issuer"),
                    QStringLiteral("Client ID"), QStringLiteral("Database")},
                   rows);
    }
    return ExitOk;
}

int runShow(CliContext &context, ProfileStore &store)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("format"), QStringLiteral("table or json."),
                      QStringLiteral("FORMAT"), QStringLiteral("table")});
    if (const int code = parse(parser, context,
                               QStringLiteral("rolecallctl profiles show [NAME] "
                                              "[--format table|json]"),
                               0, 1);
        code >= 0)
        return code;
    Format format = Format::Table;
    if (!parseFormat(parser.value(QStringLiteral("format")), {Format::Table, Format::Json}, context,
                     &format))
        return ExitUsage;
    const QString requested = parser.positionalArguments().value(0, context.profile);
    // show must work on a broken profile too, so that it can be fixed.
    std::optional<Profile> p;
    if (!requested.isEmpty()) {
        p = store.profile(requested);
        if (!p)
            return noSuchProfile(context, requested);
    } else {
        QString error;
        p = store.resolve(QString(), &error);
        if (!p) {
            context.err << "rolecallctl: " << error << '\n';
            return ExitValidation;
        }
    }
    const bool isDefault = p->name == store.defaultProfile();
    if (format == Format::Json) {
        context.out << QString::fromUtf8(
            QJsonDocument(toJson(*p, isDefault, true)).toJson(QJsonDocument::Indented));
        return ExitOk;
    }
    const QList<QStringList> rows = {
        {QStringLiteral("Name"), p->name},
        {QStringLiteral("Default"), isDefault ? QStringLiteral("yes") : QStringLiteral("no")},
        {QStringLiteral("Issuer"), p->issuer},
        {QStringLiteral("Client ID"), p->clientId},
        {QStringLiteral("Scopes"), p->scopes.join(QLatin1Char(' '))},
        {QStringLiteral("Database"), p->databaseUrl},
        {QStringLiteral("API URL"), p->apiBaseUrl},
        {QStringLiteral("Clerk API URL"), p->clerkApiUrl.isEmpty()
                                              ? QStringLiteral("(default) https://api.clerk.com/v1")
                                              : p->clerkApiUrl},
    };
    for (const QStringList &row : rows)
        context.out << QString(row.at(0) + QLatin1Char(':')).leftJustified(15) << row.at(1) << '\n';
    return ExitOk;
}

// Deletes the secrets a changed issuer, client ID or Clerk API URL leaves
// tied to the old value, after saying so on stderr.
int removeInvalidatedSecrets(CliContext &context, const QString &name, const QStringList &kinds)
{
    if (kinds.isEmpty())
        return ExitOk;
    context.err << "rolecallctl: note: " << invalidatedSecretsText(name, kinds) << '\n';
    KeychainSecretStore secrets;
    for (const QString &kind : kinds) {
        const SecretStore::Result result =
            waitForKeychain([&](QObject *loop, SecretStore::Callback done) {
                secrets.remove(SecretStore::profileKey(name, kind), loop, std::move(done));
            });
        if (result.status == SecretStore::Status::Unavailable) {
            context.err << "rolecallctl: the keychain could not be reached to delete them ("
                        << result.message << "); they are not sent to the new address anyway\n";
            return ExitFailure;
        }
    }
    return ExitOk;
}

int runAddOrEdit(CliContext &context, ProfileStore &store, bool adding)
{
    QCommandLineParser parser;
    addProfileOptions(parser);
    const QString usage =
        adding ? QStringLiteral("rolecallctl profiles add NAME --issuer URL --client-id ID "
                                "[--db URL | --api URL] [options]")
               : QStringLiteral("rolecallctl profiles edit NAME [options]");
    if (const int code = parse(parser, context, usage, 1, 1); code >= 0)
        return code;
    const QString name = parser.positionalArguments().first();
    Profile p;
    p.name = name;
    std::optional<Profile> before;
    if (adding) {
        if (!parser.isSet(QStringLiteral("issuer")) || !parser.isSet(QStringLiteral("client-id"))) {
            context.err << "rolecallctl: profiles add needs --issuer URL and --client-id ID\n";
            return ExitUsage;
        }
    } else {
        const std::optional<Profile> existing = store.profile(name);
        if (!existing)
            return noSuchProfile(context, name);
        p = *existing;
        before = *existing;
    }
    const bool changed = applyOptions(parser, p);
    const bool makeDefault = parser.isSet(QStringLiteral("default"));
    if (!adding && !changed && !makeDefault) {
        context.err << "rolecallctl: nothing to change; give at least one option (see "
                       "rolecallctl profiles edit --help)\n";
        return ExitUsage;
    }
    // Bad input and conflicts (exit 5) are checked here, so a store failure
    // below can only be the settings file itself (exit 1).
    QString error;
    if (!p.validate(&error)) {
        context.err << "rolecallctl: " << error << '\n';
        return ExitValidation;
    }
    if (adding) {
        const QList<Profile> all = store.profiles();
        for (const Profile &other : all) {
            if (other.name.compare(name, Qt::CaseInsensitive) == 0) {
                context.err << "rolecallctl: a profile named " << other.name
                            << " already exists; change it with rolecallctl profiles edit "
                            << other.name << '\n';
                return ExitValidation;
            }
        }
    }
    if (!(adding ? store.add(p, &error) : store.update(p, &error)) ||
        (makeDefault && !store.setDefaultProfile(name, &error)))
        return storeFailed(context, error);
    context.out << (adding ? "Added" : "Updated") << " profile " << name
                << (store.defaultProfile() == name ? " (default)" : "") << ".\n";
    if (before)
        return removeInvalidatedSecrets(context, name, secretKindsInvalidated(*before, p));
    return ExitOk;
}

// Deletes the profile's keychain entries (its session and every kind of
// secret); an empty string, or the keychain's message when it cannot be reached.
QString removeSecrets(const QString &name)
{
    KeychainSecretStore secrets;
    QStringList keys = {SecretStore::profileKey(name, SecretStore::sessionKind())};
    for (const QString &kind : secretKinds)
        keys.append(SecretStore::profileKey(name, kind));
    for (const QString &key : std::as_const(keys)) {
        const SecretStore::Result result =
            waitForKeychain([&](QObject *loop, SecretStore::Callback done) {
                secrets.remove(key, loop, std::move(done));
            });
        if (result.status == SecretStore::Status::Unavailable)
            return result.message;
    }
    return {};
}

// Empties a settings store and deletes its file where it is one (the Windows
// registry has none); true if there was something to remove.
bool removeSettingsFile(QSettings &settings, QTextStream &out)
{
    const bool hadKeys = !settings.allKeys().isEmpty();
    settings.clear();
    settings.sync();
    const QFileInfo file(settings.fileName());
    if (file.isFile()) {
        QFile::remove(file.filePath());
        // Its folder too, when nothing else is in it (rmdir refuses otherwise).
        QDir().rmdir(file.absolutePath());
        out << "Removed " << QDir::toNativeSeparators(file.filePath()) << ".\n";
        return true;
    }
    if (hadKeys)
        out << "Cleared " << settings.fileName() << ".\n";
    return hadKeys;
}

// profiles remove --all: every profile with its keychain entries, then the
// settings of rolecallctl and of the console (window layout): what a person
// who wants Rolecall gone asks for, since uninstalling leaves all of it.
int runRemoveAll(CliContext &context, ProfileStore &store, QSettings &settings, bool confirmed)
{
    QStringList names;
    const QList<Profile> profiles = store.profiles();
    for (const Profile &p : profiles)
        names.append(p.name);
    if (!confirmed) {
        context.err << "rolecallctl: profiles remove --all deletes "
                    << (names.isEmpty() ? QStringLiteral("no profile (there are none)")
                                        : names.join(QStringLiteral(", ")))
                    << ", every keychain entry of theirs and Rolecall's settings; nothing "
                       "changed. Run it again with --yes to go ahead.\n";
        return ExitUsage;
    }
    QStringList unreachable;
    QString keychainMessage;
    for (const QString &name : names) {
        // The secrets first: once the profile is gone, nothing names them.
        const QString message = removeSecrets(name);
        if (!message.isEmpty()) {
            unreachable.append(name);
            keychainMessage = message;
        }
        QString error;
        if (!store.remove(name, &error)) {
            context.err << "rolecallctl: " << error << '\n';
            return ExitFailure;
        }
        context.out << "Removed profile " << name << ".\n";
    }
    removeSettingsFile(settings, context.out);
    // The console's own settings (window layout, columns): QSettings of the
    // application "rolecall".
    QSettings console(QSettings::NativeFormat, QSettings::UserScope, QStringLiteral("Rolecall"),
                      QStringLiteral("rolecall"));
    removeSettingsFile(console, context.out);
    if (!unreachable.isEmpty()) {
        context.err << "rolecallctl: the keychain entries of "
                    << unreachable.join(QStringLiteral(", "))
                    << " could not be deleted: " << keychainMessage
                    << "\nThey are in the keychain service \"rolecall\" as profiles/<name>/session "
                       "and profiles/<name>/clerk-secret-key; delete them with the keychain's own "
                       "tool.\n";
        return ExitFailure;
    }
    context.out << "Rolecall keeps nothing else on this computer for you.\n";
    return ExitOk;
}

int runRemove(CliContext &context, ProfileStore &store, QSettings &settings)
{
    QCommandLineParser parser;
    parser.addOptions({
        {QStringLiteral("all"),
         QStringLiteral("Remove every profile, their keychain entries and Rolecall's settings.")},
        {QStringLiteral("yes"), QStringLiteral("Confirm --all.")},
    });
    const QString usage = QStringLiteral("rolecallctl profiles remove NAME | --all --yes");
    if (const int code = parse(parser, context, usage, 0, 1); code >= 0)
        return code;
    const bool all = parser.isSet(QStringLiteral("all"));
    if (all == !parser.positionalArguments().isEmpty()) {
        context.err << "rolecallctl: usage: " << usage << '\n';
        return ExitUsage;
    }
    if (all)
        return runRemoveAll(context, store, settings, parser.isSet(QStringLiteral("yes")));
    const QString name = parser.positionalArguments().first();
    if (!store.contains(name))
        return noSuchProfile(context, name);
    QString error;
    if (!store.remove(name, &error))
        return storeFailed(context, error);
    context.out << "Removed profile " << name << ".\n";
    const QString newDefault = store.defaultProfile();
    if (!newDefault.isEmpty())
        context.out << "The default profile is " << newDefault << ".\n";

    // Its secrets go too. The profile is gone either way: a keychain that
    // cannot be reached is reported, not a failure.
    if (const QString message = removeSecrets(name); !message.isEmpty())
        context.err << "rolecallctl: the profile is removed, but its keychain entries could "
                       "not be deleted: "
                    << message << '\n';
    return ExitOk;
}

int runSetDefault(CliContext &context, ProfileStore &store)
{
    QString name;
    if (const int code = changeExisting(
            context, store, QStringLiteral("rolecallctl profiles set-default NAME"),
            [&store](const QString &n, QString *error) {
                return store.setDefaultProfile(n, error);
            },
            &name);
        code >= 0)
        return code;
    context.out << "The default profile is " << name << ".\n";
    return ExitOk;
}

int runSetSecret(CliContext &context, ProfileStore &store)
{
    QCommandLineParser parser;
    const QString usage = QStringLiteral("rolecallctl profiles set-secret NAME clerk-secret-key "
                                         "< file (the value comes from standard input)");
    if (const int code = parse(parser, context, usage, 2, 2, true); code >= 0)
        return code;
    const QString name = parser.positionalArguments().at(0);
    const QString kind = parser.positionalArguments().at(1);
    if (!secretKinds.contains(kind)) {
        context.err << "rolecallctl: unknown secret '" << kind << "'; the only one is "
                    << secretKinds.join(QStringLiteral(", ")) << '\n';
        return ExitUsage;
    }
    if (!store.contains(name))
        return noSuchProfile(context, name);
    // Never from an argument (visible in ps and shell history), never typed
    // at an echoing terminal.
    if (stdinIsTerminal()) {
        context.err << "rolecallctl: set-secret reads the value from standard input; pipe it in, "
                       "e.g. rolecallctl profiles set-secret "
                    << name << ' ' << kind << " < key.txt\n";
        return ExitUsage;
    }
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly)) {
        context.err << "rolecallctl: cannot read standard input\n";
        return ExitFailure;
    }
    QByteArray value = in.readLine().trimmed();
    in.close();
    if (value.size() > 64 * 1024) {
        wipeSecret(value);
        context.err << "rolecallctl: the " << kind
                    << " on standard input is longer than 64 KiB; "
                       "nothing was stored\n";
        return ExitValidation;
    }
    if (value.isEmpty()) {
        context.err << "rolecallctl: no " << kind << " on standard input; nothing was stored\n";
        return ExitValidation;
    }
    if (kind == SecretStore::clerkSecretKeyKind() && !isClerkSecretKey(value)) {
        wipeSecret(value);
        context.err << "rolecallctl: that is not a Clerk secret key (those start with sk_test_ or "
                       "sk_live_); nothing was stored\n";
        return ExitValidation;
    }
    KeychainSecretStore secrets;
    const QString key = SecretStore::profileKey(name, kind);
    // Bound to the Clerk API the profile names now: never sent anywhere else.
    const std::optional<Profile> profile = store.profile(name);
    QByteArray entry = packBoundSecret(value, clerkKeyOrigin(profile.value_or(Profile())));
    const SecretStore::Result result =
        waitForKeychain([&](QObject *loop, SecretStore::Callback done) {
            secrets.write(key, entry, loop, std::move(done));
        });
    wipeSecret(value); // do not leave the key lying around in this process
    wipeSecret(entry);
    if (result.status != SecretStore::Status::Ok) {
        context.err << "rolecallctl: " << result.message << '\n';
        return ExitFailure;
    }
    context.out << "Stored " << kind << " for profile " << name << " in the OS keychain.\n";
    return ExitOk;
}

} // namespace

int runProfiles(const QString &verb, CliContext &context)
{
    const std::unique_ptr<QSettings> settings = openAppSettings();
    ProfileStore store(*settings);
    if (verb == QLatin1String("list"))
        return runList(context, store);
    if (verb == QLatin1String("show"))
        return runShow(context, store);
    if (verb == QLatin1String("add"))
        return runAddOrEdit(context, store, true);
    if (verb == QLatin1String("edit"))
        return runAddOrEdit(context, store, false);
    if (verb == QLatin1String("remove"))
        return runRemove(context, store, *settings);
    if (verb == QLatin1String("set-default"))
        return runSetDefault(context, store);
    if (verb == QLatin1String("set-secret"))
        return runSetSecret(context, store);
    context.err << "rolecallctl: unknown command 'profiles " << verb
                << "'; see rolecallctl profiles list|show|add|edit|remove|set-default|"
                   "set-secret\n";
    return ExitUsage;
}

} // namespace rolecall::cli
