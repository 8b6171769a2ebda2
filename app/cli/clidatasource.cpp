#include "cli/clidatasource.h"

#include "api/apidatasource.h"
#include "api/apisyncstore.h"
#include "cli/cli.h"
#include "cli/cliconnection.h"
#include "cli/clisessionsupport.h"
#include "pg/pgdatasource.h"
#include "pg/pgsync.h"
#include "services/profilestore.h"

#include <QCommandLineParser>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QThread>

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

// The API data source and what keeps it going: the worker thread with its
// own network access, and the token of the restored session.
struct CliDataSource::ApiRig
{
    QThread thread;
    QNetworkAccessManager *network = nullptr;
    ApiDataSource *source = nullptr;

    ~ApiRig()
    {
        // Both live on the worker: delete them there, then stop it.
        if (source)
            QMetaObject::invokeMethod(
                source,
                [this] {
                    delete source;
                    delete network;
                },
                Qt::BlockingQueuedConnection);
        thread.quit();
        thread.wait();
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
    QString token;
    {
        SessionRig session(profile, {});
        if (!restoreOrSayHow(session, profile, context)) {
            *exitCode = ExitNotSignedIn;
            return false;
        }
        waitForStorage(session);
        token = session.service.accessToken();
    }
    // A refresh would need the main thread, which waits on the results: a
    // token refused twice asks to sign in again instead.
    ApiTokenProvider tokens{[token] { return token; },
                            [](const std::function<void(bool)> &done) { done(false); }};
    m_api = std::make_unique<ApiRig>();
    m_api->network = new QNetworkAccessManager;
    m_api->source = new ApiDataSource(QUrl(profile.apiBaseUrl), tokens, m_api->network);
    m_api->network->moveToThread(&m_api->thread);
    m_api->source->moveToThread(&m_api->thread);
    m_api->thread.start();
    m_source = m_api->source;
    return true;
}

} // namespace rolecall::cli
