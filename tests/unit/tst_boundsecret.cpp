#include "services/boundsecret.h"
#include "services/secretstore.h"

#include <QTest>

using namespace rolecall;

// Secrets kept with where they may be sent, and wiped where they are.
class TestBoundSecret : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void namesTheOrigin_data();
    void namesTheOrigin();
    void givesTheKeyOnlyToItsOwnOrigin();
    void refusesAKeyStoredUnbound_data();
    void refusesAKeyStoredUnbound();
    void saysWhichSecretsAChangeLeavesBehind_data();
    void saysWhichSecretsAChangeLeavesBehind();
    void wipesEveryCopyThatSharesTheBytes();
    void wipesStrings();
    void leavesLiteralsAlone();
};

void TestBoundSecret::namesTheOrigin_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("origin");
    QTest::newRow("clerk") << "https://api.clerk.com/v1"
                           << "https://api.clerk.com";
    QTest::newRow("case") << "HTTPS://API.Clerk.com/v1/"
                          << "https://api.clerk.com";
    QTest::newRow("port") << "http://127.0.0.1:8099/v1"
                          << "http://127.0.0.1:8099";
    QTest::newRow("user info dropped") << "https://me@api.clerk.com/v1"
                                       << "https://api.clerk.com";
    QTest::newRow("query dropped") << "https://api.clerk.com/v1?x=1#y"
                                   << "https://api.clerk.com";
    QTest::newRow("no host") << "/v1"
                             << "";
}

void TestBoundSecret::namesTheOrigin()
{
    QFETCH(QString, url);
    QTEST(originOf(QUrl(url)), "origin");
}

void TestBoundSecret::givesTheKeyOnlyToItsOwnOrigin()
{
    const QByteArray key("sk_test_abc123");
    const QByteArray stored = packBoundSecret(key, QStringLiteral("https://api.clerk.com"));
    QString error;
    const std::optional<QByteArray> same =
        unpackBoundSecret(stored, QStringLiteral("https://api.clerk.com"), &error);
    QVERIFY2(same, qPrintable(error));
    QCOMPARE(*same, key);

    const std::optional<QByteArray> elsewhere =
        unpackBoundSecret(stored, QStringLiteral("https://clerk-proxy.example.com"), &error);
    QVERIFY(!elsewhere);
    QVERIFY2(error.contains(QLatin1String("https://api.clerk.com")), qPrintable(error));
    QVERIFY2(error.contains(QLatin1String("enter")), qPrintable(error));
    QVERIFY2(!error.contains(QLatin1String("sk_test")), "the key must not be in the message");
}

void TestBoundSecret::refusesAKeyStoredUnbound_data()
{
    QTest::addColumn<QByteArray>("stored");
    QTest::newRow("a bare key, as stored before") << QByteArray("sk_test_abc123");
    QTest::newRow("no origin") << QByteArray(R"({"format":1,"secret":"sk_test_abc123"})");
    QTest::newRow("another format")
        << QByteArray(R"({"format":2,"origin":"https://api.clerk.com","secret":"sk_test_abc123"})");
    QTest::newRow("no secret") << QByteArray(R"({"format":1,"origin":"https://api.clerk.com"})");
    QTest::newRow("garbage") << QByteArray("\x00\xff{", 3);
}

void TestBoundSecret::refusesAKeyStoredUnbound()
{
    QFETCH(QByteArray, stored);
    QString error;
    QVERIFY(!unpackBoundSecret(stored, QStringLiteral("https://api.clerk.com"), &error));
    QVERIFY(!error.isEmpty());
    QVERIFY2(!error.contains(QLatin1String("sk_test")), "the key must not be in the message");
}

void TestBoundSecret::saysWhichSecretsAChangeLeavesBehind_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QStringList>("kinds");
    const QString session = SecretStore::sessionKind();
    const QString clerk = SecretStore::clerkSecretKeyKind();
    QTest::newRow("nothing") << ""
                             << "" << QStringList();
    QTest::newRow("issuer") << "issuer"
                            << "https://other.example.com" << QStringList{session};
    QTest::newRow("client id") << "clientId"
                               << "other" << QStringList{session};
    QTest::newRow("clerk url") << "clerkApiUrl"
                               << "https://proxy.example.com/v1" << QStringList{clerk};
    QTest::newRow("clerk url, same origin") << "clerkApiUrl"
                                            << "https://api.clerk.com/v2" << QStringList();
    QTest::newRow("database") << "databaseUrl"
                              << "postgresql://me@db/other" << QStringList();
}

void TestBoundSecret::saysWhichSecretsAChangeLeavesBehind()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QStringList, kinds);
    Profile before;
    before.name = QStringLiteral("prod");
    before.issuer = QStringLiteral("https://clerk.example.com");
    before.clientId = QStringLiteral("client");
    Profile after = before;
    if (field == QLatin1String("issuer"))
        after.issuer = value;
    else if (field == QLatin1String("clientId"))
        after.clientId = value;
    else if (field == QLatin1String("clerkApiUrl"))
        after.clerkApiUrl = value;
    else if (field == QLatin1String("databaseUrl"))
        after.databaseUrl = value;
    QCOMPARE(secretKindsInvalidated(before, after), kinds);
    const QString text = invalidatedSecretsText(before.name, kinds);
    QCOMPARE(text.isEmpty(), kinds.isEmpty());
    if (!kinds.isEmpty())
        QVERIFY2(text.contains(QLatin1String("deleted")) && text.contains(before.name),
                 qPrintable(text));
}

void TestBoundSecret::wipesEveryCopyThatSharesTheBytes()
{
    QByteArray secret = QByteArray("sk_test_") + QByteArray::number(42);
    const QByteArray sharedCopy = secret; // implicitly shared, as a signal argument would be
    const char *bytes = sharedCopy.constData();
    wipeSecret(secret);
    QVERIFY(secret.isEmpty());
    // fill() would have detached and filled a fresh copy, leaving this one intact.
    QCOMPARE(sharedCopy.constData(), bytes);
    QCOMPARE(sharedCopy, QByteArray(10, '\0'));
}

void TestBoundSecret::wipesStrings()
{
    QString token = QStringLiteral("refresh-") + QString::number(7);
    const QString sharedCopy = token;
    wipeSecret(token);
    QVERIFY(token.isEmpty());
    QCOMPARE(sharedCopy, QString(9, QChar(0)));
}

void TestBoundSecret::leavesLiteralsAlone()
{
    // Read-only memory: wiping it would crash; it is only let go.
    QByteArray literal = QByteArrayLiteral("sk_test_literal");
    wipeSecret(literal);
    QVERIFY(literal.isEmpty());
    QString text = QStringLiteral("literal");
    wipeSecret(text);
    QVERIFY(text.isEmpty());
}

QTEST_GUILESS_MAIN(TestBoundSecret)
#include "tst_boundsecret.moc"
