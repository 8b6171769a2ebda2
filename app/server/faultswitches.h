#pragma once

#include <QByteArray>
#include <QList>
#include <QMutex>
#include <QString>

#include <optional>

namespace rolecall::server {

// Faults a test arms on a running server (only when it was started with
// --test-faults or ROLECALL_SERVER_TEST_FAULTS=1; never by default), each for
// the next `count` requests whose path starts with `pathPrefix`:
//   slow          wait `ms` before answering
//   slow-query    the request runs SELECT pg_sleep(ms / 1000) on the database first
//   rate-limited  429 with Retry-After: `retryAfter`
//   server-error  500
//   drop          close the connection in the middle of the answer
//   expire-token  401, as if the access token had just expired
class FaultSwitches
{
public:
    enum class Kind { Slow, SlowQuery, RateLimited, ServerError, Drop, ExpireToken };

    struct Fault
    {
        Kind kind = Kind::Slow;
        int count = 1;
        int ms = 1000;
        int retryAfter = 1;
        QString pathPrefix; // relative to the API base, e.g. "/users"; empty: any
    };

    // Parses the control request's JSON body; nullopt with *error on bad input.
    static std::optional<Fault> parse(const QByteArray &json, QString *error);

    void arm(const Fault &fault);
    void clear();
    // The fault for this request, if one is armed for its path (consumes one).
    std::optional<Fault> take(const QString &apiPath);

private:
    QMutex m_mutex;
    QList<Fault> m_armed;
};

} // namespace rolecall::server
