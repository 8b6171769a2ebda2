// UsersTableModel on a real PostgreSQL, watched by QAbstractItemModelTester:
// the window cache (pages where the view looks, jumps, eviction), server-side
// order checked against plain SQL, search, stale answers, and errors.
#include "itemmodels/modelroles.h"
#include "itemmodels/userstablemodel.h"
#include "pg/pgdatasource.h"
#include "support/pgtestcluster.h"
#include "support/rolefixtures.h"
#include "support/testdata.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSqlQuery>
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
    void tellsCountedRowsASliceAtATime();
    void loadsPagesWhereTheViewLooks();
    void jumpsToTheEndAndTheMiddle();
    void evictsPagesFarFromTheScreen();
    void sortsOnTheServer_data();
    void sortsOnTheServer();
    void searchReplacesTheRows();
    void dropsAnswersToAnOldSearch();
    void exposesUserRoles();
    void reportsErrorsAndStopsFetching();

private:
    // Asks for `row` as a view painting it would, and waits until it is in.
    bool loadRow(int row);
    QString emailAt(int row) const
    {
        return m_model->index(row, UsersTableModel::EmailColumn).data().toString();
    }
    QString idAt(int row) const { return m_model->index(row, 0).data(UserIdRole).toString(); }
    // The id plain SQL puts at `row` in the console's default order.
    QString sqlIdAt(int row, const QString &orderBy = defaultOrder, const QString &where = {});
    static inline const QString defaultOrder = QStringLiteral(R"("createdAt" DESC, "id" DESC)");

    PgTestCluster *m_cluster = nullptr;
    testing::RoleWriterDatabases m_sql;
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
    QVERIFY2(m_sql.start(&error), qPrintable(error));
}

QString TestUsersTableModel::sqlIdAt(int row, const QString &orderBy, const QString &where)
{
    QSqlDatabase db = m_sql.connect(m_db);
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral(R"(SELECT "id" FROM "User" )") + where +
                QStringLiteral(" ORDER BY ") + orderBy + QStringLiteral(" OFFSET ") +
                QString::number(row) + QStringLiteral(" LIMIT 1")) ||
        !q.next())
        return QStringLiteral("(no row %1)").arg(row);
    return q.value(0).toString();
}

bool TestUsersTableModel::loadRow(int row)
{
    m_model->index(row, UsersTableModel::NameColumn).data();
    return QTest::qWaitFor([&] { return m_model->isRowLoaded(row); }, waitMs);
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
    QTRY_VERIFY_WITH_TIMEOUT(m_model->rowCount() >= 500, waitMs);
    QTRY_COMPARE_WITH_TIMEOUT(m_model->totalCount(), qint64(userCount), waitMs);
    QVERIFY(!counted.isEmpty());
    // Counted: every row has its place, the scrollbar spans the whole list.
    QCOMPARE(m_model->rowCount(), userCount);
    QVERIFY(m_model->isComplete());
    QVERIFY(!m_model->canFetchMore({}));
    QTRY_VERIFY_WITH_TIMEOUT(!m_model->isLoading(), waitMs);
    QVERIFY(m_model->isRowLoaded(0));
    QVERIFY(m_model->isRowLoaded(499));
    QVERIFY(!m_model->isRowLoaded(50000));
    QCOMPARE(m_model->columnCount(), int(UsersTableModel::ColumnCount));
    QCOMPARE(m_model->headerData(UsersTableModel::ClerkIdColumn, Qt::Horizontal).toString(),
             QStringLiteral("Clerk ID"));
    QCOMPARE(emailAt(0), QStringLiteral("user99999@example.test"));
    QCOMPARE(m_model->index(0, UsersTableModel::NameColumn).data().toString(),
             QStringLiteral("Kenji O'Brien"));
}

