// ApiDataSource against a real HTTP peer on the loopback address (the fake
// admin API in tests/support): paging, every problem type, token refresh,
// 429, retries, idempotency keys, timeouts, size limits, the http:// rule
// and the seed's plain backend.
#include "api/apidatasource.h"
#include "api/apisyncstore.h"
#include "support/fakeadminapi.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSet>
#include <QTest>
#include <QTimer>

using namespace rolecall;
using namespace rolecall::testing;
using apijson::ProblemType;

namespace {

// The signed-in session as the data source sees it.
struct Tokens
{
    QString current = QStringLiteral("token-1");
    QString afterRefresh = QStringLiteral("token-2");
    bool refreshWorks = true;
    int refreshes = 0;

    ApiTokenProvider provider()
    {
        return {[this] { return current; },
                [this](std::function<void(bool)> done) {
                    ++refreshes;
                    QTimer::singleShot(0, [this, done] {
                        if (refreshWorks)
                            current = afterRefresh;
                        done(refreshWorks);
                    });
                }};
    }
};

template <typename T>
bool settled(const QFuture<T> &future)
{
    return future.isFinished();
}

template <typename T>
DataSourceError errorOf(QFuture<T> future)
{
    try {
        future.waitForFinished();
    } catch (const DataSourceError &e) {
        return e;
    }
    return {DataSourceError::Kind::Query, QStringLiteral("<no error>")};
}

ApiClientOptions fastOptions()
{
    ApiClientOptions options;
    options.timeoutMs = 5000;
    options.backoffMs = 10;
    options.maxAttempts = 3;
    return options;
}

GrantRequest sampleGrant()
{
    return GrantRequest{QStringLiteral("user_1"),
                        QStringLiteral("MENTOR"),
                        {},
                        {},
                        QStringLiteral("Mentors the cohort"),
                        {}};
}

} // namespace

