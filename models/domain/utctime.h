#pragma once

#include <QDateTime>
#include <QString>
#include <QVariant>

namespace rolecall {

// Instants as the seed schemas keep them and as Rolecall shows them. Prisma
// stores UTC in TIMESTAMP(3) WITHOUT TIME ZONE: milliseconds, no zone, so
// every conversion goes through UTC and drops what is finer than a millisecond.

// "2025-03-01 12:00:00.000" in UTC: the literal bound as CAST(:x AS
// timestamp(3)). Binding text rather than a QDateTime keeps the driver from
// converting it to the client's zone.
QString utcLiteral(const QDateTime &instant);

// utcLiteral(), or a typed NULL for an invalid instant (an open end).
QVariant utcLiteralOrNull(const QDateTime &instant);

// A TIMESTAMP(3) read as epoch milliseconds (round(extract(epoch FROM x) *
// 1000)::bigint), as a UTC QDateTime; invalid for NULL.
QDateTime utcFromMillis(const QVariant &epochMillis);

// `instant` in UTC, exactly as TIMESTAMP(3) keeps it (QDateTime holds
// milliseconds too), so what is compared is what is stored.
QDateTime truncatedUtc(const QDateTime &instant);

// ISO 8601 in UTC with milliseconds, 2025-03-01T12:00:00.000Z: what the CLI,
// exports and the "Ended <instant> by" note carry. A null string for an
// invalid instant.
QString isoUtc(const QDateTime &instant);

} // namespace rolecall
