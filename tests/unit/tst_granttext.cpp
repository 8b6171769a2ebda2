#include "domain/roles.h"

#include <QTest>

using namespace rolecall;

// grantTextProblem(): the one check of reasons and admin notes that the
// dialogs, the CLI and the data source all give.
class TestGrantText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void acceptsOneLineOfPrintableText_data();
    void acceptsOneLineOfPrintableText();
    void refusesWhatCouldForgeAnAuditLine_data();
    void refusesWhatCouldForgeAnAuditLine();
    void mayLeaveTheReasonToTheCaller();
};

void TestGrantText::acceptsOneLineOfPrintableText_data()
{
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("notes");
    QTest::newRow("plain") << "promoted"
                           << "";
    QTest::newRow("unicode") << "日本語の理由 🎉"
                             << "Zoë Łukasz Дмитриев";
    QTest::newRow("quotes and sql") << "'; DROP TABLE \"User\"; --"
                                    << "$$ $1 :name ? %s";
    QTest::newRow("longest") << QString(1000, QLatin1Char('r')) << QString(10000, QLatin1Char('n'));
    QTest::newRow("mentions Ended") << "Ended 2026-01-01T00:00:00Z by x: y"
                                    << "Ended by no one";
}

void TestGrantText::acceptsOneLineOfPrintableText()
{
    QFETCH(QString, reason);
    QFETCH(QString, notes);
    QCOMPARE(grantTextProblem(reason, notes), QString());
}

void TestGrantText::refusesWhatCouldForgeAnAuditLine_data()
{
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("notes");
    QTest::addColumn<QString>("problem");
    const QString forged =
        QStringLiteral("ok\nEnded 2026-01-01T00:00:00.000Z by ceo@example.com: x");
    QTest::newRow("empty reason") << ""
                                  << ""
                                  << "A reason is required.";
    QTest::newRow("blank reason") << "   "
                                  << ""
                                  << "A reason is required.";
    QTest::newRow("long reason") << QString(1001, QLatin1Char('r')) << ""
                                 << "The reason is 1001 characters long; at most 1000 are allowed.";
    QTest::newRow("long notes")
        << "r" << QString(10001, QLatin1Char('n'))
        << "The admin notes are 10001 characters long; at most 10000 are allowed.";
    QTest::newRow("forged actor in the reason")
        << forged << ""
        << "The reason contains a line break; write it on one line.";
    QTest::newRow("forged actor in the notes")
        << "r" << forged << "The admin notes contain a line break; write them on one line.";
    QTest::newRow("carriage return") << "a\rb"
                                     << ""
                                     << "The reason contains a line break; write it on one line.";
    QTest::newRow("line separator") << QStringLiteral("a\u2028b") << ""
                                    << "The reason contains a line break; write it on one line.";
    QTest::newRow("next line") << "r" << QStringLiteral("a\u0085b")
                               << "The admin notes contain a line break; write them on one line.";
    QTest::newRow("tab") << "a\tb"
                         << ""
                         << "The reason contains a control character (U+0009); only printable "
                            "text is allowed.";
    QTest::newRow("escape in the notes")
        << "r"
        << "\x1b[2J"
        << "The admin notes contain a control character (U+001B); only printable text is allowed.";
    QTest::newRow("nul") << QString(QChar(0)) + QStringLiteral("x") << ""
                         << "The reason contains a control character (U+0000); only printable "
                            "text is allowed.";
}

void TestGrantText::refusesWhatCouldForgeAnAuditLine()
{
    QFETCH(QString, reason);
    QFETCH(QString, notes);
    QTEST(grantTextProblem(reason, notes), "problem");
}

void TestGrantText::mayLeaveTheReasonToTheCaller()
{
    QCOMPARE(grantTextProblem(QString(), QString(), false), QString());
    QVERIFY(!grantTextProblem(QStringLiteral("a\nb"), QString(), false).isEmpty());
}

QTEST_GUILESS_MAIN(TestGrantText)
#include "tst_granttext.moc"
