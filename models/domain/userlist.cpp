#include "domain/userlist.h"

#include <QSet>

namespace rolecall {

QList<QStringList> parseCsvRecords(const QString &text)
{
    QList<QStringList> records;
    QStringList record;
    QString field;
    bool quoted = false;   // inside a quoted field
    bool anything = false; // the line has a character (an empty line is no record)
    const auto endField = [&] {
        record << field;
        field.clear();
    };
    const auto endRecord = [&] {
        if (anything) {
            endField();
            records << record;
        }
        record.clear();
        field.clear();
        anything = false;
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (!quoted && (c == QLatin1Char('\n') || c == QLatin1Char('\r'))) {
            if (c == QLatin1Char('\r') && i + 1 < text.size() &&
                text.at(i + 1) == QLatin1Char('\n'))
                ++i;
            endRecord();
            continue;
        }
        anything = true;
        if (quoted) {
            if (c != QLatin1Char('"')) {
                field += c;
            } else if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                field += c;
                ++i;
            } else {
                quoted = false;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            endField();
        } else {
            field += c;
        }
    }
    endRecord();
    return records;
}

QString unguardCsvField(const QString &field)
{
    if (field.size() >= 2 && field.front() == QLatin1Char('\'')) {
        const QChar next = field.at(1);
        if (next == QLatin1Char('=') || next == QLatin1Char('+') || next == QLatin1Char('-') ||
            next == QLatin1Char('@') || next == QLatin1Char('\t') || next == QLatin1Char('\r'))
            return field.mid(1);
    }
    return field;
}

namespace {

// The header's column that names people, in order of preference; -1: none.
qsizetype nameColumn(const QStringList &header)
{
    for (const char *name : {"clerkId", "userClerkId", "email", "userEmail"}) {
        const qsizetype at = header.indexOf(QLatin1String(name));
        if (at >= 0)
            return at;
    }
    return -1;
}

bool looksLikeCsv(const QString &firstLine)
{
    if (firstLine.startsWith(QLatin1Char('#')))
        return false;
    return firstLine.startsWith(QLatin1Char('"')) || firstLine.contains(QLatin1Char(','));
}

} // namespace

QStringList parseUserList(const QByteArray &content, QString *error)
{
    const QString text = QString::fromUtf8(content);
    const QString firstLine = text.section(QLatin1Char('\n'), 0, 0).trimmed();
    QStringList names;
    QSet<QString> seen;
    const auto add = [&](const QString &raw) {
        const QString name = raw.trimmed();
        if (name.isEmpty() || seen.contains(name))
            return;
        seen.insert(name);
        names << name;
    };
    if (!looksLikeCsv(firstLine)) {
        const QStringList lines = text.split(QLatin1Char('\n'));
        for (const QString &line : lines) {
            const QString name = line.trimmed();
            if (!name.startsWith(QLatin1Char('#')))
                add(name);
        }
        return names;
    }
    const QList<QStringList> records = parseCsvRecords(text);
    const qsizetype column = records.isEmpty() ? -1 : nameColumn(records.first());
    if (column < 0) {
        if (error)
            *error = QStringLiteral("The CSV file has no clerkId, userClerkId, email or userEmail "
                                    "column in its first line.");
        return {};
    }
    for (qsizetype r = 1; r < records.size(); ++r) {
        if (column < records.at(r).size())
            add(unguardCsvField(records.at(r).at(column)));
    }
    return names;
}

} // namespace rolecall
