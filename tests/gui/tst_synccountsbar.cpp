// The Sync screen's counts: one button per status and "Everyone", counting
// as verdicts stream into the model, each a filter on its rows.
#include "itemmodels/syncstatusmodel.h"
#include "widgets/synccountsbar.h"

#include <QAbstractButton>
#include <QTest>

using namespace rolecall;

namespace {

SyncRecord person(const QString &id, SyncStatus status, bool lacksDefaultRole = false)
{
    SyncRecord record;
    record.clerkId = id;
    record.status = status;
    record.lacksDefaultRole = lacksDefaultRole;
    return record;
}

} // namespace

class TestSyncCountsBar : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void countsAsVerdictsArrive();
    void aCountIsAFilter();
    void namesEveryStatus();
};

void TestSyncCountsBar::countsAsVerdictsArrive()
{
    SyncStatusModel model;
    SyncCountsBar bar(&model);
    QCOMPARE(bar.button(std::nullopt)->text(), QStringLiteral("Everyone 0"));
    model.addRecords({person(QStringLiteral("a"), SyncStatus::InSync),
                      person(QStringLiteral("b"), SyncStatus::Drifted, true)});
    model.addRecords({person(QStringLiteral("c"), SyncStatus::MissingInDatabase)});
    QCOMPARE(bar.button(std::nullopt)->text(), QStringLiteral("Everyone 3"));
    QCOMPARE(bar.button(SyncStatus::Drifted)->text(), QStringLiteral("Drifted 1"));
    QCOMPARE(bar.button(SyncStatus::NoDefaultRole)->text(), QStringLiteral("No default role 1"));
    QCOMPARE(bar.button(SyncStatus::MissingInDatabase)->text(),
             QStringLiteral("Missing in database 1"));
    QCOMPARE(bar.button(SyncStatus::Orphaned)->accessibleName(), QStringLiteral("Show Orphaned"));
}

void TestSyncCountsBar::aCountIsAFilter()
{
    SyncStatusModel model;
    SyncCountsBar bar(&model);
    model.addRecords({person(QStringLiteral("a"), SyncStatus::InSync),
                      person(QStringLiteral("b"), SyncStatus::Drifted)});
    QVERIFY(bar.button(std::nullopt)->isChecked());
    bar.button(SyncStatus::Drifted)->click();
    QCOMPARE(model.statusFilter(), std::optional<SyncStatus>(SyncStatus::Drifted));
    QCOMPARE(model.rowCount(), 1);
    QVERIFY(bar.button(SyncStatus::Drifted)->isChecked());
    QVERIFY(!bar.button(std::nullopt)->isChecked()); // one at a time
    bar.button(std::nullopt)->click();
    QCOMPARE(model.statusFilter(), std::nullopt);
    QCOMPARE(model.rowCount(), 2);
}

void TestSyncCountsBar::namesEveryStatus()
{
    for (const SyncStatus status : allSyncStatuses())
        QVERIFY(!SyncCountsBar::statusLabel(status).isEmpty());
    QCOMPARE(SyncCountsBar::statusLabel(SyncStatus::EmailConflict),
             QStringLiteral("Email conflict"));
}

QTEST_MAIN(TestSyncCountsBar)
#include "tst_synccountsbar.moc"
