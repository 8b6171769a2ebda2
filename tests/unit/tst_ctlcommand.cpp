// The rolecallctl command each write dialog shows: POSIX shell quoting and
// the options of each verb. That running them makes the same change is
// tests/integration/tst_ctlcommandrun.cpp.
#include "domain/ctlcommand.h"

#include <QTest>
#include <QTimeZone>

using namespace rolecall;

class TestCtlCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void quotesForAPosixShell_data();
    void quotesForAPosixShell();
    void buildsAGrant();
    void buildsAnEnd();
    void buildsABulkGrantByFilterOrByName();
    void buildsASyncApply();
};

void TestCtlCommand::quotesForAPosixShell_data()
{
    QTest::addColumn<QString>("word");
    QTest::addColumn<QString>("quoted");

    QTest::newRow("plain") << QStringLiteral("user_2abc") << QStringLiteral("user_2abc");
    QTest::newRow("email") << QStringLiteral("a.b+c@example.test")
                           << QStringLiteral("a.b+c@example.test");
    QTest::newRow("instant") << QStringLiteral("2025-03-01T12:00:00.000Z")
                             << QStringLiteral("2025-03-01T12:00:00.000Z");
    QTest::newRow("empty") << QString() << QStringLiteral("''");
    QTest::newRow("space") << QStringLiteral("two words") << QStringLiteral("'two words'");
    QTest::newRow("single quote") << QStringLiteral("it's") << QStringLiteral("'it'\\''s'");
    QTest::newRow("dollar and backtick")
        << QStringLiteral("$(rm -rf ~) `id`") << QStringLiteral("'$(rm -rf ~) `id`'");
    QTest::newRow("glob") << QStringLiteral("*") << QStringLiteral("'*'");
    QTest::newRow("newline") << QStringLiteral("a\nb") << QStringLiteral("'a\nb'");
    QTest::newRow("leading tilde") << QStringLiteral("~root") << QStringLiteral("'~root'");
    QTest::newRow("semicolon and pipe") << QStringLiteral("a;b|c") << QStringLiteral("'a;b|c'");
    QTest::newRow("non-ASCII") << QStringLiteral("Zoë") << QStringLiteral("'Zoë'");
    QTest::newRow("backslash") << QStringLiteral("a\\b") << QStringLiteral("'a\\b'");
}

void TestCtlCommand::quotesForAPosixShell()
{
    QFETCH(QString, word);
    QFETCH(QString, quoted);
    QCOMPARE(ctl::shellQuote(word), quoted);
}

void TestCtlCommand::buildsAGrant()
{
    GrantRequest request;
    request.user = QStringLiteral("user10@example.test");
    request.role = QStringLiteral("MENTOR");
    request.reason = QStringLiteral("Runs the spring cohort");
    QCOMPARE(ctl::grantCommand(request),
             QStringLiteral("rolecallctl roles grant user10@example.test MENTOR "
                            "--reason 'Runs the spring cohort'"));
    request.start = QDateTime(QDate(2025, 3, 1), QTime(14, 0), QTimeZone(7200));
    request.end = QDateTime(QDate(2025, 4, 1), QTime(0, 0), Qt::UTC);
    request.notes = QStringLiteral("Ask Ann's team");
    QCOMPARE(ctl::grantCommand(request, QStringLiteral("prod")),
             QStringLiteral("rolecallctl --profile prod roles grant user10@example.test MENTOR "
                            "--reason 'Runs the spring cohort' --start 2025-03-01T12:00:00.000Z "
                            "--end 2025-04-01T00:00:00.000Z --notes 'Ask Ann'\\''s team'"));
}

void TestCtlCommand::buildsAnEnd()
{
    EndRequest request;
    request.grantId = QStringLiteral("cm123");
    request.reason = QStringLiteral("done");
    QCOMPARE(ctl::endCommand(request), QStringLiteral("rolecallctl roles end cm123 --reason done"));
    request.confirmSelfDemotion = true;
    request.at = QDateTime(QDate(2025, 3, 1), QTime(0, 0), Qt::UTC);
    QCOMPARE(ctl::endCommand(request), QStringLiteral("rolecallctl roles end cm123 --reason done "
                                                      "--at 2025-03-01T00:00:00.000Z --force"));
}

void TestCtlCommand::buildsABulkGrantByFilterOrByName()
{
    BulkGrantRequest request;
    request.role = QStringLiteral("MENTOR");
    request.reason = QStringLiteral("cohort");
    request.useFilter = true;
    request.filter.search = QStringLiteral("example test");
    QCOMPARE(ctl::bulkGrantCommand(request, {}),
             QStringLiteral("rolecallctl roles bulk-grant MENTOR --reason cohort "
                            "--search 'example test'"));
    request.filter.search.clear();
    request.filter.role = QStringLiteral("LEARNER");
    QCOMPARE(ctl::bulkGrantCommand(request, {}),
             QStringLiteral("rolecallctl roles bulk-grant MENTOR --reason cohort --role LEARNER"));

    // Search and role together: the CLI has no such filter, so the people planned.
    request.filter.search = QStringLiteral("user1");
    const QStringList planned = {QStringLiteral("user_a"), QStringLiteral("user_b")};
    QCOMPARE(ctl::bulkGrantCommand(request, planned),
             QStringLiteral("printf '%s\\n' user_a user_b | rolecallctl roles bulk-grant MENTOR "
                            "--reason cohort --users-file -"));
    QCOMPARE(ctl::bulkGrantCommand(request, {}), QString());

    request.useFilter = false;
    request.users = {QStringLiteral("user_c")};
    QCOMPARE(ctl::bulkGrantCommand(request, planned),
             QStringLiteral("printf '%s\\n' user_c | rolecallctl roles bulk-grant MENTOR "
                            "--reason cohort --users-file -"));
}

void TestCtlCommand::buildsASyncApply()
{
    QCOMPARE(ctl::syncApplyCommand({QStringLiteral("user_a"), QStringLiteral("user_b")},
                                   QStringLiteral("left the company")),
             QStringLiteral("rolecallctl sync apply user_a user_b --reason 'left the company'"));
    QCOMPARE(ctl::syncApplyCommand({}, {}), QString());
}

QTEST_GUILESS_MAIN(TestCtlCommand)
#include "tst_ctlcommand.moc"
