// rolecall-screen-preview: one of the console's screens on the demo data, in a
// throwaway PostgreSQL, to look at (and take screenshots of) without signing in.
//
//   rolecall-screen-preview grants|expiring|audit|overview|sehatscan [--save FILE] [--dark]
//   rolecall-screen-preview measure --users N     time the screens' queries on N users
//   rolecall-screen-preview grants|audit --url URL --export FILE   the streamed export's
//                                                  progress on a database made before
//
// With --save it writes a PNG of the window once the data is in and quits;
// under Xvfb: xvfb-run -a -s "-screen 0 1280x800x24" rolecall-screen-preview audit --save a.png
#include "itemmodels/audittablemodel.h"
#include "itemmodels/grantstablemodel.h"
#include "pg/pgdatasource.h"
#include "screens/auditscreen.h"
#include "screens/grantsscreen.h"
#include "screens/overviewscreen.h"
#include "services/datasource.h"
#include "support/pgtestcluster.h"
#include "support/testdata.h"

#include <QApplication>
#include <QComboBox>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QPalette>
#include <QStyleFactory>
#include <QTableView>
#include <QTimer>

#include <algorithm>

using namespace rolecall;
using rolecall::testing::Fixture;
using rolecall::testing::PgTestCluster;

namespace {

QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    p.setColor(QPalette::WindowText, QColor(0xe8, 0xe8, 0xe8));
    p.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
    p.setColor(QPalette::Text, QColor(0xe8, 0xe8, 0xe8));
    p.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
    p.setColor(QPalette::ButtonText, QColor(0xe8, 0xe8, 0xe8));
    p.setColor(QPalette::Highlight, QColor(0x2f, 0x65, 0xca));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
    return p;
}

// Median wall time of `runs` calls of `call` (each waits for its future).
template <typename Call>
double medianMs(Call call, int runs = 3)
{
    QList<double> times;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        call();
        times << static_cast<double>(timer.nsecsElapsed()) / 1e6;
    }
    std::sort(times.begin(), times.end());
    return times[runs / 2];
}

