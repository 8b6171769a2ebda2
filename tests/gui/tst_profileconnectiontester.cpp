// "Test connection" end to end: ProfileConnectionTester against the test
// identity provider and a real PostgreSQL, then broken issuers (nothing
// listening, not an OpenID provider, a wrong issuer name) and broken databases
// (nothing listening, an unknown schema, a password in the URL); and the
// profile editor's button showing what it found.
#include "console/profileconnectiontester.h"
#include "dialogs/profileeditor.h"
#include "services/profilestore.h"
#include "support/fakeadminapi.h"
#include "support/pgtestcluster.h"
#include "support/testdata.h"
#include "support/testidp.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSettings>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace rolecall;
using rolecall::testing::Fixture;
using rolecall::testing::PgTestCluster;
using rolecall::testing::TestIdentityProvider;

namespace {

constexpr int waitMs = 30000;

// A port nothing listens on (bound, then closed).
quint16 closedPort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost);
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

} // namespace

class TestProfileConnectionTester : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void findsTheIssuerAndTheDatabase();
    void reportsAnUnreachableIssuer();
    void reportsAnIssuerThatIsNotOpenId();
    void reportsAWrongIssuerName();
    void reportsAnUnreachableDatabase();
    void reportsAnUnknownSchema();
    void refusesAPasswordInTheUrl();
    void editorShowsWhatTheTestFound();
    void findsTheIssuerAndTheBackendApi();
    void reportsAPlainBackend();

private:
    ConnectionTestResult run(const Profile &profile);
    Profile goodProfile() const;

    QNetworkAccessManager m_network;
    TestIdentityProvider m_idp;
    PgTestCluster *m_cluster = nullptr;
    QString m_db;
};

void TestProfileConnectionTester::initTestCase()
{
    QString error;
    QVERIFY2(m_idp.start(&error), qPrintable(error));
    m_cluster = PgTestCluster::shared();
    QVERIFY2(m_cluster, qPrintable(PgTestCluster::startError()));
    m_db = m_cluster->createDatabase(Fixture::AkakoLms, &error);
    QVERIFY2(testing::seedAkakoUsers(*m_cluster, m_db, 42, &error), qPrintable(error));
}

Profile TestProfileConnectionTester::goodProfile() const
{
    Profile p;
    p.name = QStringLiteral("test");
    p.issuer = m_idp.issuer();
    p.clientId = m_idp.clientId();
    p.databaseUrl = m_cluster->url(m_db);
    return p;
}

ConnectionTestResult TestProfileConnectionTester::run(const Profile &profile)
{
    ProfileConnectionTester tester(&m_network);
    tester.setTimeout(5000);
    QFuture<ConnectionTestResult> future = tester.test(profile);
    // The GUI thread is not blocked: the test's own event loop turns.
    return QTest::qWaitFor([&future] { return future.isFinished(); }, waitMs)
               ? future.result()
               : ConnectionTestResult{};
}

void TestProfileConnectionTester::findsTheIssuerAndTheDatabase()
{
    const ConnectionTestResult result = run(goodProfile());
    QVERIFY2(result.issuerOk, qPrintable(result.issuerMessage));
    QVERIFY2(result.databaseOk, qPrintable(result.databaseMessage));
    QVERIFY(result.ok());
    QCOMPARE(result.schemaName, QStringLiteral("Akako LMS"));
    QCOMPARE(result.userCount, 42);
    QVERIFY2(result.databaseMessage.contains(QLatin1String("42 user")),
             qPrintable(result.databaseMessage));
    QVERIFY(result.issuerMessage.contains(QLatin1String("127.0.0.1")));
}

void TestProfileConnectionTester::reportsAnUnreachableIssuer()
{
    Profile p = goodProfile();
    p.issuer = QStringLiteral("http://127.0.0.1:%1").arg(closedPort());
    const ConnectionTestResult result = run(p);
    QVERIFY(!result.issuerOk);
    QVERIFY2(result.issuerMessage.contains(QLatin1String("Cannot reach")),
             qPrintable(result.issuerMessage));
    QVERIFY(result.databaseOk); // the other half still answers
}

void TestProfileConnectionTester::reportsAnIssuerThatIsNotOpenId()
{
    // PostgreSQL's port speaks no HTTP; the test IdP under a sub-path has no
    // discovery document there.
    Profile p = goodProfile();
    p.issuer = m_idp.issuer() + QStringLiteral("/nothing-here");
    const ConnectionTestResult result = run(p);
    QVERIFY(!result.issuerOk);
    QVERIFY(!result.issuerMessage.isEmpty());
}

void TestProfileConnectionTester::reportsAWrongIssuerName()
{
    Profile p = goodProfile();
    p.issuer = QStringLiteral("http://localhost:%1").arg(m_idp.port()); // names itself 127.0.0.1
    const ConnectionTestResult result = run(p);
    QVERIFY(!result.issuerOk);
    QVERIFY2(result.issuerMessage.contains(QLatin1String("names the issuer")),
             qPrintable(result.issuerMessage));
}

