// The CSV save flow every exporting screen goes through: the save dialog is
// opened, not exec()'d (the caller returns at once), the chosen path comes
// back through a callback, and the file is written whole or not at all.
#include "widgets/csvsaveflow.h"

#include <QDate>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QPointer>
#include <QTemporaryDir>
#include <QTest>

using namespace rolecall;

class TestCsvSaveFlow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void asksWithoutANestedEventLoop();
    void cancellingChoosesNothing();
    void writesTheWholeFile();
    void saysWhyItCannotWrite();
    void suggestsTodaysName();
};

void TestCsvSaveFlow::asksWithoutANestedEventLoop()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QWidget window;
    window.show();
    QStringList chosen;
    QFileDialog *dialog = chooseCsvFile(&window, QStringLiteral("Export to CSV"),
                                        dir.filePath(QStringLiteral("grants.csv")),
                                        [&chosen](const QString &path) { chosen << path; });
    // Back here with the dialog still up: nothing chosen yet.
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QCOMPARE(dialog->windowModality(), Qt::WindowModal);
    QCOMPARE(dialog->acceptMode(), QFileDialog::AcceptSave);
    QVERIFY(chosen.isEmpty());
    QPointer<QFileDialog> watched(dialog);
    static_cast<QDialog *>(dialog)->accept(); // as the Save button does
    QCOMPARE(chosen, QStringList{dir.filePath(QStringLiteral("grants.csv"))});
    QTRY_VERIFY(!watched); // it deletes itself
}

void TestCsvSaveFlow::cancellingChoosesNothing()
{
    QWidget window;
    window.show();
    bool called = false;
    QFileDialog *dialog =
        chooseCsvFile(&window, QStringLiteral("Export to CSV"), QStringLiteral("audit.csv"),
                      [&called](const QString &) { called = true; });
    dialog->reject();
    QVERIFY(!called);
}

void TestCsvSaveFlow::writesTheWholeFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("out.csv"));
    QString error;
    QVERIFY2(writeCsvFile(path, QStringLiteral("Role,Users\r\nMENTOR,2\r\nÉlève,1\r\n"), &error),
             qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(file.readAll()),
             QStringLiteral("Role,Users\r\nMENTOR,2\r\nÉlève,1\r\n"));
}

void TestCsvSaveFlow::saysWhyItCannotWrite()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("no/such/dir/out.csv"));
    QString error;
    QVERIFY(!writeCsvFile(path, QStringLiteral("x\r\n"), &error));
    QVERIFY2(error.startsWith(QLatin1String("Cannot write ")), qPrintable(error));
    QVERIFY2(error.contains(QDir::toNativeSeparators(path)), qPrintable(error));
    QVERIFY(!QFile::exists(path));
}

void TestCsvSaveFlow::suggestsTodaysName()
{
    QCOMPARE(
        datedCsvName(QStringLiteral("expiring-grants")),
        QStringLiteral("expiring-grants-%1.csv").arg(QDate::currentDate().toString(Qt::ISODate)));
}

QTEST_MAIN(TestCsvSaveFlow)
#include "tst_csvsaveflow.moc"
