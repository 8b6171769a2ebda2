// The main window on the offscreen platform against a real PostgreSQL: the
// users table fills, search filters on the server, problems show in the banner.
#include "mainwindow.h"
#include "pgdatasource.h"
#include "pgtestcluster.h"
#include "testdata.h"
#include "userstablemodel.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QHeaderView>
#include <QLineEdit>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QTimer>

using namespace rolecall;
using rolecall::testing::Fixture;
using rolecall::testing::PgTestCluster;

namespace {
constexpr int waitMs = 20000;
}

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void showsUsersOfTheDatabase();
    void searchFiltersOnTheServer();
    void ctrlFFocusesSearch();
    void explainsAnUnknownSchema();
    void explainsAnUnreachableDatabase();
    void opensADatabaseFromTheMenu();

private:
    DataSource *source(const QString &db) { return new PgDataSource(m_cluster->connection(db)); }
    PgTestCluster *m_cluster = nullptr;
    QString m_db;
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // keep window settings out of the real ones
    m_cluster = PgTestCluster::shared();
    QVERIFY2(m_cluster, qPrintable(PgTestCluster::startError()));
    QString error;
    m_db = m_cluster->createDatabase(Fixture::AkakoLms, &error);
    QVERIFY2(testing::seedAkakoUsers(*m_cluster, m_db, 3000, &error), qPrintable(error));
}

void TestMainWindow::showsUsersOfTheDatabase()
{
    MainWindow window({});
    window.setDataSource(source(m_db));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QAbstractItemModelTester tester(window.usersModel(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTableView *view = window.usersView();
    QTRY_VERIFY_WITH_TIMEOUT(view->model()->rowCount() >= 200, waitMs);
    QCOMPARE(view->model()->index(0, UsersTableModel::EmailColumn).data().toString(),
             QStringLiteral("user3000@example.test"));
    QVERIFY(!view->isColumnHidden(UsersTableModel::ClerkIdColumn));
    QVERIFY(view->horizontalHeader()->sectionSize(UsersTableModel::EmailColumn) > 100);
    QVERIFY(window.windowTitle().contains(QLatin1String("127.0.0.1")));
    QVERIFY(window.bannerText().isEmpty());

    // Counted, every row has its place; scrolling to the bottom loads the last page.
    QTRY_COMPARE_WITH_TIMEOUT(view->model()->rowCount(), 3000, waitMs);
    QVERIFY(!window.usersModel()->isRowLoaded(2999));
    view->scrollToBottom();
    QTRY_VERIFY_WITH_TIMEOUT(window.usersModel()->isRowLoaded(2999), waitMs);
    QCOMPARE(view->model()->index(2999, UsersTableModel::EmailColumn).data().toString(),
             QStringLiteral("user1@example.test"));
}

void TestMainWindow::searchFiltersOnTheServer()
{
    MainWindow window({});
    window.setDataSource(source(m_db));
    window.show();
    QTRY_VERIFY_WITH_TIMEOUT(window.usersModel()->rowCount() > 0, waitMs);
    QTest::keyClicks(window.searchField(), QStringLiteral("user1234@"));
    QTRY_COMPARE_WITH_TIMEOUT(window.usersModel()->rowCount(), 1, waitMs);
    QCOMPARE(window.usersModel()->index(0, UsersTableModel::EmailColumn).data().toString(),
             QStringLiteral("user1234@example.test"));
    window.searchField()->clear();
    QTRY_VERIFY_WITH_TIMEOUT(window.usersModel()->rowCount() >= 200, waitMs);
}

void TestMainWindow::ctrlFFocusesSearch()
{
    MainWindow window({});
    window.setDataSource(source(m_db));
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    window.usersView()->setFocus();
    QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(window.searchField()->hasFocus());
}

void TestMainWindow::explainsAnUnknownSchema()
{
    const QString empty = m_cluster->createDatabase(Fixture::Empty);
    MainWindow window({});
    window.setDataSource(source(empty));
    window.show();
    QTRY_VERIFY_WITH_TIMEOUT(!window.bannerText().isEmpty(), waitMs);
    QVERIFY2(window.bannerText().contains(QLatin1String("no \"User\" table")),
             qPrintable(window.bannerText()));
    QCOMPARE(window.usersModel()->rowCount(), 0);
}

void TestMainWindow::explainsAnUnreachableDatabase()
{
    ConnectionSettings settings = m_cluster->connection(m_db);
    settings.port = 1;
    MainWindow window({});
    window.setDataSource(new PgDataSource(settings));
    window.show();
    QTRY_VERIFY_WITH_TIMEOUT(!window.bannerText().isEmpty(), waitMs);
    QVERIFY2(window.bannerText().startsWith(QLatin1String("Cannot connect")),
             qPrintable(window.bannerText()));
}

void TestMainWindow::opensADatabaseFromTheMenu()
{
    QString asked;
    MainWindow window([&asked, this](const QString &location, QString *) -> DataSource * {
        asked = location;
        return source(m_db);
    });
    window.show();
    // The input dialog is modal: type into it once it is up; give up after 10 s.
    QTimer::singleShot(0, this, [this] {
        QWidget *dialog = QApplication::activeModalWidget();
        if (auto *field = dialog ? dialog->findChild<QLineEdit *>() : nullptr) {
            field->setText(m_cluster->url(m_db));
            QTest::keyClick(field, Qt::Key_Return);
        }
    });
    QTimer::singleShot(10000, this, [] {
        if (QWidget *dialog = QApplication::activeModalWidget())
            dialog->close();
    });
    window.openDatabase();
    QCOMPARE(asked, m_cluster->url(m_db));
    QTRY_VERIFY_WITH_TIMEOUT(window.usersModel() && window.usersModel()->rowCount() > 0, waitMs);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