void TestProfileConnectionTester::reportsAnUnreachableDatabase()
{
    Profile p = goodProfile();
    ConnectionSettings nowhere = m_cluster->connection(m_db);
    nowhere.port = closedPort();
    p.databaseUrl = nowhere.toUrl();
    const ConnectionTestResult result = run(p);
    QVERIFY(result.issuerOk);
    QVERIFY(!result.databaseOk);
    QVERIFY2(result.databaseMessage.contains(QLatin1String("Cannot connect")),
             qPrintable(result.databaseMessage));
    QCOMPARE(result.userCount, -1);
}

void TestProfileConnectionTester::reportsAnUnknownSchema()
{
    QString error;
    const QString empty = m_cluster->createDatabase(Fixture::Empty, &error);
    QVERIFY2(!empty.isEmpty(), qPrintable(error));
    Profile p = goodProfile();
    p.databaseUrl = m_cluster->url(empty);
    const ConnectionTestResult result = run(p);
    QVERIFY(!result.databaseOk);
    QVERIFY2(result.databaseMessage.startsWith(QLatin1String("Not a recognised schema")),
             qPrintable(result.databaseMessage));
}

void TestProfileConnectionTester::refusesAPasswordInTheUrl()
{
    Profile p = goodProfile();
    p.databaseUrl = QStringLiteral("postgresql://admin:hunter2@127.0.0.1:1/app");
    const ConnectionTestResult result = run(p);
    QVERIFY(!result.databaseOk);
    QVERIFY(!result.databaseMessage.isEmpty());
    QVERIFY(!result.databaseMessage.contains(QLatin1String("hunter2")));
}

void TestProfileConnectionTester::editorShowsWhatTheTestFound()
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("p.ini")), QSettings::IniFormat);
    ProfileStore store(settings);
    ProfileConnectionTester tester(&m_network);
    ProfileEditor editor(store, std::nullopt);
    auto *test = editor.findChild<QPushButton *>(QStringLiteral("testButton"));
    QVERIFY(test);
    QVERIFY(test->isHidden()); // no tester, no button
    editor.setConnectionTester(&tester);
    QVERIFY(!test->isHidden());
    QVERIFY(!test->accessibleName().isEmpty());

    // tested as typed, before saving
    editor.findChild<QLineEdit *>(QStringLiteral("nameField"))->setText(QStringLiteral("t"));
    editor.findChild<QLineEdit *>(QStringLiteral("issuerField"))->setText(m_idp.issuer());
    editor.findChild<QLineEdit *>(QStringLiteral("clientIdField"))->setText(m_idp.clientId());
    editor.findChild<QLineEdit *>(QStringLiteral("databaseField"))->setText(m_cluster->url(m_db));
    QTest::mouseClick(test, Qt::LeftButton);
    QVERIFY(editor.isTesting());
    QVERIFY(!test->isEnabled());
    QVERIFY(editor.testResultText().contains(QLatin1String("Testing")));
    QTRY_VERIFY_WITH_TIMEOUT(!editor.isTesting(), waitMs);
    const QString text = editor.testResultText();
    QVERIFY2(text.contains(QStringLiteral("✓ Issuer")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("✓ Database: Akako LMS schema, 42 user")),
             qPrintable(text));
    QVERIFY(store.profiles().isEmpty()); // testing saves nothing

    editor.findChild<QLineEdit *>(QStringLiteral("databaseField"))
        ->setText(QStringLiteral("postgresql://rolecall@127.0.0.1:%1/x").arg(closedPort()));
    QTest::mouseClick(test, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!editor.isTesting(), waitMs);
    QVERIFY2(editor.testResultText().contains(QStringLiteral("✗ Database: Cannot connect")),
             qPrintable(editor.testResultText()));
}

QTEST_MAIN(TestProfileConnectionTester)
#include "tst_profileconnectiontester.moc"

void TestProfileConnectionTester::findsTheIssuerAndTheBackendApi()
{
    testing::FakeAdminApi api;
    QVERIFY(api.start());
    Profile p = goodProfile();
    p.databaseUrl.clear();
    p.apiBaseUrl = api.baseUrl();
    const ConnectionTestResult result = run(p);
    QVERIFY2(result.ok(), qPrintable(result.databaseMessage));
    QCOMPARE(result.schemaName, QStringLiteral("Akako LMS"));
    QVERIFY2(result.databaseMessage.contains(QLatin1String("Admin API 1.0")),
             qPrintable(result.databaseMessage));
    // Only /capabilities, which needs no token: nothing is signed in yet.
    QCOMPARE(api.requests().size(), 1);
    QVERIFY(api.requests().first().header("authorization").isEmpty());
}

void TestProfileConnectionTester::reportsAPlainBackend()
{
    testing::FakeAdminApi api;
    QVERIFY(api.start());
    api.setPlainBackend(true);
    Profile p = goodProfile();
    p.databaseUrl.clear();
    p.apiBaseUrl = api.baseUrl();
    const ConnectionTestResult result = run(p);
    QVERIFY(result.databaseOk);
    QVERIFY2(result.databaseMessage.contains(QLatin1String("plain backend")),
             qPrintable(result.databaseMessage));
}
