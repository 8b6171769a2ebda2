#pragma once

class QTableView;

namespace rolecall {

// How every screen's table of records looks and selects: whole rows, several
// at once, read-only, alternating colours, one line per row (long text
// elided), no row numbers, the last column taking the rest of the width.
void setUpRowTable(QTableView *view);

// Fits every column but the last (which stretches) to its header and the rows
// loaded, plus `padding`, and no wider than `maxWidth`.
void fitColumnsToContents(QTableView *view, int maxWidth, int padding = 0);

} // namespace rolecall
