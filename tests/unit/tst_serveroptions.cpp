// rolecall-server's command line: what it accepts, and a clear sentence for
// everything it does not.
#include "server/serveroptions.h"

#include <QTemporaryFile>
#include <QTest>

using namespace rolecall::server;

namespace {

const QStringList required{QStringLiteral("rolecall-server"),
                           QStringLiteral("--db"),
                           QStringLiteral("postgresql://rolecall@db.internal:5432/akako"),
                           QStringLiteral("--issuer"),
                           QStringLiteral("https://clerk.example.com"),
                           QStringLiteral("--audience"),
                           QStringLiteral("client_abc")};

std::variant<ParsedOptions, QString> parse(const QStringList &extra,
                                           const QProcessEnvironment &env = {})
{
    return parseServerOptions(required + extra, env);
}

} // namespace

class TestServerOptions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void theRequiredOptionsAreEnoughWithSafeDefaults();
    void everyOptionIsRead();
    void theOldThreadsOptionSetsTheDatabaseSessions();
    void badOptionsSayWhatIsWrong_data();
    void badOptionsSayWhatIsWrong();
    void theClerkSecretKeyComesFromTheEnvironmentOrAFile();
    void faultSwitchesAreOffUnlessAskedFor();
};

void TestServerOptions::theRequiredOptionsAreEnoughWithSafeDefaults()
{
    const auto parsed = parse({});
    QVERIFY2(
        std::holds_alternative<ParsedOptions>(parsed),
        qPrintable(std::get_if<QString>(&parsed) ? *std::get_if<QString>(&parsed) : QString()));
    const ServerOptions o = std::get<ParsedOptions>(parsed).options;
    QCOMPARE(o.database.host, QStringLiteral("db.internal"));
    QCOMPARE(o.audience, QStringLiteral("client_abc"));
    QCOMPARE(o.listenAddress, QHostAddress(QHostAddress::LocalHost));
    QCOMPARE(o.listenPort, quint16(8080));
    QVERIFY(!o.tls());
    QVERIFY(!o.testFaults);
    QVERIFY(o.clerkSecretKey.isEmpty());
    // Many connections, few database sessions: 32 keep-alive clients fit.
    QCOMPARE(o.databaseSessions, 8);
    QVERIFY(o.maxConnections >= 4 * 32);
    QCOMPARE(o.keepAliveTimeout, std::chrono::seconds(5));
    QCOMPARE(o.keepAliveRequests, 100);
    QCOMPARE(o.sessionWait, std::chrono::seconds(10));
}

void TestServerOptions::everyOptionIsRead()
{
    QTemporaryFile cert, key;
    QVERIFY(cert.open() && key.open());
    const auto parsed = parse({QStringLiteral("--listen"),
                               QStringLiteral("[::1]:9443"),
                               QStringLiteral("--tls-cert"),
                               cert.fileName(),
                               QStringLiteral("--tls-key"),
                               key.fileName(),
                               QStringLiteral("--statement-timeout"),
                               QStringLiteral("5"),
                               QStringLiteral("--max-body"),
                               QStringLiteral("2048"),
                               QStringLiteral("--db-sessions"),
                               QStringLiteral("3"),
                               QStringLiteral("--max-connections"),
                               QStringLiteral("40"),
                               QStringLiteral("--keep-alive-timeout"),
                               QStringLiteral("2"),
                               QStringLiteral("--keep-alive-requests"),
                               QStringLiteral("7"),
                               QStringLiteral("--session-wait"),
                               QStringLiteral("4")});
    QVERIFY(std::holds_alternative<ParsedOptions>(parsed));
    const ServerOptions o = std::get<ParsedOptions>(parsed).options;
    QCOMPARE(o.listenAddress, QHostAddress(QStringLiteral("::1")));
    QCOMPARE(o.listenPort, quint16(9443));
    QVERIFY(o.tls());
    QCOMPARE(o.statementTimeout, std::chrono::seconds(5));
    QCOMPARE(o.maxBodyBytes, 2048);
    QCOMPARE(o.databaseSessions, 3);
    QCOMPARE(o.maxConnections, 40);
    QCOMPARE(o.keepAliveTimeout, std::chrono::seconds(2));
    QCOMPARE(o.keepAliveRequests, 7);
    QCOMPARE(o.sessionWait, std::chrono::seconds(4));
}

void TestServerOptions::theOldThreadsOptionSetsTheDatabaseSessions()
{
    const auto parsed = parse({QStringLiteral("--threads"), QStringLiteral("5")});
    QVERIFY(std::holds_alternative<ParsedOptions>(parsed));
    const ServerOptions o = std::get<ParsedOptions>(parsed).options;
    QCOMPARE(o.databaseSessions, 5);
    QCOMPARE(o.maxConnections, ServerOptions{}.maxConnections);
}

