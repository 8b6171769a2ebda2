// A round trip through the real OS keychain with QtKeychain: write, read,
// overwrite, delete. On Linux this needs a Secret Service on the session bus;
// the test command provides one (dbus-run-session + an unlocked
// gnome-keyring with a fresh HOME). Skipped only outside CI when none runs.
#include <qt6keychain/keychain.h>

#include <QSignalSpy>
#include <QTest>
#include <QUuid>

class TestKeychain : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void roundTripsASecret();
    void roundTripsALargeSecret();

private:
    QKeychain::Error write(const QString &key, const QByteArray &value, QString *error);
    QKeychain::Error read(const QString &key, QByteArray *value, QString *error);
    QKeychain::Error remove(const QString &key, QString *error);
    const QString m_service =
        QStringLiteral("rolecall-test-%1").arg(QUuid::createUuid().toString(QUuid::Id128));
};

namespace {

// Runs a job to its end without blocking the event loop the job needs.
bool finish(QKeychain::Job &job)
{
    QSignalSpy done(&job, &QKeychain::Job::finished);
    job.setAutoDelete(false);
    job.start();
    return done.wait(20000);
}

} // namespace

void TestKeychain::initTestCase()
{
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")) {
        if (qEnvironmentVariable("CI") == QLatin1String("true"))
            QFAIL("no D-Bus session bus: run the tests with packaging/test.sh");
        QSKIP("no D-Bus session bus; packaging/test.sh runs this test with a real keyring");
    }
}

QKeychain::Error TestKeychain::write(const QString &key, const QByteArray &value, QString *error)
{
    QKeychain::WritePasswordJob job(m_service);
    job.setKey(key);
    job.setBinaryData(value);
    if (!finish(job))
        return QKeychain::OtherError;
    *error = job.errorString();
    return job.error();
}

QKeychain::Error TestKeychain::read(const QString &key, QByteArray *value, QString *error)
{
    QKeychain::ReadPasswordJob job(m_service);
    job.setKey(key);
    if (!finish(job))
        return QKeychain::OtherError;
    *value = job.binaryData();
    *error = job.errorString();
    return job.error();
}

QKeychain::Error TestKeychain::remove(const QString &key, QString *error)
{
    QKeychain::DeletePasswordJob job(m_service);
    job.setKey(key);
    if (!finish(job))
        return QKeychain::OtherError;
    *error = job.errorString();
    return job.error();
}

void TestKeychain::roundTripsASecret()
{
    const QString key = QStringLiteral("profile/dev/refresh-token");
    const QByteArray first = QUuid::createUuid().toByteArray();
    const QByteArray second = QUuid::createUuid().toByteArray() + QByteArray("\0ü", 3);
    QString error;
    QByteArray value;

    QCOMPARE(read(key, &value, &error), QKeychain::EntryNotFound);

    QCOMPARE(write(key, first, &error), QKeychain::NoError);
    QCOMPARE(read(key, &value, &error), QKeychain::NoError);
    QCOMPARE(value, first);

    QCOMPARE(write(key, second, &error), QKeychain::NoError); // overwrite
    QCOMPARE(read(key, &value, &error), QKeychain::NoError);
    QCOMPARE(value, second);

    QCOMPARE(remove(key, &error), QKeychain::NoError);
    QCOMPARE(read(key, &value, &error), QKeychain::EntryNotFound);
}

void TestKeychain::roundTripsALargeSecret()
{
    // Refresh and ID tokens can run to kilobytes.
    const QString key = QStringLiteral("profile/dev/large");
    QByteArray large;
    for (int i = 0; i < 1000; ++i)
        large += QUuid::createUuid().toByteArray(QUuid::Id128);
    QString error;
    QCOMPARE(write(key, large, &error), QKeychain::NoError);
    QByteArray value;
    QCOMPARE(read(key, &value, &error), QKeychain::NoError);
    QCOMPARE(value, large);
    QCOMPARE(remove(key, &error), QKeychain::NoError);
}

QTEST_GUILESS_MAIN(TestKeychain)
#include "tst_keychain.moc"
