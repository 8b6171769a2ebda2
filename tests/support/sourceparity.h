#pragma once

// The two data sources the console can use, over one PostgreSQL database, for
// the parity tests (tests/integration/tst_sourceparity_*.cpp):
//
//   "pg"  ─▶ PgDataSource / PgSyncStore ───────────────────────────▶ database
//   "api" ─▶ ApiDataSource / ApiSyncStore ─HTTP─▶ rolecall-server ─▶ database
//              (bearer: the test IdP's JWT access token of the actor)
//
// A test adds the kinds as QTest's global data (addSourceKinds() in
// initTestCase_data()), so every test function runs once per kind and asks
// sourceKind() which one it runs. Futures of the API kind finish on this
// thread's event loop, and the server asks the test IdP (also on it) for its
// keys, so tests wait with settle()/refusalOf(), which keep the loop running.
#include "api/apijson.h"
#include "domain/datasourceerror.h"
#include "services/datasource.h"
#include "services/syncstore.h"
#include "support/fakeclerkapi.h"
#include "support/serverfixture.h"

#include <QFuture>
#include <QHash>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QString>
#include <QStringList>
#include <QtCore/qtestsupport_core.h>

#include <functional>
#include <map>
#include <memory>
#include <optional>

namespace rolecall::testing {

enum class SourceKind { Pg, Api };

// The "kind" column with the rows "pg" and "api".
void addSourceKinds();
// The kind of the running global data row ("pg" without one).
SourceKind sourceKind();
QString sourceKindName(SourceKind kind);

// Waits for `future` while this thread's event loop runs; false after
// `timeoutMs` without an answer.
template <typename T>
bool waitFor(const QFuture<T> &future, int timeoutMs = 60'000)
{
    return QTest::qWaitFor([&future] { return future.isFinished(); }, timeoutMs);
}

// "Validation: No user matches ...": what a refusal is, to compare.
QString describe(const DataSourceError &error);

// The value of `future`; waits as waitFor(). A DataSourceError is rethrown
// after a warning naming it (QTest reports only "unhandled exception").
template <typename T>
T settle(QFuture<T> future)
{
    if (!waitFor(future))
        throw DataSourceError(DataSourceError::Kind::Connection,
                              QStringLiteral("no answer within 60 s"));
    try {
        return future.result();
    } catch (const DataSourceError &e) {
        qWarning("refused: %s", qPrintable(describe(e)));
        throw;
    }
}

// The error `future` ended with; a Query error "no error" if it ended with
// a value. Waits as waitFor().
template <typename T>
DataSourceError refusalOf(QFuture<T> future)
{
    if (!waitFor(future))
        return {DataSourceError::Kind::Connection, QStringLiteral("no answer within 60 s")};
    try {
        future.waitForFinished();
    } catch (const DataSourceError &e) {
        return e;
    }
    return {DataSourceError::Kind::Query, QStringLiteral("no error")};
}

// `text` with every ISO instant ("2026-01-02T03:04:05.678Z") as <instant>:
// two runs at different times say the same.
QString withoutInstants(QString text);

// An answer as the API's JSON has it (every field), to compare answers whole.
template <typename T, typename... Extra>
QString jsonText(const T &value, const Extra &...extra)
{
    return QString::fromUtf8(
        QJsonDocument(apijson::toJson(value, extra...)).toJson(QJsonDocument::Compact));
}
template <typename T>
QString jsonText(const QList<T> &values)
{
    QStringList items;
    for (const T &value : values)
        items << jsonText(value);
    return QLatin1Char('[') + items.join(QLatin1Char(',')) + QLatin1Char(']');
}

// One kind's sources over one database. For "api" it runs rolecall-server
// in this process over the database (`tweak` adjusts the server's options,
// e.g. to give it a Clerk key); sources are made per acting seed user, whose
// token the API kind sends.
class ParitySources
{
public:
    ParitySources();
    ~ParitySources();
    ParitySources(const ParitySources &) = delete;
    ParitySources &operator=(const ParitySources &) = delete;

    bool open(SourceKind kind, const QString &database, QString *error,
              const std::function<void(server::ServerOptions &)> &tweak = {});
    void close();

    SourceKind kind() const { return m_kind; }
    const QString &database() const { return m_database; }
    // Seed user `actor`'s data source and sync store (5: the seeded ADMIN).
    DataSource &source(int actor = 5);
    SyncStore &syncStore(int actor = 5);
    // The same for someone else who signs in (a fixture's own users).
    using Person = TestIdentityProvider::TestUser;
    DataSource &sourceOf(const Person &person);
    SyncStore &syncStoreOf(const Person &person);
    // A new data source of seed user `actor` for whoever takes it over (a
    // MainWindow does); it must go before this object.
    std::unique_ptr<DataSource> newSource(int actor = 5);
    // PostgreSQL direct on the same database, whatever the kind: what the
    // API kind's answers are compared with.
    DataSource &reference();
    ServerFixture &server() { return m_server; }

private:
    struct Sources
    {
        std::unique_ptr<DataSource> source;
        std::unique_ptr<SyncStore> sync;
    };
    Sources &sourcesOf(const Person &person);
    std::unique_ptr<DataSource> makeSource(const Person &person);
    QString tokenOf(const Person &person);

    SourceKind m_kind = SourceKind::Pg;
    QString m_database;
    ServerFixture m_server;
    QNetworkAccessManager m_network;
    std::map<QString, Sources> m_sources; // by subject
    std::unique_ptr<DataSource> m_reference;
};

// The grant-states fixture's admin (createGrantStatesDatabase()), as the
// test IdP signs them in.
ParitySources::Person grantStatesAdmin();

// The sync tests' Clerk over a database of 20 seed users: seed users 1..18
// and 21..22 (19 and 20 orphaned, 21 and 22 missing), 3's email changed;
// `clerk` started with `secret` as its key. False when it did not start.
bool startParityClerk(FakeClerkApi &clerk, const QByteArray &secret);
// The server option tweak that gives rolecall-server `clerk`'s URL and `secret`.
std::function<void(server::ServerOptions &)> withClerkKey(const FakeClerkApi &clerk,
                                                          const QByteArray &secret);

// Answers both kinds must agree on, across the runs of one test function:
// the "pg" run records each named answer, the "api" run compares its own with
// it (when the "pg" run ran first in this process, as QTest runs the global
// rows of a function in order). Empty when they agree, else the difference.
QString differenceAcrossKinds(const QString &what, const QString &answer);

} // namespace rolecall::testing
