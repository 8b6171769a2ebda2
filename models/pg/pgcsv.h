#pragma once

// CSV written by PostgreSQL: the users export's records formatted in SQL, so
// a whole-table export reads one text per row instead of a row of values to
// convert, wrap in a User and quote on the client.
//
//   userListStatement() ─▶ SELECT <record of the layout's columns> FROM (it) s
//                          ORDER BY s."sortKey", s."id" (the list's order kept)
//
// Each record is byte for byte csvRecord(userCsvFields(user, layout)): every
// field quoted with quotes doubled, the formula guard's apostrophe before
// =, +, -, @, tab or CR at the start of the field or after a comma, semicolon,
// tab, CR or LF (a regular expression with a look-behind), names trimmed of
// what QChar::isSpace() calls space, instants as isoUtc() writes them, CRLF.

#include "domain/domain.h"
#include "domain/userscsv.h"
#include "pg/pgstream.h"

class QSqlDatabase;

namespace rolecall {

// The SQL expression of csvField(<textExpression>), NULL as an empty field.
// Uses the placeholders :csvGuard and :csvGuardAs (csvGuardValues()).
QString csvFieldSql(const QString &textExpression);
QVariantMap csvGuardValues();

// The SQL text of isoUtc() of an instant given as epoch milliseconds (a bigint
// expression): empty for NULL and outside the years 1 to 9999, as Qt writes it.
QString isoUtcSql(const QString &epochMillisExpression);

// Every user `query` matches, in the list's order, one column: the UTF-8 text
// of its CSV record in `layout`, CRLF included.
PgStatement userCsvStatement(QSqlDatabase &db, const SchemaInfo &schema, const UserQuery &query,
                             const UserCsvLayout &layout);

} // namespace rolecall
