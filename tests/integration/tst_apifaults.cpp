// The console's API data source through a TCP fault proxy to rolecall-server
// on a real PostgreSQL: each write (grant, end) cut before it reaches the
// server, halfway through, and after the server committed it (its answer
// lost); the server refusing connections; every chunk delayed. Promises:
// a write the client sends again goes with the same Idempotency-Key, so it
// is applied exactly once; a write that could not be sent at all fails as a
// Connection error (the dialog keeps its input, see tst_writefaultdialog)
// and wrote nothing; the data source works once the fault clears. The run
// ends with one line of figures.
#include "api/apidatasource.h"
#include "support/pgtestcluster.h"
#include "support/rolefixtures.h"
#include "support/serverfixture.h"
#include "support/tcpfaultproxy.h"
#include "support/testfigures.h"

#include <QNetworkAccessManager>
#include <QTest>

#include <memory>

using namespace rolecall;
using namespace rolecall::testing;

namespace {

constexpr int waitMs = 60000;

enum class Write { Grant, End };
enum class Fault { CutBeforeSending, CutMidStream, CutAfterCommit, Refused, Delayed };

// The error `future` ended with, for a message; empty when none.
template <typename T>
QString problemOf(const QFuture<T> &future)
{
    const std::optional<DataSourceError> error = errorOf(future);
    return error ? error->message() : QString();
}

template <typename T>
bool settle(const QFuture<T> &future)
{
    return QTest::qWaitFor([&future] { return future.isFinished(); }, waitMs);
}

} // namespace

Q_DECLARE_METATYPE(Write)
Q_DECLARE_METATYPE(Fault)

class TestApiFaults : public QObject, private RoleWriterDatabases
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void aWriteSurvivesTheFault_data();
    void aWriteSurvivesTheFault();
    void cleanupTestCase();

private:
    std::unique_ptr<ApiDataSource> makeSource(int maxAttempts);
    int grantsWith(const QString &reason);
    int endingsWith(const QString &reason);
    int invariantViolations();

    QString m_db;
    ServerFixture m_server;
    std::unique_ptr<TcpFaultProxy> m_proxy;
    QNetworkAccessManager m_network;
    QByteArray m_token;
    int m_faults = 0;
    int m_partial = 0;
    int m_duplicates = 0;
    int m_lostInputs = 0;
    int m_violations = 0;
    int m_user = 20; // each row writes to a user of its own
};

void TestApiFaults::initTestCase()
{
    QString error;
    if (!start(&error))
        QSKIP(qPrintable(error));
    m_db = freshDatabase(60);
    QVERIFY(!m_db.isEmpty());
    QVERIFY2(m_server.start(m_db, &error), qPrintable(error));
    m_token = m_server.tokenOf(5);
    m_proxy = std::make_unique<TcpFaultProxy>(QStringLiteral("127.0.0.1"), m_server.port());
    QVERIFY2(m_proxy->start(&error), qPrintable(error));
}

void TestApiFaults::cleanupTestCase()
{
    if (m_proxy)
        m_faults = m_proxy->faultsInjected();
    recordFigures(QStringLiteral("faults-api"),
                  QStringLiteral("API fault tests: faults injected %1, partial writes %2, "
                                 "duplicate writes %3, lost inputs %4, invariant violations %5")
                      .arg(m_faults)
                      .arg(m_partial)
                      .arg(m_duplicates)
                      .arg(m_lostInputs)
                      .arg(m_violations));
    m_proxy.reset();
    m_server.stop();
}

std::unique_ptr<ApiDataSource> TestApiFaults::makeSource(int maxAttempts)
{
    ApiClientOptions options;
    options.timeoutMs = 10000;
    options.maxAttempts = maxAttempts;
    options.backoffMs = 50;
    const QByteArray token = m_token;
    return std::make_unique<ApiDataSource>(
        QUrl(QStringLiteral("http://127.0.0.1:%1/api/rolecall/v1").arg(m_proxy->port())),
        ApiTokenProvider{[token] { return QString::fromLatin1(token); }, {}}, &m_network, options);
}

int TestApiFaults::grantsWith(const QString &reason)
{
    return scalar(m_db, QStringLiteral(R"(SELECT count(*) FROM "UserRole" WHERE "reason" = ?)"),
                  {reason})
        .toInt();
}

int TestApiFaults::endingsWith(const QString &reason)
{
    // Each ending writes one "Ended ... by ...: <reason>" line to the notes.
    return scalar(m_db, QStringLiteral(R"(SELECT COALESCE(sum((length("adminNotes")
                   - length(replace("adminNotes", ': ' || ?, ''))) / length(': ' || ?)), 0)
                   FROM "UserRole")"),
                  {reason, reason})
        .toInt();
}