void TestUsersTableModel::tellsCountedRowsASliceAtATime()
{
    // A view's header makes a section per row: the count goes to the views a
    // slice per turn of the event loop, and the list is complete only then.
    m_model->setRowsPerTelling(30000);
    QList<int> inserted;
    QList<bool> completeWhenInserted;
    connect(m_model, &QAbstractItemModel::rowsInserted, this,
            [&](const QModelIndex &, int first, int last) {
                inserted << last - first + 1;
                completeWhenInserted << m_model->isComplete();
            });
    m_model->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(m_model->isComplete() && !m_model->isLoading(), waitMs);
    QCOMPARE(m_model->rowCount(), userCount);
    // the first page (500 rows), then 99,500 counted rows in slices of 30,000
    QCOMPARE(inserted, (QList<int>{500, 30000, 30000, 30000, 9500}));
    QCOMPARE(completeWhenInserted, (QList<bool>{false, false, false, false, true}));
    QVERIFY(loadRow(userCount - 1));
    QCOMPARE(idAt(userCount - 1), sqlIdAt(userCount - 1));
}

void TestUsersTableModel::loadsPagesWhereTheViewLooks()
{
    m_model->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(m_model->isComplete() && !m_model->isLoading(), waitMs);
    // A row not loaded yet says so, and asking for it loads its page.
    QCOMPARE(m_model->index(4100, UsersTableModel::NameColumn).data().toString(),
             QStringLiteral("Loading…"));
    QVERIFY(!m_model->index(4100, 0).data(UserIdRole).isValid());
    QTRY_VERIFY_WITH_TIMEOUT(m_model->isRowLoaded(4100), waitMs);
    QVERIFY(!m_model->isRowLoaded(5000));
    // (Page 1 too: no append runs once the list is counted.)
    for (int page = 1; page <= 6; ++page)
        QVERIFY(loadRow(page * 500));
    // Pages read by keyset from their neighbours: no duplicates at the seams,
    // newest first throughout.
    QSet<QString> ids;
    QDateTime previous;
    for (int row = 0; row < 3500; ++row) {
        const QModelIndex index = m_model->index(row, 0);
        ids.insert(index.data(UserIdRole).toString());
        const QDateTime created = index.data(CreatedAtRole).toDateTime();
        QVERIFY(!previous.isValid() || created <= previous);
        previous = created;
    }
    QCOMPARE(ids.size(), 3500);
    for (const int row : {499, 500, 1999, 2000, 3499})
        QCOMPARE(idAt(row), sqlIdAt(row));
}

void TestUsersTableModel::jumpsToTheEndAndTheMiddle()
{
    m_model->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(m_model->isComplete() && !m_model->isLoading(), waitMs);
    QVERIFY(loadRow(userCount - 1)); // the last page, read backwards from the end
    QCOMPARE(emailAt(userCount - 1), QStringLiteral("user50000@example.test"));
    for (const int row : {userCount - 1, userCount - 500})
        QCOMPARE(idAt(row), sqlIdAt(row));
    QVERIFY(loadRow(userCount - 501)); // its neighbour, backwards by keyset
    QCOMPARE(idAt(userCount - 501), sqlIdAt(userCount - 501));
    QCOMPARE(idAt(userCount - 1000), sqlIdAt(userCount - 1000));
    QVERIFY(loadRow(50250)); // the unvisited middle
    for (const int row : {50000, 50250, 50499})
        QCOMPARE(idAt(row), sqlIdAt(row));
    QVERIFY(loadRow(49999)); // above it, backwards by keyset
    QCOMPARE(idAt(49999), sqlIdAt(49999));
    QCOMPARE(idAt(49500), sqlIdAt(49500));
}

void TestUsersTableModel::evictsPagesFarFromTheScreen()
{
    m_model->setMaxCachedPages(3);
    m_model->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(m_model->isComplete() && !m_model->isLoading(), waitMs);
    for (int page = 1; page < 12; ++page) {
        QVERIFY(loadRow(page * 500));
        QVERIFY(m_model->cachedPageCount() <= 3);
    }
    // (The model tester keeps looking at row 0: page 0 stays.)
    QVERIFY(!m_model->isRowLoaded(500));
    QVERIFY(m_model->userAt(500).id.isEmpty());
    QVERIFY(loadRow(500)); // read again when looked at
    QCOMPARE(idAt(500), sqlIdAt(500));
    QVERIFY(loadRow(2 * 500 + 7)); // evicted, read again from its known bounds
    QCOMPARE(idAt(1007), sqlIdAt(1007));
    QVERIFY(m_model->cachedPageCount() <= 3);
}

