#include "pg/pgstream.h"

#include "domain/datasourceerror.h"
#include "pg/pgschema.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace rolecall {

namespace {

const QString cursorName = QStringLiteral("rolecall_stream");

void execPlain(QSqlDatabase &db, const QString &sql, const QString &what)
{
    QSqlQuery q(db);
    if (q.exec(sql))
        return;
    const QSqlError error = q.lastError();
    const QString detail =
        error.databaseText().trimmed().isEmpty() ? error.text() : error.databaseText().simplified();
    throw DataSourceError(DataSourceError::Kind::Query,
                          QStringLiteral("Could not %1: %2").arg(what, detail));
}

bool isNameStart(QChar c)
{
    return c.isLetter() || c == QLatin1Char('_');
}

bool isNamePart(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_');
}

} // namespace

void execStatement(QSqlQuery &q, const PgStatement &statement, const QString &what)
{
    // The values inlined as literals, as QPSQL's EXECUTE would send them, but
    // in one round trip instead of PREPARE, EXECUTE and DEALLOCATE: on an
    // indexed page of 2 ms the two extra trips were a third of the time.
    q.setForwardOnly(true);
    execSqlOrThrow(q, inlineValues(statement), what);
}

QString sqlLiteral(const QVariant &value)
{
    if (value.isNull())
        return QStringLiteral("NULL");
    switch (value.typeId()) {
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
        return value.toString();
    case QMetaType::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    default:
        break;
    }
    QString text = value.toString();
    text.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    text.replace(QLatin1Char('\''), QStringLiteral("''"));
    return QStringLiteral("E'") + text + QLatin1Char('\'');
}

QString inlineValues(const PgStatement &statement)
{
    const QString &sql = statement.sql;
    QString out;
    out.reserve(sql.size() + 256);
    qsizetype i = 0;
    while (i < sql.size()) {
        const QChar c = sql.at(i);
        if (c == QLatin1Char('\'') || c == QLatin1Char('"')) {
            // Quoted text or identifier, copied as it is ('' and "" stay inside).
            const qsizetype start = i++;
            while (i < sql.size()) {
                if (sql.at(i) == c) {
                    if (i + 1 < sql.size() && sql.at(i + 1) == c) {
                        i += 2;
                        continue;
                    }
                    break;
                }
                ++i;
            }
            out += QStringView(sql).mid(start, i - start + 1);
            ++i;
        } else if (c == QLatin1Char(':') && i + 1 < sql.size() &&
                   sql.at(i + 1) == QLatin1Char(':')) {
            out += QStringLiteral("::");
            i += 2;
        } else if (c == QLatin1Char(':') && i + 1 < sql.size() && isNameStart(sql.at(i + 1))) {
            qsizetype end = i + 1;
            while (end < sql.size() && isNamePart(sql.at(end)))
                ++end;
            const QString name = sql.mid(i + 1, end - i - 1);
            if (!statement.values.contains(name))
                throw DataSourceError(DataSourceError::Kind::Validation,
                                      QStringLiteral("No value for :%1").arg(name));
            out += sqlLiteral(statement.values.value(name));
            i = end;
        } else {
            out += c;
            ++i;
        }
    }
    return out;
}

qint64 streamStatement(QSqlDatabase &db, const PgStatement &statement, const QString &what,
                       const std::function<void(const QSqlQuery &)> &onRow,
                       const std::function<bool()> &onBatch)
{
    const QString declare = QStringLiteral("DECLARE ") + cursorName +
                            QStringLiteral(" NO SCROLL CURSOR FOR ") + inlineValues(statement);
    if (!db.transaction())
        throw DataSourceError(DataSourceError::Kind::Query,
                              QStringLiteral("Could not %1: %2")
                                  .arg(what, db.lastError().databaseText().simplified()));
    qint64 rows = 0;
    try {
        // Plan for every row, not the first tenth (the cursor default): one
        // scan and hash joins rather than an index walk with nested loops.
        execPlain(db, QStringLiteral("SET LOCAL cursor_tuple_fraction = 1"), what);
        execPlain(db, declare, what);
        const QString fetch =
            QStringLiteral("FETCH FORWARD %1 FROM ").arg(streamBatchRows) + cursorName;
        for (;;) {
            QSqlQuery q(db);
            q.setForwardOnly(true);
            if (!q.exec(fetch))
                execOrThrow(q, what); // throws with the server's message
            qint64 batch = 0;
            while (q.next()) {
                onRow(q);
                ++batch;
            }
            rows += batch;
            if (batch == 0 || !onBatch() || batch < streamBatchRows)
                break;
        }
        execPlain(db, QStringLiteral("CLOSE ") + cursorName, what);
        db.commit();
    } catch (...) {
        db.rollback();
        throw;
    }
    return rows;
}

} // namespace rolecall
