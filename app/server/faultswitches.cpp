#include "server/faultswitches.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace rolecall::server {

std::optional<FaultSwitches::Fault> FaultSwitches::parse(const QByteArray &json, QString *error)
{
    const QJsonObject body = QJsonDocument::fromJson(json).object();
    static const QList<QPair<QString, Kind>> kinds{
        {QStringLiteral("slow"), Kind::Slow},
        {QStringLiteral("slow-query"), Kind::SlowQuery},
        {QStringLiteral("rate-limited"), Kind::RateLimited},
        {QStringLiteral("server-error"), Kind::ServerError},
        {QStringLiteral("drop"), Kind::Drop},
        {QStringLiteral("expire-token"), Kind::ExpireToken},
    };
    const QString name = body.value(QLatin1String("fault")).toString();
    Fault fault;
    bool known = false;
    for (const auto &[kindName, kind] : kinds) {
        if (kindName == name) {
            fault.kind = kind;
            known = true;
        }
    }
    if (!known) {
        *error = QStringLiteral("Unknown fault \"%1\".").arg(name);
        return std::nullopt;
    }
    fault.count = body.value(QLatin1String("count")).toInt(1);
    fault.ms = body.value(QLatin1String("ms")).toInt(1000);
    fault.retryAfter = body.value(QLatin1String("retryAfter")).toInt(1);
    fault.pathPrefix = body.value(QLatin1String("path")).toString();
    if (fault.count < 1 || fault.ms < 0 || fault.ms > 600000 || fault.retryAfter < 0) {
        *error = QStringLiteral("count must be positive, ms 0 to 600000, retryAfter not "
                                "negative.");
        return std::nullopt;
    }
    return fault;
}

void FaultSwitches::arm(const Fault &fault)
{
    QMutexLocker lock(&m_mutex);
    m_armed.append(fault);
}

void FaultSwitches::clear()
{
    QMutexLocker lock(&m_mutex);
    m_armed.clear();
}

std::optional<FaultSwitches::Fault> FaultSwitches::take(const QString &apiPath)
{
    QMutexLocker lock(&m_mutex);
    for (qsizetype i = 0; i < m_armed.size(); ++i) {
        Fault &fault = m_armed[i];
        if (!apiPath.startsWith(fault.pathPrefix))
            continue;
        const Fault taken = fault;
        if (--fault.count <= 0)
            m_armed.removeAt(i);
        return taken;
    }
    return std::nullopt;
}

} // namespace rolecall::server
