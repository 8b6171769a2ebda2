#pragma once

#include <QtGlobal>

#include <deque>

namespace rolecall {

// At most `limit` requests in any window of `windowMs` milliseconds: a token
// bucket of `limit` tokens where each token comes back `windowMs` after it was
// spent. Stricter than a bucket refilled at a steady rate (which lets 2x the
// limit through around a window's edge), so it stays under Clerk's limit
// however Clerk draws its windows. Not thread-safe: one per client.
class RateLimiter
{
public:
    RateLimiter(int limit, qint64 windowMs);

    // Milliseconds to wait from `nowMs` before the next request may go (0: now).
    qint64 delayFor(qint64 nowMs) const;
    // Spends a token at `nowMs` (call when the request is sent).
    void spend(qint64 nowMs);
    // Nothing may go before `untilMs` (a 429's Retry-After).
    void blockUntil(qint64 untilMs);

    int limit() const { return m_limit; }
    qint64 windowMs() const { return m_windowMs; }

private:
    int m_limit;
    qint64 m_windowMs;
    qint64 m_blockedUntil = 0;
    std::deque<qint64> m_spent; // send times of the last `limit` requests
};

} // namespace rolecall
