// UsersTableModel on a real PostgreSQL, watched by QAbstractItemModelTester:
// paging on demand, search, stale answers, and errors.
#include "modelroles.h"
#include "pgdatasource.h"
#include "pgtestcluster.h"
#include "testdata.h"
#include "userstablemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace rolecall;
using rolecall::testing::Fixture;
using rolecall::testing::PgTestCluster;

namespace {
constexpr int userCount = 100000;
constexpr int waitMs = 20000;
} // namespace

class TestUsersTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void loadsTheFirstPageAndCounts();
    void fetchesMorePagesOnDemand();
    void searchReplacesTheRows();
    void dropsAnswersToAnOldSearch();
    void exposesUserRoles();
    void reportsErrorsAndStopsFetching();

private:
    PgTestCluster *m_cluster = nullptr;
    QString m_db;
    PgDataSource *m_source = nullptr;
    UsersTableModel *m_model = nullptr;
    QAbstractItemModelTester *m_tester = nullptr;
};

void TestUsersTableModel::initTestCase()
{
    m_cluster = PgTestCluster::shared();
    QVERIFY2(m_cluster, qPrintable(PgTestCluster::startError()));
    QString error;
    m_db = m_cluster->createDatabase(Fixture::AkakoLms, &error);
    QVERIFY2(testing::seedAkakoUsers(*m_cluster, m_db, userCount, &error), qPrintable(error));
}

