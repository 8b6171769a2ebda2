#include "itemmodels/tableexport.h"

#include <QStringView>

#include <algorithm>

namespace rolecall {

namespace {

bool startsFormula(QChar c)
{
    return c == QLatin1Char('=') || c == QLatin1Char('+') || c == QLatin1Char('-') ||
           c == QLatin1Char('@') || c == QLatin1Char('\t') || c == QLatin1Char('\r');
}

bool splitsCells(QChar c)
{
    return c == QLatin1Char(',') || c == QLatin1Char(';') || c == QLatin1Char('\t') ||
           c == QLatin1Char('\r') || c == QLatin1Char('\n');
}

} // namespace

QString csvField(const QString &value, FormulaGuard)
{
    QString field;
    field.reserve(value.size() + 4);
    field += QLatin1Char('"');
    bool cellStart = true;
    for (const QChar c : value) {
        if (cellStart && startsFormula(c))
            field += QLatin1Char('\'');
        if (c == QLatin1Char('"'))
            field += QLatin1Char('"');
        field += c;
        cellStart = splitsCells(c);
    }
    field += QLatin1Char('"');
    return field;
}

QString csvRecord(const QStringList &fields, FormulaGuard guard)
{
    QStringList quoted;
    quoted.reserve(fields.size());
    for (const QString &field : fields)
        quoted << csvField(field, guard);
    return quoted.join(QLatin1Char(',')) + QStringLiteral("\r\n");
}

namespace {

bool isWide(char32_t c)
{
    return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF && c != 0x303F) ||
           (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
           (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1FAFF) ||
           (c >= 0x20000 && c <= 0x3FFFD);
}

QString padded(const QString &text, int width)
{
    return text + QString(std::max(0, width - displayWidth(text)), QLatin1Char(' '));
}

} // namespace

namespace {

constexpr char16_t escape = 0x1b;

bool isBidiControl(char16_t c)
{
    return (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c == 0x200e ||
           c == 0x200f || c == 0x061c;
}

bool isTerminalControl(char16_t c)
{
    return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029 || isBidiControl(c);
}

// Skips one escape sequence starting at text[i] (ESC or an 8-bit C1 opener);
// returns the index after it.
qsizetype skipEscapeSequence(const QString &text, qsizetype i)
{
    const qsizetype n = text.size();
    char16_t introducer = text.at(i).unicode();
    if (introducer == escape) {
        if (i + 1 >= n)
            return n;
        const char16_t next = text.at(i + 1).unicode();
        // ESC followed by a Fe byte is the 7-bit form of a C1 control.
        if (next >= 0x40 && next <= 0x5f) {
            introducer = char16_t(next + 0x40);
            ++i;
        } else {
            // ESC, intermediates (0x20-0x2f), one final byte.
            qsizetype j = i + 1;
            while (j < n && text.at(j).unicode() >= 0x20 && text.at(j).unicode() <= 0x2f)
                ++j;
            return std::min(n, j + 1);
        }
    }
    qsizetype j = i + 1;
    if (introducer == 0x9b) { // CSI: parameters and intermediates, then a final byte
        while (j < n && text.at(j).unicode() >= 0x20 && text.at(j).unicode() <= 0x3f)
            ++j;
        while (j < n && text.at(j).unicode() >= 0x20 && text.at(j).unicode() <= 0x2f)
            ++j;
        return std::min(n, j + 1);
    }
    // OSC, DCS, SOS, PM, APC: a string up to BEL or ST (ESC \ or 0x9c).
    if (introducer == 0x9d || introducer == 0x90 || introducer == 0x98 || introducer == 0x9e ||
        introducer == 0x9f) {
        while (j < n) {
            const char16_t c = text.at(j).unicode();
            if (c == 0x07 || c == 0x9c)
                return j + 1;
            if (c == escape && j + 1 < n && text.at(j + 1) == QLatin1Char('\\'))
                return j + 2;
            ++j;
        }
        return n;
    }
    return j; // any other C1 control: just itself
}

} // namespace

QString terminalSafe(const QString &text)
{
    bool clean = true;
    for (const QChar c : text) {
        if (isTerminalControl(c.unicode())) {
            clean = false;
            break;
        }
    }
    if (clean)
        return text;
    QString safe;
    safe.reserve(text.size());
    for (qsizetype i = 0; i < text.size();) {
        const char16_t c = text.at(i).unicode();
        if (c == escape || c == 0x9b || c == 0x9d || c == 0x90 || c == 0x98 || c == 0x9e ||
            c == 0x9f) {
            i = skipEscapeSequence(text, i);
            continue;
        }
        safe += isTerminalControl(c) ? QChar(QChar::ReplacementCharacter) : QChar(c);
        ++i;
    }
    return safe;
}

int displayWidth(const QString &text)
{
    int width = 0;
    for (const char32_t c : QStringView(text).toUcs4()) {
        const auto category = QChar::category(c);
        if (category == QChar::Mark_NonSpacing || category == QChar::Mark_Enclosing ||
            category == QChar::Other_Format)
            continue;
        width += isWide(c) ? 2 : 1;
    }
    return width;
}

QStringList formatTextTable(const QStringList &headers, const QList<QStringList> &rows)
{
    QList<QStringList> safeRows;
    safeRows.reserve(rows.size());
    for (const QStringList &row : rows) {
        QStringList safe;
        safe.reserve(row.size());
        for (const QString &cell : row)
            safe << terminalSafe(cell);
        safeRows << safe;
    }
    QList<int> widths;
    for (const QString &header : headers)
        widths << displayWidth(header);
    for (const QStringList &row : std::as_const(safeRows)) {
        for (int i = 0; i < row.size() && i < widths.size(); ++i)
            widths[i] = std::max(widths[i], displayWidth(row[i]));
    }
    auto line = [&widths](const QStringList &cells) {
        QStringList parts;
        for (int i = 0; i < widths.size(); ++i)
            parts << padded(i < cells.size() ? cells[i] : QString(), widths[i]);
        QString joined = parts.join(QStringLiteral("  "));
        while (joined.endsWith(QLatin1Char(' ')))
            joined.chop(1);
        return joined;
    };
    QStringList lines;
    lines << line(headers);
    QStringList rules;
    for (int width : widths)
        rules << QString(width, QLatin1Char('-'));
    lines << rules.join(QStringLiteral("  "));
    for (const QStringList &row : std::as_const(safeRows))
        lines << line(row);
    return lines;
}

} // namespace rolecall
