#include "screenmeasure.h"

#include "phasewatch.h"
#include "syncmeasure.h"

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

#include <algorithm>
#include <functional>

namespace rolecall {

namespace {

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

int measureScreens(PgDataSource &source, int clerkUsers)
{
    const SchemaInfo schema = source.detectSchema().result();
    timeQueries(source);

    PhaseWatch watch;
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

    if (clerkUsers < 0)
        clerkUsers = int(source.fetchOverviewPart(OverviewPart::Users).result().users);
    if (clerkUsers > 0) {
        window.hide();
        ok = measureSyncScreen(source.settings(), clerkUsers, watch) && ok;
    }
    return ok ? 0 : 1;
}

} // namespace rolecall
