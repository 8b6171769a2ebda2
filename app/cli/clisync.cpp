// rolecallctl sync status | apply. The Clerk secret key comes from the
// profile's keychain entry (profiles set-secret NAME clerk-secret-key); for
// tests and automation ROLECALL_CLERK_SECRET_KEY may hold it instead. It is
// never an argument and never printed. On an API profile whose server holds
// the key, the server compares (GET /sync/status) and no key is read here.
#include "cli/clisync.h"

#include "auth/keychainsecretstore.h"
#include "clerk/clerkapiclient.h"
#include "cli/cli.h"
#include "cli/cliconnection.h"
#include "cli/clidatasource.h"
#include "cli/clioptions.h"
#include "cli/clioutput.h"
#include "cli/clisessionsupport.h"
#include "cli/clisyncoutput.h"
#include "domain/datasourceerror.h"
#include "itemmodels/tableexport.h"
#include "services/boundsecret.h"
#include "services/profilestore.h"
#include "services/syncservice.h"
#include "services/syncstore.h"
#include "sync/freshadminstore.h"
#include "sync/syncapplier.h"
#include "sync/syncrun.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QSettings>
#include <QTextStream>

#include <atomic>
#include <memory>

namespace rolecall::cli {

namespace {

const QString secretKind = SecretStore::clerkSecretKeyKind();

struct ClerkTarget
{
    ClerkApiSettings settings;
    QString profile;
};

// The Clerk API settings: URL from --clerk-api-url, else the profile's, else
// Clerk's; the key from the environment hook, else the profile's keychain entry.
bool clerkTarget(const QCommandLineParser &parser, CliContext &context, ClerkTarget *target)
{
    const std::unique_ptr<QSettings> settings = openAppSettings();
    const ProfileStore store(*settings);
    QString error;
    const std::optional<Profile> profile = store.resolve(context.profile, &error);
    QString url = parser.value(QStringLiteral("clerk-api-url"));
    if (url.isEmpty() && profile)
        url = profile->clerkApiUrl;
    if (!url.isEmpty()) {
        const QUrl parsed(url, QUrl::StrictMode);
        QString problem;
        if (!checkServiceUrl(url, QStringLiteral("Clerk API URL"), &problem)) {
            context.err << "rolecallctl: " << problem << '\n';
            return false;
        }
        target->settings.baseUrl = parsed;
    }
    bool ok = false;
    const qint64 rate = parser.value(QStringLiteral("rate")).toLongLong(&ok);
    if (parser.isSet(QStringLiteral("rate"))) {
        if (!ok || rate < 1 || rate > 100000) {
            context.err << "rolecallctl: --rate must be a number of requests per 10 s (1 to "
                           "100000)\n";
            return false;
        }
        target->settings.rateLimit = int(rate);
    }
    const QByteArray fromEnv = takeClerkSecretKeyFromEnvironment();
    if (!fromEnv.isEmpty()) {
        target->settings.secretKey = fromEnv;
        return true;
    }
    if (!profile) {
        context.err
            << "rolecallctl: no Clerk secret key: " << error
            << " (store one with 'rolecallctl profiles set-secret NAME clerk-secret-key')\n";
        return false;
    }
    target->profile = profile->name;
    KeychainSecretStore secrets;
    const SecretStore::Result result =
        waitForKeychain([&](QObject *loop, SecretStore::Callback done) {
            secrets.read(SecretStore::profileKey(profile->name, secretKind), loop, std::move(done));
        });
    if (result.status != SecretStore::Status::Ok || result.value.isEmpty()) {
        context.err << "rolecallctl: no Clerk secret key for profile " << profile->name
                    << "; store one with 'rolecallctl profiles set-secret " << profile->name
                    << " clerk-secret-key' (" << result.message << ")\n";
        return false;
    }
    // Sent only to the API it was entered for.
    QString problem;
    std::optional<QByteArray> key =
        unpackBoundSecret(result.value, originOf(target->settings.baseUrl), &problem);
    if (!key) {
        context.err << "rolecallctl: profile " << profile->name << ": " << problem
                    << " ('rolecallctl profiles set-secret " << profile->name
                    << " clerk-secret-key')\n";
        return false;
    }
    target->settings.secretKey = *key;
    return true;
}

// Opens the verb's data and finds where the comparison with Clerk is made:
// here, with the Clerk key (a database; an API server that offers only its
// snapshot), or on the server of an API profile that holds the key itself
// (`*clerk` stays empty: no key is read here). False with the problem printed
// and *exitCode set, also when the server offers no sync at all.
bool openForComparison(const QCommandLineParser &parser, CliContext &context, CliDataSource &opened,
                       bool api, std::optional<ClerkTarget> *clerk, int *exitCode)
{
    const auto readKey = [&] {
        clerk->emplace();
        *exitCode = ExitFailure;
        return clerkTarget(parser, context, &**clerk);
    };
    if (!api) // the key first: nothing is opened without one
        return readKey() && opened.open(context, exitCode);
    if (!opened.open(context, exitCode))
        return false;
    SyncStore::ComparisonSite site;
    try {
        site = opened.syncStore().comparisonSite().result();
    } catch (const DataSourceError &e) {
        *exitCode = reportError(e, context);
        return false;
    }
    if (site.where == SyncStore::Comparison::Unavailable) {
        context.err << "rolecallctl: " << site.why << '\n';
        *exitCode = ExitFailure;
        return false;
    }
    return site.where == SyncStore::Comparison::OnServer || readKey();
}

// SyncRun and SyncApplier report a failure by its message; the exit code
// also needs the error's kind (not permitted is 4, a conflict 5, a lost
// connection 1). This store passes every call on and keeps the kind of the
// latest failure, which is the one reported next: a run reads, and the
// applier runs one action at a time.
class FailureKindStore final : public SyncStore
{
public:
    explicit FailureKindStore(SyncStore &inner)
        : m_inner(inner)
    {}
    Q_DISABLE_COPY_MOVE(FailureKindStore)

