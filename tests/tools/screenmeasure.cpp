#include "screenmeasure.h"

#include "itemmodels/audittablemodel.h"
#include "itemmodels/grantstablemodel.h"
#include "itemmodels/userstablemodel.h"
#include "pg/pgdatasource.h"
#include "screens/auditscreen.h"
#include "screens/grantsscreen.h"
#include "screens/overviewscreen.h"
#include "screens/usersscreen.h"

#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QStackedWidget>
#include <QTableView>
#include <QTimer>

#include <algorithm>
#include <ctime>
#include <functional>

namespace rolecall {

namespace {

constexpr double stallLimitMs = 50;
constexpr qint64 phaseTimeoutMs = 180000;

double msSince(const QElapsedTimer &timer)
{
    return static_cast<double>(timer.nsecsElapsed()) / 1e6;
}

// Median wall time of `runs` calls of `call` (each waits for its future).
double medianMs(const std::function<void()> &call, int runs = 3)
{
    QList<double> times;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        call();
        times << msSince(timer);
    }
    std::sort(times.begin(), times.end());
    return times[runs / 2];
}

// CPU time this thread has used, in ms: a stall that used little of it was
// the thread waiting for a core, not working.
double threadCpuMs()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
}

// A 5 ms timer on the GUI thread that measures how late it fires: the
// longest gap in a phase is the longest the event loop was blocked. A gap
// over the 50 ms limit is printed at once with the phase that was running
// and the CPU time the GUI thread used in it (work, as against waiting).
class StallWatch final : public QObject
{
public:
    StallWatch()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        QObject::connect(&m_timer, &QTimer::timeout, this, [this] { tick(); });
        m_clock.start();
        m_last = m_clock.nsecsElapsed();
        m_lastCpu = threadCpuMs();
        m_timer.start(5);
    }

    void begin(const char *phase)
    {
        m_phase = phase;
        m_longest = 0;
        m_longestCpu = 0;
        m_mostCpu = 0;
        m_last = m_clock.nsecsElapsed();
        m_lastCpu = threadCpuMs();
    }

    // The phase's longest stall, printed.
    double end()
    {
        tick();
        qInfo("  %-44s longest stall %6.1f ms (%5.1f ms on the CPU); most CPU in one stall "
              "%5.1f ms%s",
              m_phase, m_longest, m_longestCpu, m_mostCpu,
              m_longest > stallLimitMs ? "; over 50 ms" : "");
        return m_longest;
    }

private:
    void tick()
    {
        const qint64 now = m_clock.nsecsElapsed();
        const double cpu = threadCpuMs();
        const double gap = static_cast<double>(now - m_last) / 1e6;
        const double used = cpu - m_lastCpu;
        m_last = now;
        m_lastCpu = cpu;
        if (gap > m_longest) {
            m_longest = gap;
            m_longestCpu = used;
        }
        m_mostCpu = std::max(m_mostCpu, used);
        if (gap > stallLimitMs)
            qWarning("  ! GUI thread blocked %.1f ms (%.1f ms on the CPU) during: %s", gap, used,
                     m_phase);
    }

    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    double m_lastCpu = 0;
    double m_longest = 0;
    double m_longestCpu = 0;
    double m_mostCpu = 0; // the GUI thread's own work: the most CPU time between two ticks
    const char *m_phase = "start";
};

// Runs the event loop until `done()`; false after the phase timeout.
bool waitFor(const std::function<bool()> &done)
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
void settle(int ms)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < ms)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
}

void timeQueries(PgDataSource &source)
{
    GrantListQuery first;
    const auto report = [](const char *what, double ms) { qInfo("%-40s %9.1f ms", what, ms); };
    report("grants: first page of 200", medianMs([&] { source.fetchGrantPage(first).result(); }));
    GrantListQuery deep = first;
    deep.beforeCreatedAt = QDateTime::currentDateTimeUtc().addYears(-3);
    deep.beforeId = QStringLiteral("z");
    report("grants: a page 3 years back", medianMs([&] { source.fetchGrantPage(deep).result(); }));
    GrantListQuery active = first;
    active.state = GrantFilterState::Active;
    active.role = QStringLiteral("MENTOR");
    report("grants: active MENTOR", medianMs([&] { source.fetchGrantPage(active).result(); }));
    GrantListQuery expiring = first;
    expiring.state = GrantFilterState::Expiring;
    expiring.expiringDays = 30;
    report("grants: expiring within 30 days",
           medianMs([&] { source.fetchGrantPage(expiring).result(); }));
    report("expiring soon view (fetchExpiring)",
           medianMs([&] { source.fetchExpiring(30).result(); }));
    report("overview: part users",
           medianMs([&] { source.fetchOverviewPart(OverviewPart::Users).result(); }));
    report("overview: part grants per role",
           medianMs([&] { source.fetchOverviewPart(OverviewPart::Grants).result(); }));
    report("overview: part series",
           medianMs([&] { source.fetchOverviewPart(OverviewPart::Series).result(); }));
    report("overview: part role holders",
           medianMs([&] { source.fetchOverviewPart(OverviewPart::RoleHolders).result(); }));
    report("overview: all figures + 12 months", medianMs([&] { source.fetchOverview().result(); }));
    report("audit: first page of 200", medianMs([&] {
               AuditQuery q;
               q.limit = 200;
               source.fetchAudit(q).result();
           }));
}

} // namespace

