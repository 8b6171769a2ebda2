// GrantsTableModel on a real PostgreSQL: pages arrive as the view asks for
// them, filters start a new generation, the expiring view lists soonest first,
// and every change keeps the model consistent (QAbstractItemModelTester).
#include "itemmodels/grantstablemodel.h"
#include "itemmodels/modelroles.h"
#include "pg/pgdatasource.h"
#include "support/pgtestcluster.h"
#include "support/rolefixtures.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace rolecall;

namespace {
constexpr int waitMs = 20000;
}

class TestGrantsTableModel : public QObject, private rolecall::testing::GrantStatesDatabase
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void pagesOnDemand();
    void filtersReload();
    void expiringViewListsSoonestFirst();
    void dropsAnswersToAnOlderFilter();
    void reportsErrors();
    void withoutDataSourceShowsNothing();
};

void TestGrantsTableModel::initTestCase()
{
    QString error;
    QVERIFY2(start(&error), qPrintable(error));
}

void TestGrantsTableModel::pagesOnDemand()
{
    PgDataSource source(m_cluster->connection(m_db));
    GrantsTableModel model(&source);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setPageSize(10);
    QSignalSpy loading(&model, &GrantsTableModel::loadingChanged);
    model.refresh();
    QVERIFY(model.isLoading());
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 10, waitMs);
    QVERIFY(!model.isLoading());
    QVERIFY(loading.count() >= 2);
    QVERIFY(model.canFetchMore({}));
    while (model.canFetchMore({})) {
        const int before = model.rowCount();
        model.fetchMore({});
        QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading(), waitMs);
        QVERIFY(model.rowCount() > before || model.isComplete());
    }
    QCOMPARE(model.rowCount(), 8 + rolecall::testing::tiedGrants);
    QVERIFY(model.isComplete());

    // display, tooltips and the raw values export uses
    const QModelIndex state = model.index(0, GrantsTableModel::StateColumn);
    QVERIFY(!state.data().toString().isEmpty());
    const QModelIndex start = model.index(0, GrantsTableModel::StartColumn);
    QCOMPARE(start.data(SortKeyRole).metaType(), QMetaType::fromType<QDateTime>());
    QVERIFY(model.index(0, GrantsTableModel::UserColumn)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QLatin1String("Clerk ID")));
    QCOMPARE(model.headerData(GrantsTableModel::RoleColumn, Qt::Horizontal).toString(),
             QStringLiteral("Role"));
}

void TestGrantsTableModel::filtersReload()
{
    PgDataSource source(m_cluster->connection(m_db));
    GrantsTableModel model(&source);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    GrantListQuery filter;
    filter.state = GrantFilterState::Active;
    model.setFilter(filter);
    QTRY_VERIFY_WITH_TIMEOUT(model.isComplete() && !model.isLoading(), waitMs);
    QCOMPARE(model.rowCount(), 4);
    for (int r = 0; r < model.rowCount(); ++r)
        QCOMPARE(model.grantAt(r).state, GrantState::Active);

    filter.role = QStringLiteral("ADMIN");
    model.setFilter(filter);
    QTRY_VERIFY_WITH_TIMEOUT(model.isComplete() && !model.isLoading(), waitMs);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.grantAt(0).grant.id, QStringLiteral("g_admin"));
    QCOMPARE(model.index(0, GrantsTableModel::EndColumn).data().toString(),
             QStringLiteral("open-ended"));
    QCOMPARE(model.index(0, GrantsTableModel::AssignedByColumn).data().toString(),
             QStringLiteral("(not recorded)"));
}

void TestGrantsTableModel::expiringViewListsSoonestFirst()
{
    PgDataSource source(m_cluster->connection(m_db));
    GrantsTableModel model(&source);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.showExpiring(30);
    QVERIFY(model.isExpiringView());
    QTRY_VERIFY_WITH_TIMEOUT(model.isComplete() && !model.isLoading(), waitMs);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.grantAt(0).grant.id, QStringLiteral("g_expiring"));
    QCOMPARE(model.grantAt(1).grant.id, QStringLiteral("g_expiring2"));
    QVERIFY(!model.canFetchMore({}));

    model.showList();
    QVERIFY(!model.isExpiringView());
    QTRY_VERIFY_WITH_TIMEOUT(model.rowCount() > 2 && !model.isLoading(), waitMs);
}

void TestGrantsTableModel::dropsAnswersToAnOlderFilter()
{
    PgDataSource source(m_cluster->connection(m_db));
    GrantsTableModel model(&source);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    GrantListQuery filter;
    filter.state = GrantFilterState::Ended;
    model.setFilter(filter); // in flight...
    filter.state = GrantFilterState::Future;
    model.setFilter(filter); // ...replaced at once
    QTRY_VERIFY_WITH_TIMEOUT(model.isComplete() && !model.isLoading(), waitMs);
    // A fixed wait: the older answer, had it not been dropped, would land now;
    // a dropped answer sends no signal to wait on.
    QTest::qWait(200);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.grantAt(0).grant.id, QStringLiteral("g_future"));
}

void TestGrantsTableModel::reportsErrors()
{
    PgDataSource source(m_cluster->connection(m_db));
    GrantsTableModel model(&source);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy errors(&model, &GrantsTableModel::errorOccurred);
    GrantListQuery filter;
    filter.role = QStringLiteral("WIZARD");
    model.setFilter(filter);
    QTRY_COMPARE_WITH_TIMEOUT(errors.count(), 1, waitMs);
    QVERIFY(errors.at(0).at(0).toString().contains(QLatin1String("WIZARD")));
    QVERIFY(!model.isLoading());
    QVERIFY(!model.canFetchMore({})); // no retry loop on a failing page
    QCOMPARE(model.rowCount(), 0);
}

void TestGrantsTableModel::withoutDataSourceShowsNothing()
{
    GrantsTableModel model(nullptr);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.refresh();
    QVERIFY(!model.isLoading());
    QVERIFY(!model.canFetchMore({}));
    QCOMPARE(model.rowCount(), 0);
    // a data source that goes away mid-flight leaves the model usable
    auto *source = new PgDataSource(m_cluster->connection(m_db));
    model.setDataSource(source);
    QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading(), waitMs);
    delete source;
    model.refresh();
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.canFetchMore({}));
}

QTEST_GUILESS_MAIN(TestGrantsTableModel)
#include "tst_grantstablemodel.moc"
