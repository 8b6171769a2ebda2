#include "widgets/rowtable.h"

#include <QHeaderView>
#include <QTableView>

#include <algorithm>

namespace rolecall {

void setUpRowTable(QTableView *view)
{
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // Tab leaves the table (arrows move inside it): a keyboard user is never trapped.
    view->setTabKeyNavigation(false);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->setTextElideMode(Qt::ElideRight);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    view->horizontalHeader()->setHighlightSections(false);
    view->horizontalHeader()->setStretchLastSection(true);
}

void fitColumnsToContents(QTableView *view, int maxWidth, int padding)
{
    if (!view->model())
        return;
    for (int column = 0; column < view->model()->columnCount() - 1; ++column) {
        view->resizeColumnToContents(column);
        view->setColumnWidth(column, std::min(view->columnWidth(column) + padding, maxWidth));
    }
}

} // namespace rolecall