    QFuture<SyncDbSnapshot> loadSnapshot() override { return recorded(m_inner.loadSnapshot()); }
    QFuture<SyncActionResult> apply(const Actor &actor, const std::optional<ClerkUser> &actorClerk,
                                    const SyncAction &action, bool dryRun) override
    {
        return recorded(m_inner.apply(actor, actorClerk, action, dryRun));
    }
    QFuture<ComparisonSite> comparisonSite() override { return recorded(m_inner.comparisonSite()); }
    QFuture<SyncStatusReport> loadStatus() override { return recorded(m_inner.loadStatus()); }
    QString displayName() const override { return m_inner.displayName(); }

    DataSourceError::Kind latestFailure() const { return *m_latestFailure; }

private:
    // No context object: a read the run no longer waits for may fail after
    // this store is gone, so the kind goes where it outlives the store.
    template <typename T>
    QFuture<T> recorded(QFuture<T> future)
    {
        return future.onFailed([latest = m_latestFailure](const DataSourceError &e) -> T {
            *latest = e.kind();
            e.raise();
            return {};
        });
    }

    SyncStore &m_inner;
    std::shared_ptr<std::atomic<DataSourceError::Kind>> m_latestFailure =
        std::make_shared<std::atomic<DataSourceError::Kind>>(DataSourceError::Kind::Query);
};

// Runs one whole comparison; records arrive through `onRecords` as Clerk
// answers. ExitOk, or the exit code with the error printed when it did not
// complete (not permitted: 4, as any refused write).
int runComparison(SyncStore &store, const std::optional<ClerkTarget> &clerk, CliContext &context,
                  const std::function<void(const QList<SyncRecord> &)> &onRecords,
                  std::optional<ClerkUser> *actorClerk = nullptr, const QString &actorId = {},
                  SchemaKind *kind = nullptr)
{
    std::optional<ClerkApiClient> client; // none: the store's server compares
    if (clerk)
        client.emplace(clerk->settings, nullptr);
    FailureKindStore kinds(store);
    SyncRun run(&kinds, client ? &*client : nullptr);
    QEventLoop loop;
    QString failure;
    QObject::connect(&run, &SyncRun::recordsReady, &loop, onRecords);
    QObject::connect(&run, &SyncRun::finished, &loop, &QEventLoop::quit);
    QObject::connect(&run, &SyncRun::failed, &loop, [&](const QString &message) {
        failure = message;
        loop.quit();
    });
    run.start();
    loop.exec();
    if (!failure.isEmpty()) {
        if (kinds.latestFailure() == DataSourceError::Kind::NotPermitted)
            return reportError(DataSourceError(DataSourceError::Kind::NotPermitted, failure),
                               context);
        context.out.flush();
        context.err << "rolecallctl: sync status did not complete: " << failure << '\n';
        return ExitFailure;
    }
    if (actorClerk)
        *actorClerk = run.clerkUser(actorId);
    if (kind)
        *kind = run.schemaKind();
    return ExitOk;
}

int runStatus(CliContext &context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Compare every Clerk user with the database: in-sync, missing, orphaned, drifted, "
        "no-default-role, email-conflict, password-account."));
    parser.addOptions({
        {QStringLiteral("status"), QStringLiteral("Only people with this status."),
         QStringLiteral("S")},
        {QStringLiteral("clerk-api-url"),
         QStringLiteral("Clerk Backend API base URL (default: the profile's, else "
                        "https://api.clerk.com/v1)."),
         QStringLiteral("URL")},
        {QStringLiteral("rate"),
         QStringLiteral("Clerk requests allowed per 10 s (default 100, a development key's; "
                        "1000 for production keys)."),
         QStringLiteral("N")},
    });
    Format format = Format::Table;
    int exitCode = ExitOk;
    if (!parseVerb(parser, context, {}, {Format::Table, Format::Csv, Format::Json}, &format,
                   &exitCode))
        return exitCode;
    std::optional<SyncStatus> filter;
    if (parser.isSet(QStringLiteral("status"))) {
        filter = syncStatusFromName(parser.value(QStringLiteral("status")));
        if (!filter) {
            QStringList names;
            for (const SyncStatus status : allSyncStatuses())
                names << syncStatusName(status);
            context.err << "rolecallctl: unknown status '" << parser.value(QStringLiteral("status"))
                        << "'; the statuses are " << names.join(QStringLiteral(", ")) << '\n';
            return ExitUsage;
        }
    }
    CliConnection connection;
    if (!verbConnection(parser, context, &connection))
        return ExitUsage;
    std::optional<ClerkTarget> clerk;
    CliDataSource opened(connection);
    if (!openForComparison(parser, context, opened, connection.apiProfile.has_value(), &clerk,
                           &exitCode))
        return exitCode;

