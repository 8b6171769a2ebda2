#pragma once

#include <QByteArray>
#include <QMutex>
#include <QString>

#include <functional>

namespace rolecall::server {

// One entry of the access log: never a token, a query string or a body.
struct AccessEntry
{
    QString method;
    QString path; // without the query string (a query may carry a search term)
    int status = 0;
    qint64 milliseconds = 0;
    QString subject; // the token's sub; empty when not signed in
    QString requestId;
};

// The structured access log: one JSON object per line per request, written to
// `sink` (standard error by default) under a lock, so lines never interleave.
class AccessLog
{
public:
    using Sink = std::function<void(const QByteArray &line)>;

    explicit AccessLog(Sink sink = {});
    Q_DISABLE_COPY_MOVE(AccessLog)

    void write(const AccessEntry &entry);
    static QByteArray format(const AccessEntry &entry);

private:
    QMutex m_mutex;
    Sink m_sink;
};

} // namespace rolecall::server
