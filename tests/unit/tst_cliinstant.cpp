// The instants rolecallctl accepts: strict ISO 8601 with a zone, always
// returned in UTC, and a clear refusal for everything else.
#include "cli/cliinstant.h"
#include "domain/utctime.h"

#include <QTest>

using rolecall::isoUtc;
using rolecall::cli::localText;
using rolecall::cli::parseInstant;

class TestCliInstant : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void accepts_data();
    void accepts();
    void rejects_data();
    void rejects();
    void printsUtcWithMilliseconds();
    void printsLocalTime();
};

void TestCliInstant::accepts_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("utc");

    QTest::newRow("date") << QString(QStringLiteral("2025-03-01"))
                          << QString(QStringLiteral("2025-03-01T00:00:00.000Z"));
    QTest::newRow("leap day") << QString(QStringLiteral("2024-02-29"))
                              << QString(QStringLiteral("2024-02-29T00:00:00.000Z"));
    QTest::newRow("minutes Z") << QString(QStringLiteral("2025-03-01T12:00Z"))
                               << QString(QStringLiteral("2025-03-01T12:00:00.000Z"));
    QTest::newRow("seconds Z") << QString(QStringLiteral("2025-03-01T12:00:59Z"))
                               << QString(QStringLiteral("2025-03-01T12:00:59.000Z"));
    QTest::newRow("milliseconds Z") << QString(QStringLiteral("2025-03-01T12:00:00.123Z"))
                                    << QString(QStringLiteral("2025-03-01T12:00:00.123Z"));
    QTest::newRow("tenths") << QString(QStringLiteral("2025-03-01T12:00:00.5Z"))
                            << QString(QStringLiteral("2025-03-01T12:00:00.500Z"));
    QTest::newRow("plus offset") << QString(QStringLiteral("2025-03-01T14:30+02:00"))
                                 << QString(QStringLiteral("2025-03-01T12:30:00.000Z"));
    QTest::newRow("minus offset crosses day")
        << QString(QStringLiteral("2025-02-28T22:00:00-05:30"))
        << QString(QStringLiteral("2025-03-01T03:30:00.000Z"));
    QTest::newRow("zero offset") << QString(QStringLiteral("2025-03-01T00:00:00+00:00"))
                                 << QString(QStringLiteral("2025-03-01T00:00:00.000Z"));
    QTest::newRow("end of day") << QString(QStringLiteral("2025-12-31T23:59:59.999Z"))
                                << QString(QStringLiteral("2025-12-31T23:59:59.999Z"));
}

void TestCliInstant::accepts()
{
    QFETCH(QString, text);
    QFETCH(QString, utc);
    QString error;
    const std::optional<QDateTime> instant = parseInstant(text, &error);
    QVERIFY2(instant, qPrintable(error));
    QCOMPARE(instant->timeSpec(), Qt::UTC);
    QCOMPARE(isoUtc(*instant), utc);
}

void TestCliInstant::rejects_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("mention"); // part of the message

    QTest::newRow("no such day") << QString(QStringLiteral("2025-02-30"))
                                 << QString(QStringLiteral("no such day"));
    QTest::newRow("not a leap year")
        << QString(QStringLiteral("2025-02-29")) << QString(QStringLiteral("no such day"));
    QTest::newRow("month 13") << QString(QStringLiteral("2025-13-01"))
                              << QString(QStringLiteral("no such day"));
    QTest::newRow("single digits")
        << QString(QStringLiteral("2025-3-1")) << QString(QStringLiteral("YYYY-MM-DD"));
    QTest::newRow("local time") << QString(QStringLiteral("2025-03-01T12:00"))
                                << QString(QStringLiteral("no time zone"));
    QTest::newRow("local time with seconds") << QString(QStringLiteral("2025-03-01T12:00:00"))
                                             << QString(QStringLiteral("no time zone"));
    QTest::newRow("space separator")
        << QString(QStringLiteral("2025-03-01 12:00Z")) << QString(QStringLiteral("YYYY-MM-DD"));
    QTest::newRow("hour 24") << QString(QStringLiteral("2025-03-01T24:00Z"))
                             << QString(QStringLiteral("time of day"));
    QTest::newRow("minute 60") << QString(QStringLiteral("2025-03-01T12:60Z"))
                               << QString(QStringLiteral("time of day"));
    QTest::newRow("leap second") << QString(QStringLiteral("2025-03-01T23:59:60Z"))
                                 << QString(QStringLiteral("time of day"));
    QTest::newRow("offset without colon") << QString(QStringLiteral("2025-03-01T12:00+0200"))
                                          << QString(QStringLiteral("YYYY-MM-DD"));
    QTest::newRow("offset out of range")
        << QString(QStringLiteral("2025-03-01T12:00+24:00")) << QString(QStringLiteral("offset"));
    QTest::newRow("four fraction digits") << QString(QStringLiteral("2025-03-01T12:00:00.1234Z"))
                                          << QString(QStringLiteral("YYYY-MM-DD"));
    QTest::newRow("zone name") << QString(QStringLiteral("2025-03-01T12:00 UTC"))
                               << QString(QStringLiteral("YYYY-MM-DD"));
    QTest::newRow("words") << QString(QStringLiteral("tomorrow"))
                           << QString(QStringLiteral("YYYY-MM-DD"));
    QTest::newRow("empty") << QString() << QString(QStringLiteral("YYYY-MM-DD"));
    QTest::newRow("surrounding space")
        << QString(QStringLiteral(" 2025-03-01")) << QString(QStringLiteral("YYYY-MM-DD"));
}

void TestCliInstant::rejects()
{
    QFETCH(QString, text);
    QFETCH(QString, mention);
    QString error;
    QVERIFY(!parseInstant(text, &error));
    QVERIFY2(error.contains(mention), qPrintable(error));
    QVERIFY2(!error.contains(QLatin1Char('\n')), "one line");
}

void TestCliInstant::printsUtcWithMilliseconds()
{
    const QDateTime offset(QDate(2025, 3, 1), QTime(14, 0, 0, 7), Qt::OffsetFromUTC, 7200);
    QCOMPARE(isoUtc(offset), QStringLiteral("2025-03-01T12:00:00.007Z"));
    QVERIFY(isoUtc(QDateTime()).isNull());
}

void TestCliInstant::printsLocalTime()
{
    const QDateTime utc(QDate(2025, 3, 1), QTime(12, 0), Qt::UTC);
    QCOMPARE(localText(utc), utc.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")));
    QVERIFY(localText(QDateTime()).isEmpty());
}

QTEST_GUILESS_MAIN(TestCliInstant)
#include "tst_cliinstant.moc"
