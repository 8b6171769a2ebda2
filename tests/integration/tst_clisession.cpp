// rolecallctl login, whoami and logout as separate processes against the test
// identity provider, a real PostgreSQL and the real Secret Service: a session
// made by one process is found by the next in the keychain, and no token ever
// lands in a file.
#include "support/clitestsupport.h"
#include "support/testdata.h"
#include "support/testidp.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTest>

using rolecall::testing::CliFixture;
using rolecall::testing::TestIdentityProvider;

using Run = rolecall::testing::CliRun;
using rolecall::testing::clerkIdOfSeedUser;

class TestCliSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void isNotSignedInAtFirst();
    void signsInInOneProcessAndIsKnownInTheNext();
    void leavesNoTokenInAnyFile();
    void printsTheLinkWithNoBrowser();
    void saysSoWithoutAKeychain();
    void showsReadOnlyAccessForNonAdmins();
    void logsOutAndRevokes();

private:
    Run rolecallctl(const QStringList &args, const QProcessEnvironment &overrides = {})
    {
        return m_ctl.run(args, {}, overrides);
    }
    QStringList profileArgs() const { return m_ctl.profileArgs(); }

    CliFixture m_ctl{QStringLiteral(ROLECALLCTL_PATH), QStringLiteral(TEST_BROWSER_PATH)};
    TestIdentityProvider m_idp;
};

void TestCliSession::initTestCase()
{
    ROLECALL_REQUIRE_SESSION_BUS();
    // The person who signs in is user 5 of the seed: an active ADMIN.
    QString error;
    QVERIFY2(m_ctl.setUpProfile(QStringLiteral("cli"), m_idp, 50, &error), qPrintable(error));
}

void TestCliSession::isNotSignedInAtFirst()
{
    const Run run = rolecallctl(profileArgs() + QStringList{QStringLiteral("whoami")});
    QCOMPARE(run.exitCode, 3);
    QVERIFY2(run.err.contains(QLatin1String("not signed in")), qPrintable(run.err));
}

void TestCliSession::signsInInOneProcessAndIsKnownInTheNext()
{
    const Run login = rolecallctl(profileArgs() + QStringList{QStringLiteral("login")});
    QVERIFY2(login.exitCode == 0, qPrintable(login.err));
    QVERIFY2(login.out.contains(QLatin1String("Signed in as user5@example.test")),
             qPrintable(login.out));
    QVERIFY2(login.out.contains(m_idp.issuer() + QStringLiteral("/oauth/authorize?")),
             qPrintable(login.out));

    const int tokenRequestsBefore = int(m_idp.tokenRequests().size());
    const Run whoami = rolecallctl(profileArgs() + QStringList{QStringLiteral("whoami"),
                                                               QStringLiteral("--format"),
                                                               QStringLiteral("json")});
    QVERIFY2(whoami.exitCode == 0, qPrintable(whoami.err));
    const QJsonObject json = QJsonDocument::fromJson(whoami.out.toUtf8()).object();
    QCOMPARE(json.value(QLatin1String("subject")).toString(), clerkIdOfSeedUser(5));
    QCOMPARE(json.value(QLatin1String("email")).toString(), QStringLiteral("user5@example.test"));
    QCOMPARE(json.value(QLatin1String("issuer")).toString(), m_idp.issuer());
    QCOMPARE(json.value(QLatin1String("profile")).toString(), m_ctl.profile());
    QCOMPARE(json.value(QLatin1String("activeRoles")).toArray(),
             (QJsonArray{QStringLiteral("LEARNER"), QStringLiteral("ADMIN")}));
    QCOMPARE(json.value(QLatin1String("canWrite")).toBool(), true);
    QCOMPARE(json.value(QLatin1String("keychain")).toBool(), true);
    QVERIFY(QDateTime::fromString(json.value(QLatin1String("accessTokenExpiresAt")).toString(),
                                  Qt::ISODate) > QDateTime::currentDateTimeUtc());
    // The second process found the session in the keychain and refreshed it.
    QCOMPARE(m_idp.tokenRequests().size(), tokenRequestsBefore + 1);
    QCOMPARE(m_idp.tokenRequests().constLast().queryItemValue(QStringLiteral("grant_type")),
             QStringLiteral("refresh_token"));

    const Run table = rolecallctl(profileArgs() + QStringList{QStringLiteral("whoami")});
    QCOMPARE(table.exitCode, 0);
    QVERIFY2(table.out.contains(QLatin1String("read-write (active ADMIN)")), qPrintable(table.out));
}

void TestCliSession::leavesNoTokenInAnyFile()
{
    const QStringList secrets = rolecall::testing::tokensOf(m_idp);
    QVERIFY(secrets.size() > 3); // a refresh token came back
    int files = 0;
    const QString holder = rolecall::testing::fileHoldingAny(m_ctl.homePath(), secrets, &files);
    QVERIFY2(holder.isEmpty(), qPrintable(holder));
    QVERIFY(files > 0); // the settings file with the profile is there
    QVERIFY2(m_ctl.printedSecret(secrets).isEmpty(), "a token was printed");
}

