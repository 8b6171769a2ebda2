#pragma once

#include <QString>

class QAbstractItemView;

namespace rolecall {

// The selected rows of `view` as tab-separated text, one line per row, the
// columns in the order the header shows them (hidden ones left out). Tabs and
// line breaks inside a cell become spaces so each row stays one line.
QString selectedRowsAsTsv(const QAbstractItemView *view);

// Puts selectedRowsAsTsv(view) on the clipboard; returns how many rows.
int copySelectedRows(const QAbstractItemView *view);

} // namespace rolecall
