// The real keychain locked in the middle of a session, as a screen locker or
// `secret-tool lock` does it: the suite's gnome-keyring login collection is
// locked over D-Bus (org.freedesktop.Secret.Service.Lock) while the console's
// sign-in service and rolecallctl are signed in, then unlocked again.
// Promises: the session goes on in memory with a message that says the
// keychain could not be written, nothing is written anywhere else, the CLI
// says what is wrong, and once the keychain is back the newest session is
// stored (no lost work: the last refresh token is the one kept).
#include "auth/keychainsecretstore.h"
#include "auth/oidcsigninservice.h"
#include "support/clitestsupport.h"
#include "support/testbrowser.h"
#include "support/testidp.h"

#include <QDBusArgument>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusObjectPath>
#include <QDBusReply>
#include <QDBusVariant>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>
#include <QUuid>

#include <memory>
#include <optional>

using namespace rolecall;
using rolecall::auth::OidcSignInService;
using rolecall::testing::CliFixture;
using rolecall::testing::CliRun;
using rolecall::testing::TestBrowser;
using rolecall::testing::TestIdentityProvider;

namespace {

constexpr int waitMs = 20000;
const QString secretsService = QStringLiteral("org.freedesktop.secrets");
const QString secretsPath = QStringLiteral("/org/freedesktop/secrets");
const QString loginCollection = QStringLiteral("/org/freedesktop/secrets/collection/login");

// A Secret Service "secret" (oayays): what UnlockWithMasterPassword takes.
struct DBusSecret
{
    QDBusObjectPath session;
    QByteArray parameters;
    QByteArray value;
    QString contentType;
};

QDBusArgument &operator<<(QDBusArgument &argument, const DBusSecret &secret)
{
    argument.beginStructure();
    argument << secret.session << secret.parameters << secret.value << secret.contentType;
    argument.endStructure();
    return argument;
}

const QDBusArgument &operator>>(const QDBusArgument &argument, DBusSecret &secret)
{
    argument.beginStructure();
    argument >> secret.session >> secret.parameters >> secret.value >> secret.contentType;
    argument.endStructure();
    return argument;
}

} // namespace

Q_DECLARE_METATYPE(DBusSecret)

namespace {

// One call to the Secret Service, by message: a QDBusInterface would build a
// meta-object from introspection that QtDBus caches and never frees (a leak
// the asan suite reports).
QDBusMessage callSecrets(const QString &path, const QString &interface, const QString &method,
                         const QVariantList &arguments)
{
    QDBusMessage call = QDBusMessage::createMethodCall(secretsService, path, interface, method);
    call.setArguments(arguments);
    return QDBusConnection::sessionBus().call(call);
}

bool collectionLocked()
{
    const QDBusMessage reply = callSecrets(
        loginCollection, QStringLiteral("org.freedesktop.DBus.Properties"), QStringLiteral("Get"),
        {QStringLiteral("org.freedesktop.Secret.Collection"), QStringLiteral("Locked")});
    return !reply.arguments().isEmpty() &&
           reply.arguments().constFirst().value<QDBusVariant>().variant().toBool();
}

// Locks the login collection; empty, or why it could not.
QString lockKeychain()
{
    const QDBusMessage reply = callSecrets(
        secretsPath, QStringLiteral("org.freedesktop.Secret.Service"), QStringLiteral("Lock"),
        {QVariant::fromValue(QList<QDBusObjectPath>{QDBusObjectPath(loginCollection)})});
    if (reply.type() == QDBusMessage::ErrorMessage)
        return reply.errorMessage();
    return collectionLocked() ? QString() : QStringLiteral("the collection is still unlocked");
}

// Unlocks it with the password packaging/test.sh unlocked it with, through
// gnome-keyring's own interface: Secret.Service.Unlock would need a prompt,
// and there is no display to show one on.
QString unlockKeychain()
{
    const QString password = qEnvironmentVariable("ROLECALL_TEST_KEYRING_PASSWORD");
    if (password.isEmpty())
        return QStringLiteral("ROLECALL_TEST_KEYRING_PASSWORD is not set");
    const QDBusMessage opened =
        callSecrets(secretsPath, QStringLiteral("org.freedesktop.Secret.Service"),
                    QStringLiteral("OpenSession"),
                    {QStringLiteral("plain"), QVariant::fromValue(QDBusVariant(QString()))});
    if (opened.type() == QDBusMessage::ErrorMessage || opened.arguments().size() < 2)
        return opened.errorMessage();
    DBusSecret master;
    master.session = opened.arguments().at(1).value<QDBusObjectPath>();
    master.value = password.toUtf8();
    master.contentType = QStringLiteral("text/plain");
    const QDBusMessage reply = callSecrets(
        secretsPath, QStringLiteral("org.gnome.keyring.InternalUnsupportedGuiltRiddenInterface"),
        QStringLiteral("UnlockWithMasterPassword"),
        {QVariant::fromValue(QDBusObjectPath(loginCollection)), QVariant::fromValue(master)});
    if (reply.type() == QDBusMessage::ErrorMessage)
        return reply.errorMessage();
    return collectionLocked() ? QStringLiteral("the collection is still locked") : QString();
}

} // namespace

