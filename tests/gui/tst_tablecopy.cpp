// Copying selected rows as tab-separated text: rows in order, columns as the
// header shows them, hidden columns left out, one line per row, a line of
// column titles first when asked.
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
    void copiesAHeaderLineWhenAsked();
};

void TestTableCopy::copiesSelectedRowsAsTsv()
{
    QStandardItemModel model(4, 3);
    for (int row = 0; row < 4; ++row)
        for (int column = 0; column < 3; ++column)
            model.setItem(row, column,
                          new QStandardItem(QStringLiteral("r%1c%2").arg(row).arg(column)));
    model.item(2, 0)->setText(QStringLiteral("two\tlines\nhere"));
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
    QCOMPARE(selectedRowsAsTsv(&view), QStringLiteral("r0c2\tr0c0\nr2c2\ttwo lines here\n"));
    QCOMPARE(copySelectedRows(&view), 2);
    QCOMPARE(QApplication::clipboard()->text(), selectedRowsAsTsv(&view));
}

void TestTableCopy::copiesNothingWithoutASelection()
{
    QStandardItemModel model(2, 2);
    QTableView view;
    view.setModel(&model);
    QCOMPARE(selectedRowsAsTsv(&view), QString());
    QCOMPARE(copySelectedRows(&view), 0);
}

void TestTableCopy::copiesAHeaderLineWhenAsked()
{
    QStandardItemModel model(3, 3);
    model.setHorizontalHeaderLabels(
        {QStringLiteral("Clerk ID"), QStringLiteral("Status"), QStringLiteral("Two\nlines")});
    for (int column = 0; column < 3; ++column)
        model.setItem(1, column, new QStandardItem(QStringLiteral("r1c%1").arg(column)));
    QTableView view;
    view.setModel(&model);
    view.setSelectionBehavior(QAbstractItemView::SelectRows);
    view.setColumnHidden(1, true);
    QCOMPARE(selectedRowsAsTsv(&view, CopyHeader::With), QString()); // nothing selected
    view.selectRow(1);
    QCOMPARE(selectedRowsAsTsv(&view, CopyHeader::With),
             QStringLiteral("Clerk ID\tTwo lines\nr1c0\tr1c2\n"));
    QCOMPARE(copySelectedRows(&view, CopyHeader::With), 1);
    QCOMPARE(QApplication::clipboard()->text(), selectedRowsAsTsv(&view, CopyHeader::With));
}

QTEST_MAIN(TestTableCopy)
#include "tst_tablecopy.moc"
