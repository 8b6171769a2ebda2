#include "support/stallwatchdog.h"

#include <algorithm>
#include <ctime>

namespace rolecall::testing {

namespace {

void note(StallWatchdog::Stalls &stalls, double gapMs, double cpuMs)
{
    if (gapMs > stalls.longestMs) {
        stalls.longestMs = gapMs;
        stalls.longestCpuMs = cpuMs;
    }
    stalls.mostCpuMs = std::max(stalls.mostCpuMs, cpuMs);
}

} // namespace

StallWatchdog::StallWatchdog(QObject *parent)
    : QObject(parent)
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(intervalMs);
    connect(&m_timer, &QTimer::timeout, this, &StallWatchdog::check);
    m_clock.start();
    m_lastNs = m_clock.nsecsElapsed();
    m_lastCpuMs = threadCpuMs();
    m_timer.start();
}

void StallWatchdog::setRecording(bool on)
{
    m_recording = on;
    if (on)
        m_span = {};
    m_lastNs = m_clock.nsecsElapsed();
    m_lastCpuMs = threadCpuMs();
}

void StallWatchdog::setStallReport(double limitMs,
                                   std::function<void(double gapMs, double cpuMs)> report)
{
    m_reportOverMs = limitMs;
    m_report = std::move(report);
}

void StallWatchdog::check()
{
    const qint64 now = m_clock.nsecsElapsed();
    const double cpu = threadCpuMs();
    const double gapMs = static_cast<double>(now - m_lastNs) / 1e6;
    const double usedMs = cpu - m_lastCpuMs;
    m_lastNs = now;
    m_lastCpuMs = cpu;
    if (!m_recording)
        return;
    note(m_span, gapMs, usedMs);
    note(m_total, gapMs, usedMs);
    if (m_report && gapMs > m_reportOverMs)
        m_report(gapMs, usedMs);
}

double StallWatchdog::threadCpuMs()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
}

} // namespace rolecall::testing
