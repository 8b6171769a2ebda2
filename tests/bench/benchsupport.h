#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>

#include <functional>
#include <optional>
#include <vector>

struct pg_conn;

namespace rolecall::bench {

// A plain libpq connection: the raw baseline every model figure is compared to.
class RawPg
{
public:
    explicit RawPg(const QString &url);
    ~RawPg();
    RawPg(const RawPg &) = delete;
    RawPg &operator=(const RawPg &) = delete;

    bool ok() const;
    QString error() const { return m_error; }

    // PQexecParams with text parameters (nullopt: SQL NULL). Returns the number
    // of rows returned (or affected, for a command), -1 on error (see error()).
    qint64 exec(const QString &sql, const QList<std::optional<QString>> &params = {});
    // The first column of the first row, as text (empty on error or no row).
    QString scalar(const QString &sql, const QList<std::optional<QString>> &params = {});
    // Runs a COPY ... TO STDOUT and reads its data as psql's \copy does;
    // the bytes read, -1 on error.
    qint64 copyOut(const QString &sql);
    // Every value of the first column.
    QStringList column(const QString &sql, const QList<std::optional<QString>> &params = {});

private:
    pg_conn *m_conn = nullptr;
    QString m_error;
};

// A progress line on stderr (stdout is kept for the JSON).
void progress(const QString &message);
// Says why on stderr and exits with status 1.
[[noreturn]] void fatal(const QString &message);

// Milliseconds since `timer` started, with sub-millisecond precision.
double elapsedMs(const QElapsedTimer &timer);
double median(std::vector<double> values);
// Runs `op` once to warm up, then `runs` times; the median in ms.
double timedMedian(int runs, const std::function<void()> &op);

// VmRSS of this process in kB, after giving freed heap back to the system
// (malloc_trim) so that what is measured is what is still in use.
qint64 residentKb();

// The longest gap between ticks of a 5 ms timer on the GUI thread, counted
// only while recording: how long the event loop was blocked.
class StallWatchdog : public QObject
{
public:
    explicit StallWatchdog(QObject *parent = nullptr);
    void setRecording(bool on);
    double maxGapMs() const { return m_maxGapMs; }
    // The longest gap since recording was last switched on.
    double lastRecordingMaxMs() const { return m_opMaxGapMs; }
    void reset() { m_maxGapMs = 0; }
    static constexpr int intervalMs = 5;

private:
    void tick();

    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_lastNs = 0;
    double m_maxGapMs = 0;
    double m_opMaxGapMs = 0;
    bool m_recording = false;
};

// Runs the event loop until `done()` or `timeoutMs`; false on timeout.
template <typename Done>
bool spinUntil(Done done, qint64 timeoutMs);

} // namespace rolecall::bench

#include <QCoreApplication>

template <typename Done>
bool rolecall::bench::spinUntil(Done done, qint64 timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        // The watchdog's timer guarantees a wake-up at least every 5 ms.
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
    return true;
}
