#include "domain/connectionsettings.h"

#include <QTest>

using rolecall::ConnectionSettings;

class TestConnectionSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesValidUrls_data();
    void parsesValidUrls();
    void rejectsBadUrls_data();
    void rejectsBadUrls();
    void roundTripsThroughUrl();
    void addsDefaultConnectOptions();
};

void TestConnectionSettings::parsesValidUrls_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("database");
    QTest::addColumn<QString>("schema");
    QTest::addColumn<QString>("sslmode");

    QTest::newRow("full") << "postgresql://admin@db.example.com:6543/akako?sslmode=require"
                          << "db.example.com" << 6543 << "admin"
                          << "akako"
                          << ""
                          << "require";
    QTest::newRow("postgres scheme") << "postgres://me@localhost/app"
                                     << "localhost" << -1 << "me"
                                     << "app"
                                     << ""
                                     << "";
    QTest::newRow("prisma schema") << "postgresql://me@127.0.0.1:5432/app?schema=lms"
                                   << "127.0.0.1" << 5432 << "me"
                                   << "app"
                                   << "lms"
                                   << "";
    QTest::newRow("socket dir") << "postgresql:///app?host=/var/run/postgresql"
                                << "/var/run/postgresql" << -1 << ""
                                << "app"
                                << ""
                                << "";
    QTest::newRow("ipv6") << "postgresql://me@[::1]:5433/app"
                          << "::1" << 5433 << "me"
                          << "app"
                          << ""
                          << "";
    QTest::newRow("percent-encoded user") << "postgresql://j%C3%BCrgen@h/app"
                                          << "h" << -1 << "jürgen"
                                          << "app"
                                          << ""
                                          << "";
}

void TestConnectionSettings::parsesValidUrls()
{
    QFETCH(QString, url);
    ConnectionSettings settings;
    QString error;
    QVERIFY2(ConnectionSettings::fromUrl(url, &settings, &error), qPrintable(error));
    QTEST(settings.host, "host");
    QTEST(settings.port, "port");
    QTEST(settings.user, "user");
    QTEST(settings.database, "database");
    QTEST(settings.schema, "schema");
    QTEST(settings.options.value(QStringLiteral("sslmode")), "sslmode");
}

void TestConnectionSettings::rejectsBadUrls_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("messagePart");

    QTest::newRow("empty") << ""
                           << "empty";
    QTest::newRow("wrong scheme") << "mysql://me@h/app"
                                  << "postgresql://";
    QTest::newRow("password in userinfo") << "postgresql://me:secret@h/app"
                                          << "password";
    QTest::newRow("password in query") << "postgresql://me@h/app?password=secret"
                                       << "password";
    QTest::newRow("unknown option") << "postgresql://me@h/app?colour=blue"
                                    << "colour";
    QTest::newRow("bad port option") << "postgresql://me@h/app?port=abc"
                                     << "port";
    QTest::newRow("port out of range") << "postgresql://me@h:0/app"
                                       << "port";
    QTest::newRow("option injection") << "postgresql://me@h/app?sslmode=require%3Bhost%3Devil"
                                      << "sslmode";
    QTest::newRow("slash in name") << "postgresql://me@h/app/more"
                                   << "slash";
}

void TestConnectionSettings::rejectsBadUrls()
{
    QFETCH(QString, url);
    QFETCH(QString, messagePart);
    ConnectionSettings settings;
    settings.host = QStringLiteral("unchanged");
    QString error;
    QVERIFY(!ConnectionSettings::fromUrl(url, &settings, &error));
    QVERIFY2(error.contains(messagePart, Qt::CaseInsensitive), qPrintable(error));
    QVERIFY2(!error.contains(QLatin1String("secret")), "the message must not repeat the password");
    QCOMPARE(settings.host, QStringLiteral("unchanged"));
}

void TestConnectionSettings::roundTripsThroughUrl()
{
    ConnectionSettings original;
    QString error;
    QVERIFY(ConnectionSettings::fromUrl(
        QStringLiteral(
            "postgresql://admin@db.example.com:6543/akako?sslmode=verify-full&schema=lms"),
        &original, &error));
    ConnectionSettings again;
    QVERIFY2(ConnectionSettings::fromUrl(original.toUrl(), &again, &error), qPrintable(error));
    QCOMPARE(again, original);
    QCOMPARE(original.displayName(), QStringLiteral("admin@db.example.com:6543/akako"));
}

void TestConnectionSettings::addsDefaultConnectOptions()
{
    ConnectionSettings settings;
    settings.options.insert(QStringLiteral("sslmode"), QStringLiteral("require"));
    const QString options = settings.connectOptions();
    QVERIFY(options.contains(QLatin1String("sslmode=require")));
    QVERIFY(options.contains(QLatin1String("connect_timeout=10")));
    QVERIFY(options.contains(QLatin1String("application_name=rolecall")));
}

QTEST_GUILESS_MAIN(TestConnectionSettings)
#include "tst_connectionsettings.moc"
