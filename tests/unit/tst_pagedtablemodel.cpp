// PagedTableModel without a database: a model of numbers whose pages the
// test answers by hand. One page on its way at a time (also from a slot on
// rowsAboutToBeInserted), answers to a replaced request dropped, an error
// stops fetching until a refresh, clear() asks nothing.
#include "itemmodels/pagedtablemodel.h"
#include "services/datasource.h"

#include <QAbstractItemModelTester>
#include <QFutureWatcher>
#include <QPromise>
#include <QSignalSpy>
#include <QTest>

#include <memory>
#include <vector>

using namespace rolecall;

namespace {

// Only there to be present: NumbersModel answers its own requests.
class AbsentSource final : public DataSource
{
public:
    QFuture<SchemaInfo> detectSchema() override { return notSupported<SchemaInfo>(); }
    QFuture<UserPage> fetchUsers(const UserQuery &) override { return notSupported<UserPage>(); }
    QFuture<qint64> countUsers(const UserQuery &) override { return notSupported<qint64>(); }
    QFuture<AccountAccess> fetchAccount(const QString &) override
    {
        return notSupported<AccountAccess>();
    }
    QFuture<QList<GrantView>> fetchGrants(const QString &, const QDateTime &) override
    {
        return notSupported<QList<GrantView>>();
    }
    QFuture<QList<GrantView>> fetchExpiring(int) override
    {
        return notSupported<QList<GrantView>>();
    }
    QFuture<AuditPage> fetchAudit(const AuditQuery &) override { return notSupported<AuditPage>(); }
    QFuture<RoleGrant> grantRole(const Actor &, const GrantRequest &) override
    {
        return notSupported<RoleGrant>();
    }
    QFuture<RoleGrant> endGrant(const Actor &, const EndRequest &) override
    {
        return notSupported<RoleGrant>();
    }
    QFuture<BulkPlan> planBulkGrant(const Actor &, const BulkGrantRequest &) override
    {
        return notSupported<BulkPlan>();
    }
    QFuture<QList<RoleGrant>> applyBulkGrant(const Actor &, const BulkGrantRequest &) override
    {
        return notSupported<QList<RoleGrant>>();
    }
    QString displayName() const override { return QStringLiteral("absent"); }
};

struct NumberPage
{
    QList<int> numbers;
    bool atEnd = false;
};

class NumbersModel final : public PagedTableModel<int>
{
public:
    explicit NumbersModel(DataSource *source)
        : PagedTableModel<int>(source, 1, nullptr)
    {}

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override
    {
        if (!checkIndex(index, CheckIndexOption::IndexIsValid) || role != Qt::DisplayRole)
            return {};
        return rowAt(index.row());
    }

    int requestCount() const { return int(m_requests.size()); }
    int lastPageSize() const { return m_lastPageSize; }
    int lastStart() const { return m_lastStart; }
    // Answers request `n` (0: the first ever made) with the next `count` numbers.
    void answer(int n, int count, bool atEnd = false)
    {
        NumberPage page;
        for (int i = 0; i < count; ++i)
            page.numbers.append(m_starts.at(n) + i);
        page.atEnd = atEnd;
        m_requests.at(n)->addResult(page);
        m_requests.at(n)->finish();
    }
    void fail(int n, const QString &message)
    {
        m_requests.at(n)->setException(
            std::make_exception_ptr(DataSourceError(DataSourceError::Kind::Query, message)));
        m_requests.at(n)->finish();
    }

private:
    void requestPage(DataSource &, int pageSize) override
    {
        m_lastPageSize = pageSize;
        m_lastStart = lastRow() ? *lastRow() + 1 : 0;
        m_starts.append(m_lastStart);
        auto &promise = m_requests.emplace_back(std::make_unique<QPromise<NumberPage>>());
        promise->start();
        receivePage(promise->future(),
                    [this](const NumberPage &page) { appendPage(page.numbers, page.atEnd); });
    }

    std::vector<std::unique_ptr<QPromise<NumberPage>>> m_requests;
    QList<int> m_starts;
    int m_lastPageSize = 0;
    int m_lastStart = 0;
};

// Every answer was delivered (or dropped): no watcher is left.
bool answersHandled(const QObject &model)
{
    return model.findChildren<QFutureWatcherBase *>().isEmpty();
}

} // namespace

class TestPagedTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void asksForOnePageAtATime();
    void appendsPagesUntilTheEnd();
    void doesNotAskAgainWhileRowsGoIn();
    void dropsAnswersToAReplacedRequest();
    void anErrorStopsFetchingUntilRefresh();
    void clearShowsNothingAndAsksNothing();
    void asksNothingWithoutADataSource();

private:
    AbsentSource m_source;
    std::unique_ptr<NumbersModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    std::unique_ptr<QSignalSpy> m_loading;
    std::unique_ptr<QSignalSpy> m_loaded;
    std::unique_ptr<QSignalSpy> m_errors;
};

void TestPagedTableModel::init()
{
    m_model = std::make_unique<NumbersModel>(&m_source);
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_loading = std::make_unique<QSignalSpy>(m_model.get(), &NumbersModel::loadingChanged);
    m_loaded = std::make_unique<QSignalSpy>(m_model.get(), &NumbersModel::pageLoaded);
    m_errors = std::make_unique<QSignalSpy>(m_model.get(), &NumbersModel::errorOccurred);
}

