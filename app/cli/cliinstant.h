#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

namespace rolecall::cli {

// An instant given on the command line, strictly ISO 8601 with a zone:
// YYYY-MM-DD (midnight UTC), YYYY-MM-DDTHH:MM[:SS[.sss]]Z, or the same with a
// +HH:MM / -HH:MM offset. A time without a zone is refused rather than guessed,
// so a script means the same instant on every machine. Returns UTC; nullopt
// with *error set (one clear sentence) otherwise. Instants are printed back
// for scripts with isoUtc() (domain/utctime.h).
std::optional<QDateTime> parseInstant(const QString &text, QString *error);

// 2025-03-01 13:00 in the machine's time zone, for tables; empty when invalid.
QString localText(const QDateTime &instant);

} // namespace rolecall::cli
