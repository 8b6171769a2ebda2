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
    void measuresDisplayWidth_data();
    void measuresDisplayWidth();
    void alignsTextTables();
};

void TestTableExport::quotesCsvFields_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("guard");
    QTest::addColumn<QString>("expected");

    QTest::newRow("plain") << "Zoë" << false << "Zoë";
    QTest::newRow("comma") << "a,b" << false << "\"a,b\"";
    QTest::newRow("quote") << "say \"hi\"" << false << "\"say \"\"hi\"\"\"";
    QTest::newRow("newline") << "a\nb" << false << "\"a\nb\"";
    QTest::newRow("apostrophe") << "O'Brien" << false << "O'Brien";
    QTest::newRow("formula unguarded") << "=1+1" << false << "=1+1";
    QTest::newRow("formula guarded") << "=1+1" << true << "'=1+1";
    QTest::newRow("plus guarded") << "+49" << true << "'+49";
    QTest::newRow("minus guarded") << "-2" << true << "'-2";
    QTest::newRow("at guarded") << "@SUM(A1)" << true << "'@SUM(A1)";
    QTest::newRow("tab guarded") << "\tx" << true << "'\tx";
    QTest::newRow("guarded and quoted")
        << "=HYPERLINK(\"x\",\"y\")" << true << "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"";
    QTest::newRow("empty") << "" << true << "";
}

void TestTableExport::quotesCsvFields()
{
    QFETCH(QString, value);
    QFETCH(bool, guard);
    QTEST(csvField(value, guard ? FormulaGuard::On : FormulaGuard::Off), "expected");
}

void TestTableExport::recordsEndInCrLf()
{
    QCOMPARE(csvRecord({QStringLiteral("a"), QStringLiteral("b,c"), QString()}),
             QStringLiteral("a,\"b,c\",\r\n"));
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
