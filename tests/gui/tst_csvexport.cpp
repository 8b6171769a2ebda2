// Exporting a table as CSV: the header and the rows a (proxy) model shows,
// formula-guarded, written whole or not at all; the save dialog is opened,
// never exec()'d, and hands the chosen path on.
#include "widgets/csvexport.h"

#include <QFile>
#include <QFileDialog>
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
    void asksForAPathWithoutBlocking();
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
             QStringLiteral("Clerk ID,Name\r\n"
                            "user_a,\"Ada, Countess\"\r\n"
                            "user_b,\"'=HYPERLINK(\"\"x\"\")\"\r\n"));
}

void TestCsvExport::saysWhyAFileCannotBeWritten()
{
    QStandardItemModel model(1, 1);
    QTemporaryDir dir;
    QString error;
    QVERIFY(!writeModelCsv(&model, dir.filePath(QStringLiteral("no/such/dir.csv")), &error));
    QVERIFY2(error.startsWith(QLatin1String("Cannot write ")), qPrintable(error));
}

void TestCsvExport::asksForAPathWithoutBlocking()
{
    QWidget window;
    window.show();
    QStringList chosen;
    QFileDialog *dialog =
        askCsvPath(&window, QStringLiteral("Export"), QStringLiteral("sync-status.csv"),
                   [&chosen](const QString &path) { chosen << path; });
    // Back here at once: the dialog is open, window-modal, not run in a loop of its own.
    QVERIFY(dialog->isVisible());
    QCOMPARE(dialog->acceptMode(), QFileDialog::AcceptSave);
    QCOMPARE(dialog->windowModality(), Qt::WindowModal);
    QVERIFY(chosen.isEmpty());
    Q_EMIT dialog->fileSelected(QStringLiteral("picked.csv"));
    QCOMPARE(chosen, QStringList{QStringLiteral("picked.csv")});
    dialog->reject();
}

QTEST_MAIN(TestCsvExport)
#include "tst_csvexport.moc"
