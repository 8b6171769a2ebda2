#include "itemmodels/tableexport.h"

#include <QTest>

using namespace rolecall;

class TestTableExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void quotesCsvFields_data();
    void quotesCsvFields();
    void recordsEndInCrLf();
    void makesTextSafeForATerminal_data();
    void makesTextSafeForATerminal();
    void stripsControlsFromTextTables();
    void measuresDisplayWidth_data();
    void measuresDisplayWidth();
    void alignsTextTables();
};

void TestTableExport::quotesCsvFields_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("expected");

    // Every field quoted, whatever it holds.
    QTest::newRow("plain") << "Zoë"
                           << "\"Zoë\"";
    QTest::newRow("comma") << "a,b"
                           << "\"a,b\"";
    QTest::newRow("quote") << "say \"hi\""
                           << "\"say \"\"hi\"\"\"";
    QTest::newRow("newline") << "a\nb"
                             << "\"a\nb\"";
    QTest::newRow("apostrophe") << "O'Brien"
                                << "\"O'Brien\"";
    QTest::newRow("hyphen inside") << "Anne-Marie"
                                   << "\"Anne-Marie\"";
    QTest::newRow("email") << "zoe@example.com"
                           << "\"zoe@example.com\"";
    QTest::newRow("empty") << ""
                           << "\"\"";
    // The formula guard, at the start of the field.
    QTest::newRow("equals") << "=1+1"
                            << "\"'=1+1\"";
    QTest::newRow("plus") << "+49"
                          << "\"'+49\"";
    QTest::newRow("minus") << "-2"
                           << "\"'-2\"";
    QTest::newRow("at") << "@SUM(A1)"
                        << "\"'@SUM(A1)\"";
    QTest::newRow("tab") << "\tx"
                         << "\"'\tx\"";
    QTest::newRow("carriage return") << "\r=x"
                                     << "\"'\r'=x\"";
    QTest::newRow("quotes inside a formula") << "=HYPERLINK(\"x\",\"y\")"
                                             << "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"";
    // ... and after anything a spreadsheet may split cells at.
    QTest::newRow("after a comma") << "Doe,=cmd|' /C calc'!A0"
                                   << "\"Doe,'=cmd|' /C calc'!A0\"";
    QTest::newRow("after a semicolon") << "a;@SUM(A1)"
                                       << "\"a;'@SUM(A1)\"";
    QTest::newRow("after a tab") << "a\t+1"
                                 << "\"a\t'+1\"";
    QTest::newRow("after a line break") << "a\n-1"
                                        << "\"a\n'-1\"";
    QTest::newRow("separator then space") << "a, -1"
                                          << "\"a, -1\"";
}

void TestTableExport::quotesCsvFields()
{
    QFETCH(QString, value);
    QTEST(csvField(value), "expected");
    QTEST(csvField(value, FormulaGuard::On), "expected");
}

void TestTableExport::recordsEndInCrLf()
{
    QCOMPARE(csvRecord({QStringLiteral("a"), QStringLiteral("b,c"), QString()}),
             QStringLiteral("\"a\",\"b,c\",\"\"\r\n"));
}

void TestTableExport::makesTextSafeForATerminal_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    const QString bad(QChar::ReplacementCharacter);
    QTest::newRow("plain") << "Zoë 田中"
                           << "Zoë 田中";
    QTest::newRow("colour") << "\x1b[31mred\x1b[0m"
                            << "red";
    QTest::newRow("clear screen") << "a\x1b[2J\x1b[Hb"
                                  << "ab";
    QTest::newRow("window title (OSC, BEL)") << "a\x1b]0;pwned\x07"
                                                "b"
                                             << "ab";
    QTest::newRow("hyperlink (OSC, ST)") << "\x1b]8;;http://evil\x1b\\x\x1b]8;;\x1b\\"
                                         << "x";
    QTest::newRow("8-bit CSI") << QStringLiteral("a\u009b31mb") << "ab";
    QTest::newRow("two-byte escape") << "a\x1b"
                                        "cb"
                                     << "ab";
    QTest::newRow("lone escape at the end") << "a\x1b"
                                            << "a";
    QTest::newRow("newline") << "a\nb" << QStringLiteral("a") + bad + QStringLiteral("b");
    QTest::newRow("carriage return")
        << "ok\rforged" << QStringLiteral("ok") + bad + QStringLiteral("forged");
    QTest::newRow("backspace") << "a\bb" << QStringLiteral("a") + bad + QStringLiteral("b");
    QTest::newRow("bidi override")
        << QStringLiteral("a\u202eb") << QStringLiteral("a") + bad + QStringLiteral("b");
}

void TestTableExport::makesTextSafeForATerminal()
{
    QFETCH(QString, text);
    QTEST(terminalSafe(text), "expected");
}

void TestTableExport::stripsControlsFromTextTables()
{
    const QStringList lines =
        formatTextTable({QStringLiteral("Name")}, {{QStringLiteral("\x1b[2Jx\ny")}});
    QCOMPARE(lines.size(), 3);
    QCOMPARE(lines.at(2),
             QStringLiteral("x") + QChar(QChar::ReplacementCharacter) + QStringLiteral("y"));
    QCOMPARE(lines.at(1), QStringLiteral("----"));
}

void TestTableExport::measuresDisplayWidth_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("width");
    QTest::newRow("ascii") << "abc" << 3;
    QTest::newRow("latin accents") << "Zoë Müller" << 10;
    QTest::newRow("combining") << QStringLiteral("e\u0301") << 1;
    QTest::newRow("cjk") << "田中" << 4;
    QTest::newRow("vietnamese") << "Nguyễn" << 6;
}

void TestTableExport::measuresDisplayWidth()
{
    QFETCH(QString, text);
    QTEST(displayWidth(text), "width");
}

void TestTableExport::alignsTextTables()
{
    const QStringList lines =
        formatTextTable({QStringLiteral("Name"), QStringLiteral("Email")},
                        {{QStringLiteral("田中"), QStringLiteral("t@x")},
                         {QStringLiteral("Zoë O'Brien"), QStringLiteral("z@x")}});
    QCOMPARE(lines.size(), 4);
    QCOMPARE(lines.at(0), QStringLiteral("Name         Email"));
    QCOMPARE(lines.at(1), QStringLiteral("-----------  -----"));
    QCOMPARE(lines.at(2), QStringLiteral("田中         t@x"));
    QCOMPARE(lines.at(3), QStringLiteral("Zoë O'Brien  z@x"));
}

QTEST_GUILESS_MAIN(TestTableExport)
#include "tst_tableexport.moc"
