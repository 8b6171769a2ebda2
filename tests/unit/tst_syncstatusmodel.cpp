// SyncStatusModel: rows streamed in, the status filter, counts per status.
#include "itemmodels/syncstatusmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace rolecall;

namespace {

SyncRecord record(const QString &id, SyncStatus status, bool lacksRole = false)
{
    SyncRecord r;
    r.clerkId = id;
    r.status = status;
    r.lacksDefaultRole = lacksRole;
    r.email = id + QStringLiteral("@x.test");
    if (status == SyncStatus::Drifted)
        r.diffs = {{QStringLiteral("email"), QStringLiteral("new@x.test"), r.email}};
    return r;
}

} // namespace

class TestSyncStatusModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void streamsFiltersAndCounts();
};

void TestSyncStatusModel::streamsFiltersAndCounts()
{
    SyncStatusModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy counts(&model, &SyncStatusModel::countsChanged);
    model.addRecords({record(QStringLiteral("user_a"), SyncStatus::InSync),
                      record(QStringLiteral("user_b"), SyncStatus::Drifted, true)});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(counts.count(), 1);
    // A partial result, then more: rows are appended as pages come.
    model.addRecords({record(QStringLiteral("user_c"), SyncStatus::MissingInDatabase),
                      record(QStringLiteral("user_d"), SyncStatus::NoDefaultRole, true)});
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.count(SyncStatus::Drifted), 1);
    QCOMPARE(model.count(SyncStatus::NoDefaultRole), 2); // the drifted one lacks it too
    QCOMPARE(model.count(SyncStatus::MissingInDatabase), 1);

    const QModelIndex diff = model.index(1, SyncStatusModel::DifferencesColumn);
    QVERIFY(model.data(diff).toString().contains(QLatin1String("new@x.test")));
    QCOMPARE(model.data(diff, SyncStatusModel::DiffFieldsRole).toStringList(),
             QStringList{QStringLiteral("email")});
    QCOMPARE(model.data(model.index(1, 0), SyncStatusModel::StatusRole).toString(),
             QStringLiteral("drifted"));

    model.setStatusFilter(SyncStatus::NoDefaultRole);
    QCOMPARE(model.rowCount(), 2);
    model.addRecords({record(QStringLiteral("user_e"), SyncStatus::Orphaned),
                      record(QStringLiteral("user_f"), SyncStatus::NoDefaultRole, true)});
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.recordAt(2).clerkId, QStringLiteral("user_f"));
    QVERIFY(model.recordFor(QStringLiteral("user_e")));
    QCOMPARE(model.recordFor(QStringLiteral("user_e"))->status, SyncStatus::Orphaned);
    model.setStatusFilter(std::nullopt);
    QCOMPARE(model.rowCount(), 6);
    for (int c = 0; c < SyncStatusModel::ColumnCount; ++c)
        QVERIFY(!model.headerData(c, Qt::Horizontal).toString().isEmpty());
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.count(SyncStatus::Orphaned), 0);
}

QTEST_GUILESS_MAIN(TestSyncStatusModel)
#include "tst_syncstatusmodel.moc"