void TestUsersTableModel::init()
{
    m_source = new PgDataSource(m_cluster->connection(m_db));
    m_model = new UsersTableModel(m_source);
    m_model->setPageSize(500);
    m_tester = new QAbstractItemModelTester(m_model,
                                            QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestUsersTableModel::cleanup()
{
    delete m_tester;
    delete m_model;
    delete m_source;
}

void TestUsersTableModel::loadsTheFirstPageAndCounts()
{
    QSignalSpy counted(m_model, &UsersTableModel::totalCountChanged);
    m_model->refresh();
    QVERIFY(m_model->isLoading());
    QVERIFY(!m_model->canFetchMore({})); // one page in flight at a time
    QTRY_COMPARE_WITH_TIMEOUT(m_model->rowCount(), 500, waitMs);
    QTRY_COMPARE_WITH_TIMEOUT(m_model->totalCount(), qint64(userCount), waitMs);
    QVERIFY(!counted.isEmpty());
    QVERIFY(!m_model->isLoading());
    QVERIFY(m_model->canFetchMore({}));
    QCOMPARE(m_model->columnCount(), int(UsersTableModel::ColumnCount));
    QCOMPARE(m_model->headerData(UsersTableModel::ClerkIdColumn, Qt::Horizontal).toString(),
             QStringLiteral("Clerk ID"));
    QCOMPARE(m_model->index(0, UsersTableModel::EmailColumn).data().toString(),
             QStringLiteral("user99999@example.test"));
    QCOMPARE(m_model->index(0, UsersTableModel::NameColumn).data().toString(),
             QStringLiteral("Kenji O'Brien"));
}

void TestUsersTableModel::fetchesMorePagesOnDemand()
{
    m_model->refresh();
    QTRY_COMPARE_WITH_TIMEOUT(m_model->rowCount(), 500, waitMs);
    for (int pages = 2; pages <= 6; ++pages) {
        QVERIFY(m_model->canFetchMore({}));
        m_model->fetchMore({});
        m_model->fetchMore({}); // re-entry while loading is ignored
        QTRY_COMPARE_WITH_TIMEOUT(m_model->rowCount(), pages * 500, waitMs);
    }
    // no duplicates at page seams
    QSet<QString> ids;
    for (int row = 0; row < m_model->rowCount(); ++row)
        ids.insert(m_model->index(row, 0).data(UserIdRole).toString());
    QCOMPARE(ids.size(), m_model->rowCount());
}

void TestUsersTableModel::searchReplacesTheRows()
{
    m_model->refresh();
    QTRY_COMPARE_WITH_TIMEOUT(m_model->rowCount(), 500, waitMs);
    QSignalSpy reset(m_model, &QAbstractItemModel::modelReset);
    m_model->setSearch(QStringLiteral("  user12345@example.test "));
    QCOMPARE(m_model->search(), QStringLiteral("user12345@example.test"));
    QCOMPARE(reset.size(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(m_model->rowCount(), 1, waitMs);
    QTRY_VERIFY_WITH_TIMEOUT(m_model->isComplete(), waitMs);
    QVERIFY(!m_model->canFetchMore({}));
    QTRY_COMPARE_WITH_TIMEOUT(m_model->totalCount(), qint64(1), waitMs);

    m_model->setSearch(QStringLiteral("O'Brien"));
    QTRY_COMPARE_WITH_TIMEOUT(m_model->rowCount(), 500, waitMs);
    QTRY_COMPARE_WITH_TIMEOUT(m_model->totalCount(), qint64(11119), waitMs);
    QVERIFY(m_model->index(0, UsersTableModel::NameColumn)
                .data()
                .toString()
                .contains(QLatin1String("O'Brien")));
}

void TestUsersTableModel::dropsAnswersToAnOldSearch()
{
    m_model->setSearch(QStringLiteral("Zoë"));
    m_model->setSearch(QStringLiteral("田中"));
    m_model->setSearch(QStringLiteral("user777@example.test"));
    QTRY_VERIFY_WITH_TIMEOUT(m_model->isComplete(), waitMs);
    QTest::qWait(300); // give any late answer to an older search the chance to land
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(m_model->index(0, UsersTableModel::EmailColumn).data().toString(),
             QStringLiteral("user777@example.test"));
}

void TestUsersTableModel::exposesUserRoles()
{
    m_model->setSearch(QStringLiteral("user5@example.test"));
    QTRY_COMPARE_WITH_TIMEOUT(m_model->rowCount(), 1, waitMs);
    const QModelIndex roles = m_model->index(0, UsersTableModel::RolesColumn);
    QCOMPARE(roles.data().toString(), QStringLiteral("LEARNER, ADMIN"));
    QCOMPARE(roles.data(ActiveRolesRole).toStringList(),
             (QStringList{QStringLiteral("LEARNER"), QStringLiteral("ADMIN")}));
    QCOMPARE(roles.data(ClerkIdRole).toString(),
             QStringLiteral("user_e4da3b7fbbce2345d7772b0674a"));
    QCOMPARE(roles.data(CreatedAtRole).toDateTime().timeSpec(), Qt::UTC);

    m_model->setSearch(QStringLiteral("user10@example.test"));
    QTRY_COMPARE_WITH_TIMEOUT(m_model->rowCount(), 1, waitMs);
    QCOMPARE(m_model->index(0, UsersTableModel::RolesColumn).data().toString(), QString());
    QCOMPARE(m_model->index(0, UsersTableModel::RolesColumn).data(Qt::ToolTipRole).toString(),
             QStringLiteral("No active role"));
}

void TestUsersTableModel::reportsErrorsAndStopsFetching()
{
    ConnectionSettings unreachable = m_cluster->connection(m_db);
    unreachable.port = 1;
    PgDataSource source(unreachable);
    UsersTableModel model(&source);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy errors(&model, &UsersTableModel::errorOccurred);
    model.refresh();
    QTRY_VERIFY_WITH_TIMEOUT(!errors.isEmpty(), waitMs);
    QVERIFY(errors.first().first().toString().contains(QLatin1String("Cannot connect")));
    QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading(), waitMs);
    QVERIFY(!model.canFetchMore({})); // no retry storm; refresh() tries again
    QCOMPARE(model.rowCount(), 0);
}

QTEST_GUILESS_MAIN(TestUsersTableModel)
#include "tst_userstablemodel.moc"
