#include "cli/cliinstant.h"

#include <QRegularExpression>
#include <QTimeZone>

namespace rolecall::cli {

namespace {

QString expectedForms()
{
    return QStringLiteral("use YYYY-MM-DD, YYYY-MM-DDTHH:MM[:SS]Z or YYYY-MM-DDTHH:MM[:SS]+HH:MM");
}

std::optional<QDateTime> fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return std::nullopt;
}

} // namespace

std::optional<QDateTime> parseInstant(const QString &text, QString *error)
{
    // Anchored patterns: QDateTime::fromString(Qt::ISODate) alone would take
    // local times and some non-ISO spellings.
    static const QRegularExpression shape(QStringLiteral(
        R"(^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:\d{2})?)?$)"));
    const QRegularExpressionMatch m = shape.match(text);
    if (!m.hasMatch())
        return fail(error, QStringLiteral("'%1' is not an instant: %2").arg(text, expectedForms()));
    const QDate date(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    if (!date.isValid())
        return fail(error, QStringLiteral("'%1' is not a date: there is no such day").arg(text));
    if (m.captured(4).isEmpty())
        return QDateTime(date, QTime(0, 0), Qt::UTC);
    if (m.captured(8).isEmpty())
        return fail(error, QStringLiteral("'%1' has no time zone: add Z for UTC or an offset "
                                          "such as +02:00")
                               .arg(text));
    QString fraction = m.captured(7);
    while (fraction.size() < 3)
        fraction += QLatin1Char('0'); // ".5" is 500 ms
    const QTime time(m.captured(4).toInt(), m.captured(5).toInt(), m.captured(6).toInt(),
                     fraction.toInt());
    if (!time.isValid())
        return fail(error, QStringLiteral("'%1' is not a time of day: hours go to 23, minutes and "
                                          "seconds to 59")
                               .arg(text));
    const QString zone = m.captured(8);
    if (zone == QLatin1String("Z"))
        return QDateTime(date, time, Qt::UTC);
    const int hours = QStringView(zone).mid(1, 2).toInt();
    const int minutes = QStringView(zone).mid(4, 2).toInt();
    if (hours > 23 || minutes > 59)
        return fail(error, QStringLiteral("'%1' has an offset out of range").arg(text));
    const int sign = zone.startsWith(QLatin1Char('-')) ? -1 : 1;
    return QDateTime(date, time, Qt::OffsetFromUTC, sign * (hours * 3600 + minutes * 60)).toUTC();
}

QString localText(const QDateTime &instant)
{
    return instant.isValid() ? instant.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                             : QString();
}

} // namespace rolecall::cli
