// rolecallctl profiles remove --all against the real keychain: the secrets a
// profile kept are gone afterwards, not only its settings. And profiles edit:
// a new Clerk API URL deletes the key entered for the old one, after saying so.
#include "auth/keychainsecretstore.h"
#include "services/secretstore.h"

#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using rolecall::KeychainSecretStore;
using rolecall::SecretStore;

class TestCliProfilesRemove : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void removeAllDeletesTheKeychainEntries();
    void editDeletesTheSecretsTiedToTheOldAddress();

private:
    int rolecallctl(const QStringList &arguments, const QByteArray &input = {});
    QString m_lastErr;
    SecretStore::Status read(const QString &key);
    QString addProfileWithClerkKey(const QString &prefix);
    QString m_lastName;

    QTemporaryDir m_home;
};

int TestCliProfilesRemove::rolecallctl(const QStringList &arguments, const QByteArray &input)
{
    // Its own settings folder; the session bus (and keyring) of the test run.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral(".config")));
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(ROLECALLCTL_PATH), arguments);
    if (!process.waitForStarted())
        return -1;
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(120000))
        return -1;
    m_lastErr = QString::fromUtf8(process.readAllStandardError());
    if (process.exitCode() != 0)
        qWarning("%s", qPrintable(m_lastErr));
    return process.exitCode();
}

SecretStore::Status TestCliProfilesRemove::read(const QString &key)
{
    KeychainSecretStore store;
    SecretStore::Status status = SecretStore::Status::Unavailable;
    bool answered = false;
    store.read(key, this, [&](const SecretStore::Result &result) {
        status = result.status;
        answered = true;
    });
    [[maybe_unused]] const bool done = QTest::qWaitFor([&] { return answered; }, 60000);
    return status;
}

// Adds a profile with a name no other test or person uses (the keychain is
// the real one) and a Clerk secret key for it; the key's keychain name, empty
// when that failed. The profile's name is in m_lastName.
QString TestCliProfilesRemove::addProfileWithClerkKey(const QString &prefix)
{
    m_lastName = prefix + QUuid::createUuid().toString(QUuid::Id128).left(12);
    const bool added =
        rolecallctl({QStringLiteral("profiles"), QStringLiteral("add"), m_lastName,
                     QStringLiteral("--issuer"), QStringLiteral("https://clerk.example.com"),
                     QStringLiteral("--client-id"), QStringLiteral("c")}) == 0 &&
        rolecallctl({QStringLiteral("profiles"), QStringLiteral("set-secret"), m_lastName,
                     SecretStore::clerkSecretKeyKind()},
                    "sk_test_" + prefix.toUtf8().replace('-', "") + "\n") == 0;
    const QString key = SecretStore::profileKey(m_lastName, SecretStore::clerkSecretKeyKind());
    return added && read(key) == SecretStore::Status::Ok ? key : QString();
}

void TestCliProfilesRemove::removeAllDeletesTheKeychainEntries()
{
    QVERIFY(m_home.isValid());
    const QString key = addProfileWithClerkKey(QStringLiteral("remove-all-"));
    QVERIFY(!key.isEmpty());

    QCOMPARE(rolecallctl({QStringLiteral("profiles"), QStringLiteral("remove"),
                          QStringLiteral("--all"), QStringLiteral("--yes")}),
             0);
    QCOMPARE(read(key), SecretStore::Status::NotFound);
    QVERIFY(!QFileInfo::exists(m_home.filePath(QStringLiteral(".config/Rolecall/Rolecall.conf"))));
}

void TestCliProfilesRemove::editDeletesTheSecretsTiedToTheOldAddress()
{
    QVERIFY(m_home.isValid());
    const QString key = addProfileWithClerkKey(QStringLiteral("edit-clerk-"));
    QVERIFY(!key.isEmpty());
    const QString name = m_lastName;

    // The database changes: the key stays.
    QCOMPARE(rolecallctl({QStringLiteral("profiles"), QStringLiteral("edit"), name,
                          QStringLiteral("--db"), QStringLiteral("postgresql://me@127.0.0.1/app")}),
             0);
    QCOMPARE(read(key), SecretStore::Status::Ok);
    // The Clerk API URL changes: said, then deleted.
    QCOMPARE(rolecallctl({QStringLiteral("profiles"), QStringLiteral("edit"), name,
                          QStringLiteral("--clerk-api-url"),
                          QStringLiteral("https://clerk-proxy.example.com/v1")}),
             0);
    QVERIFY2(m_lastErr.contains(QLatin1String("Clerk secret key is deleted")),
             qPrintable(m_lastErr));
    QCOMPARE(read(key), SecretStore::Status::NotFound);
    QCOMPARE(rolecallctl({QStringLiteral("profiles"), QStringLiteral("remove"), name}), 0);
}

QTEST_GUILESS_MAIN(TestCliProfilesRemove)
#include "tst_cliprofilesremove.moc"
