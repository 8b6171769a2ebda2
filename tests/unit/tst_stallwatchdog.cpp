// The GUI-thread watchdog shared by rolecall-bench and the screen harness:
// a blocked event loop is measured as a gap, with the CPU time the thread
// used in it, only while recording, per span and in total.
#include "support/stallwatchdog.h"

#include <QList>
#include <QTest>
#include <QThread>

using rolecall::testing::StallWatchdog;

namespace {

// Keeps the thread working until it has used `ms` of CPU time (however
// long that takes on a busy machine).
void spin(double ms)
{
    const double start = StallWatchdog::threadCpuMs();
    volatile quint64 sink = 0;
    while (StallWatchdog::threadCpuMs() - start < ms)
        sink = sink + 1;
}

} // namespace

class TestStallWatchdog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void measuresABlockedEventLoop_data();
    void measuresABlockedEventLoop();
    void countsNothingWhileNotRecording();
    void startsANewSpanEachTimeRecordingStarts();
    void reportsEachStallOverTheLimitAtOnce();
};

void TestStallWatchdog::measuresABlockedEventLoop_data()
{
    QTest::addColumn<bool>("working");
    QTest::newRow("working on the CPU") << true;
    QTest::newRow("sleeping") << false;
}

void TestStallWatchdog::measuresABlockedEventLoop()
{
    QFETCH(bool, working);
    StallWatchdog watchdog;
    watchdog.setRecording(true);
    if (working)
        spin(120);
    else
        QThread::msleep(120);
    QTRY_VERIFY(watchdog.span().longestMs >= 120);
    const StallWatchdog::Stalls stalls = watchdog.span();
    QVERIFY(stalls.longestMs < 5000);
    if (working) {
        // The gap was the thread's own work.
        QVERIFY2(stalls.longestCpuMs >= 120, qPrintable(QString::number(stalls.longestCpuMs)));
        QVERIFY(stalls.mostCpuMs >= stalls.longestCpuMs);
    } else {
        QVERIFY2(stalls.longestCpuMs < 60, qPrintable(QString::number(stalls.longestCpuMs)));
    }
    QCOMPARE(watchdog.total().longestMs, stalls.longestMs);
}

void TestStallWatchdog::countsNothingWhileNotRecording()
{
    StallWatchdog watchdog;
    QThread::msleep(80);
    watchdog.check();
    QCOMPARE(watchdog.span().longestMs, 0.0);
    QCOMPARE(watchdog.total().longestMs, 0.0);
    // Switching recording on does not count the time before it.
    QThread::msleep(80);
    watchdog.setRecording(true);
    watchdog.check();
    QVERIFY(watchdog.span().longestMs < 80);
}

void TestStallWatchdog::startsANewSpanEachTimeRecordingStarts()
{
    StallWatchdog watchdog;
    watchdog.setRecording(true);
    QThread::msleep(150);
    watchdog.check();
    watchdog.setRecording(false);
    QVERIFY(watchdog.span().longestMs >= 150);

    watchdog.setRecording(true);
    QThread::msleep(40);
    watchdog.check();
    QVERIFY(watchdog.span().longestMs >= 40);
    QVERIFY(watchdog.span().longestMs < 150);
    QVERIFY(watchdog.total().longestMs >= 150); // the total keeps the longest

    watchdog.reset();
    QCOMPARE(watchdog.total().longestMs, 0.0);
}

void TestStallWatchdog::reportsEachStallOverTheLimitAtOnce()
{
    StallWatchdog watchdog;
    QList<double> reported;
    watchdog.setStallReport(50, [&reported](double gapMs, double) { reported << gapMs; });
    watchdog.setRecording(true);
    QThread::msleep(90);
    QTRY_COMPARE(reported.size(), 1);
    QVERIFY(reported.constFirst() >= 90);
    watchdog.setRecording(false);
    QThread::msleep(90);
    watchdog.check();
    QCOMPARE(reported.size(), 1); // not while not recording
}

QTEST_GUILESS_MAIN(TestStallWatchdog)
#include "tst_stallwatchdog.moc"
