#pragma once

#include <QString>

class QAbstractItemView;

namespace rolecall {

// What every screen's Copy (and Ctrl+C in its table) puts on the clipboard:
// the selected rows of `view` as tab-separated text, the header's labels on
// the first line, then one line per row in the model's order. Columns come in
// the order the header shows them, hidden ones left out. Tabs and line breaks
// inside a cell become spaces so each row stays one line. Empty without a
// selection.
QString selectedRowsAsTsv(const QAbstractItemView *view);

struct CopiedRows
{
    QString text; // as selectedRowsAsTsv() gives it
    int rows = 0; // without the header line
};

// Puts selectedRowsAsTsv(view) on the clipboard (leaves the clipboard alone
// without a selection) and says what it put there.
CopiedRows copySelectedRows(const QAbstractItemView *view);

} // namespace rolecall
