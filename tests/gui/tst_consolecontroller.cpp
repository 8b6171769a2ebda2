// The console as `rolecall --profile NAME --sign-in` runs it: real window,
// real sign-in dialog, the test identity provider, the real keyring and a
// real PostgreSQL. The "browser" is rolecall-test-browser (ROLECALL_BROWSER),
// which follows the provider's redirect to the loopback listener.
#include "auth/keychainsecretstore.h"
#include "auth/oidcsigninservice.h"
#include "console/consolecontroller.h"
#include "dialogs/profilesdialog.h"
#include "dialogs/signindialog.h"
#include "itemmodels/userstablemodel.h"
#include "mainwindow.h"
#include "screens/syncscreen.h"
#include "services/boundsecret.h"
#include "services/profilestore.h"
#include "support/clitestsupport.h"
#include "support/consoletestprofile.h"
#include "widgets/accountwidget.h"

#include <QApplication>
#include <QLabel>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTest>

using namespace rolecall;

namespace {
constexpr int waitMs = 30000;
} // namespace

class TestConsoleController : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void signsInAndShowsWhoAndWhatTheyMayDo();
    void restoresTheSessionWithoutABrowser();
    void isReadOnlyForALearner();
    void keepsAClerkKeyEnteredInTheProfileEditor();
    void refusesToOpenAProfileThatSendsSecretsInTheClear();
    void warnsOfADatabaseConnectionThatIsNotVerified();

private:
    testing::ConsoleTestProfile m_console;
};

void TestConsoleController::initTestCase()
{
    ROLECALL_REQUIRE_SESSION_BUS();
    QString error;
    QVERIFY2(m_console.setUp(QStringLiteral("gui"), QByteArrayLiteral(TEST_BROWSER_PATH), &error),
             qPrintable(error));
}

void TestConsoleController::signsInAndShowsWhoAndWhatTheyMayDo()
{
    MainWindow window({});
    window.show();
    ConsoleController controller(&window);
    controller.start(m_console.name(), true);
    QTRY_VERIFY_WITH_TIMEOUT(window.canWrite(), waitMs);
    QCOMPARE(controller.signInService()->state(), SignInService::State::SignedIn);
    QVERIFY2(window.accountWidget()->accountText().contains(QLatin1String("user5@example.test")),
             qPrintable(window.accountWidget()->accountText()));
    QVERIFY(window.accountWidget()->rolesText().contains(QLatin1String("ADMIN")));
    QVERIFY(!window.accountWidget()->isReadOnly());
    // Only the profile: the platform appends " — Rolecall" itself.
    QCOMPARE(window.windowTitle(), m_console.name());
    // The Sync screen compares on this profile, and an ADMIN may act on it.
    QVERIFY(window.syncScreen()->service());
    QVERIFY(window.syncScreen()->canWrite());
    QTRY_VERIFY_WITH_TIMEOUT(window.usersModel() && window.usersModel()->rowCount() == 50, waitMs);
    QTRY_VERIFY_WITH_TIMEOUT(!controller.signInService()->isStoringSession(), waitMs);
    QVERIFY(!window.findChild<SignInDialog *>() ||
            !window.findChild<SignInDialog *>()->isVisible());
}

void TestConsoleController::restoresTheSessionWithoutABrowser()
{
    const int authorizeBefore = int(m_console.idp().tokenRequests().size());
    qputenv("ROLECALL_BROWSER", QByteArrayLiteral("false")); // a browser now would be a bug
    MainWindow window({});
    window.show();
    ConsoleController controller(&window);
    controller.start(m_console.name(), false);
    QTRY_VERIFY_WITH_TIMEOUT(window.canWrite(), waitMs);
    QCOMPARE(m_console.idp().tokenRequests().last().queryItemValue(QStringLiteral("grant_type")),
             QStringLiteral("refresh_token"));
    QCOMPARE(m_console.idp().tokenRequests().size(), authorizeBefore + 1);
    QTRY_VERIFY_WITH_TIMEOUT(!controller.signInService()->isStoringSession(), waitMs);

    // Sign out from the menu: read-only again, and the sign-in dialog offers itself.
    QSignalSpy finished(controller.signInService(), &auth::OidcSignInService::signOutFinished);
    Q_EMIT window.signOutRequested();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, waitMs);
    QVERIFY(!window.canWrite());
    QVERIFY(window.accountWidget()->isReadOnly());
    QTRY_VERIFY_WITH_TIMEOUT(window.findChild<SignInDialog *>(), waitMs);
    qputenv("ROLECALL_BROWSER", QByteArrayLiteral(TEST_BROWSER_PATH));
}

