// Every screen of the console that reads the data source, against
// rolecall-server (in this process) and against PostgreSQL direct, over the
// same database: two main windows, the same admin signed in, each screen
// shown in both, and what its tables and figure cards show compared cell by
// cell. (The Users screen's paging and search, and the Sync screen, have
// tests of their own: tst_usersscreenserver, tst_syncscreenserver.)
#include "mainwindow.h"
#include "support/fakesigninservice.h"
#include "support/pgtestcluster.h"
#include "support/rolefixtures.h"
#include "support/sourceparity.h"

#include <QAbstractItemModel>
#include <QLabel>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

using namespace rolecall;
using namespace rolecall::testing;

namespace {

constexpr int waitMs = 30000;
constexpr int shownRows = 100; // the first rows of each table

// What `screen` shows: each table's header and first rows, and each figure card.
QString shownOn(const QWidget *screen)
{
    QStringList lines;
    const QList<QTableView *> tables = screen->findChildren<QTableView *>();
    for (const QTableView *table : tables) {
        const QAbstractItemModel *model = table->model();
        if (!model)
            continue;
        lines << table->objectName();
        QStringList header;
        for (int column = 0; column < model->columnCount(); ++column)
            header << model->headerData(column, Qt::Horizontal).toString();
        lines << header.join(QLatin1Char('|'));
        for (int row = 0; row < std::min(model->rowCount(), shownRows); ++row) {
            QStringList cells;
            for (int column = 0; column < model->columnCount(); ++column)
                cells << model->index(row, column).data().toString();
            lines << cells.join(QLatin1Char('|'));
        }
    }
    const QList<QLabel *> labels = screen->findChildren<QLabel *>();
    for (const QLabel *label : labels) {
        if (label->objectName().endsWith(QLatin1String("Figure")))
            lines << label->objectName() + QLatin1Char('=') + label->text();
    }
    return lines.join(QLatin1Char('\n'));
}

// Whether `screen` shows rows in each table (and a figure on each card).
bool hasLoaded(const QWidget *screen)
{
    const QList<QTableView *> tables = screen->findChildren<QTableView *>();
    for (const QTableView *table : tables) {
        if (table->isVisibleTo(screen) && (!table->model() || table->model()->rowCount() == 0))
            return false;
    }
    const QList<QLabel *> labels = screen->findChildren<QLabel *>();
    return std::none_of(labels.cbegin(), labels.cend(), [](const QLabel *label) {
        return label->objectName().endsWith(QLatin1String("Figure")) &&
               (label->text().isEmpty() || label->text() == QLatin1String("…"));
    });
}

} // namespace

class TestScreensServer final : public QObject, private RoleWriterDatabases
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyScreenShowsWhatPostgresqlDirectShows_data();
    void everyScreenShowsWhatPostgresqlDirectShows();
    void cleanupTestCase();

private:
    ParitySources m_api;
    ParitySources m_pg; // PostgreSQL direct, on the same database
};

void TestScreensServer::initTestCase()
{
    QString error;
    if (!start(&error))
        QSKIP(qPrintable(error));
    const QString db = freshDatabase(120);
    QVERIFY(!db.isEmpty());
    QVERIFY2(m_api.open(SourceKind::Api, db, &error), qPrintable(error));
    QVERIFY2(m_pg.open(SourceKind::Pg, db, &error), qPrintable(error));
    // Some history for the trail and the grants: two grants, one ended.
    QVERIFY(!settle(m_pg.source().grantRole(admin(), grantOf(9, QStringLiteral("MENTOR"))))
                 .id.isEmpty());
    const RoleGrant mentor =
        settle(m_pg.source().grantRole(admin(), grantOf(11, QStringLiteral("MENTOR"))));
    EndRequest end;
    end.grantId = mentor.id;
    end.reason = QStringLiteral("moved on");
    QVERIFY(!settle(m_pg.source().endGrant(admin(), end)).id.isEmpty());
}

void TestScreensServer::cleanupTestCase()
{
    m_pg.close();
    m_api.close();
    removeConnections();
}

void TestScreensServer::everyScreenShowsWhatPostgresqlDirectShows_data()
{
    QTest::addColumn<QString>("screen");
    QTest::newRow("users") << QStringLiteral("usersScreen");
    QTest::newRow("grants") << QStringLiteral("grantsScreen");
    QTest::newRow("audit") << QStringLiteral("auditScreen");
    QTest::newRow("overview") << QStringLiteral("overviewScreen");
}

void TestScreensServer::everyScreenShowsWhatPostgresqlDirectShows()
{
    QFETCH(QString, screen);
    FakeSignInService signIn;
    signIn.succeed(identityOfSeedUser(5));
    MainWindow direct({});
    MainWindow viaServer({});
    for (auto [window, sources] : {std::pair{&direct, &m_pg}, std::pair{&viaServer, &m_api}}) {
        window->setSignInService(&signIn);
        window->setDataSource(sources->newSource(5).release());
        window->resize(1200, 800);
        window->show();
        QTRY_VERIFY_WITH_TIMEOUT(window->canWrite(), waitMs);
        QVERIFY(window->showScreen(screen));
    }
    const QWidget *shownDirect = direct.screens()->currentWidget();
    const QWidget *shownViaServer = viaServer.screens()->currentWidget();
    QCOMPARE(shownDirect->objectName(), screen);
    QTRY_VERIFY_WITH_TIMEOUT(hasLoaded(shownDirect), waitMs);
    QTRY_VERIFY_WITH_TIMEOUT(hasLoaded(shownViaServer), waitMs);
    QTRY_COMPARE_WITH_TIMEOUT(shownOn(shownViaServer), shownOn(shownDirect), waitMs);
    QVERIFY(shownOn(shownDirect).count(QLatin1Char('\n')) > 2);
    direct.setSignInService(nullptr);
    viaServer.setSignInService(nullptr);
}

QTEST_MAIN(TestScreensServer)
#include "tst_screensserver.moc"
