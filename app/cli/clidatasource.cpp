#include "cli/clidatasource.h"

#include "api/apidatasource.h"
#include "api/apisyncstore.h"
#include "cli/cli.h"
#include "cli/cliconnection.h"
#include "cli/clisessionsupport.h"
#include "pg/pgdatasource.h"
#include "pg/pgsync.h"
#include "services/memorysecretstore.h"
#include "services/profilestore.h"

#include <QCommandLineParser>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QThread>

#include <optional>

namespace rolecall::cli {

bool cliConnectionFromOptions(const QCommandLineParser &parser, const QString &profile,
                              CliConnection *out, QString *error)
{
    const bool explicitDatabase =
        parser.isSet(QStringLiteral("db")) ||
        !qEnvironmentVariableIsEmpty("ROLECALL_DATABASE_URL") ||
        parser.isSet(QStringLiteral("host")) || parser.isSet(QStringLiteral("port")) ||
        parser.isSet(QStringLiteral("user")) || parser.isSet(QStringLiteral("dbname"));
    if (!explicitDatabase) {
        const std::unique_ptr<QSettings> appSettings = openAppSettings();
        const ProfileStore profiles(*appSettings);
        QString ignored;
        if (const std::optional<Profile> chosen = profiles.resolve(profile, &ignored);
            chosen && !chosen->apiBaseUrl.isEmpty()) {
            *out = CliConnection{{}, chosen};
            return true;
        }
    }
    CliConnection connection;
    if (!connectionFromOptions(parser, profile, &connection.database, error))
        return false;
    *out = connection;
    return true;
}

// The API data source and what keeps it going, all on a worker thread of
// its own (the verb waits on results on the main thread): the network, and
// the profile's session, which renews the access token when the server says
// it expired (a 401 mid-run). The session's keychain entry is relayed: read
// from the keychain on the main thread before, kept in memory while the
// worker runs, and written back on the main thread after (the keychain's
// libsecret calls hang on a thread other than the one that used it first).
struct CliDataSource::ApiRig
{
    QThread thread;
    QObject *anchor = nullptr; // on the worker: work is sent there through it
    MemorySecretStore relay;   // the session entry while the worker runs (thread-safe)
    QString entryKey;
    std::optional<QByteArray> stored;    // the entry as the keychain had it
    std::unique_ptr<SessionRig> session; // made, used and ended on the worker
    QNetworkAccessManager *network = nullptr;
    ApiDataSource *source = nullptr;

    // Runs `job` on the worker and waits for it.
    void onWorker(const std::function<void()> &job)
    {
        QMetaObject::invokeMethod(anchor, job, Qt::BlockingQueuedConnection);
    }

    // The keychain's entry into the relay; false with the keychain's problem.
    bool relayIn(QString *problem)
    {
        KeychainSecretStore keychain;
        const SecretStore::Result read =
            waitForKeychain([&](QObject *loop, SecretStore::Callback done) {
                keychain.read(entryKey, loop, std::move(done));
            });
        if (read.status == SecretStore::Status::Ok)
            relay.write(entryKey, stored.emplace(read.value), nullptr, {});
        *problem = read.status == SecretStore::Status::Unavailable ? read.message : QString();
        return problem->isEmpty();
    }

    // What the session left in the relay (a rotated refresh token, or
    // nothing after "sign in again") back into the keychain.
    void relayOut()
    {
        const SecretStore::Result now =
            waitForKeychain([&](QObject *loop, SecretStore::Callback done) {
                relay.read(entryKey, loop, std::move(done));
            });
        const bool present = now.status == SecretStore::Status::Ok;
        if (present == stored.has_value() && (!present || now.value == *stored))
            return;
        KeychainSecretStore keychain;
        waitForKeychain([&](QObject *loop, SecretStore::Callback done) {
            if (present)
                keychain.write(entryKey, now.value, loop, std::move(done));
            else
                keychain.remove(entryKey, loop, std::move(done));
        });
    }

    ~ApiRig()
    {
        if (anchor)
            onWorker([this] {
                delete source;
                delete network;
                if (session)
                    waitForStorage(*session); // a rotated refresh token reaches the relay
                session.reset();
            });
        thread.quit();
        thread.wait();
        delete anchor; // its thread has ended
        relayOut();
    }
};

CliDataSource::CliDataSource(CliConnection connection)
    : m_connection(std::move(connection))
{}

CliDataSource::~CliDataSource()
{
    m_syncStore.reset(); // before the source it reads through
}

SyncStore &CliDataSource::syncStore()
{
    if (!m_syncStore) {
        if (m_api)
            m_syncStore = std::make_unique<ApiSyncStore>(m_api->source);
        else
            m_syncStore = std::make_unique<PgSyncStore>(m_connection.database);
    }
    return *m_syncStore;
}

bool CliDataSource::open(CliContext &context, int *exitCode)
{
    if (!m_connection.apiProfile) {
        m_ownedSource = std::make_unique<PgDataSource>(m_connection.database);
        m_source = m_ownedSource.get();
        return true;
    }
    const Profile &profile = *m_connection.apiProfile;
    m_api = std::make_unique<ApiRig>();
    ApiRig *rig = m_api.get();
    rig->entryKey = SecretStore::profileKey(profile.name, SecretStore::sessionKind());
    if (QString problem; !rig->relayIn(&problem))
        context.err << "rolecallctl: note: " << problem << '\n';
    rig->anchor = new QObject;
    rig->anchor->moveToThread(&rig->thread);
    rig->thread.start();
    bool signedIn = false;
    rig->onWorker([rig, &profile, &context, &signedIn] {
        rig->session = std::make_unique<SessionRig>(profile, auth::BrowserOpener{}, &rig->relay);
        signedIn = restoreOrSayHow(*rig->session, profile, context);
        if (!signedIn)
            return;
        // A 401 renews the token once with the refresh token, as the console does.
        auth::OidcSignInService *service = &rig->session->service;
        ApiTokenProvider tokens{
            [service] { return service->accessToken(); },
            [service](std::function<void(bool)> done) { service->refreshNow(std::move(done)); }};
        rig->network = new QNetworkAccessManager;
        rig->source = new ApiDataSource(QUrl(profile.apiBaseUrl), tokens, rig->network);
    });
    if (!signedIn) {
        m_api.reset();
        *exitCode = ExitNotSignedIn;
        return false;
    }
    m_source = m_api->source;
    return true;
}

} // namespace rolecall::cli