int measureScreens(PgDataSource &source)
{
    const SchemaInfo schema = source.detectSchema().result();
    timeQueries(source);

    StallWatch watch;
    QStackedWidget window;
    auto *users = new UsersScreen;
    auto *grants = new GrantsScreen;
    auto *audit = new AuditScreen;
    auto *overview = new OverviewScreen;
    for (QWidget *screen : {static_cast<QWidget *>(users), static_cast<QWidget *>(grants),
                            static_cast<QWidget *>(audit), static_cast<QWidget *>(overview)})
        window.addWidget(screen);
    window.resize(1200, 760);
    window.show();
    settle(200);
    bool ok = true;
    const auto check = [&ok](bool done, const char *what) {
        if (!done)
            qCritical("%s: not done within %lld s", what, phaseTimeoutMs / 1000);
        ok = ok && done;
    };
    const auto usersSettled = [users] {
        return users->model() && users->model()->isComplete() && !users->model()->isLoading();
    };

    // The overview on its own first: when its first figure and the last show.
    {
        watch.begin("overview: first show until every figure");
        window.setCurrentWidget(overview);
        QElapsedTimer timer;
        timer.start();
        overview->setDataSource(&source);
        double firstMs = -1;
        check(waitFor([&] {
                  if (firstMs < 0 &&
                      overview->figureText(QStringLiteral("usersFigure")) != QStringLiteral("–"))
                      firstMs = msSince(timer);
                  return !overview->isBusy();
              }),
              "overview");
        qInfo("%-40s %9.1f ms (first figure after %.1f ms)", "overview: every figure shown",
              msSince(timer), firstMs);
        watch.end();
    }

    watch.begin("first show: users, grants, audit");
    window.setCurrentWidget(users);
    users->setDataSource(&source);
    users->start(schema);
    grants->setDataSource(&source);
    audit->setDataSource(&source);
    check(waitFor([&] { return usersSettled() && !grants->isBusy() && !audit->isBusy(); }),
          "first show");
    watch.end();

    watch.begin("users: scroll 20 pages");
    for (int page = 1; page <= 20; ++page) {
        const int row = std::min(page * 200, users->model()->rowCount() - 1);
        users->view()->scrollTo(users->model()->index(row, 0), QAbstractItemView::PositionAtTop);
        check(waitFor([&] { return users->model()->isRowLoaded(row); }), "users scroll");
    }
    watch.end();

    watch.begin("users: jump to the last page");
    const int lastRow = users->model()->rowCount() - 1;
    users->view()->scrollToBottom();
    check(waitFor([&] { return users->model()->isRowLoaded(lastRow); }), "users jump");
    watch.end();

    watch.begin("users: search \"o'brien\" typed");
    users->searchField()->setText(QStringLiteral("o'brien"));
    settle(600); // the search field's pause before it asks
    check(waitFor(usersSettled), "users search");
    watch.end();

    watch.begin("users: search cleared");
    users->searchField()->clear();
    settle(600);
    check(waitFor(usersSettled), "users search cleared");
    watch.end();

    watch.begin("users: role filter MENTOR");
    users->model()->setRoleFilter(QStringLiteral("MENTOR"));
    check(waitFor(usersSettled), "users role filter");
    users->model()->setRoleFilter({});
    check(waitFor(usersSettled), "users role filter cleared");
    watch.end();

    watch.begin("grants and audit: scroll 20 pages");
    window.setCurrentWidget(grants);
    for (int pages = 0; pages < 20; ++pages) {
        grants->view()->scrollToBottom();
        audit->view()->scrollToBottom();
        check(waitFor([&] { return !grants->isBusy() && !audit->isBusy(); }), "grants scroll");
    }
    watch.end();
    qInfo("  (%d grants, %d events loaded)", grants->model()->rowCount(),
          audit->model()->rowCount());

    watch.begin("grants: state filter Active");
    grants->stateFilter()->setCurrentIndex(
        grants->stateFilter()->findData(int(GrantFilterState::Active)));
    check(waitFor([&] { return !grants->isBusy(); }), "grants filter");
    watch.end();

    watch.begin("switching screens (4 screens, 3 rounds)");
    for (int round = 0; round < 3; ++round) {
        for (int i = 0; i < window.count(); ++i) {
            window.setCurrentIndex(i);
            settle(100);
        }
    }
    watch.end();

    watch.begin("overview: refresh");
    window.setCurrentWidget(overview);
    overview->refresh();
    check(waitFor([&] { return !overview->isBusy(); }), "overview refresh");
    watch.end();
    return ok ? 0 : 1;
}

} // namespace rolecall
