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

QString cell(const QModelIndex &index)
{
    return oneLine(index.data(Qt::DisplayRole).toString());
}

} // namespace

QString selectedRowsAsTsv(const QAbstractItemView *view, CopyHeader header)
{
    if (!view || !view->model() || !view->selectionModel())
        return {};
    // Sorted and made unique at the end: a select-all of a million rows stays quick.
    QList<int> rows;
    for (const QModelIndex &index : view->selectionModel()->selectedIndexes())
        rows << index.row();
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    const QAbstractItemModel *model = view->model();
    QList<int> columns;
    const auto *table = qobject_cast<const QTableView *>(view);
    const QHeaderView *shown = table ? table->horizontalHeader() : nullptr;
    for (int visual = 0; visual < model->columnCount(); ++visual) {
        const int logical = shown ? shown->logicalIndex(visual) : visual;
        if (!shown || !shown->isSectionHidden(logical))
            columns << logical;
    }
    QStringList lines;
    if (header == CopyHeader::With && !rows.isEmpty()) {
        QStringList titles;
        for (int column : columns)
            titles << oneLine(model->headerData(column, Qt::Horizontal).toString());
        lines << titles.join(QLatin1Char('\t'));
    }
    for (int row : rows) {
        QStringList cells;
        for (int column : columns)
            cells << cell(model->index(row, column));
        lines << cells.join(QLatin1Char('\t'));
    }
    return lines.isEmpty() ? QString() : lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

int copySelectedRows(const QAbstractItemView *view, CopyHeader header)
{
    const QString text = selectedRowsAsTsv(view, header);
    if (text.isEmpty())
        return 0;
    QApplication::clipboard()->setText(text);
    return int(text.count(QLatin1Char('\n'))) - (header == CopyHeader::With ? 1 : 0);
}

} // namespace rolecall
