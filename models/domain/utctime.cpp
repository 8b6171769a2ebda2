#include "domain/utctime.h"

namespace rolecall {

namespace {

struct CivilDate
{
    qint64 year;
    int month, day;
};

// Days since 1970-01-01 as a proleptic Gregorian date (Howard Hinnant's
// civil_from_days).
CivilDate civilFromDays(qint64 days)
{
    days += 719468;
    const qint64 era = (days >= 0 ? days : days - 146096) / 146097;
    const auto dayOfEra = static_cast<int>(days - era * 146097);
    const int yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    const int dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const int shiftedMonth = (5 * dayOfYear + 2) / 153; // 0 = March
    const int month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
    return {yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month,
            dayOfYear - (153 * shiftedMonth + 2) / 5 + 1};
}

} // namespace

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
    if (!instant.isValid())
        return {};
    // By hand rather than with QDateTime::toString(): the API writes two
    // instants per row of a page, and Qt's formatter (an asprintf per field)
    // was a seventh of rolecall-server's time serving pages.
    constexpr qint64 msPerDay = 86'400'000;
    const qint64 ms = instant.toMSecsSinceEpoch();
    qint64 days = ms / msPerDay;
    qint64 ofDay = ms % msPerDay;
    if (ofDay < 0) {
        ofDay += msPerDay;
        --days;
    }
    const CivilDate date = civilFromDays(days);
    if (date.year < 1 || date.year > 9999) // Qt's own words for the far past and future
        return instant.toUTC().toString(Qt::ISODateWithMs);
    char text[] = "0000-00-00T00:00:00.000Z";
    const auto put = [&text](int at, int width, qint64 value) {
        for (int i = at + width - 1; i >= at; --i, value /= 10)
            text[i] = static_cast<char>('0' + value % 10);
    };
    put(0, 4, date.year);
    put(5, 2, date.month);
    put(8, 2, date.day);
    put(11, 2, ofDay / 3'600'000);
    put(14, 2, ofDay / 60'000 % 60);
    put(17, 2, ofDay / 1000 % 60);
    put(20, 3, ofDay % 1000);
    return QString::fromLatin1(text, sizeof text - 1);
}

} // namespace rolecall
