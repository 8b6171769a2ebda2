#pragma once

#include <QString>

class QAbstractItemView;

namespace rolecall {

enum class CopyHeader { Without, With };

// The selected rows of `view` as tab-separated text, one line per row, the
// columns in the order the header shows them (hidden ones left out), after
// a line of column titles With a header. Tabs and line breaks inside a cell
// become spaces so each row stays one line. Empty when nothing is selected.
QString selectedRowsAsTsv(const QAbstractItemView *view, CopyHeader header = CopyHeader::Without);

// Puts selectedRowsAsTsv(view, header) on the clipboard; returns how many rows.
int copySelectedRows(const QAbstractItemView *view, CopyHeader header = CopyHeader::Without);

} // namespace rolecall
