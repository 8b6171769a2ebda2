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
    void acceptsLibpqKeywords_data();
    void acceptsLibpqKeywords();
    void verifiesTheServerOverANetworkByDefault_data();
    void verifiesTheServerOverANetworkByDefault();
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
    // No option may carry a second keyword: Qt joins them with spaces for libpq.
    QTest::newRow("tab smuggles a keyword") << "postgresql://me@h/app?sslmode=disable%09host%3Devil"
                                            << "sslmode";
    QTest::newRow("newline smuggles a keyword")
        << "postgresql://me@h/app?application_name=x%0Apassword%3Dsecret"
        << "application_name";
    QTest::newRow("quote opens a value") << "postgresql://me@h/app?application_name=%27x"
                                         << "application_name";
    QTest::newRow("backslash escapes a space") << "postgresql://me@h/app?options=a%5C"
                                               << "options";
    QTest::newRow("empty value") << "postgresql://me@h/app?sslcert="
                                 << "sslcert";
    QTest::newRow("unknown sslmode") << "postgresql://me@h/app?sslmode=sometimes"
                                     << "sslmode";
    QTest::newRow("sslpassword") << "postgresql://me@h/app?sslpassword=secret"
                                 << "sslpassword";
    QTest::newRow("not a libpq keyword") << "postgresql://me@h/app?sslmodes=require"
                                         << "sslmodes";
    QTest::newRow("control character in the user") << "postgresql://me%07@h/app"
                                                   << "control";
    QTest::newRow("control character in the schema") << "postgresql://me@h/app?schema=a%1Bb"
                                                     << "control";
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

void TestConnectionSettings::acceptsLibpqKeywords_data()
{
    QTest::addColumn<QString>("keyword");
    QTest::addColumn<QString>("value");
    QTest::newRow("sslrootcert") << "sslrootcert"
                                 << "system";
    QTest::newRow("target_session_attrs") << "target_session_attrs"
                                          << "read-write";
    QTest::newRow("keepalives_idle") << "keepalives_idle"
                                     << "30";
    QTest::newRow("sslnegotiation") << "sslnegotiation"
                                    << "direct";
    QTest::newRow("require_auth") << "require_auth"
                                  << "scram-sha-256";
    QTest::newRow("tcp_user_timeout") << "tcp_user_timeout"
                                      << "10000";
}

void TestConnectionSettings::acceptsLibpqKeywords()
{
    QFETCH(QString, keyword);
    QFETCH(QString, value);
    ConnectionSettings settings;
    QString error;
    QVERIFY2(
        ConnectionSettings::fromUrl(
            QStringLiteral("postgresql://me@h/app?%1=%2").arg(keyword, value), &settings, &error),
        qPrintable(error));
    QCOMPARE(settings.options.value(keyword), value);
    QVERIFY(settings.connectOptions()
                .split(QLatin1Char(';'))
                .contains(keyword + QLatin1Char('=') + value));
}

void TestConnectionSettings::verifiesTheServerOverANetworkByDefault_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("sslmode"); // what connectOptions() passes; empty: none
    QTest::addColumn<bool>("warns");

    QTest::newRow("remote, no sslmode") << "postgresql://me@db.example.com/app"
                                        << "verify-full" << false;
    QTest::newRow("remote, verify-full") << "postgresql://me@db.example.com/app?sslmode=verify-full"
                                         << "verify-full" << false;
    QTest::newRow("remote, require") << "postgresql://me@db.example.com/app?sslmode=require"
                                     << "require" << true;
    QTest::newRow("remote, disable") << "postgresql://me@10.0.0.5/app?sslmode=disable"
                                     << "disable" << true;
    QTest::newRow("remote, verify-ca") << "postgresql://me@db.example.com/app?sslmode=verify-ca"
                                       << "verify-ca" << true;
    QTest::newRow("loopback v4") << "postgresql://me@127.0.0.1:5432/app"
                                 << "" << false;
    QTest::newRow("loopback v4 range") << "postgresql://me@127.0.0.2/app"
                                       << "" << false;
    QTest::newRow("loopback v6") << "postgresql://me@[::1]/app"
                                 << "" << false;
    QTest::newRow("localhost") << "postgresql://me@localhost/app?sslmode=disable"
                               << "disable" << false;
    QTest::newRow("socket") << "postgresql:///app?host=/var/run/postgresql"
                            << "" << false;
    QTest::newRow("libpq default host") << "postgresql:///app"
                                        << "" << false;
}

void TestConnectionSettings::verifiesTheServerOverANetworkByDefault()
{
    QFETCH(QString, url);
    QFETCH(QString, sslmode);
    QFETCH(bool, warns);
    ConnectionSettings settings;
    QString error;
    QVERIFY2(ConnectionSettings::fromUrl(url, &settings, &error), qPrintable(error));
    const QStringList options = settings.connectOptions().split(QLatin1Char(';'));
    const QStringList modes = options.filter(QStringLiteral("sslmode="));
    if (sslmode.isEmpty()) {
        QVERIFY2(modes.isEmpty(), qPrintable(modes.join(QLatin1Char(' '))));
    } else {
        QCOMPARE(modes, QStringList{QStringLiteral("sslmode=") + sslmode});
    }
    const QString warning = settings.transportWarning();
    QCOMPARE(!warning.isEmpty(), warns);
    if (warns) {
        QVERIFY2(warning.contains(QLatin1String("verify-full")), qPrintable(warning));
        QVERIFY2(warning.contains(settings.host), qPrintable(warning));
    }
}

QTEST_GUILESS_MAIN(TestConnectionSettings)
#include "tst_connectionsettings.moc"