class TestKeychainLock : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void theConsoleKeepsItsSessionWhileTheKeychainIsLocked();
    void theCliSaysTheKeychainIsLockedAndLosesNothing();

private:
    std::optional<SecretStore::Result> readSecret(SecretStore &store, const QString &key);

    TestIdentityProvider m_idp; // the CLI's; CliFixture starts it
};

void TestKeychainLock::initTestCase()
{
    ROLECALL_REQUIRE_SESSION_BUS();
    qDBusRegisterMetaType<DBusSecret>();
    if (!QDBusConnection::sessionBus().interface()->isServiceRegistered(secretsService)) {
        if (rolecall::testing::runsUnderCi())
            QFAIL("no Secret Service on the session bus: run the tests with packaging/test.sh");
        QSKIP("no Secret Service on the session bus");
    }
    QVERIFY2(!collectionLocked(), "the login collection is locked before the test");
}

void TestKeychainLock::cleanup()
{
    // Whatever happened, the next keyring test finds the keychain unlocked.
    if (collectionLocked()) {
        const QString error = unlockKeychain();
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }
}

std::optional<SecretStore::Result> TestKeychainLock::readSecret(SecretStore &store,
                                                                const QString &key)
{
    std::optional<SecretStore::Result> result;
    store.read(key, this, [&result](const SecretStore::Result &r) { result = r; });
    if (!QTest::qWaitFor([&result] { return result.has_value(); }, waitMs))
        return std::nullopt;
    return result;
}

