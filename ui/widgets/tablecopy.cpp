#include "widgets/tablecopy.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QTableView>

#include <algorithm>

namespace rolecall {

namespace {

QString oneLine(QString text)
{
    for (QChar &c : text) {
        if (c == QLatin1Char('\t') || c == QLatin1Char('\n') || c == QLatin1Char('\r'))
            c = QLatin1Char(' ');
    }
    return text;
}

// The model's columns in the order the header shows them, hidden ones left out.
QList<int> shownColumns(const QAbstractItemView *view)
{
    const auto *table = qobject_cast<const QTableView *>(view);
    const QHeaderView *header = table ? table->horizontalHeader() : nullptr;
    QList<int> columns;
    for (int visual = 0; visual < view->model()->columnCount(); ++visual) {
        const int logical = header ? header->logicalIndex(visual) : visual;
        if (!header || !header->isSectionHidden(logical))
            columns << logical;
    }
    return columns;
}

} // namespace

QString selectedRowsAsTsv(const QAbstractItemView *view)
{
    if (!view || !view->model() || !view->selectionModel())
        return {};
    QList<int> rows;
    for (const QModelIndex &index : view->selectionModel()->selectedIndexes())
        rows << index.row();
    if (rows.isEmpty())
        return {};
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    const QAbstractItemModel *model = view->model();
    const QList<int> columns = shownColumns(view);
    QStringList cells;
    for (int column : columns)
        cells << oneLine(model->headerData(column, Qt::Horizontal).toString());
    QStringList lines{cells.join(QLatin1Char('\t'))};
    for (int row : std::as_const(rows)) {
        cells.clear();
        for (int column : columns)
            cells << oneLine(model->index(row, column).data(Qt::DisplayRole).toString());
        lines << cells.join(QLatin1Char('\t'));
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

CopiedRows copySelectedRows(const QAbstractItemView *view)
{
    CopiedRows copied;
    copied.text = selectedRowsAsTsv(view);
    if (copied.text.isEmpty())
        return copied;
    QApplication::clipboard()->setText(copied.text);
    copied.rows = int(copied.text.count(QLatin1Char('\n'))) - 1;
    return copied;
}

} // namespace rolecall
