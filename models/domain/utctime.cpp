#include "domain/utctime.h"

namespace rolecall {

QString utcLiteral(const QDateTime &instant)
{
    return instant.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
}

QVariant utcLiteralOrNull(const QDateTime &instant)
{
    return instant.isValid() ? QVariant(utcLiteral(instant))
                             : QVariant(QMetaType::fromType<QString>());
}

QDateTime utcFromMillis(const QVariant &epochMillis)
{
    return epochMillis.isNull() ? QDateTime()
                                : QDateTime::fromMSecsSinceEpoch(epochMillis.toLongLong(), Qt::UTC);
}

QDateTime truncatedUtc(const QDateTime &instant)
{
    return QDateTime::fromMSecsSinceEpoch(instant.toMSecsSinceEpoch(), Qt::UTC);
}

QString isoUtc(const QDateTime &instant)
{
    return instant.isValid() ? instant.toUTC().toString(Qt::ISODateWithMs) : QString();
}

} // namespace rolecall
