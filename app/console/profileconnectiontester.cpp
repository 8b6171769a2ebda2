#include "console/profileconnectiontester.h"

#include "api/apidatasource.h"
#include "async/futurewatch.h"
#include "auth/oidcclient.h"
#include "domain/connectionsettings.h"
#include "pg/pgdatasource.h"

#include <QPromise>

#include <memory>

namespace rolecall {

// One test in flight: the promise, what each half found, and what it owns.
struct ProfileConnectionTester::TestRun
{
    QPromise<ConnectionTestResult> promise;
    ConnectionTestResult result;
    int pending = 2;

    void halfDone()
    {
        if (--pending > 0)
            return;
        promise.addResult(result);
        promise.finish();
    }
};

ProfileConnectionTester::ProfileConnectionTester(QNetworkAccessManager *network, QObject *parent)
    : ConnectionTester(parent)
    , m_network(network)
{}

ProfileConnectionTester::~ProfileConnectionTester() = default;

QFuture<ConnectionTestResult> ProfileConnectionTester::test(const Profile &profile)
{
    auto run = std::make_shared<TestRun>();
    run->promise.start();
    QFuture<ConnectionTestResult> future = run->promise.future();

    // The issuer: its discovery document, checked as sign-in checks it.
    if (profile.issuer.trimmed().isEmpty() || !m_network) {
        run->result.issuerMessage = tr("No issuer URL to test.");
        run->halfDone();
    } else {
        auto *client = new auth::OidcClient(profile.issuer.trimmed(), profile.clientId.trimmed(),
                                            m_network, this);
        client->setTimeout(m_timeoutMs);
        client->fetchMetadata([run, client](const std::optional<auth::ProviderMetadata> &metadata,
                                            const auth::ProviderError &error) {
            client->deleteLater();
            run->result.issuerOk = metadata.has_value();
            run->result.issuerMessage = metadata ? tr("Discovery document found; signs in at %1.")
                                                       .arg(metadata->authorizationEndpoint.host())
                                                 : error.message;
            run->halfDone();
        });
    }

    // The backend API: its capabilities, read without signing in.
    if (!profile.apiBaseUrl.trimmed().isEmpty()) {
        testApi(profile, run);
        return future;
    }

    // The database: which schema, and how many users.
    ConnectionSettings settings;
    QString problem;
    if (profile.databaseUrl.trimmed().isEmpty()) {
        run->result.databaseMessage = tr("No database URL to test.");
        run->halfDone();
    } else if (!ConnectionSettings::fromUrl(profile.databaseUrl.trimmed(), &settings, &problem)) {
        run->result.databaseMessage = problem;
        run->halfDone();
    } else {
        if (!settings.options.contains(QStringLiteral("connect_timeout")))
            settings.options.insert(QStringLiteral("connect_timeout"),
                                    QString::number(qMax(1, m_timeoutMs / 1000)));
        // Owns itself and goes when its last answer is in: deleting it early
        // would wait on the GUI thread for a connection attempt in flight.
        auto *source = new PgDataSource(settings);
        const auto fail = [run, source](const QString &message) {
            source->deleteLater();
            run->result.databaseMessage = message;
            run->halfDone();
        };
        watchFuture(
            source->detectSchema(), source,
            [run, source, fail](const SchemaInfo &schema) {
                if (schema.kind == SchemaKind::Unknown) {
                    fail(schema.describe());
                    return;
                }
                run->result.schemaName = schemaKindName(schema.kind);
                watchFuture(
                    source->countUsers(QString()), source,
                    [run, source](qint64 count) {
                        source->deleteLater();
                        run->result.databaseOk = true;
                        run->result.userCount = count;
                        run->result.databaseMessage = tr("%1 schema, %Ln user(s).", nullptr,
                                                         int(qMin<qint64>(count, INT_MAX)))
                                                          .arg(run->result.schemaName);
                        run->halfDone();
                    },
                    fail);
            },
            fail);
    }
    return future;
}

void ProfileConnectionTester::testApi(const Profile &profile, std::shared_ptr<TestRun> run)
{
    ApiClientOptions options;
    options.timeoutMs = m_timeoutMs;
    options.maxAttempts = 1;
    // No token yet: GET /capabilities is the one call that needs none.
    auto *source = new ApiDataSource(QUrl(profile.apiBaseUrl.trimmed()), ApiTokenProvider{},
                                     m_network, options);
    watchFuture(
        source->mode(), source,
        [run, source](const ApiMode &mode) {
            source->deleteLater();
            run->result.databaseOk = true;
            if (mode.plain) {
                run->result.databaseMessage =
                    tr("A plain backend without the Rolecall admin API (/capabilities is 404): "
                       "users can be listed read-only, nothing else.");
            } else {
                run->result.schemaName = schemaKindName(mode.capabilities.schema.kind);
                run->result.databaseMessage =
                    tr("Admin API %1 (%2), %3 schema; offers %4.")
                        .arg(mode.capabilities.apiVersion, mode.capabilities.server,
                             run->result.schemaName,
                             mode.capabilities.features.join(QStringLiteral(", ")));
            }
            run->halfDone();
        },
        [run, source](const QString &message) {
            source->deleteLater();
            run->result.databaseMessage = message;
            run->halfDone();
        });
}

} // namespace rolecall
