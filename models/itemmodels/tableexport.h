#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace rolecall {

enum class FormulaGuard { Off, On };

// One RFC 4180 field: quoted when it holds a comma, quote, CR or LF, quotes
// doubled. With FormulaGuard::On a field a spreadsheet would run as a formula
// (starting with =, +, -, @, tab or CR) gets a leading apostrophe (OWASP).
QString csvField(const QString &value, FormulaGuard guard = FormulaGuard::Off);

// A whole record, fields joined by commas, ending in CRLF.
QString csvRecord(const QStringList &fields, FormulaGuard guard = FormulaGuard::Off);

// Columns a terminal gives `text`: wide East Asian characters count two,
// combining marks none.
int displayWidth(const QString &text);

// Rows laid out in aligned columns under a header and a rule, for terminals.
QStringList formatTextTable(const QStringList &headers, const QList<QStringList> &rows);

} // namespace rolecall