int TestApiFaults::invariantViolations()
{
    return scalar(m_db, invariantViolationsQuery()).toInt();
}

void TestApiFaults::aWriteSurvivesTheFault_data()
{
    QTest::addColumn<Write>("write");
    QTest::addColumn<Fault>("fault");
    const std::pair<Write, const char *> writes[] = {{Write::Grant, "grant"}, {Write::End, "end"}};
    const std::pair<Fault, const char *> faults[] = {
        {Fault::CutBeforeSending, "cut before sending"},
        {Fault::CutMidStream, "cut mid-stream"},
        {Fault::CutAfterCommit, "cut after commit"},
        {Fault::Refused, "refused"},
        {Fault::Delayed, "delayed"}};
    for (const auto &[write, writeName] : writes)
        for (const auto &[fault, faultName] : faults)
            QTest::addRow("%s, %s", writeName, faultName) << write << fault;
}

void TestApiFaults::aWriteSurvivesTheFault()
{
    QFETCH(Write, write);
    QFETCH(Fault, fault);
    const int user = m_user++;
    const QString tag =
        QStringLiteral("api fault %1").arg(QString::fromLatin1(QTest::currentDataTag()));

    // An End needs a grant to end, written before any fault.
    auto source = makeSource(fault == Fault::Refused ? 2 : 3);
    RoleGrant target;
    if (write == Write::End) {
        const QFuture<RoleGrant> granted = source->grantRole(
            admin(), grantOf(user, QStringLiteral("MENTOR"), tag + QStringLiteral(" start")));
        QVERIFY(settle(granted));
        QVERIFY2(!errorOf(granted), qPrintable(problemOf(granted)));
        target = granted.result();
    }
    const QByteArray pattern = write == Write::Grant
                                   ? QByteArrayLiteral("POST /api/rolecall/v1/grants ")
                                   : QByteArrayLiteral("/end ");
    switch (fault) {
    case Fault::CutBeforeSending:
        m_proxy->armCut(pattern, TcpFaultProxy::Cut::BeforeSending);
        break;
    case Fault::CutMidStream:
        m_proxy->armCut(pattern, TcpFaultProxy::Cut::MidStream);
        break;
    case Fault::CutAfterCommit:
        m_proxy->armCut(pattern, TcpFaultProxy::Cut::AfterAnswer);
        break;
    case Fault::Refused:
        m_proxy->cutAll(); // kept-alive connections too
        m_proxy->setRefusing(true);
        break;
    case Fault::Delayed:
        m_proxy->setDelay(300);
        break;
    }

    const auto send = [&]() -> QFuture<RoleGrant> {
        if (write == Write::Grant)
            return source->grantRole(admin(), grantOf(user, QStringLiteral("MENTOR"), tag));
        EndRequest end;
        end.grantId = target.id;
        end.reason = tag;
        end.expectedUpdatedAt = target.updatedAt;
        return source->endGrant(admin(), end);
    };
    const auto effect = [&] { return write == Write::Grant ? grantsWith(tag) : endingsWith(tag); };

    const QFuture<RoleGrant> first = send();
    QVERIFY(settle(first));
    const std::optional<DataSourceError> failed = errorOf(first);
    const bool cut = fault != Fault::Refused && fault != Fault::Delayed;
    if (cut)
        QVERIFY2(m_proxy->cutFired(), "the cut never happened");
    m_proxy->disarm();
    m_proxy->setRefusing(false);
    m_proxy->setDelay(0);

    if (fault == Fault::Refused) {
        // Nothing got through: a Connection error, so the dialog keeps what
        // was typed, and nothing written.
        QVERIFY(failed.has_value());
        if (failed->kind() != DataSourceError::Kind::Connection)
            ++m_lostInputs;
        QCOMPARE(failed->kind(), DataSourceError::Kind::Connection);
        QCOMPARE(effect(), 0);
        // The fault is gone: the same input sent again from the dialog.
        const QFuture<RoleGrant> again = send();
        QVERIFY(settle(again));
        QVERIFY2(!errorOf(again), qPrintable(problemOf(again)));
    } else {
        // The client sent it again with the same key: applied once.
        QVERIFY2(!failed, qPrintable(failed ? failed->message() : QString()));
    }
    const int applied = effect();
    if (applied > 1)
        ++m_duplicates;
    if (applied < 1)
        ++m_partial;
    m_violations += invariantViolations();
    QCOMPARE(applied, 1);

    // Usable again: a read through the same data source answers.
    const QFuture<UserPage> page = source->fetchUsers(UserQuery{});
    QVERIFY(settle(page));
    QVERIFY2(!errorOf(page), qPrintable(problemOf(page)));
}

QTEST_GUILESS_MAIN(TestApiFaults)
#include "tst_apifaults.moc"
