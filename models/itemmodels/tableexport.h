#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace rolecall {

// The formula guard is always on: the enum stays so callers that name it keep
// building, and so a reader sees at the call that the guard applies.
enum class FormulaGuard { On };

// The one CSV writer of every export, GUI and CLI alike (OWASP's CSV
// injection advice): every field is quoted, quotes doubled, and the guard puts
// an apostrophe before anything a spreadsheet would run as a formula: a field
// starting with =, +, -, @, tab or CR, and the same after any character a
// spreadsheet may split cells at (comma, semicolon, tab, CR, LF), since a
// locale that splits at semicolons ignores the quotes' meaning for commas.
QString csvField(const QString &value, FormulaGuard guard = FormulaGuard::On);

// A whole record, fields joined by commas, ending in CRLF.
QString csvRecord(const QStringList &fields, FormulaGuard guard = FormulaGuard::On);

// `text` made harmless for a terminal: escape sequences (CSI, OSC, DCS and
// the rest, 7-bit and 8-bit) removed, every other control character, line
// break and bidirectional override shown as U+FFFD. Text from the database or
// Clerk can then neither move the cursor, retitle the window, forge a line
// nor reorder what follows it.
QString terminalSafe(const QString &text);

// Columns a terminal gives `text`: wide East Asian characters count two,
// combining marks none.
int displayWidth(const QString &text);

// Rows laid out in aligned columns under a header and a rule, for terminals;
// every cell passes through terminalSafe().
QStringList formatTextTable(const QStringList &headers, const QList<QStringList> &rows);

} // namespace rolecall
