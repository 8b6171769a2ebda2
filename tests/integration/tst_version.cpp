// `rolecall --version` and `rolecallctl --version` as a package's smoke test
// runs them: real processes, in a terminal with no display.
#include <QProcess>
#include <QTest>

class TestVersion : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void printsTheVersionWithoutADisplay_data();
    void printsTheVersionWithoutADisplay();
};

void TestVersion::printsTheVersionWithoutADisplay_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<QString>("option");
    QTest::addColumn<QString>("name");
    QTest::newRow("rolecall --version")
        << QStringLiteral(ROLECALL_PATH) << QStringLiteral("--version")
        << QStringLiteral("rolecall");
    QTest::newRow("rolecall -v") << QStringLiteral(ROLECALL_PATH) << QStringLiteral("-v")
                                 << QStringLiteral("rolecall");
    QTest::newRow("rolecallctl --version")
        << QStringLiteral(ROLECALLCTL_PATH) << QStringLiteral("--version")
        << QStringLiteral("rolecallctl");
}

void TestVersion::printsTheVersionWithoutADisplay()
{
    QFETCH(QString, program);
    QFETCH(QString, option);
    QFETCH(QString, name);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    // The platform that needs a display: a QApplication made before the
    // version is printed would abort here.
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb"));
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(program, {option});
    QVERIFY(process.waitForFinished(30000));
    const QString err = QString::fromUtf8(process.readAllStandardError());
    QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0,
             qPrintable(err));
    QCOMPARE(err, QString());
    const QStringList lines =
        QString::fromUtf8(process.readAllStandardOutput()).split(QLatin1Char('\n'));
    QCOMPARE(lines.value(0), name + QLatin1Char(' ') + QStringLiteral(ROLECALL_EXPECTED_VERSION));
    QVERIFY2(lines.value(1).startsWith(QLatin1String("commit ")), qPrintable(lines.value(1)));
    QVERIFY2(lines.value(2).startsWith(QStringLiteral("Qt ") + QString::fromLatin1(qVersion())),
             qPrintable(lines.value(2)));
}

QTEST_GUILESS_MAIN(TestVersion)
#include "tst_version.moc"