class TestApiDataSource final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_api = std::make_unique<FakeAdminApi>();
        QVERIFY(m_api->start());
        m_api->setUsers(FakeAdminApi::sampleUsers(25));
        m_tokens = Tokens{};
        m_source = std::make_unique<ApiDataSource>(QUrl(m_api->baseUrl()), m_tokens.provider(),
                                                   &m_network, fastOptions());
    }
    void cleanup()
    {
        m_source.reset();
        m_api.reset();
    }

    void theCapabilitiesComeFirstAndGiveTheSchema()
    {
        const QFuture<SchemaInfo> schema = m_source->detectSchema();
        QTRY_VERIFY(settled(schema));
        QCOMPARE(schema.result().kind, SchemaKind::AkakoLms);
        QCOMPARE(schema.result().roles.size(), 3);
        QCOMPARE(m_api->requests().first().path, QStringLiteral("/api/rolecall/v1/capabilities"));
    }

    void usersArePagedByCursorsBothWays()
    {
        UserQuery query;
        query.limit = 10;
        QSet<QString> seen;
        for (int pageIndex = 0; pageIndex < 3; ++pageIndex) {
            const QFuture<UserPage> future = m_source->fetchUsers(query);
            QTRY_VERIFY(settled(future));
            const UserPage page = future.result();
            for (const User &user : page.users)
                seen.insert(user.id);
            QCOMPARE(page.atEnd, pageIndex == 2);
            query.afterKey = page.lastKey;
            query.afterId = page.users.constLast().id;
        }
        QCOMPARE(seen.size(), 25);
        QVERIFY(m_api->requests().last().header("authorization") == "Bearer token-1");

        UserQuery last;
        last.limit = 10;
        last.backward = true;
        const QFuture<UserPage> end = m_source->fetchUsers(last);
        QTRY_VERIFY(settled(end));
        QCOMPARE(end.result().users.size(), 10);
        QCOMPARE(end.result().users.constLast().id, QStringLiteral("ckuser0000")); // oldest
        QVERIFY(!end.result().atEnd);

        UserQuery search;
        search.search = QStringLiteral("person2");
        const QFuture<qint64> count = m_source->countUsers(search);
        QTRY_VERIFY(settled(count));
        QCOMPARE(count.result(), 6); // person2 and person20..24
    }

    void eachProblemTypeBecomesItsKind_data()
    {
        QTest::addColumn<ProblemType>("type");
        for (const ProblemType type : apijson::allProblemTypes()) {
            if (type == ProblemType::Unauthorized || type == ProblemType::RateLimited)
                continue; // handled before they become errors: see their own tests
            QTest::newRow(qPrintable(apijson::problemTypeId(type))) << type;
        }
    }
    void eachProblemTypeBecomesItsKind()
    {
        QFETCH(ProblemType, type);
        m_api->setHandler([this, type](const FakeHttpRequest &request) {
            if (request.path.endsWith(QLatin1String("/capabilities")))
                return m_api->contractHandler(request);
            return FakeAdminApi::problem(type, QStringLiteral("The server says no."));
        });
        const QFuture<RoleGrant> write = m_source->grantRole({}, sampleGrant());
        QTRY_VERIFY(settled(write));
        const DataSourceError error = errorOf(write);
        QCOMPARE(error.kind(), apijson::problemKind(type));
        QCOMPARE(error.message(), QStringLiteral("The server says no."));
    }

    void theCallersAccountComesFromMeAndAnothersFromTheirRecord()
    {
        // /me is user_0 (ADMIN); user_6 has an active MENTOR and an ended ADMIN grant.
        const User other = m_api->users().at(6);
        m_api->setHandler([this, other](const FakeHttpRequest &request) {
            if (request.path.endsWith(QStringLiteral("/users/") + other.clerkId)) {
                GrantView mentor;
                mentor.grant.id = QStringLiteral("g1");
                mentor.grant.role = QStringLiteral("MENTOR");
                mentor.state = GrantState::Active;
                GrantView admin = mentor;
                admin.grant.id = QStringLiteral("g2");
                admin.grant.role = QStringLiteral("ADMIN");
                admin.state = GrantState::Ended;
                return FakeAdminApi::json(apijson::userWithGrantsJson(other, {mentor, admin}));
            }
            return m_api->contractHandler(request);
        });
        const QFuture<AccountAccess> own = m_source->fetchAccount(QStringLiteral("user_0"));
        QTRY_VERIFY(settled(own));
        QVERIFY(own.result().canWrite());
        QCOMPARE(m_api->requests().last().path, QStringLiteral("/api/rolecall/v1/me"));

        const QFuture<AccountAccess> theirs = m_source->fetchAccount(other.clerkId);
        QTRY_VERIFY(settled(theirs));
        QVERIFY(theirs.result().userFound);
        QCOMPARE(theirs.result().user.email, other.email);
        QCOMPARE(theirs.result().activeRoles, QStringList{QStringLiteral("MENTOR")});
        QVERIFY(!theirs.result().canWrite());

        const QFuture<AccountAccess> nobody = m_source->fetchAccount(QStringLiteral("user_none"));
        QTRY_VERIFY(settled(nobody));
        QVERIFY(!nobody.result().userFound); // a 404 problem is "no such user", not an error
    }

    void aRefusedTokenIsRefreshedOnceAndTheCallRetried()
    {
        m_api->setHandler([this](const FakeHttpRequest &request) {
            if (!request.path.endsWith(QLatin1String("/capabilities")) &&
                request.header("authorization") != "Bearer token-2")
                return FakeAdminApi::problem(ProblemType::Unauthorized, QStringLiteral("Expired."));
            return m_api->contractHandler(request);
        });
        const QFuture<UserPage> page = m_source->fetchUsers(UserQuery{});
        QTRY_VERIFY(settled(page));
        QCOMPARE(page.result().users.size(), 25);
        QCOMPARE(m_tokens.refreshes, 1);
    }

    void aTokenRefusedAfterTheRefreshAsksToSignInAgain()
    {
        m_api->setHandler([this](const FakeHttpRequest &request) {
            if (request.path.endsWith(QLatin1String("/capabilities")))
                return m_api->contractHandler(request);
            return FakeAdminApi::problem(ProblemType::Unauthorized, QStringLiteral("Revoked."));
        });
        const QFuture<UserPage> page = m_source->fetchUsers(UserQuery{});
        QTRY_VERIFY(settled(page));
        const DataSourceError error = errorOf(page);
        QCOMPARE(error.kind(), DataSourceError::Kind::NotPermitted);
        QVERIFY2(error.message().contains(QLatin1String("sign in again")),
                 qPrintable(error.message()));
        QCOMPARE(m_tokens.refreshes, 1);
        QCOMPARE(m_api->requests().size(), 3); // capabilities, the call, its one retry

        m_tokens.refreshWorks = false;
        m_tokens.refreshes = 0;
        const QFuture<qint64> count = m_source->countUsers(UserQuery{});
        QTRY_VERIFY(settled(count));
        QVERIFY(errorOf(count).message().contains(QLatin1String("sign in again")));
    }

    void tooManyRequestsWaitsForRetryAfter()
    {
        int calls = 0;
        m_api->setHandler([this, &calls](const FakeHttpRequest &request) {
            if (request.path.endsWith(QLatin1String("/users")) && calls++ == 0) {
                FakeHttpResponse busy =
                    FakeAdminApi::problem(ProblemType::RateLimited, QStringLiteral("Slow down."));
                busy.headers.append(std::pair<QByteArray, QByteArray>("Retry-After", "1"));
                return busy;
            }
            return m_api->contractHandler(request);
        });
        QElapsedTimer clock;
        clock.start();
        const QFuture<UserPage> page = m_source->fetchUsers(UserQuery{});
        QTRY_VERIFY_WITH_TIMEOUT(settled(page), 10000);
        QCOMPARE(page.result().users.size(), 25);
        QVERIFY2(clock.elapsed() >= 950, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(calls, 2);
    }

    void serverErrorsOfReadsAreRetried()
    {
        int failures = 2;
        m_api->setHandler([this, &failures](const FakeHttpRequest &request) {
            if (request.path.endsWith(QLatin1String("/users")) && failures-- > 0)
                return FakeAdminApi::problem(ProblemType::Connection, QStringLiteral("Down."));
            return m_api->contractHandler(request);
        });
        const QFuture<UserPage> page = m_source->fetchUsers(UserQuery{});
        QTRY_VERIFY(settled(page));
        QCOMPARE(page.result().users.size(), 25);
        QCOMPARE(m_api->requests().size(), 4); // capabilities + two failures + the answer
    }

    void aRetriedWriteKeepsItsIdempotencyKey()
    {
        int grants = 0;
        m_api->setHandler([this, &grants](const FakeHttpRequest &request) {
            if (request.path.endsWith(QLatin1String("/grants"))) {
                if (grants++ == 0) {
                    FakeHttpResponse lost;
                    lost.drop = true; // the write may or may not have happened
                    return lost;
                }
                RoleGrant grant;
                grant.id = QStringLiteral("g1");
                grant.role = QStringLiteral("MENTOR");
                return FakeAdminApi::json(apijson::toJson(grant), 201);
            }
            return m_api->contractHandler(request);
        });
        const QFuture<RoleGrant> first = m_source->grantRole({}, sampleGrant());
        QTRY_VERIFY(settled(first));
        QCOMPARE(first.result().id, QStringLiteral("g1"));
        const QFuture<RoleGrant> second = m_source->grantRole({}, sampleGrant());
        QTRY_VERIFY(settled(second));

        QList<QByteArray> keys;
        for (const FakeHttpRequest &request : m_api->requests()) {
            if (request.method == "POST")
                keys.append(request.header("idempotency-key"));
        }
        QCOMPARE(keys.size(), 3);
        QVERIFY(keys.at(0).size() >= 32);
        QCOMPARE(keys.at(1), keys.at(0));  // the retry
        QVERIFY(keys.at(2) != keys.at(0)); // another write
        GrantRequest sent;
        QVERIFY(apijson::fromJson(QJsonDocument::fromJson(m_api->requests().last().body).object(),
                                  &sent, nullptr));
        QCOMPARE(sent.reason, sampleGrant().reason);
    }

    void endingAGrantSendsItsETagAndAStaleOneIsAConflict()
    {
        m_api->setHandler([this](const FakeHttpRequest &request) {
            if (request.path.endsWith(QLatin1String("/end")))
                return FakeAdminApi::problem(ProblemType::Stale, QStringLiteral("Changed."));
            return m_api->contractHandler(request);
        });
        EndRequest end;
        end.grantId = QStringLiteral("g 1");
        end.reason = QStringLiteral("Done");
        end.expectedUpdatedAt = QDateTime(QDate(2025, 3, 1), QTime(12, 0), Qt::UTC);
        const QFuture<RoleGrant> ended = m_source->endGrant({}, end);
        QTRY_VERIFY(settled(ended));
        QCOMPARE(errorOf(ended).kind(), DataSourceError::Kind::Conflict);
        const FakeHttpRequest &sent = m_api->requests().last();
        QCOMPARE(sent.path, QStringLiteral("/api/rolecall/v1/grants/g 1/end"));
        QCOMPARE(sent.header("if-match"), QByteArray("\"2025-03-01T12:00:00.000Z\""));
    }

    void aSilentServerTimesOut()
    {
        ApiClientOptions options = fastOptions();
        options.timeoutMs = 300;
        options.maxAttempts = 2;
        ApiDataSource source(QUrl(m_api->baseUrl()), m_tokens.provider(), &m_network, options);
        m_api->setHandler([this](const FakeHttpRequest &request) {
            if (request.path.endsWith(QLatin1String("/capabilities")))
                return m_api->contractHandler(request);
            FakeHttpResponse silent;
            silent.hang = true;
            return silent;
        });
        const QFuture<UserPage> page = source.fetchUsers(UserQuery{});
        QTRY_VERIFY_WITH_TIMEOUT(settled(page), 10000);
        const DataSourceError error = errorOf(page);
        QCOMPARE(error.kind(), DataSourceError::Kind::Connection);
        QVERIFY2(error.message().contains(QLatin1String("did not answer")),
                 qPrintable(error.message()));
        QCOMPARE(m_api->requests().size(), 3); // capabilities and two tries
    }

    void anOversizedAnswerIsRefused()
    {
        ApiClientOptions options = fastOptions();
        options.maxResponseBytes = 2000;
        ApiDataSource source(QUrl(m_api->baseUrl()), m_tokens.provider(), &m_network, options);
        const QFuture<UserPage> page = source.fetchUsers(UserQuery{}); // 25 users: > 2 kB
        QTRY_VERIFY(settled(page));
        const DataSourceError error = errorOf(page);
        QVERIFY2(error.message().contains(QLatin1String("larger than")),
                 qPrintable(error.message()));
    }

    void plainHttpToAnotherMachineIsRefused()
    {
        ApiDataSource source(QUrl(QStringLiteral("http://admin.example.com/api/rolecall/v1")),
                             m_tokens.provider(), &m_network, fastOptions());
        const QFuture<SchemaInfo> schema = source.detectSchema();
        QTRY_VERIFY(settled(schema));
        const DataSourceError error = errorOf(schema);
        QCOMPARE(error.kind(), DataSourceError::Kind::Connection);
        QVERIFY2(error.message().contains(QLatin1String("https://")), qPrintable(error.message()));
        QVERIFY(m_api->requests().isEmpty());
    }

    void thePlainBackendIsBrowsedReadOnly()
    {
        m_api->setPlainBackend(true);
        const QFuture<SchemaInfo> schema = m_source->detectSchema();
        QTRY_VERIFY(settled(schema));
        QCOMPARE(schema.result().kind, SchemaKind::AkakoLms);

        UserQuery query;
        query.search = QStringLiteral("person1");
        query.limit = 5;
        const QFuture<UserPage> page = m_source->fetchUsers(query);
        QTRY_VERIFY(settled(page));
        QCOMPARE(page.result().users.size(), 5);
        QVERIFY(!page.result().atEnd); // person1, 10..19: eleven
        QCOMPARE(m_api->requests().last().path, QStringLiteral("/api/admin/users"));

        const QFuture<AccountAccess> access = m_source->fetchAccount(QStringLiteral("user_0"));
        QTRY_VERIFY(settled(access));
        QVERIFY(access.result().userFound);
        QVERIFY(!access.result().canWrite());
        // The profile is the caller's only: nobody else is found through it.
        const QFuture<AccountAccess> other = m_source->fetchAccount(QStringLiteral("user_3"));
        QTRY_VERIFY(settled(other));
        QVERIFY(!other.result().userFound);

        UserQuery byRole;
        byRole.role = QStringLiteral("ADMIN");
        const QFuture<UserPage> roles = m_source->fetchUsers(byRole);
        QTRY_VERIFY(settled(roles));
        QCOMPARE(errorOf(roles).kind(), DataSourceError::Kind::Schema);

        const QFuture<GrantPage> grants = m_source->fetchGrantPage(GrantListQuery{});
        QTRY_VERIFY(settled(grants));
        const DataSourceError lacking = errorOf(grants);
        QCOMPARE(lacking.kind(), DataSourceError::Kind::Schema);
        QVERIFY2(lacking.message().contains(QLatin1String("lacks the list of grants")),
                 qPrintable(lacking.message()));
        const QFuture<RoleGrant> write = m_source->grantRole({}, sampleGrant());
        QTRY_VERIFY(settled(write));
        QCOMPARE(errorOf(write).kind(), DataSourceError::Kind::Schema);
        for (const FakeHttpRequest &request : m_api->requests())
            QVERIFY(request.method == "GET"); // nothing was written
    }

    void syncGoesThroughTheApi()
    {
        m_api->setHandler([this](const FakeHttpRequest &request) {
            if (request.path.endsWith(QLatin1String("/sync/snapshot"))) {
                SyncDbSnapshot snapshot;
                snapshot.kind = SchemaKind::AkakoLms;
                SyncDbUser row;
                row.rowId = QStringLiteral("ck1");
                snapshot.users = {row};
                return FakeAdminApi::json(apijson::toJson(snapshot));
            }
            if (request.path.endsWith(QLatin1String("/sync/actions"))) {
                SyncActionResult result;
                result.clerkId = QStringLiteral("user_1");
                result.dryRun = true;
                return FakeAdminApi::json(apijson::toJson(result));
            }
            return m_api->contractHandler(request);
        });
        ApiSyncStore store(m_source.get());
        const QFuture<SyncDbSnapshot> snapshot = store.loadSnapshot();
        QTRY_VERIFY(settled(snapshot));
        QCOMPARE(snapshot.result().users.size(), 1);
        SyncAction action;
        action.kind = SyncAction::Kind::GrantDefaultRole;
        action.clerkId = QStringLiteral("user_1");
        const QFuture<SyncActionResult> result = store.apply({}, std::nullopt, action, true);
        QTRY_VERIFY(settled(result));
        QVERIFY(result.result().dryRun);
        QVERIFY(!m_api->requests().last().header("idempotency-key").isEmpty());
    }

private:
    QNetworkAccessManager m_network;
    std::unique_ptr<FakeAdminApi> m_api;
    Tokens m_tokens;
    std::unique_ptr<ApiDataSource> m_source;
};

QTEST_GUILESS_MAIN(TestApiDataSource)
#include "tst_apidatasource.moc"
