#pragma once

// The screen harness's phases (rolecall-screen-preview measure): each runs
// the event loop until its work is done while the shared GUI-thread
// watchdog measures how long the loop was blocked.

#include "support/stallwatchdog.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <functional>

namespace rolecall {

inline constexpr double stallLimitMs = 50;
inline constexpr qint64 phaseTimeoutMs = 180000;

inline double msSince(const QElapsedTimer &timer)
{
    return static_cast<double>(timer.nsecsElapsed()) / 1e6;
}

// Runs the event loop until `done()`; false after the phase timeout.
inline bool waitFor(const std::function<bool()> &done)
{
    QElapsedTimer timeout;
    timeout.start();
    while (!done()) {
        if (timeout.elapsed() > phaseTimeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    }
    return true;
}

// A few turns of the event loop (a screen switch has nothing to wait for).
inline void settle(int ms)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < ms)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
}

// The watchdog, one span per phase: a stall over the 50 ms limit is printed
// at once with the phase that was running and the CPU time the GUI thread
// used in it (work, as against waiting for a core).
class PhaseWatch
{
public:
    PhaseWatch()
    {
        m_watchdog.setStallReport(stallLimitMs, [this](double gapMs, double cpuMs) {
            qWarning("  ! GUI thread blocked %.1f ms (%.1f ms on the CPU) during: %s", gapMs, cpuMs,
                     m_phase);
        });
    }

    void begin(const char *phase)
    {
        m_phase = phase;
        m_watchdog.setRecording(true);
    }

    // The phase's longest stall, printed; what runs between phases (the
    // harness's own setup) is not watched.
    double end()
    {
        m_watchdog.check();
        m_watchdog.setRecording(false);
        const testing::StallWatchdog::Stalls stalls = m_watchdog.span();
        qInfo("  %-44s longest stall %6.1f ms (%5.1f ms on the CPU); most CPU in one stall "
              "%5.1f ms%s",
              m_phase, stalls.longestMs, stalls.longestCpuMs, stalls.mostCpuMs,
              stalls.longestMs > stallLimitMs ? "; over 50 ms" : "");
        return stalls.longestMs;
    }

private:
    testing::StallWatchdog m_watchdog;
    const char *m_phase = "start";
};

} // namespace rolecall
