#pragma once

#include "pg/pgsession.h"

#include <QByteArray>
#include <QString>

namespace rolecall::server {

// The answer a write gave, kept so that a retry with the same key gets it again.
struct StoredAnswer
{
    int status = 0;
    QByteArray contentType;
    QByteArray etag;
    QByteArray body;
    int retryAfter = 0; // seconds; not stored (only 429/503 carry it, and those are not kept)
};

// Idempotency-Key bookkeeping in PostgreSQL (table "RolecallIdempotency",
// created by ensureTable(), rows kept 24 h), so the server stays stateless:
// any instance behind a load balancer sees what any other wrote.
//
//   claim(subject, key, hash) ─ no row ─▶ Fresh (a row is reserved: do the write,
//                              │            then complete() or release())
//                              ├ same hash, answered ─▶ Replay (the stored answer)
//                              ├ same hash, unanswered ─▶ InProgress (409, retry)
//                              └ other hash ─▶ Mismatch (422)
// Keys are per subject: one person cannot replay another's answer.
class IdempotencyStore
{
public:
    enum class Claim { Fresh, Replay, InProgress, Mismatch };
    struct ClaimResult
    {
        Claim claim = Claim::Fresh;
        StoredAnswer answer; // Replay only
    };

    // Shares the server's pool: its sessions, its statement timeout.
    explicit IdempotencyStore(PgSessionPool &pool);

    // Creates the table when it is missing. Throws DataSourceError.
    void ensureTable();
    // All throw DataSourceError when the database fails.
    ClaimResult claim(const QString &subject, const QString &key, const QByteArray &requestHash);
    void complete(const QString &subject, const QString &key, const StoredAnswer &answer);
    // Forgets a reservation whose write failed in a way worth retrying (5xx).
    void release(const QString &subject, const QString &key);

    static constexpr qsizetype maxKeyLength = 255;

private:
    PgSessionPool &m_pool;
};

} // namespace rolecall::server