// The Grants and Overview queries on `users` generated users (testdata.h),
// without the optional indexes: what the screens cost on a large database.
int measure(PgTestCluster &cluster, int users)
{
    QString error;
    const QString db = cluster.createDatabase(Fixture::AkakoLms, &error);
    QElapsedTimer seed;
    seed.start();
    if (db.isEmpty() || !testing::seedAkakoUsers(cluster, db, users, &error)) {
        qCritical("%s", qUtf8Printable(error));
        return 1;
    }
    qInfo("seeded %d users in %.1f s", users, static_cast<double>(seed.elapsed()) / 1000.0);
    if (qEnvironmentVariableIsSet("ROLECALL_PREVIEW_HOLD")) {
        // For EXPLAIN by hand: keep the cluster until this process is stopped.
        qInfo("holding %s", qUtf8Printable(cluster.url(db)));
        return QApplication::exec();
    }
    PgDataSource source(cluster.connection(db));
    source.detectSchema().waitForFinished();
    GrantListQuery first;
    GrantPage page;
    const auto report = [](const char *what, double ms) { qInfo("%-34s %9.1f ms", what, ms); };
    report("grants: first page of 200",
           medianMs([&] { page = source.fetchGrantPage(first).result(); }));
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
    report("overview: all figures + 12 months", medianMs([&] { source.fetchOverview().result(); }));
    report("audit: first page of 200", medianMs([&] {
               AuditQuery q;
               q.limit = 200;
               source.fetchAudit(q).result();
           }));

    // The three screens loading at once, then scrolling the grants and the
    // audit trail through 20 pages each: the longest the GUI thread went
    // without turning its event loop (a 5 ms timer's largest gap).
    QElapsedTimer clock;
    clock.start();
    qint64 last = 0;
    qint64 longest = 0;
    QTimer tick;
    QObject::connect(&tick, &QTimer::timeout, [&] {
        const qint64 now = clock.nsecsElapsed();
        longest = std::max(longest, now - last);
        last = now;
    });
    tick.start(5);
    GrantsScreen grants(&source);
    AuditScreen audit(&source);
    OverviewScreen overview(&source);
    for (QWidget *w : {static_cast<QWidget *>(&grants), static_cast<QWidget *>(&audit),
                       static_cast<QWidget *>(&overview)}) {
        w->resize(1200, 700);
        w->show();
    }
    last = clock.nsecsElapsed();
    longest = 0;
    const auto waitFor = [](auto done) {
        QElapsedTimer timeout;
        timeout.start();
        while (!done() && timeout.elapsed() < 120000)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    };
    waitFor([&] { return !grants.isBusy() && !audit.isBusy() && !overview.isBusy(); });
    qInfo("%-34s %9.1f ms", "longest stall: first show and load",
          static_cast<double>(longest) / 1e6);
    longest = 0;
    for (int pages = 0; pages < 20; ++pages) {
        grants.view()->scrollToBottom();
        audit.view()->scrollToBottom();
        waitFor([&] { return !grants.isBusy() && !audit.isBusy(); });
    }
    qInfo("%-34s %9.1f ms (%d grants, %d events loaded)", "longest stall: scrolling 20 pages",
          static_cast<double>(longest) / 1e6, grants.model()->rowCount(),
          audit.model()->rowCount());
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("rolecall-screen-preview"));
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("screen"),
                                 QStringLiteral("grants, expiring, audit, overview or sehatscan"));
    parser.addOption(
        {QStringLiteral("save"), QStringLiteral("Write a PNG and quit."), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("dark"), QStringLiteral("A dark palette.")});
    parser.addOption({QStringLiteral("users"), QStringLiteral("Users to generate for measure."),
                      QStringLiteral("N"), QStringLiteral("100000")});
    parser.addOption({QStringLiteral("url"),
                      QStringLiteral("Show this database (made before) instead of the demo data."),
                      QStringLiteral("URL")});
    parser.addOption({QStringLiteral("export"),
                      QStringLiteral("Start Export CSV… to FILE once the screen shows."),
                      QStringLiteral("FILE")});
    parser.addHelpOption();
    parser.process(app);
    const QString which = parser.positionalArguments().value(0, QStringLiteral("grants"));
    if (parser.isSet(QStringLiteral("dark"))) {
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(darkPalette());
    }

    ConnectionSettings connection;
    PgTestCluster *cluster = nullptr;
    if (parser.isSet(QStringLiteral("url"))) {
        QString error;
        if (!ConnectionSettings::fromUrl(parser.value(QStringLiteral("url")), &connection,
                                         &error)) {
            qCritical("--url: %s", qUtf8Printable(error));
            return 1;
        }
    } else {
        cluster = PgTestCluster::shared();
    }
    if (!parser.isSet(QStringLiteral("url")) && !cluster) {
        qCritical("%s", qUtf8Printable(PgTestCluster::startError()));
        return 1;
    }
    if (which == QLatin1String("measure")) {
        if (!cluster) {
            qCritical("measure generates its own database: no --url");
            return 1;
        }
        return measure(*cluster, parser.value(QStringLiteral("users")).toInt());
    }
    QString error;
    QString db;
    if (cluster == nullptr) {
        // --url: the database as it is.
    } else if (which == QLatin1String("sehatscan")) {
        db = cluster->createDatabase(Fixture::SehatScan, &error);
        if (db.isEmpty() || !testing::seedSehatScanUsers(*cluster, db, 50, &error)) {
            qCritical("%s", qUtf8Printable(error));
            return 1;
        }
    } else {
        db = cluster->createDatabase(Fixture::AkakoLms, &error);
        QFile demo(QStringLiteral(":/sql/akako-demo-data.sql"));
        if (db.isEmpty() || !demo.open(QIODevice::ReadOnly) ||
            !cluster->exec(db, QString::fromUtf8(demo.readAll()), &error)) {
            qCritical("cannot load the demo data: %s", qUtf8Printable(error));
            return 1;
        }
    }
    PgDataSource source(cluster ? cluster->connection(db) : connection);

    QWidget *screen = nullptr;
    if (which == QLatin1String("audit"))
        screen = new AuditScreen(&source);
    else if (which == QLatin1String("overview"))
        screen = new OverviewScreen(&source);
    else {
        auto *grants = new GrantsScreen(&source);
        if (which == QLatin1String("expiring"))
            grants->viewChooser()->setCurrentIndex(1);
        screen = grants;
    }
    screen->setWindowTitle(QStringLiteral("Rolecall — %1").arg(which));
    screen->resize(1200, 720);
    screen->show();
    if (auto *audit = qobject_cast<AuditScreen *>(screen))
        QTimer::singleShot(2500, audit, [audit] { audit->view()->selectRow(1); });

    if (parser.isSet(QStringLiteral("export"))) {
        auto *data = static_cast<DataScreen *>(qobject_cast<TableScreen *>(screen));
        const QString file = parser.value(QStringLiteral("export"));
        if (data)
            QTimer::singleShot(3000, data, [data, file] { data->exportTo(file); });
    }
    if (parser.isSet(QStringLiteral("save"))) {
        const QString file = parser.value(QStringLiteral("save"));
        QTimer::singleShot(4000, screen, [screen, file] {
            if (!screen->grab().save(file))
                qCritical("cannot write %s", qUtf8Printable(file));
            QApplication::quit();
        });
    }
    const int code = QApplication::exec();
    delete screen;
    return code;
}
