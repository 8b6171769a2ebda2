// What --version and the About dialog say about the build.
#include "buildinfo/buildinfo.h"

#include <QRegularExpression>
#include <QTest>

using namespace rolecall;

class TestBuildInfo : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void versionIsTheOneCMakeProjectDeclares();
    void applicationIdIsReverseDns();
    void commitIsAHashOrUnknown();
    void librariesAreTheOnesLoaded();
    void versionTextStartsWithProgramAndVersion();
};

void TestBuildInfo::versionIsTheOneCMakeProjectDeclares()
{
    QCOMPARE(buildinfo::version(), QStringLiteral(ROLECALL_EXPECTED_VERSION));
}

void TestBuildInfo::applicationIdIsReverseDns()
{
    static const QRegularExpression reverseDns(
        QStringLiteral("^[a-z][a-z0-9]*(\\.[A-Za-z][A-Za-z0-9_]*){2,}$"));
    QVERIFY2(reverseDns.match(buildinfo::applicationId()).hasMatch(),
             qPrintable(buildinfo::applicationId()));
}

void TestBuildInfo::commitIsAHashOrUnknown()
{
    static const QRegularExpression commit(QStringLiteral("^([0-9a-f]{7,40}(-dirty)?|unknown)$"));
    QVERIFY2(commit.match(buildinfo::commit()).hasMatch(), qPrintable(buildinfo::commit()));
}

void TestBuildInfo::librariesAreTheOnesLoaded()
{
    QCOMPARE(buildinfo::qtRuntimeVersion(), QString::fromLatin1(qVersion()));
    QCOMPARE(buildinfo::qtBuildVersion(), QStringLiteral(QT_VERSION_STR));
    QVERIFY2(buildinfo::openSslVersion().startsWith(QLatin1String("OpenSSL 3.")),
             qPrintable(buildinfo::openSslVersion()));
    static const QRegularExpression version(QStringLiteral("^\\d+\\.\\d+\\.\\d+$"));
    QVERIFY2(version.match(buildinfo::keychainVersion()).hasMatch(),
             qPrintable(buildinfo::keychainVersion()));
    QVERIFY(!buildinfo::buildType().isEmpty());
    QVERIFY(!buildinfo::compiler().trimmed().isEmpty());
}

void TestBuildInfo::versionTextStartsWithProgramAndVersion()
{
    const QStringList lines =
        buildinfo::versionText(QStringLiteral("rolecallctl")).split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), 4); // three lines and the final newline
    QCOMPARE(lines.at(0), QStringLiteral("rolecallctl ") + buildinfo::version());
    QVERIFY(lines.at(1).startsWith(QStringLiteral("commit ") + buildinfo::commit()));
    QVERIFY(lines.at(2).startsWith(QStringLiteral("Qt ") + buildinfo::qtRuntimeVersion()));
    QVERIFY(lines.at(2).contains(buildinfo::openSslVersion()));
    QVERIFY(lines.at(2).contains(QStringLiteral("QtKeychain ") + buildinfo::keychainVersion()));
    QVERIFY(lines.at(3).isEmpty());
}

QTEST_GUILESS_MAIN(TestBuildInfo)
#include "tst_buildinfo.moc"
