#include "server/accesslog.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace rolecall::server {

AccessLog::AccessLog(Sink sink)
    : m_sink(std::move(sink))
{
    if (!m_sink)
        m_sink = [](const QByteArray &line) {
            std::fwrite(line.constData(), 1, static_cast<size_t>(line.size()), stderr);
            std::fflush(stderr);
        };
}

QByteArray AccessLog::format(const AccessEntry &entry)
{
    QJsonObject line{
        {QStringLiteral("time"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
        {QStringLiteral("method"), entry.method},
        {QStringLiteral("path"), entry.path},
        {QStringLiteral("status"), entry.status},
        {QStringLiteral("ms"), entry.milliseconds},
    };
    if (!entry.subject.isEmpty())
        line.insert(QStringLiteral("sub"), entry.subject);
    if (!entry.requestId.isEmpty())
        line.insert(QStringLiteral("requestId"), entry.requestId);
    return QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n';
}

void AccessLog::write(const AccessEntry &entry)
{
    const QByteArray line = format(entry);
    QMutexLocker lock(&m_mutex);
    m_sink(line);
}

} // namespace rolecall::server
