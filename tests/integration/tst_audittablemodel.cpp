// AuditTableModel on a real PostgreSQL: keyset pages as the view asks, names
// and emails beside Clerk IDs, filters, before/after from the audit table.
#include "itemmodels/audittablemodel.h"
#include "itemmodels/modelroles.h"
#include "pg/pgdatasource.h"
#include "support/pgtestcluster.h"
#include "support/rolefixtures.h"

#include <QAbstractItemModelTester>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace rolecall;

namespace {
constexpr int waitMs = 20000;

void loadAll(AuditTableModel &model)
{
    QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading(), waitMs);
    while (model.canFetchMore({})) {
        model.fetchMore({});
        QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading(), waitMs);
    }
}
} // namespace

class TestAuditTableModel : public QObject, private rolecall::testing::GrantStatesDatabase
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void pagesTheWholeTrail();
    void showsNamesBesideIds();
    void filtersByUserActorRoleAndTime();
    void describesBeforeAndAfter();
    void reportsBadFilters();
};

void TestAuditTableModel::initTestCase()
{
    QString error;
    QVERIFY2(start(&error), qPrintable(error));
}

void TestAuditTableModel::pagesTheWholeTrail()
{
    PgDataSource source(m_cluster->connection(m_db));
    const QList<AuditEvent> expected = testing::allEvents(source, AuditQuery{});

    AuditTableModel model(&source);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setPageSize(7);
    model.refresh();
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 7, waitMs);
    loadAll(model);
    QCOMPARE(model.rowCount(), expected.size());
    QVERIFY(model.isComplete());
    for (int r = 0; r < model.rowCount(); ++r)
        QCOMPARE(model.eventAt(r).id, expected[r].id); // same order, no gaps or repeats
    QCOMPARE(model.index(0, AuditTableModel::AtColumn).data(SortKeyRole).toDateTime(),
             expected[0].at);
}

void TestAuditTableModel::showsNamesBesideIds()
{
    PgDataSource source(m_cluster->connection(m_db));
    AuditTableModel model(&source);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    AuditQuery filter;
    filter.user = QStringLiteral("alice@example.test");
    model.setFilter(filter);
    loadAll(model);
    QCOMPARE(model.rowCount(), 2); // g_active granted, g_future scheduled
    for (int r = 0; r < model.rowCount(); ++r) {
        QCOMPARE(model.index(r, AuditTableModel::UserColumn).data().toString(),
                 QStringLiteral("Alice A (alice@example.test)"));
        QCOMPARE(model.index(r, AuditTableModel::UserClerkIdColumn).data().toString(),
                 QStringLiteral("user_alice"));
        QCOMPARE(model.index(r, AuditTableModel::ActorColumn).data().toString(),
                 QStringLiteral("admin@example.test (user_admin)"));
    }
    const QStringList actions{model.index(0, AuditTableModel::ActionColumn).data().toString(),
                              model.index(1, AuditTableModel::ActionColumn).data().toString()};
    QVERIFY(actions.contains(QStringLiteral("Scheduled")));
    QVERIFY(actions.contains(QStringLiteral("Granted")));
}

void TestAuditTableModel::filtersByUserActorRoleAndTime()
{
    PgDataSource source(m_cluster->connection(m_db));
    AuditTableModel model(&source);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    AuditQuery filter;
    filter.actor = QStringLiteral("other@example.test");
    model.setFilter(filter);
    loadAll(model);
    QCOMPARE(model.rowCount(), 2); // the two trial grants
    for (int r = 0; r < model.rowCount(); ++r)
        QCOMPARE(model.eventAt(r).role, QStringLiteral("LEARNER"));

    filter = {};
    filter.role = QStringLiteral("ADMIN");
    filter.since = testing::daysFromNow(-60);
    model.setFilter(filter);
    loadAll(model);
    // g_nullend granted 50 days ago and ended 7 days ago; g_admin is older
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.eventAt(0).action, QStringLiteral("ended"));
    QCOMPARE(model.index(0, AuditTableModel::ActorColumn).data().toString(),
             QStringLiteral("user_admin"));
    QCOMPARE(model.index(0, AuditTableModel::ReasonColumn).data().toString(),
             QStringLiteral("left the team"));
}

void TestAuditTableModel::describesBeforeAndAfter()
{
    const QJsonObject before{{QStringLiteral("isActive"), true},
                             {QStringLiteral("effectiveEndDate"), QJsonValue::Null},
                             {QStringLiteral("updatedAt"), QStringLiteral("a")}};
    const QJsonObject after{{QStringLiteral("isActive"), false},
                            {QStringLiteral("effectiveEndDate"), QStringLiteral("2026-01-01")},
                            {QStringLiteral("updatedAt"), QStringLiteral("b")}};
    QCOMPARE(AuditTableModel::describeChange(before, after),
             QStringLiteral("effectiveEndDate: — → 2026-01-01; isActive: true → false"));
    QCOMPARE(AuditTableModel::describeChange({}, {}), QString());
}

void TestAuditTableModel::reportsBadFilters()
{
    PgDataSource source(m_cluster->connection(m_db));
    AuditTableModel model(&source);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy errors(&model, &AuditTableModel::errorOccurred);
    AuditQuery filter;
    filter.user = QStringLiteral("nobody@example.test");
    model.setFilter(filter);
    QTRY_COMPARE_WITH_TIMEOUT(errors.count(), 1, waitMs);
    QVERIFY(errors.at(0).at(0).toString().contains(QLatin1String("nobody@example.test")));
    QVERIFY(!model.canFetchMore({}));
}

QTEST_GUILESS_MAIN(TestAuditTableModel)
#include "tst_audittablemodel.moc"
