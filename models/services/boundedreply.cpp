#include "services/boundedreply.h"

#include <QCoreApplication>
#include <QNetworkReply>
#include <QTimer>

#include <algorithm>
#include <limits>

namespace rolecall {

BoundedReply *BoundedReply::watch(QNetworkReply *reply, const ReplyLimits &limits)
{
    return new BoundedReply(reply, limits);
}

const BoundedReply *BoundedReply::of(const QNetworkReply *reply)
{
    return reply ? reply->findChild<const BoundedReply *>(QString(), Qt::FindDirectChildrenOnly)
                 : nullptr;
}

BoundedReply::BoundedReply(QNetworkReply *reply, const ReplyLimits &limits)
    : QObject(reply)
    , m_reply(reply)
    , m_limits(limits)
    , m_deadline(new QTimer(this))
{
    m_deadline->setSingleShot(true);
    connect(m_deadline, &QTimer::timeout, this, [this] { stop(Overrun::Deadline); });
    m_deadline->start(limits.deadlineMs);
    connect(reply, &QNetworkReply::finished, m_deadline, &QTimer::stop);
    // An announced length over the limit is refused before the body comes.
    connect(reply, &QNetworkReply::metaDataChanged, this, [this] {
        const QVariant length = m_reply->header(QNetworkRequest::ContentLengthHeader);
        if (length.isValid() && length.toLongLong() > m_limits.maxBodyBytes)
            stop(Overrun::TooLarge);
    });
    connect(reply, &QNetworkReply::downloadProgress, this,
            [this](qint64 received, qint64) { check(received); });
}

void BoundedReply::check(qint64 received)
{
    if (received > m_limits.maxBodyBytes || m_reply->bytesAvailable() > m_limits.maxBodyBytes)
        stop(Overrun::TooLarge);
}

void BoundedReply::stop(Overrun why)
{
    if (m_overrun != Overrun::None || !m_reply->isRunning())
        return;
    m_overrun = why;
    m_reply->abort();
}

QString BoundedReply::message() const
{
    const QString host = m_reply->url().host();
    switch (m_overrun) {
    case Overrun::None:
        return {};
    case Overrun::TooLarge:
        return QCoreApplication::translate("BoundedReply",
                                           "%1 sent more than %2 KiB; the answer was refused.")
            .arg(host)
            .arg(m_limits.maxBodyBytes / 1024);
    case Overrun::Deadline:
        return QCoreApplication::translate("BoundedReply",
                                           "%1 did not finish answering within %2 s.")
            .arg(host)
            .arg(m_limits.deadlineMs / 1000.0);
    }
    return {};
}

qint64 clampedNumber(const QByteArray &text, qint64 min, qint64 max, qint64 fallback)
{
    const QByteArray digits = text.trimmed();
    if (digits.isEmpty())
        return fallback;
    // Whole, non-negative decimal digits only; a long run of them is simply
    // "a lot", never an overflow.
    qint64 value = 0;
    for (const char c : digits) {
        if (c < '0' || c > '9')
            return fallback;
        if (value > (std::numeric_limits<qint64>::max() - 9) / 10) {
            value = std::numeric_limits<qint64>::max();
            continue;
        }
        value = value * 10 + (c - '0');
    }
    return std::clamp(value, min, max);
}

} // namespace rolecall