void TestKeychainLock::theConsoleKeepsItsSessionWhileTheKeychainIsLocked()
{
    const QString service =
        QStringLiteral("rolecall-test-%1").arg(QUuid::createUuid().toString(QUuid::Id128));
    KeychainSecretStore secrets(service);
    TestIdentityProvider idp;
    QString error;
    QVERIFY2(idp.start(&error), qPrintable(error));
    QNetworkAccessManager network;
    TestBrowser browser(&network);
    Profile profile;
    profile.name = QStringLiteral("locked");
    profile.issuer = idp.issuer();
    profile.clientId = idp.clientId();
    OidcSignInService signIn(profile, &secrets, &network, [&browser](const QUrl &url, QString *) {
        QTimer::singleShot(0, &browser, [&browser, url] { browser.visit(url); });
        return true;
    });
    QSignalSpy signedIn(&signIn, &SignInService::signedIn);
    QSignalSpy stored(&signIn, &OidcSignInService::sessionStored);
    QSignalSpy notices(&signIn, &SignInService::notice);
    signIn.signIn();
    QTRY_COMPARE_WITH_TIMEOUT(signedIn.size(), 1, waitMs);
    QTRY_COMPARE_WITH_TIMEOUT(stored.size(), 1, waitMs);
    QVERIFY(stored.last().first().toBool());
    const QString key = SecretStore::profileKey(profile.name, SecretStore::sessionKind());

    // Locked mid-session: the rotated refresh token cannot be stored; the
    // session goes on in memory and says why.
    error = lockKeychain();
    QVERIFY2(error.isEmpty(), qPrintable(error));
    std::optional<bool> refreshed;
    signIn.refreshNow([&refreshed](bool ok) { refreshed = ok; });
    QTRY_VERIFY_WITH_TIMEOUT(refreshed.has_value(), waitMs);
    QVERIFY(*refreshed);
    QTRY_COMPARE_WITH_TIMEOUT(stored.size(), 2, waitMs);
    QVERIFY(!stored.last().first().toBool());
    QCOMPARE(signIn.state(), SignInService::State::SignedIn);
    QVERIFY(!signIn.accessToken().isEmpty());
    QVERIFY(!signIn.keychainAvailable());
    QVERIFY(!notices.isEmpty());
    const QString notice = notices.last().first().toString();
    QVERIFY2(notice.contains(QLatin1String("locked")) &&
                 notice.contains(QLatin1String("until Rolecall closes")),
             qPrintable(notice));

    // Unlocked again: the next rotation is stored, and it is the newest
    // refresh token that the keychain holds.
    error = unlockKeychain();
    QVERIFY2(error.isEmpty(), qPrintable(error));
    refreshed.reset();
    signIn.refreshNow([&refreshed](bool ok) { refreshed = ok; });
    QTRY_VERIFY_WITH_TIMEOUT(refreshed.value_or(false), waitMs);
    QTRY_COMPARE_WITH_TIMEOUT(stored.size(), 3, waitMs);
    QVERIFY(stored.last().first().toBool());
    QVERIFY(signIn.keychainAvailable());
    const auto kept = readSecret(secrets, key);
    QVERIFY(kept.has_value());
    QCOMPARE(kept->status, SecretStore::Status::Ok);
    const QString keptToken = QJsonDocument::fromJson(kept->value)
                                  .object()
                                  .value(QLatin1String("refreshToken"))
                                  .toString();
    // The provider rotates on every refresh: the token kept is the one the
    // last refresh answered with, which the next refresh would send.
    std::optional<bool> again;
    signIn.refreshNow([&again](bool ok) { again = ok; });
    QTRY_VERIFY_WITH_TIMEOUT(again.value_or(false), waitMs);
    QCOMPARE(idp.tokenRequests().constLast().queryItemValue(QStringLiteral("refresh_token")),
             keptToken);
    QTRY_COMPARE_WITH_TIMEOUT(stored.size(), 4, waitMs);

    bool removed = false;
    secrets.remove(key, this, [&removed](const SecretStore::Result &) { removed = true; });
    QTRY_VERIFY_WITH_TIMEOUT(removed, waitMs);
}

void TestKeychainLock::theCliSaysTheKeychainIsLockedAndLosesNothing()
{
    CliFixture ctl(QStringLiteral(ROLECALLCTL_PATH), QStringLiteral(TEST_BROWSER_PATH));
    QString error;
    QVERIFY2(ctl.setUpProfile(QStringLiteral("locked"), m_idp, 10, &error), qPrintable(error));
    const CliRun login = ctl.inProfile({QStringLiteral("login")});
    QVERIFY2(login.exitCode == 0, qPrintable(login.err));

    error = lockKeychain();
    QVERIFY2(error.isEmpty(), qPrintable(error));
    // A command that needs the session: it cannot read it, and says so
    // instead of claiming nobody ever signed in.
    const CliRun whoami = ctl.inProfile({QStringLiteral("whoami")});
    QVERIFY2(whoami.exitCode != 0, qPrintable(whoami.out));
    QVERIFY2(whoami.err.contains(QLatin1String("keychain")), qPrintable(whoami.err));
    // Signing in while it is locked works for this process only, and says so.
    const CliRun relogin = ctl.inProfile({QStringLiteral("login")});
    QVERIFY2(relogin.exitCode == 0, qPrintable(relogin.err));
    QVERIFY2(relogin.err.contains(QLatin1String("until Rolecall closes")), qPrintable(relogin.err));

    // Unlocked: the session stored before the lock is still there.
    error = unlockKeychain();
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const CliRun back = ctl.inProfile({QStringLiteral("whoami")});
    QVERIFY2(back.exitCode == 0, qPrintable(back.err));
    QVERIFY2(back.out.contains(QLatin1String("user5@example.test")), qPrintable(back.out));
    QVERIFY(ctl.inProfile({QStringLiteral("logout")}).exitCode == 0);
}

QTEST_GUILESS_MAIN(TestKeychainLock)
#include "tst_keychainlock.moc"