    QTextStream &out = context.out;
    const QStringList headers{QStringLiteral("clerkId"),       QStringLiteral("status"),
                              QStringLiteral("email"),         QStringLiteral("name"),
                              QStringLiteral("databaseRowId"), QStringLiteral("differences")};
    std::optional<JsonArrayWriter> json; // writes "[" as it is made
    if (format == Format::Json)
        json.emplace(out);
    QList<QStringList> rows;
    std::array<qint64, syncStatusCount> counts{};
    if (format == Format::Csv)
        out << csvRecord(headers);
    const auto onRecords = [&](const QList<SyncRecord> &records) {
        for (const SyncRecord &record : records) {
            for (const SyncStatus status : allSyncStatuses())
                if (record.matches(status))
                    ++counts[std::size_t(status)];
            if (filter && !record.matches(*filter))
                continue;
            const QStringList fields{record.clerkId,       syncStatusName(record.status),
                                     record.email,         record.name,
                                     record.databaseRowId, diffText(record)};
            if (json)
                json->add(recordJson(record));
            else if (format == Format::Csv)
                out << csvRecord(fields, FormulaGuard::On);
            else
                rows.append(fields);
        }
        out.flush(); // streamed: a script sees each page as Clerk answers
    };
    if (const int compared = runComparison(opened.syncStore(), clerk, context, onRecords);
        compared != ExitOk)
        return compared;
    if (json) {
        json->finish();
    } else if (format == Format::Table) {
        printTable(out, headers, rows);
        QStringList summary;
        for (const SyncStatus status : allSyncStatuses())
            summary << syncStatusName(status) + QStringLiteral(" ") +
                           QString::number(counts[std::size_t(status)]);
        out << summary.join(QStringLiteral(", ")) << '\n';
    }
    return ExitOk;
}

// A line about a person the batch skips, said where the person stands in it.
struct Note
{
    QTextStream *stream;
    QString text;
};

// The actions for the people picked, in order, and the notes about those
// skipped: notes[i] are said before actions[i], the last ones after all.
struct BatchPlan
{
    QList<SyncAction> actions;
    QList<QList<Note>> notes{QList<Note>()};
    int worst = ExitOk; // 5 when an orphan lacks --reason
};

