#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace rolecall {

// The records of a CSV text (RFC 4180: quoted fields, doubled quotes, CRLF or
// LF), as written by csvRecord(). Pure, bounded by its input, safe on any
// bytes (fuzzed: tests/fuzz/fuzz_userlist.cpp); a quote left open runs to the
// end of the text.
QList<QStringList> parseCsvRecords(const QString &text);

// Undoes the CSV formula guard: an apostrophe that csvField() put before
// =, +, -, @, tab or CR.
QString unguardCsvField(const QString &field);

// The people a bulk grant names, from a users file (rolecallctl roles
// bulk-grant --users-file): one Clerk ID, email or User id per line, blank
// lines and # comments skipped; or a CSV export of Rolecall's users or
// grants list, whose clerkId column (else userClerkId, else email, else
// userEmail) is taken. Names are trimmed, kept in order, each once.
// *error (and an empty list) when a CSV names none of those columns.
QStringList parseUserList(const QByteArray &content, QString *error);

} // namespace rolecall
