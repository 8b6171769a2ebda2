// Copying selected rows as tab-separated text, as every screen does: the
// header's labels first, rows in order, columns as the header shows them,
// hidden columns left out, one line per row.
#include "widgets/tablecopy.h"

#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QStandardItemModel>
#include <QTableView>
#include <QTest>

using namespace rolecall;

class TestTableCopy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void copiesSelectedRowsAsTsv();
    void copiesNothingWithoutASelection();
};

void TestTableCopy::copiesSelectedRowsAsTsv()
{
    QStandardItemModel model(4, 3);
    for (int row = 0; row < 4; ++row)
        for (int column = 0; column < 3; ++column)
            model.setItem(row, column,
                          new QStandardItem(QStringLiteral("r%1c%2").arg(row).arg(column)));
    model.item(2, 0)->setText(QStringLiteral("two\tlines\nhere"));
    model.setHorizontalHeaderLabels(
        {QStringLiteral("First"), QStringLiteral("Second"), QStringLiteral("Third\tone")});
    QTableView view;
    view.setModel(&model);
    view.setSelectionBehavior(QAbstractItemView::SelectRows);
    view.setSelectionMode(QAbstractItemView::ExtendedSelection);
    view.horizontalHeader()->moveSection(2, 0); // shown as c2, c0, c1
    view.setColumnHidden(1, true);
    view.selectionModel()->select(model.index(2, 0),
                                  QItemSelectionModel::Select | QItemSelectionModel::Rows);
    view.selectionModel()->select(model.index(0, 0),
                                  QItemSelectionModel::Select | QItemSelectionModel::Rows);
    QCOMPARE(selectedRowsAsTsv(&view),
             QStringLiteral("Third one\tFirst\nr0c2\tr0c0\nr2c2\ttwo lines here\n"));
    const CopiedRows copied = copySelectedRows(&view);
    QCOMPARE(copied.rows, 2);
    QCOMPARE(copied.text, selectedRowsAsTsv(&view));
    QCOMPARE(QApplication::clipboard()->text(), copied.text);
}

void TestTableCopy::copiesNothingWithoutASelection()
{
    QStandardItemModel model(2, 2);
    QTableView view;
    view.setModel(&model);
    QCOMPARE(selectedRowsAsTsv(&view), QString());
    QApplication::clipboard()->setText(QStringLiteral("kept"));
    QCOMPARE(copySelectedRows(&view).rows, 0);
    QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("kept"));
}

QTEST_MAIN(TestTableCopy)
#include "tst_tablecopy.moc"