BatchPlan planBatch(const QList<SyncRecord> &targets, const QSet<SyncStatus> &allOf,
                    const QString &reason, Format format, CliContext &context)
{
    BatchPlan plan;
    for (const SyncRecord &record : targets) {
        std::optional<SyncAction> planned = syncActionFor(record, reason);
        if (allOf.contains(SyncStatus::NoDefaultRole) && record.lacksDefaultRole &&
            !allOf.contains(record.status) && planned)
            planned->kind = SyncAction::Kind::GrantDefaultRole;
        if (!planned) {
            if (format == Format::Table)
                plan.notes.last() << Note{&context.out, record.clerkId + QStringLiteral(": ") +
                                                            syncStatusName(record.status) +
                                                            QStringLiteral(", nothing to do\n")};
            continue;
        }
        if (planned->kind == SyncAction::Kind::EndAllGrants && reason.trimmed().isEmpty()) {
            plan.notes.last() << Note{&context.err,
                                      QStringLiteral("rolecallctl: ") + record.clerkId +
                                          QStringLiteral(" is orphaned; ending its grants "
                                                         "needs --reason TEXT\n")};
            plan.worst = ExitValidation;
            continue;
        }
        plan.actions << *planned;
        plan.notes.append(QList<Note>());
    }
    return plan;
}

// Runs the actions for `targets` through SyncApplier, one transaction each,
// and prints each outcome as it comes. A refusal for not being an admin ends
// the batch (exit 4); otherwise the exit code is the worst failure's.
int applyBatch(SyncStore &syncStore, const Actor &actor,
               const std::optional<ClerkApiSettings> &freshAdmin, const QList<SyncRecord> &targets,
               const QSet<SyncStatus> &allOf, const QString &reason, bool dryRun, Format format,
               CliContext &context)
{
    const BatchPlan plan = planBatch(targets, allOf, reason, format, context);
    int worst = plan.worst;
    const auto sayNotes = [&plan](qsizetype at) {
        for (const Note &note : plan.notes.at(at))
            *note.stream << note.text;
    };

    ClerkApiClient clerkNow(freshAdmin.value_or(ClerkApiSettings()), nullptr);
    FreshAdminSyncStore freshStore(&syncStore,
                                   [&clerkNow](const QString &id, QObject *receiver, auto done) {
                                       clerkNow.fetchUser(id, receiver, std::move(done));
                                   });
    FailureKindStore store(freshAdmin ? static_cast<SyncStore &>(freshStore) : syncStore);
    SyncApplier applier(&store);
    std::optional<JsonArrayWriter> json;
    if (format == Format::Json)
        json.emplace(context.out);
    qsizetype reported = 0;
    bool refused = false;
    int changed = 0;
    bool finished = false;
    QEventLoop loop;
    QObject::connect(
        &applier, &SyncApplier::actionDone, &loop, [&](const SyncActionResult &result) {
            sayNotes(reported++);
            if (json)
                json->add(resultJson(result));
            else
                context.out << (dryRun && result.changed ? QStringLiteral("Would: ") : QString())
                            << result.summary << '\n';
        });
    QObject::connect(&applier, &SyncApplier::actionFailed, &loop,
                     [&](const QString &, const QString &message, bool notPermitted) {
                         sayNotes(reported++);
                         const int code =
                             reportError(DataSourceError(store.latestFailure(), message), context);
                         refused = refused || notPermitted; // the same for everyone else
                         worst = std::max(worst, code);
                     });
    QObject::connect(&applier, &SyncApplier::finished, &loop, [&](int changedCount) {
        changed = changedCount;
        finished = true;
        loop.quit();
    });
    applier.start(actor, std::nullopt, plan.actions, dryRun);
    if (!finished) // an empty batch finishes at once
        loop.exec();

    if (refused) {
        if (json)
            json->finish();
        return ExitNotPermitted;
    }
    sayNotes(plan.actions.size());
    if (json)
        json->finish();
    else
        context.out << (dryRun ? "Dry run: " : "") << changed << " of " << targets.size()
                    << (dryRun ? " would change; nothing was written (--dry-run).\n"
                               : " changed.\n");
    return worst;
}

