// The rolecall-server executable: --version, --help, and a clear sentence and
// exit status 2 for bad options, before it touches any database.
#include <QProcess>
#include <QTest>

class TestServerExe : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void versionAndHelpAnswerAndExit();
    void badOptionsExitWithTwoAndSaySo_data();
    void badOptionsExitWithTwoAndSaySo();
    void anUnreachableDatabaseIsExitOneWithTheReason();

private:
    struct Run
    {
        int exitCode = -1;
        QString out, err;
    };
    static Run
    run(const QStringList &arguments,
        const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
    {
        QProcess process;
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(ROLECALL_SERVER_PATH), arguments);
        if (!process.waitForFinished(30000))
            process.kill();
        return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
                QString::fromUtf8(process.readAllStandardError())};
    }
};

void TestServerExe::versionAndHelpAnswerAndExit()
{
    const Run version = run({QStringLiteral("--version")});
    QCOMPARE(version.exitCode, 0);
    QVERIFY(version.out.startsWith(QLatin1String("rolecall-server ")));
    const Run help = run({QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    for (const char *option :
         {"--db", "--issuer", "--audience", "--listen", "--tls-cert", "--statement-timeout",
          "--max-body", "--db-sessions", "--threads", "--max-connections", "--keep-alive-timeout",
          "--keep-alive-requests", "--session-wait", "--clerk-secret-key-file"})
        QVERIFY2(help.out.contains(QLatin1String(option)), option);
}

void TestServerExe::badOptionsExitWithTwoAndSaySo_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("nothing") << QStringList{} << QStringLiteral("--db is required");
    QTest::newRow("secret on the command line")
        << QStringList{QStringLiteral("--clerk-secret-key"), QStringLiteral("sk_live_123")}
        << QStringLiteral("Unknown option");
    QTest::newRow("bad listen")
        << QStringList{QStringLiteral("--db"),       QStringLiteral("postgresql://u@127.0.0.1/db"),
                       QStringLiteral("--issuer"),   QStringLiteral("https://clerk.example.com"),
                       QStringLiteral("--audience"), QStringLiteral("a"),
                       QStringLiteral("--listen"),   QStringLiteral("everywhere")}
        << QStringLiteral("ADDRESS:PORT");
}

void TestServerExe::badOptionsExitWithTwoAndSaySo()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, messagePart);
    const Run result = run(arguments);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(messagePart), qPrintable(result.err));
    QVERIFY(!result.err.contains(QLatin1String("sk_live_123")));
}

void TestServerExe::anUnreachableDatabaseIsExitOneWithTheReason()
{
    const Run result = run({QStringLiteral("--db"), QStringLiteral("postgresql://u@127.0.0.1:1/db"),
                            QStringLiteral("--issuer"), QStringLiteral("https://clerk.example.com"),
                            QStringLiteral("--audience"), QStringLiteral("a"),
                            QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")});
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(QLatin1String("Cannot connect")), qPrintable(result.err));
}

QTEST_GUILESS_MAIN(TestServerExe)
#include "tst_serverexe.moc"
