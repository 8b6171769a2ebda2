// Exporting a table as CSV: the header and the rows a (proxy) model shows,
// formula-guarded, written whole or not at all. (The save dialog is
// csvsaveflow's, tested in tst_csvsaveflow.)
#include "widgets/csvexport.h"

#include <QFile>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QTest>

using namespace rolecall;

class TestCsvExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writesTheRowsTheModelShows();
    void saysWhyAFileCannotBeWritten();
};

void TestCsvExport::writesTheRowsTheModelShows()
{
    QStandardItemModel model;
    model.setHorizontalHeaderLabels({QStringLiteral("Clerk ID"), QStringLiteral("Name")});
    model.appendRow({new QStandardItem(QStringLiteral("user_b")),
                     new QStandardItem(QStringLiteral("=HYPERLINK(\"x\")"))});
    model.appendRow({new QStandardItem(QStringLiteral("user_a")),
                     new QStandardItem(QStringLiteral("Ada, Countess"))});
    model.appendRow({new QStandardItem(QStringLiteral("other")), new QStandardItem});
    QSortFilterProxyModel shown;
    shown.setSourceModel(&model);
    shown.setFilterFixedString(QStringLiteral("user_"));
    shown.setFilterKeyColumn(0);
    shown.sort(0);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("out.csv"));
    QString error;
    QVERIFY2(writeModelCsv(&shown, path, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(file.readAll()),
             QStringLiteral("\"Clerk ID\",\"Name\"\r\n"
                            "\"user_a\",\"Ada, Countess\"\r\n"
                            "\"user_b\",\"'=HYPERLINK(\"\"x\"\")\"\r\n"));
}

void TestCsvExport::saysWhyAFileCannotBeWritten()
{
    QStandardItemModel model(1, 1);
    QTemporaryDir dir;
    QString error;
    QVERIFY(!writeModelCsv(&model, dir.filePath(QStringLiteral("no/such/dir.csv")), &error));
    QVERIFY2(error.startsWith(QLatin1String("Cannot write ")), qPrintable(error));
}

QTEST_MAIN(TestCsvExport)
#include "tst_csvexport.moc"
