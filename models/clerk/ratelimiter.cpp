#include "clerk/ratelimiter.h"

#include <algorithm>

namespace rolecall {

RateLimiter::RateLimiter(int limit, qint64 windowMs)
    : m_limit(std::max(1, limit))
    , m_windowMs(std::max<qint64>(1, windowMs))
{}

qint64 RateLimiter::delayFor(qint64 nowMs) const
{
    qint64 ready = m_blockedUntil;
    if (qsizetype(m_spent.size()) >= m_limit)
        ready = std::max(ready, m_spent.front() + m_windowMs);
    return std::max<qint64>(0, ready - nowMs);
}

void RateLimiter::spend(qint64 nowMs)
{
    m_spent.push_back(nowMs);
    while (qsizetype(m_spent.size()) > m_limit)
        m_spent.pop_front();
}

void RateLimiter::blockUntil(qint64 untilMs)
{
    m_blockedUntil = std::max(m_blockedUntil, untilMs);
}

} // namespace rolecall