void TestUsersTableModel::sortsOnTheServer_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<int>("order");
    QTest::addColumn<QString>("expression");
    const QString name =
        QStringLiteral(R"((coalesce("firstName", '') || ' ' || coalesce("lastName", '')))");
    QTest::newRow("name ascending")
        << int(UsersTableModel::NameColumn) << int(Qt::AscendingOrder) << name;
    QTest::newRow("name descending")
        << int(UsersTableModel::NameColumn) << int(Qt::DescendingOrder) << name;
    QTest::newRow("email ascending") << int(UsersTableModel::EmailColumn) << int(Qt::AscendingOrder)
                                     << QStringLiteral(R"("email")");
    QTest::newRow("clerk id descending")
        << int(UsersTableModel::ClerkIdColumn) << int(Qt::DescendingOrder)
        << QStringLiteral(R"("clerkId")");
    QTest::newRow("created ascending")
        << int(UsersTableModel::CreatedColumn) << int(Qt::AscendingOrder)
        << QStringLiteral(R"("createdAt")");
}

void TestUsersTableModel::sortsOnTheServer()
{
    QFETCH(int, column);
    QFETCH(int, order);
    QFETCH(QString, expression);
    m_model->setSearch(QStringLiteral("o'brien")); // 11,119 rows, many equal names
    m_model->sort(column, Qt::SortOrder(order));
    QCOMPARE(m_model->sortColumn(), column);
    QCOMPARE(m_model->sortOrder(), Qt::SortOrder(order));
    QTRY_VERIFY_WITH_TIMEOUT(m_model->isComplete() && !m_model->isLoading(), waitMs);
    const int rows = m_model->rowCount();
    QCOMPARE(rows, 11119);
    const QString dir =
        order == Qt::AscendingOrder ? QStringLiteral(" ASC") : QStringLiteral(" DESC");
    const QString where = QStringLiteral(
        R"(WHERE lower(coalesce("email",'') || ' ' || coalesce("clerkId",'') || ' ' ||
           coalesce("firstName",'') || ' ' || coalesce("lastName",'')) LIKE '%o''brien%')");
    // First, seams by keyset, last (backwards), middle (offset), its neighbour.
    for (const int row : {0, 499, 500, 1000, rows - 1, rows - 500, 5600, 5499}) {
        QVERIFY2(loadRow(row), qPrintable(QString::number(row)));
        QCOMPARE(idAt(row),
                 sqlIdAt(row, expression + dir + QStringLiteral(R"(, "id")") + dir, where));
    }
}

void TestUsersTableModel::searchReplacesTheRows()
{
    m_model->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(m_model->isComplete(), waitMs);
    QSignalSpy reset(m_model, &QAbstractItemModel::modelReset);
    m_model->setSearch(QStringLiteral("  user12345@example.test "));
    QCOMPARE(m_model->search(), QStringLiteral("user12345@example.test"));
    QCOMPARE(reset.size(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(m_model->rowCount(), 1, waitMs);
    QTRY_VERIFY_WITH_TIMEOUT(m_model->isComplete(), waitMs);
    QVERIFY(!m_model->canFetchMore({}));
    QTRY_COMPARE_WITH_TIMEOUT(m_model->totalCount(), qint64(1), waitMs);

    m_model->setSearch(QStringLiteral("O'Brien"));
    QTRY_COMPARE_WITH_TIMEOUT(m_model->totalCount(), qint64(11119), waitMs);
    QTRY_COMPARE_WITH_TIMEOUT(m_model->rowCount(), 11119, waitMs);
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
    // A fixed wait: a late answer to an older search must not land, and a
    // dropped answer sends no signal to wait on; give it the chance to land.
    QTest::qWait(300);
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