void TestConsoleController::isReadOnlyForALearner()
{
    m_console.idp().setUser(testing::TestIdentityProvider::seedUser(6));
    MainWindow window({});
    window.show();
    ConsoleController controller(&window);
    controller.start(m_console.name(), true);
    QTRY_VERIFY_WITH_TIMEOUT(controller.signInService()->state() == SignInService::State::SignedIn,
                             waitMs);
    QTRY_VERIFY_WITH_TIMEOUT(
        !window.accountWidget()->readOnlyReason().isEmpty() &&
            !window.accountWidget()->readOnlyReason().contains(QLatin1String("checked")),
        waitMs);
    QVERIFY(window.accountWidget()->isReadOnly());
    QVERIFY(!window.canWrite());
    QVERIFY2(window.accountWidget()->readOnlyReason().contains(QLatin1String("ADMIN")),
             qPrintable(window.accountWidget()->readOnlyReason()));
    Q_EMIT window.signOutRequested();
    QTRY_VERIFY_WITH_TIMEOUT(controller.signInService()->state() == SignInService::State::SignedOut,
                             waitMs);
}

void TestConsoleController::keepsAClerkKeyEnteredInTheProfileEditor()
{
    MainWindow window({});
    window.show();
    ConsoleController controller(&window);
    controller.chooseProfile();
    auto *dialog = window.findChild<ProfilesDialog *>();
    QVERIFY(dialog);
    const QByteArray key = "sk_test_" + QByteArray::number(QCoreApplication::applicationPid());
    Q_EMIT dialog->clerkSecretKeyEntered(m_console.name(), key);
    QTRY_VERIFY_WITH_TIMEOUT(
        window.statusBar()->currentMessage().contains(QLatin1String("keychain")), waitMs);
    QVERIFY(!window.statusBar()->currentMessage().contains(QString::fromLatin1(key)));

    KeychainSecretStore secrets;
    std::optional<SecretStore::Result> read;
    secrets.read(SecretStore::profileKey(m_console.name(), QStringLiteral("clerk-secret-key")),
                 this, [&read](const SecretStore::Result &result) { read = result; });
    QTRY_VERIFY_WITH_TIMEOUT(read.has_value(), waitMs);
    QCOMPARE(read->status, SecretStore::Status::Ok);
    // Kept with the Clerk API it was entered for, and given only to that one.
    const std::optional<Profile> profile =
        ProfileStore(*openAppSettings()).profile(m_console.name());
    QVERIFY(profile);
    QString problem;
    QCOMPARE(unpackBoundSecret(read->value, clerkKeyOrigin(*profile), &problem), key);
    QVERIFY(!unpackBoundSecret(read->value, QStringLiteral("https://elsewhere.example"), &problem));
    dialog->reject();
}

void TestConsoleController::refusesToOpenAProfileThatSendsSecretsInTheClear()
{
    // A settings file edited elsewhere: the Clerk API over plain http to
    // another host. Chosen or named, it is not opened.
    std::optional<Profile> tampered = ProfileStore(*openAppSettings()).profile(m_console.name());
    QVERIFY(tampered);
    tampered->clerkApiUrl = QStringLiteral("http://clerk-proxy.example.com/v1");
    MainWindow window({});
    ConsoleController controller(&window);
    controller.openProfile(*tampered);
    QVERIFY(!controller.signInService());
    QVERIFY2(window.statusBar()->currentMessage().contains(QLatin1String("https://")),
             qPrintable(window.statusBar()->currentMessage()));
}

void TestConsoleController::warnsOfADatabaseConnectionThatIsNotVerified()
{
    std::optional<Profile> profile = ProfileStore(*openAppSettings()).profile(m_console.name());
    QVERIFY(profile);
    profile->databaseUrl = QStringLiteral("postgresql://me@db.example.com/app?sslmode=require");
    MainWindow window({});
    ConsoleController controller(&window);
    controller.openProfile(*profile);
    auto *warning = window.findChild<QLabel *>(QStringLiteral("transportWarning"));
    QVERIFY(warning);
    QVERIFY2(warning->text().contains(QLatin1String("sslmode=require")),
             qPrintable(warning->text()));
    QCOMPARE(warning->textFormat(), Qt::PlainText);
    // verify-full (the default over a network): no warning.
    profile->databaseUrl = QStringLiteral("postgresql://me@db.example.com/app");
    controller.openProfile(*profile);
    QTRY_VERIFY(!window.findChild<QLabel *>(QStringLiteral("transportWarning")));
}

QTEST_MAIN(TestConsoleController)
#include "tst_consolecontroller.moc"
