// rolecallctl against rolecall-server (in this process) over the same
// PostgreSQL that a database profile reads directly: the API profile's
// answers are the direct ones, word for word. The CLI runs as a process with
// the real Secret Service and signs in at the server's test identity provider.
#include "domain/utctime.h"
#include "support/clitestsupport.h"
#include "support/pgtestcluster.h"
#include "support/serverfixture.h"
#include "support/testdata.h"
#include "support/testidp.h"

#include <QJsonObject>
#include <QTest>

using namespace rolecall;
using namespace rolecall::testing;
using Run = rolecall::testing::CliRun;

class TestCliServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void explainGivesTheDirectAnswerThroughTheServer_data();
    void explainGivesTheDirectAnswerThroughTheServer();
    void explainRefusesUnknownUsersAndRolesAsInDirectMode();

private:
    Run direct(const QStringList &args) { return m_direct.inProfile(args); }
    Run api(const QStringList &args) { return m_api.inProfile(args); }
    // How many requests reached `pathPart` on the server so far.
    qsizetype served(const QString &pathPart) const;

    ServerFixture m_server;
    CliFixture m_direct{QStringLiteral(ROLECALLCTL_PATH), QStringLiteral(TEST_BROWSER_PATH)};
    CliFixture m_api{QStringLiteral(ROLECALLCTL_PATH), QStringLiteral(TEST_BROWSER_PATH)};
};

void TestCliServer::initTestCase()
{
    ROLECALL_REQUIRE_SESSION_BUS();
    QString error;
    // The seed of tst_cliroles: user 1's MENTOR ended ("term ended"), user
    // 2's starts in 30 days, user 5 is the ADMIN, user 10 holds nothing.
    QVERIFY2(m_direct.setUpProfile(QStringLiteral("direct"), m_server.idp(), 50, &error),
             qPrintable(error));
    QVERIFY2(m_server.start(m_direct.database(), &error), qPrintable(error));
    const QString apiUrl =
        QStringLiteral("http://127.0.0.1:%1/api/rolecall/v1").arg(m_server.port());
    Run run = m_api.addProfile(QStringLiteral("server"), m_server.idp(),
                               QStringLiteral("postgresql://rolecall@127.0.0.1:1/unused"));
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    run = m_api.run({QStringLiteral("profiles"), QStringLiteral("edit"), m_api.profile(),
                     QStringLiteral("--api"), apiUrl});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    run = m_api.signInAs(m_server.idp(), 5);
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
}

qsizetype TestCliServer::served(const QString &pathPart) const
{
    qsizetype count = 0;
    for (const QString &line : m_server.logLines())
        count += line.contains(pathPart) ? 1 : 0;
    return count;
}

void TestCliServer::explainGivesTheDirectAnswerThroughTheServer_data()
{
    QTest::addColumn<int>("user");
    QTest::addColumn<QString>("role");
    QTest::addColumn<QString>("asOf"); // empty: now, the same instant for both runs
    QTest::addColumn<QString>("verdict");

    QTest::newRow("held") << 5 << QStringLiteral("ADMIN") << QString() << QStringLiteral("held");
    QTest::newRow("ended") << 1 << QStringLiteral("MENTOR") << QString() << QStringLiteral("ended");
    QTest::newRow("future") << 2 << QStringLiteral("MENTOR") << QString()
                            << QStringLiteral("future");
    QTest::newRow("never granted")
        << 10 << QStringLiteral("MENTOR") << QString() << QStringLiteral("never-granted");
    QTest::newRow("as of: held while it ran")
        << 1 << QStringLiteral("MENTOR") << QStringLiteral("2024-03-01T00:00:00Z")
        << QStringLiteral("held");
    QTest::newRow("as of: before it started")
        << 1 << QStringLiteral("MENTOR") << QStringLiteral("2024-01-15")
        << QStringLiteral("future");
}

void TestCliServer::explainGivesTheDirectAnswerThroughTheServer()
{
    QFETCH(int, user);
    QFETCH(QString, role);
    QFETCH(QString, asOf);
    QFETCH(QString, verdict);

    const QString at = asOf.isEmpty() ? isoUtc(QDateTime::currentDateTimeUtc()) : asOf;
    const QStringList args = {QStringLiteral("roles"),   QStringLiteral("explain"),
                              emailOfSeedUser(user),     role,
                              QStringLiteral("--as-of"), at};
    const qsizetype before = served(QStringLiteral("/access/"));

    const Run viaServer = api(args + words("--format json"));
    QVERIFY2(viaServer.exitCode == 0, qPrintable(viaServer.err));
    const Run viaDatabase = direct(args + words("--format json"));
    QVERIFY2(viaDatabase.exitCode == 0, qPrintable(viaDatabase.err));
    QCOMPARE(viaServer.jsonObject().value(QLatin1String("verdict")).toString(), verdict);
    QCOMPARE(viaServer.jsonObject(), viaDatabase.jsonObject());
    // The server judged it, at its explain resource.
    QCOMPARE(served(QStringLiteral("/access/")), before + 1);

    const Run wordsViaServer = api(args);
    QVERIFY2(wordsViaServer.exitCode == 0, qPrintable(wordsViaServer.err));
    const Run wordsViaDatabase = direct(args);
    QCOMPARE(wordsViaServer.out, wordsViaDatabase.out);
    QVERIFY2(wordsViaServer.out.startsWith(verdict == QLatin1String("held")
                                               ? QStringLiteral("Holds ")
                                               : QStringLiteral("Does not hold ")),
             qPrintable(wordsViaServer.out));
}

void TestCliServer::explainRefusesUnknownUsersAndRolesAsInDirectMode()
{
    for (const QStringList &args :
         {QStringList{QStringLiteral("roles"), QStringLiteral("explain"),
                      QStringLiteral("nobody@example.test"), QStringLiteral("MENTOR")},
          QStringList{QStringLiteral("roles"), QStringLiteral("explain"), emailOfSeedUser(1),
                      QStringLiteral("PILOT")}}) {
        const Run viaServer = api(args);
        const Run viaDatabase = direct(args);
        QCOMPARE(viaServer.exitCode, 5);
        QCOMPARE(viaServer.exitCode, viaDatabase.exitCode);
        QCOMPARE(viaServer.err, viaDatabase.err);
    }
}

QTEST_MAIN(TestCliServer)
#include "tst_cliserver.moc"
