// The one set of instant conversions: TIMESTAMP(3) literals and epoch
// milliseconds both ways, and ISO 8601 in UTC, whatever zone came in.
#include "domain/utctime.h"

#include <QTest>
#include <QTimeZone>

using namespace rolecall;

namespace {

QDateTime utc(int year, int month, int day, int h, int m, int s, int ms)
{
    return QDateTime(QDate(year, month, day), QTime(h, m, s, ms), Qt::UTC);
}

} // namespace

class TestUtcTime : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writesTimestampLiteralsInUtc_data();
    void writesTimestampLiteralsInUtc();
    void bindsAnInvalidInstantAsATypedNull();
    void readsEpochMillisecondsAsUtc_data();
    void readsEpochMillisecondsAsUtc();
    void truncatesToTheStoredValue();
    void printsIsoUtcWithMilliseconds_data();
    void printsIsoUtcWithMilliseconds();
    void printsWhatQtsIsoFormatPrints();
};

void TestUtcTime::writesTimestampLiteralsInUtc_data()
{
    QTest::addColumn<QDateTime>("instant");
    QTest::addColumn<QString>("literal");

    QTest::newRow("utc") << utc(2025, 3, 1, 12, 0, 0, 0)
                         << QStringLiteral("2025-03-01 12:00:00.000");
    QTest::newRow("milliseconds") << utc(2025, 3, 1, 12, 0, 0, 7)
                                  << QStringLiteral("2025-03-01 12:00:00.007");
    QTest::newRow("offset east, previous day in UTC")
        << QDateTime(QDate(2025, 3, 1), QTime(1, 30), Qt::OffsetFromUTC, 2 * 3600)
        << QStringLiteral("2025-02-28 23:30:00.000");
    QTest::newRow("named zone in summer")
        << QDateTime(QDate(2025, 7, 1), QTime(14, 0), QTimeZone("Europe/Berlin"))
        << QStringLiteral("2025-07-01 12:00:00.000");
}

void TestUtcTime::writesTimestampLiteralsInUtc()
{
    QFETCH(QDateTime, instant);
    QFETCH(QString, literal);
    QCOMPARE(utcLiteral(instant), literal);
    QCOMPARE(utcLiteralOrNull(instant).toString(), literal);
}

void TestUtcTime::bindsAnInvalidInstantAsATypedNull()
{
    const QVariant value = utcLiteralOrNull(QDateTime());
    QVERIFY(value.isNull());
    QCOMPARE(value.metaType(), QMetaType::fromType<QString>());
}

void TestUtcTime::readsEpochMillisecondsAsUtc_data()
{
    QTest::addColumn<QVariant>("millis");
    QTest::addColumn<QDateTime>("instant");

    QTest::newRow("null") << QVariant() << QDateTime();
    QTest::newRow("epoch") << QVariant(qint64(0)) << utc(1970, 1, 1, 0, 0, 0, 0);
    QTest::newRow("bigint") << QVariant(qint64(1740830400007)) << utc(2025, 3, 1, 12, 0, 0, 7);
    QTest::newRow("as text") << QVariant(QStringLiteral("1740830400007"))
                             << utc(2025, 3, 1, 12, 0, 0, 7);
}

void TestUtcTime::readsEpochMillisecondsAsUtc()
{
    QFETCH(QVariant, millis);
    QFETCH(QDateTime, instant);
    const QDateTime read = utcFromMillis(millis);
    QCOMPARE(read, instant);
    if (read.isValid())
        QCOMPARE(read.timeSpec(), Qt::UTC);
}

void TestUtcTime::truncatesToTheStoredValue()
{
    const QDateTime berlin(QDate(2025, 3, 1), QTime(13, 0, 0, 7), QTimeZone("Europe/Berlin"));
    const QDateTime stored = truncatedUtc(berlin);
    QCOMPARE(stored.timeSpec(), Qt::UTC);
    QCOMPARE(stored, utc(2025, 3, 1, 12, 0, 0, 7));
    // What goes in as a literal comes back as the same instant.
    QCOMPARE(utcFromMillis(stored.toMSecsSinceEpoch()), stored);
}

void TestUtcTime::printsIsoUtcWithMilliseconds_data()
{
    QTest::addColumn<QDateTime>("instant");
    QTest::addColumn<QString>("iso");

    QTest::newRow("utc") << utc(2025, 3, 1, 12, 0, 0, 0)
                         << QStringLiteral("2025-03-01T12:00:00.000Z");
    QTest::newRow("offset") << QDateTime(QDate(2025, 3, 1), QTime(14, 0, 0, 7), Qt::OffsetFromUTC,
                                         2 * 3600)
                            << QStringLiteral("2025-03-01T12:00:00.007Z");
    QTest::newRow("epoch") << utc(1970, 1, 1, 0, 0, 0, 0)
                           << QStringLiteral("1970-01-01T00:00:00.000Z");
    QTest::newRow("the millisecond before the epoch")
        << utc(1969, 12, 31, 23, 59, 59, 999) << QStringLiteral("1969-12-31T23:59:59.999Z");
    QTest::newRow("leap day") << utc(2024, 2, 29, 23, 5, 9, 40)
                              << QStringLiteral("2024-02-29T23:05:09.040Z");
    QTest::newRow("not a leap year (1900)")
        << utc(1900, 3, 1, 0, 0, 0, 1) << QStringLiteral("1900-03-01T00:00:00.001Z");
    QTest::newRow("leap year (2000)")
        << utc(2000, 2, 29, 0, 0, 0, 0) << QStringLiteral("2000-02-29T00:00:00.000Z");
    QTest::newRow("year one") << utc(1, 1, 1, 0, 0, 0, 0)
                              << QStringLiteral("0001-01-01T00:00:00.000Z");
    QTest::newRow("last of 9999") << utc(9999, 12, 31, 23, 59, 59, 999)
                                  << QStringLiteral("9999-12-31T23:59:59.999Z");
}

void TestUtcTime::printsIsoUtcWithMilliseconds()
{
    QFETCH(QDateTime, instant);
    QFETCH(QString, iso);
    QCOMPARE(isoUtc(instant), iso);
    QVERIFY(isoUtc(QDateTime()).isNull());
}

void TestUtcTime::printsWhatQtsIsoFormatPrints()
{
    // isoUtc() formats by hand for speed: it must agree with Qt everywhere,
    // including beyond the years it formats itself.
    for (qint64 ms = -70'000'000'000'000; ms < 260'000'000'000'000; ms += 98'765'432'123) {
        const QDateTime instant = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
        QCOMPARE(isoUtc(instant), instant.toString(Qt::ISODateWithMs));
    }
}

QTEST_GUILESS_MAIN(TestUtcTime)
#include "tst_utctime.moc"