void TestCliSession::printsTheLinkWithNoBrowser()
{
    QProcess process;
    process.setProcessEnvironment(m_ctl.environment());
    process.start(QStringLiteral(ROLECALLCTL_PATH),
                  profileArgs() +
                      QStringList{QStringLiteral("login"), QStringLiteral("--no-browser")});
    QUrl link;
    QByteArray printed;
    const auto linkPrinted = [&] {
        printed += process.readAllStandardOutput();
        for (const QByteArray &line : printed.split('\n')) {
            if (line.trimmed().startsWith("http://127.0.0.1"))
                link = QUrl(QString::fromUtf8(line.trimmed()));
        }
        return link.isValid();
    };
    QTRY_VERIFY2_WITH_TIMEOUT(linkPrinted(), printed.constData(), 20000);
    // Play the browser by hand: the provider redirects to the loopback listener.
    QNetworkAccessManager network;
    QNetworkReply *reply = network.get(QNetworkRequest(link));
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 20000);
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QVERIFY(reply->readAll().contains("Signed in"));
    QTRY_COMPARE_WITH_TIMEOUT(process.state(), QProcess::NotRunning, 20000);
    QCOMPARE(process.exitCode(), 0);
    delete reply;
}

void TestCliSession::saysSoWithoutAKeychain()
{
    const QProcessEnvironment noBus = CliFixture::withoutKeychain();
    const Run whoami = rolecallctl(profileArgs() + QStringList{QStringLiteral("whoami")}, noBus);
    QCOMPARE(whoami.exitCode, 3);
    QVERIFY2(whoami.err.contains(QLatin1String("keychain")), qPrintable(whoami.err));

    const Run login = rolecallctl(profileArgs() + QStringList{QStringLiteral("login")}, noBus);
    QVERIFY2(login.exitCode == 0, qPrintable(login.err));
    QVERIFY2(login.err.contains(QLatin1String("until Rolecall closes")), qPrintable(login.err));
}

void TestCliSession::showsReadOnlyAccessForNonAdmins()
{
    const auto admin = m_idp.user();
    QVERIFY(m_ctl.signInAs(m_idp, 6).exitCode == 0);
    Run whoami = rolecallctl(profileArgs() + QStringList{QStringLiteral("whoami"),
                                                         QStringLiteral("--format"),
                                                         QStringLiteral("json")});
    QCOMPARE(whoami.exitCode, 0);
    QJsonObject json = QJsonDocument::fromJson(whoami.out.toUtf8()).object();
    QCOMPARE(json.value(QLatin1String("canWrite")).toBool(), false);
    QCOMPARE(json.value(QLatin1String("activeRoles")).toArray(),
             QJsonArray{QStringLiteral("LEARNER")});
    QVERIFY(
        json.value(QLatin1String("readOnlyReason")).toString().contains(QLatin1String("ADMIN")));

    m_idp.setUser({QStringLiteral("user_nobody00000000000000000000"),
                   QStringLiteral("nobody@example.test"), QStringLiteral("No"),
                   QStringLiteral("Body")});
    QVERIFY(rolecallctl(profileArgs() + QStringList{QStringLiteral("login")}).exitCode == 0);
    whoami = rolecallctl(profileArgs() + QStringList{QStringLiteral("whoami"),
                                                     QStringLiteral("--format"),
                                                     QStringLiteral("json")});
    json = QJsonDocument::fromJson(whoami.out.toUtf8()).object();
    QCOMPARE(json.value(QLatin1String("userFound")).toBool(), false);
    QCOMPARE(json.value(QLatin1String("canWrite")).toBool(), false);
    QVERIFY(json.value(QLatin1String("readOnlyReason"))
                .toString()
                .contains(QLatin1String("no user record")));
    m_idp.setUser(admin);
}

void TestCliSession::logsOutAndRevokes()
{
    QVERIFY(rolecallctl(profileArgs() + QStringList{QStringLiteral("login")}).exitCode == 0);
    const int revokedBefore = int(m_idp.revokedTokens().size());
    const Run logout = rolecallctl(profileArgs() + QStringList{QStringLiteral("logout")});
    QVERIFY2(logout.exitCode == 0, qPrintable(logout.err));
    QVERIFY2(logout.out.contains(QLatin1String("Signed out")), qPrintable(logout.out));
    QCOMPARE(m_idp.revokedTokens().size(), revokedBefore + 1);
    QCOMPARE(rolecallctl(profileArgs() + QStringList{QStringLiteral("whoami")}).exitCode, 3);
    // Signing out twice is fine.
    QCOMPARE(rolecallctl(profileArgs() + QStringList{QStringLiteral("logout")}).exitCode, 0);
    QVERIFY(rolecallctl({QStringLiteral("profiles"), QStringLiteral("remove"), m_ctl.profile()})
                .exitCode == 0);
}

QTEST_GUILESS_MAIN(TestCliSession)
#include "tst_clisession.moc"
