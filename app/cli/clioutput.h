#pragma once

#include "domain/roles.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>

#include <functional>

class QTextStream;

namespace rolecall::cli {

// How the verbs print: aligned tables for people, CSV and JSON for scripts.
// Instants are UTC ISO 8601 in CSV and JSON (domain/utctime.h), local time in
// tables (cliinstant.h).

// Prints `rows` under `headers` as an aligned text table.
void printTable(QTextStream &out, const QStringList &headers, const QList<QStringList> &rows);

// Prints objects as a JSON array, one compact object per line, as they come:
// "[" when made, then each object, then "]" at finish().
class JsonArrayWriter
{
public:
    explicit JsonArrayWriter(QTextStream &out);
    void add(const QJsonObject &object);
    void finish();

private:
    QTextStream &m_out;
    bool m_empty = true;
};

// What readPage() of streamPages() did: how many rows it printed, and whether
// another page may follow (it moved its keyset cursor past the last row).
struct PageRead
{
    qsizetype rows = 0;
    bool more = false;
};

// Prints a keyset-paged list in bounded memory: readPage(wanted) reads and
// prints one page of at most `wanted` rows, pages of `pageSize` until `limit`
// rows (0: no limit) or the end. Each page is flushed before the next is
// read, so a script sees rows as they come. DataSourceErrors pass through.
void streamPages(qint64 limit, int pageSize, QTextStream &out,
                 const std::function<PageRead(int wanted)> &readPage);

// JSON null for an empty text or an invalid instant.
QJsonValue nullable(const QString &text);
QJsonValue nullableInstant(const QDateTime &instant);

// A grant as the verbs show it: JSON, and CSV header and fields.
QJsonObject grantJson(const RoleGrant &grant);
QJsonObject grantViewJson(const GrantView &view);
QStringList grantCsvHeader();
QStringList grantCsvFields(const GrantView &view);
QString assignedByText(const RoleGrant &grant); // email, else Clerk ID

} // namespace rolecall::cli
