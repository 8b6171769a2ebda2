#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

class QNetworkReply;
class QTimer;

namespace rolecall {

// Bounds on what one network reply may cost, whoever sent it: a body larger
// than `maxBodyBytes` (announced by Content-Length or counted while it
// arrives) aborts the reply before more is buffered, and `deadlineMs` bounds
// the whole request, send to last byte, beside the inactivity timeout
// (QNetworkRequest::setTransferTimeout), which a slow trickle never trips.
struct ReplyLimits
{
    qint64 maxBodyBytes = 1024 * 1024;
    int deadlineMs = 60'000;
};

// Watches one reply; a child of it, so it goes with it. When it aborts the
// reply, overrun() says why and message() says it for people, and the reply
// finishes with OperationCanceledError as after any abort.
class BoundedReply final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BoundedReply)

public:
    enum class Overrun { None, TooLarge, Deadline };

    static BoundedReply *watch(QNetworkReply *reply, const ReplyLimits &limits);
    // The watcher of `reply`, if watch() was called on it.
    static const BoundedReply *of(const QNetworkReply *reply);

    Overrun overrun() const { return m_overrun; }
    // Empty when nothing was exceeded.
    QString message() const;

private:
    BoundedReply(QNetworkReply *reply, const ReplyLimits &limits);
    void check(qint64 received);
    void stop(Overrun why);

    QNetworkReply *m_reply;
    ReplyLimits m_limits;
    QTimer *m_deadline;
    Overrun m_overrun = Overrun::None;
};

// A numeric header value (Retry-After, Content-Length, expires_in, ...)
// read as a whole number and clamped to [min, max] before any conversion can
// overflow; `fallback` when it is not a number at all.
qint64 clampedNumber(const QByteArray &text, qint64 min, qint64 max, qint64 fallback);

} // namespace rolecall