void TestServerOptions::badOptionsSayWhatIsWrong_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("messagePart");
    const QString program = QStringLiteral("rolecall-server");
    QTest::newRow("nothing") << QStringList{program} << QStringLiteral("--db");
    QTest::newRow("password in URL") << QStringList{program,
                                                    QStringLiteral("--db"),
                                                    QStringLiteral("postgresql://u:secret@h/db"),
                                                    QStringLiteral("--issuer"),
                                                    QStringLiteral("https://i"),
                                                    QStringLiteral("--audience"),
                                                    QStringLiteral("a")}
                                     << QStringLiteral("password");
    QTest::newRow("no issuer") << QStringList{program, QStringLiteral("--db"),
                                              QStringLiteral("postgresql://u@h/db")}
                               << QStringLiteral("--issuer");
    QTest::newRow("plain http issuer") << QStringList{program,
                                                      QStringLiteral("--db"),
                                                      QStringLiteral("postgresql://u@h/db"),
                                                      QStringLiteral("--issuer"),
                                                      QStringLiteral("http://clerk.example.com"),
                                                      QStringLiteral("--audience"),
                                                      QStringLiteral("a")}
                                       << QStringLiteral("https");
    QTest::newRow("listen without port")
        << (required + QStringList{QStringLiteral("--listen"), QStringLiteral("127.0.0.1")})
        << QStringLiteral("ADDRESS:PORT");
    QTest::newRow("listen on a name")
        << (required + QStringList{QStringLiteral("--listen"), QStringLiteral("example.com:80")})
        << QStringLiteral("ADDRESS:PORT");
    QTest::newRow("cert without key")
        << (required + QStringList{QStringLiteral("--tls-cert"), QStringLiteral("/nonexistent")})
        << QStringLiteral("go together");
    QTest::newRow("missing cert file")
        << (required + QStringList{QStringLiteral("--tls-cert"), QStringLiteral("/nonexistent"),
                                   QStringLiteral("--tls-key"), QStringLiteral("/nonexistent")})
        << QStringLiteral("does not exist");
    QTest::newRow("zero timeout") << (required + QStringList{QStringLiteral("--statement-timeout"),
                                                             QStringLiteral("0")})
                                  << QStringLiteral("--statement-timeout");
    QTest::newRow("huge body") << (required + QStringList{QStringLiteral("--max-body"),
                                                          QStringLiteral("999999999999")})
                               << QStringLiteral("--max-body");
    QTest::newRow("threads not a number")
        << (required + QStringList{QStringLiteral("--threads"), QStringLiteral("many")})
        << QStringLiteral("--db-sessions");
    QTest::newRow("no connections")
        << (required + QStringList{QStringLiteral("--max-connections"), QStringLiteral("0")})
        << QStringLiteral("--max-connections");
    QTest::newRow("keep-alive timeout of an hour and more")
        << (required + QStringList{QStringLiteral("--keep-alive-timeout"), QStringLiteral("3601")})
        << QStringLiteral("--keep-alive-timeout");
    QTest::newRow("keep-alive requests negative")
        << (required + QStringList{QStringLiteral("--keep-alive-requests"), QStringLiteral("-1")})
        << QStringLiteral("--keep-alive-requests");
    QTest::newRow("session wait not a number")
        << (required + QStringList{QStringLiteral("--session-wait"), QStringLiteral("soon")})
        << QStringLiteral("--session-wait");
    QTest::newRow("unknown option")
        << (required + QStringList{QStringLiteral("--secret-key")}) << QStringLiteral("secret-key");
    QTest::newRow("positional") << (required + QStringList{QStringLiteral("sk_live_x")})
                                << QStringLiteral("Unexpected");
    QTest::newRow("unreadable key file")
        << (required +
            QStringList{QStringLiteral("--clerk-secret-key-file"), QStringLiteral("/nonexistent")})
        << QStringLiteral("Cannot read");
}

void TestServerOptions::badOptionsSayWhatIsWrong()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, messagePart);
    const auto parsed = parseServerOptions(arguments, QProcessEnvironment());
    QVERIFY(std::holds_alternative<QString>(parsed));
    QVERIFY2(std::get<QString>(parsed).contains(messagePart),
             qPrintable(std::get<QString>(parsed)));
    // A secret put on the command line by mistake is not repeated back.
    QVERIFY(!std::get<QString>(parsed).contains(QLatin1String("secret@")));
}

void TestServerOptions::theClerkSecretKeyComesFromTheEnvironmentOrAFile()
{
    QProcessEnvironment env;
    env.insert(QStringLiteral("ROLECALL_CLERK_SECRET_KEY"), QStringLiteral("sk_test_env\n"));
    auto parsed = parse({}, env);
    QCOMPARE(std::get<ParsedOptions>(parsed).options.clerkSecretKey, QByteArray("sk_test_env"));

    QTemporaryFile file;
    QVERIFY(file.open());
    file.write("sk_test_file\n");
    file.flush();
    parsed = parse({QStringLiteral("--clerk-secret-key-file"), file.fileName()}, env);
    QCOMPARE(std::get<ParsedOptions>(parsed).options.clerkSecretKey, QByteArray("sk_test_file"));
}

void TestServerOptions::faultSwitchesAreOffUnlessAskedFor()
{
    QVERIFY(std::get<ParsedOptions>(parse({QStringLiteral("--test-faults")})).options.testFaults);
    QProcessEnvironment env;
    env.insert(QStringLiteral("ROLECALL_SERVER_TEST_FAULTS"), QStringLiteral("1"));
    QVERIFY(std::get<ParsedOptions>(parse({}, env)).options.testFaults);
    env.insert(QStringLiteral("ROLECALL_SERVER_TEST_FAULTS"), QStringLiteral("yes please"));
    QVERIFY(!std::get<ParsedOptions>(parse({}, env)).options.testFaults);
}

QTEST_GUILESS_MAIN(TestServerOptions)
#include "tst_serveroptions.moc"