void TestPagedTableModel::cleanup()
{
    m_errors.reset();
    m_loaded.reset();
    m_loading.reset();
    m_tester.reset();
    m_model.reset();
}

void TestPagedTableModel::asksForOnePageAtATime()
{
    NumbersModel &model = *m_model;
    QVERIFY(!model.canFetchMore({})); // nothing until refresh()
    model.setPageSize(25);
    model.refresh();
    QCOMPARE(model.requestCount(), 1);
    QCOMPARE(model.lastPageSize(), 25);
    QVERIFY(model.isLoading());
    QCOMPARE(m_loading->count(), 1);
    QVERIFY(!model.canFetchMore({}));
    model.fetchMore({}); // a view scrolling on while the page is on its way
    QCOMPARE(model.requestCount(), 1);
    QCOMPARE(model.columnCount(), 1);
}

void TestPagedTableModel::appendsPagesUntilTheEnd()
{
    NumbersModel &model = *m_model;
    model.refresh();
    model.answer(0, 3);
    QTRY_COMPARE(m_loaded->count(), 1);
    QCOMPARE(model.rowCount(), 3);
    QVERIFY(!model.isLoading());
    QCOMPARE(m_loading->count(), 2);
    QVERIFY(model.canFetchMore({}));
    QVERIFY(!model.isComplete());

    model.fetchMore({});
    QCOMPARE(model.lastStart(), 3); // the next page starts after the loaded rows
    model.answer(1, 2, true);
    QTRY_COMPARE(m_loaded->count(), 2);
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(model.data(model.index(4, 0)).toInt(), 4);
    QVERIFY(model.isComplete());
    QVERIFY(!model.canFetchMore({}));
}

void TestPagedTableModel::doesNotAskAgainWhileRowsGoIn()
{
    NumbersModel &model = *m_model;
    QList<bool> couldFetch;
    connect(&model, &QAbstractItemModel::rowsAboutToBeInserted, &model, [&] {
        couldFetch.append(model.canFetchMore({}));
        model.fetchMore({}); // as a view may
    });
    model.refresh();
    model.answer(0, 4);
    QTRY_COMPARE(m_loaded->count(), 1);
    QCOMPARE(couldFetch, QList<bool>{false});
    QCOMPARE(model.requestCount(), 1);
}

void TestPagedTableModel::dropsAnswersToAReplacedRequest()
{
    NumbersModel &model = *m_model;
    model.refresh();
    model.refresh(); // a new filter before the first answer
    QCOMPARE(model.requestCount(), 2);
    model.answer(0, 7);
    model.answer(1, 2);
    QTRY_VERIFY(answersHandled(model));
    QCOMPARE(m_loaded->count(), 1);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(m_errors->count(), 0);

    model.fetchMore({});
    model.refresh();
    model.fail(2, QStringLiteral("an old page failed"));
    model.answer(3, 1);
    QTRY_VERIFY(answersHandled(model));
    QCOMPARE(m_loaded->count(), 2);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(m_errors->count(), 0);
    QVERIFY(model.lastError().isEmpty());
}

void TestPagedTableModel::anErrorStopsFetchingUntilRefresh()
{
    NumbersModel &model = *m_model;
    model.refresh();
    model.fail(0, QStringLiteral("no such role"));
    QTRY_COMPARE(m_errors->count(), 1);
    QCOMPARE(m_errors->at(0).at(0).toString(), QStringLiteral("no such role"));
    QCOMPARE(model.lastError(), QStringLiteral("no such role"));
    QVERIFY(!model.isLoading());
    QCOMPARE(m_loading->count(), 2);
    QVERIFY(!model.canFetchMore({})); // no retry loop on a failing page
    model.fetchMore({});
    QCOMPARE(model.requestCount(), 1);

    model.refresh();
    QVERIFY(model.lastError().isEmpty());
    QCOMPARE(model.requestCount(), 2);
}

void TestPagedTableModel::clearShowsNothingAndAsksNothing()
{
    NumbersModel &model = *m_model;
    model.refresh();
    model.answer(0, 3);
    QTRY_COMPARE(m_loaded->count(), 1);
    model.fetchMore({});
    m_loading->clear();
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.clear();
    QCOMPARE(reset.count(), 1);
    QCOMPARE(m_loading->count(), 1); // the page on its way is given up
    QCOMPARE(m_loading->at(0).at(0).toBool(), false);
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.canFetchMore({}));
    model.answer(1, 3);
    QTRY_VERIFY(answersHandled(model));
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.requestCount(), 2);
    QCOMPARE(m_loaded->count(), 1);
}

void TestPagedTableModel::asksNothingWithoutADataSource()
{
    auto source = std::make_unique<AbsentSource>();
    NumbersModel model(nullptr);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.refresh();
    QCOMPARE(model.requestCount(), 0);
    QVERIFY(!model.isLoading());
    QVERIFY(!model.canFetchMore({}));

    model.setDataSource(source.get()); // reloads
    QCOMPARE(model.requestCount(), 1);
    source.reset(); // gone mid-flight: the model stays usable
    model.refresh();
    QCOMPARE(model.requestCount(), 1);
    QVERIFY(!model.isLoading());
    QVERIFY(!model.canFetchMore({}));
}

QTEST_GUILESS_MAIN(TestPagedTableModel)
#include "tst_pagedtablemodel.moc"
