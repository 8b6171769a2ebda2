#include "support/sourceparity.h"

#include "api/apidatasource.h"
#include "api/apisyncstore.h"
#include "pg/pgdatasource.h"
#include "pg/pgsync.h"
#include "support/pgtestcluster.h"

#include <QRegularExpression>
#include <QTest>

namespace rolecall::testing {

void addSourceKinds()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("pg") << sourceKindName(SourceKind::Pg);
    QTest::newRow("api") << sourceKindName(SourceKind::Api);
}

SourceKind sourceKind()
{
    // QFETCH_GLOBAL(QString, kind), outside a test function's body.
    const auto *kind = static_cast<const QString *>(QTest::qGlobalData("kind", QMetaType::QString));
    return kind && *kind == QLatin1String("api") ? SourceKind::Api : SourceKind::Pg;
}

QString sourceKindName(SourceKind kind)
{
    return kind == SourceKind::Api ? QStringLiteral("api") : QStringLiteral("pg");
}

QString describe(const DataSourceError &error)
{
    static const char *const kinds[] = {"Connection", "Query",        "Schema",      "Validation",
                                        "Conflict",   "NotPermitted", "SelfDemotion"};
    return QString::fromLatin1(kinds[static_cast<int>(error.kind())]) + QStringLiteral(": ") +
           error.message();
}

QString withoutInstants(QString text)
{
    static const QRegularExpression instant(
        QStringLiteral(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,3})?Z)"));
    return text.replace(instant, QStringLiteral("<instant>"));
}

ParitySources::ParitySources() = default;

ParitySources::~ParitySources()
{
    close();
}

bool ParitySources::open(SourceKind kind, const QString &database, QString *error,
                         const std::function<void(server::ServerOptions &)> &tweak)
{
    close();
    PgTestCluster *cluster = PgTestCluster::shared();
    if (!cluster) {
        *error = PgTestCluster::startError();
        return false;
    }
    m_kind = kind;
    m_database = database;
    m_reference = std::make_unique<PgDataSource>(cluster->connection(database));
    return kind == SourceKind::Pg || m_server.start(database, error, tweak);
}

void ParitySources::close()
{
    // Sources first: an API source's requests end before its server does.
    m_sources.clear();
    m_server.stop();
    m_reference.reset();
}

QString ParitySources::tokenOf(const Person &person)
{
    TestIdentityProvider &idp = m_server.idp();
    const Person previous = idp.user();
    idp.setUser(person);
    const QByteArray token = idp.makeAccessToken({});
    idp.setUser(previous);
    return QString::fromLatin1(token);
}

ParitySources::Sources &ParitySources::sourcesOf(const Person &person)
{
    auto found = m_sources.find(person.subject);
    if (found != m_sources.end())
        return found->second;
    Sources sources;
    sources.source = makeSource(person);
    if (m_kind == SourceKind::Pg)
        sources.sync =
            std::make_unique<PgSyncStore>(PgTestCluster::shared()->connection(m_database));
    else
        sources.sync =
            std::make_unique<ApiSyncStore>(static_cast<ApiDataSource *>(sources.source.get()));
    return m_sources.emplace(person.subject, std::move(sources)).first->second;
}

std::unique_ptr<DataSource> ParitySources::makeSource(const Person &person)
{
    if (m_kind == SourceKind::Pg)
        return std::make_unique<PgDataSource>(PgTestCluster::shared()->connection(m_database));
    // The token is made on this thread, where the API source asks for it.
    auto token = std::make_shared<QString>(tokenOf(person));
    ApiTokenProvider tokens;
    tokens.accessToken = [token] { return *token; };
    tokens.refresh = [this, token, person](const std::function<void(bool)> &done) {
        *token = tokenOf(person);
        done(true);
    };
    const QUrl base(QStringLiteral("http://127.0.0.1:%1/api/rolecall/v1").arg(m_server.port()));
    return std::make_unique<ApiDataSource>(base, tokens, &m_network);
}

std::unique_ptr<DataSource> ParitySources::newSource(int actor)
{
    return makeSource(TestIdentityProvider::seedUser(actor));
}

DataSource &ParitySources::source(int actor)
{
    return sourceOf(TestIdentityProvider::seedUser(actor));
}

SyncStore &ParitySources::syncStore(int actor)
{
    return syncStoreOf(TestIdentityProvider::seedUser(actor));
}

DataSource &ParitySources::sourceOf(const Person &person)
{
    return *sourcesOf(person).source;
}

SyncStore &ParitySources::syncStoreOf(const Person &person)
{
    return *sourcesOf(person).sync;
}

DataSource &ParitySources::reference()
{
    return *m_reference;
}

bool startParityClerk(FakeClerkApi &clerk, const QByteArray &secret)
{
    QList<FakeClerkUser> users = FakeClerkApi::seedUsers(1, 18) + FakeClerkApi::seedUsers(21, 22);
    users[2].emails = {QStringLiteral("three@example.test")};
    clerk.setUsers(users);
    clerk.setSecretKey(secret);
    return clerk.start();
}

std::function<void(server::ServerOptions &)> withClerkKey(const FakeClerkApi &clerk,
                                                          const QByteArray &secret)
{
    const QUrl url(clerk.baseUrl());
    return [url, secret](server::ServerOptions &options) {
        options.clerkSecretKey = secret;
        options.clerkApiUrl = url;
    };
}

ParitySources::Person grantStatesAdmin()
{
    return {QStringLiteral("user_admin"), QStringLiteral("admin@example.test"),
            QStringLiteral("Ada"), QStringLiteral("Admin")};
}

QString differenceAcrossKinds(const QString &what, const QString &answer)
{
    // Keyed by test function and name; the "pg" run writes, the "api" run reads.
    static QHash<QString, QString> answers;
    const QString key = QString::fromLatin1(QTest::currentTestFunction()) + QLatin1Char('/') +
                        QString::fromLatin1(QTest::currentDataTag()) + QLatin1Char('/') + what;
    if (sourceKind() == SourceKind::Pg) {
        answers.insert(key, answer);
        return {};
    }
    const auto found = answers.constFind(key);
    if (found == answers.cend() || *found == answer)
        return {};
    return QStringLiteral("%1 differs:\n  pg:  %2\n  api: %3").arg(what, *found, answer);
}

} // namespace rolecall::testing
