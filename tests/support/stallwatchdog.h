#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <functional>

namespace rolecall::testing {

// A 5 ms timer on the thread it lives in (the GUI thread) that measures how
// late it fires: the longest gap between two ticks is the longest the event
// loop was blocked. With each gap it notes the CPU time the thread used in
// it, so a stall that used little was the thread waiting for a core, not
// working. Gaps count only while recording; switching recording on starts a
// new span. Shared by rolecall-bench and rolecall-screen-preview measure.
class StallWatchdog final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StallWatchdog)

public:
    static constexpr int intervalMs = 5;

    struct Stalls
    {
        double longestMs = 0;    // the longest gap
        double longestCpuMs = 0; // CPU time the thread used in that gap
        double mostCpuMs = 0;    // the most CPU time it used in any one gap
    };

    explicit StallWatchdog(QObject *parent = nullptr);

    void setRecording(bool on);
    bool isRecording() const { return m_recording; }
    // Since recording was last switched on, and since reset() (or the start).
    Stalls span() const { return m_span; }
    Stalls total() const { return m_total; }
    void reset() { m_total = {}; }

    // Called at once, while recording, for each gap longer than `limitMs`.
    void setStallReport(double limitMs, std::function<void(double gapMs, double cpuMs)> report);

    // Counts the gap up to now as if the timer had fired (the end of a span).
    void check();

    // CPU time the calling thread has used, in ms.
    static double threadCpuMs();

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_lastNs = 0;
    double m_lastCpuMs = 0;
    bool m_recording = false;
    Stalls m_span;
    Stalls m_total;
    double m_reportOverMs = 0;
    std::function<void(double, double)> m_report;
};

} // namespace rolecall::testing
