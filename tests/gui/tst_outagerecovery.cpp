// Recovery after an outage, end to end (issue 16): a real PostgreSQL stops
// while the Users or the Grants screen shows its list; the next read (F5)
// fails, the error banner offers Retry and the list stays on screen; the
// server starts again and the screen recovers by itself (the banner's
// retries, with backoff), with no key pressed after the restart.
#include "itemmodels/userstablemodel.h"
#include "mainwindow.h"
#include "pg/pgdatasource.h"
#include "screens/grantsscreen.h"
#include "screens/usersscreen.h"
#include "support/pgtestcluster.h"
#include "support/testdata.h"
#include "widgets/messagebanner.h"

#include <QApplication>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

using namespace rolecall;
using rolecall::testing::Fixture;
using rolecall::testing::PgTestCluster;

namespace {
constexpr int waitMs = 60000;

// The list as the person sees it: its first rows' words.
QStringList shownRows(const QAbstractItemModel *model, int rows = 5)
{
    QStringList shown;
    for (int row = 0; row < std::min(rows, model->rowCount()); ++row)
        shown << model->index(row, 0).data().toString() + QLatin1Char('|') +
                     model->index(row, 1).data().toString();
    return shown;
}
} // namespace

class TestOutageRecovery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void usersScreenKeepsItsListAndRecoversByItself();
    void grantsScreenKeepsItsListAndRecoversByItself();

private:
    // Stops the server, presses F5 in `window`, and checks `banner` offers
    // Retry, retries by itself with growing delays, and `model` keeps its rows.
    void outage(MainWindow &window, MessageBanner *banner, const QAbstractItemModel *model);

    PgTestCluster *m_cluster = nullptr;
    QString m_db;
};

void TestOutageRecovery::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_cluster = PgTestCluster::shared();
    QVERIFY2(m_cluster, qPrintable(PgTestCluster::startError()));
    QString error;
    m_db = m_cluster->createDatabase(Fixture::AkakoLms, &error);
    QVERIFY2(testing::seedAkakoUsers(*m_cluster, m_db, 500, &error), qPrintable(error));
}

void TestOutageRecovery::cleanup()
{
    QString error;
    m_cluster->resume(&error); // a failed test leaves the server running for the next
}

void TestOutageRecovery::outage(MainWindow &window, MessageBanner *banner,
                                const QAbstractItemModel *model)
{
    // Short delays keep the test quick; the doubling is the banner's own.
    banner->setRetryDelays(300, 4000, 60000);
    const QStringList before = shownRows(model);
    const int rowsBefore = model->rowCount();
    QVERIFY(rowsBefore > 0);

    QString error;
    QVERIFY2(m_cluster->pause(&error), qPrintable(error));
    QTest::keyClick(&window, Qt::Key_F5);
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible() && banner->kind() == MessageBanner::Kind::Error,
                             waitMs);
    QVERIFY2(!banner->text().isEmpty(), "an error banner without words");
    QVERIFY(banner->actionButton()->isVisible());
    QCOMPARE(banner->actionButton()->text(), QStringLiteral("Retry"));
    // The list stays as it was: no empty table while the database is away.
    QCOMPARE(model->rowCount(), rowsBefore);
    QCOMPARE(shownRows(model), before);

    // It retries by itself, waiting longer each time the error comes back.
    QTRY_VERIFY_WITH_TIMEOUT(banner->isRetryScheduled(), waitMs);
    const int firstDelay = banner->nextRetryDelay();
    QTRY_VERIFY_WITH_TIMEOUT(banner->nextRetryDelay() > firstDelay, waitMs);
    QTRY_VERIFY_WITH_TIMEOUT(banner->nextRetryDelay() > 2 * firstDelay, waitMs);
    QVERIFY(banner->isVisible());
    QCOMPARE(shownRows(model), before);

    // The database is back: the screen recovers with no key pressed.
    QVERIFY2(m_cluster->resume(&error), qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(banner->isHidden(), waitMs);
    QTRY_VERIFY_WITH_TIMEOUT(
        model->rowCount() >= std::min(rowsBefore, 5) && shownRows(model) == before, waitMs);
}

void TestOutageRecovery::usersScreenKeepsItsListAndRecoversByItself()
{
    MainWindow window({});
    window.setDataSource(new PgDataSource(m_cluster->connection(m_db)));
    window.show();
    QApplication::setActiveWindow(&window);
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QTRY_VERIFY_WITH_TIMEOUT(window.usersModel() && window.usersModel()->rowCount() > 0 &&
                                 !window.usersModel()->isLoading(),
                             waitMs);
    MessageBanner *banner = nullptr;
    for (MessageBanner *candidate : window.findChildren<MessageBanner *>())
        if (!window.usersScreen()->parentWidget()->isAncestorOf(candidate))
            banner = candidate; // the window's, above the screens
    QVERIFY(banner);
    outage(window, banner, window.usersModel());
    QVERIFY(window.usersView()->isVisible());
    QVERIFY(window.usersModel()->lastError().isEmpty());
}

void TestOutageRecovery::grantsScreenKeepsItsListAndRecoversByItself()
{
    MainWindow window({});
    window.setDataSource(new PgDataSource(m_cluster->connection(m_db)));
    window.show();
    QApplication::setActiveWindow(&window);
    QVERIFY(QTest::qWaitForWindowActive(&window));
    auto *grants = window.findChild<GrantsScreen *>();
    QVERIFY(grants);
    QVERIFY(window.showScreen(grants->objectName()));
    QTRY_VERIFY_WITH_TIMEOUT(grants->view()->isVisible() && grants->view()->model() &&
                                 grants->view()->model()->rowCount() > 0 && !grants->isBusy(),
                             waitMs);
    auto *banner = grants->findChild<MessageBanner *>();
    QVERIFY(banner);
    outage(window, banner, grants->view()->model());
    QVERIFY(grants->view()->isVisible());
}

QTEST_MAIN(TestOutageRecovery)
#include "tst_outagerecovery.moc"
