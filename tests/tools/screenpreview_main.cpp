// rolecall-screen-preview: one of the console's screens on the demo data, in a
// throwaway PostgreSQL, to look at (and take screenshots of) without signing in.
//
//   rolecall-screen-preview grants|expiring|audit|overview|sehatscan [--save FILE] [--dark]
//   rolecall-screen-preview measure --users N     time the screens' queries on N users
//   rolecall-screen-preview measure --url URL     the same on a database made before
//                                                  (read only), with the GUI-thread stalls
//                                                  and the Sync screen (--clerk-users N)
//   rolecall-screen-preview grants|audit --url URL --export FILE   the streamed export's
//                                                  progress on a database made before
//
// With --save it writes a PNG of the window once the data is in and quits;
// under Xvfb: xvfb-run -a -s "-screen 0 1280x800x24" rolecall-screen-preview audit --save a.png
#include "itemmodels/audittablemodel.h"
#include "itemmodels/grantstablemodel.h"
#include "pg/pgdatasource.h"
#include "screenmeasure.h"
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

// Generates `users` users (testdata.h), without the optional indexes, and
// measures the screens on them (screenmeasure.h).
int measure(PgTestCluster &cluster, int users, int clerkUsers)
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
    return measureScreens(source, clerkUsers);
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
    parser.addOption({QStringLiteral("clerk-users"),
                      QStringLiteral("measure: fake Clerk users for the Sync screen (seed users "
                                     "1..N; default: as many as the database has; 0: no Sync)."),
                      QStringLiteral("N"), QStringLiteral("-1")});
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
        const int clerkUsers = parser.value(QStringLiteral("clerk-users")).toInt();
        if (!cluster) {
            PgDataSource source(connection);
            return measureScreens(source, clerkUsers);
        }
        return measure(*cluster, parser.value(QStringLiteral("users")).toInt(), clerkUsers);
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