int runApply(CliContext &context)
{
    const auto addOptions = [](QCommandLineParser &parser) {
        parser.setApplicationDescription(QStringLiteral(
            "Fix what sync status found, one transaction per person: sync a missing or drifted "
            "user as the app's own sync does, grant the default role, or end an orphan's grants "
            "(--reason). Name people (USER...) by Clerk ID or email, or pick them all by status. "
            "Needs the profile's signed-in session of an admin."));
        parser.addOptions({
            {QStringLiteral("all-missing"), QStringLiteral("Every user missing in the database.")},
            {QStringLiteral("all-drifted"), QStringLiteral("Every drifted user.")},
            {QStringLiteral("all-no-default-role"),
             QStringLiteral("Grant LEARNER to every user without it (Akako LMS).")},
            {QStringLiteral("all-orphaned"),
             QStringLiteral("End every active grant of every orphan (needs --reason).")},
            {QStringLiteral("reason"), QStringLiteral("Why (recorded; required to end grants)."),
             QStringLiteral("TEXT")},
            {QStringLiteral("dry-run"), QStringLiteral("Show what would change; write nothing.")},
            {QStringLiteral("clerk-api-url"), QStringLiteral("Clerk Backend API base URL."),
             QStringLiteral("URL")},
            {QStringLiteral("rate"), QStringLiteral("Clerk requests allowed per 10 s."),
             QStringLiteral("N")},
        });
    };
    // USER... is any number of words: count them with a first, silent parse.
    QStringList positionals;
    {
        QCommandLineParser probe;
        addOptions(probe);
        addConnectionOptions(probe);
        probe.addOption({QStringLiteral("format"), QString(), QStringLiteral("FORMAT")});
        probe.addOption({{QStringLiteral("h"), QStringLiteral("help")}, QString()});
        if (probe.parse(QStringList{context.command} + context.args))
            positionals = QStringList(probe.positionalArguments().size(), QStringLiteral("USER"));
    }
    QCommandLineParser parser;
    addOptions(parser);
    Format format = Format::Table;
    int exitCode = ExitOk;
    if (!parseVerb(parser, context, positionals, {Format::Table, Format::Json}, &format, &exitCode))
        return exitCode;
    QSet<SyncStatus> allOf;
    if (parser.isSet(QStringLiteral("all-missing")))
        allOf << SyncStatus::MissingInDatabase;
    if (parser.isSet(QStringLiteral("all-drifted")))
        allOf << SyncStatus::Drifted;
    if (parser.isSet(QStringLiteral("all-no-default-role")))
        allOf << SyncStatus::NoDefaultRole;
    if (parser.isSet(QStringLiteral("all-orphaned")))
        allOf << SyncStatus::Orphaned;
    const QStringList named = parser.positionalArguments();
    if (allOf.isEmpty() == named.isEmpty()) {
        context.err << "rolecallctl: sync apply needs USER... or --all-missing, --all-drifted, "
                       "--all-no-default-role or --all-orphaned (not both)\n";
        return ExitUsage;
    }
    const QString reason = parser.value(QStringLiteral("reason"));
    CliConnection connection;
    if (!verbConnection(parser, context, &connection))
        return ExitUsage;
    const std::optional<Actor> actor = signedInActor(context, &exitCode);
    if (!actor)
        return exitCode;
    std::optional<ClerkTarget> clerk;
    CliDataSource opened(connection);
    if (!openForComparison(parser, context, opened, connection.apiProfile.has_value(), &clerk,
                           &exitCode))
        return exitCode;

    // First the comparison: which people, in which state, with Clerk's data now.
    QList<SyncRecord> targets;
    QSet<QString> wanted(named.cbegin(), named.cend());
    QSet<QString> found;
    const auto onRecords = [&](const QList<SyncRecord> &records) {
        for (const SyncRecord &record : records) {
            bool pick = false;
            for (const SyncStatus status : std::as_const(allOf))
                pick = pick || record.matches(status);
            for (const QString &key : {record.clerkId, record.email}) {
                if (!key.isEmpty() && wanted.contains(key)) {
                    pick = true;
                    found << key;
                }
            }
            if (pick)
                targets.append(record);
        }
    };
    SchemaKind kind = SchemaKind::Unknown;
    if (const int compared =
            runComparison(opened.syncStore(), clerk, context, onRecords, nullptr, {}, &kind);
        compared != ExitOk)
        return compared;
    for (const QString &name : named) {
        if (!found.contains(name)) {
            context.err << "rolecallctl: nobody named '" << name << "' in Clerk or the database\n";
            return ExitValidation;
        }
    }

    // SehatScan: whether the actor is an admin is read from Clerk at each
    // write, not taken from the comparison that just ran (a server that
    // compares reads it itself).
    std::optional<ClerkApiSettings> freshAdmin;
    if (kind == SchemaKind::SehatScan && clerk)
        freshAdmin = clerk->settings;
    return applyBatch(opened.syncStore(), *actor, freshAdmin, targets, allOf, reason,
                      parser.isSet(QStringLiteral("dry-run")), format, context);
}

} // namespace

int runSync(const QString &verb, CliContext &context)
{
    if (verb == QLatin1String("status"))
        return runStatus(context);
    if (verb == QLatin1String("apply"))
        return runApply(context);
    context.err << "rolecallctl: unknown command 'sync " << verb
                << "'; see rolecallctl sync status|apply\n";
    return ExitUsage;
}

} // namespace rolecall::cli
