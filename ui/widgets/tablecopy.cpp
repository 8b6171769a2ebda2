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

QString cell(const QModelIndex &index)
{
    QString text = index.data(Qt::DisplayRole).toString();
    for (QChar &c : text) {
        if (c == QLatin1Char('\t') || c == QLatin1Char('\n') || c == QLatin1Char('\r'))
            c = QLatin1Char(' ');
    }
    return text;
}

} // namespace

QString selectedRowsAsTsv(const QAbstractItemView *view)
{
    if (!view || !view->model() || !view->selectionModel())
        return {};
    QList<int> rows;
    for (const QModelIndex &index : view->selectionModel()->selectedIndexes()) {
        if (!rows.contains(index.row()))
            rows << index.row();
    }
    std::sort(rows.begin(), rows.end());
    const QAbstractItemModel *model = view->model();
    QList<int> columns;
    const auto *table = qobject_cast<const QTableView *>(view);
    const QHeaderView *header = table ? table->horizontalHeader() : nullptr;
    for (int visual = 0; visual < model->columnCount(); ++visual) {
        const int logical = header ? header->logicalIndex(visual) : visual;
        if (!header || !header->isSectionHidden(logical))
            columns << logical;
    }
    QStringList lines;
    for (int row : rows) {
        QStringList cells;
        for (int column : columns)
            cells << cell(model->index(row, column));
        lines << cells.join(QLatin1Char('\t'));
    }
    return lines.isEmpty() ? QString() : lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

int copySelectedRows(const QAbstractItemView *view)
{
    const QString text = selectedRowsAsTsv(view);
    if (text.isEmpty())
        return 0;
    QApplication::clipboard()->setText(text);
    return int(text.count(QLatin1Char('\n')));
}

} // namespace rolecall
