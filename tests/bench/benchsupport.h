#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QString>

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
        // The stall watchdog's timer guarantees a wake-up at least every 5 ms.
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
    return true;
}
