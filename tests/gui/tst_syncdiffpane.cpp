// The Sync screen's pane for the selected people: what each status means for
// one person, the fields that differ (or what a sync would write for someone
// never synced), and how many when several are selected.
#include "widgets/syncdiffpane.h"

#include <QTableWidget>
#include <QTest>

using namespace rolecall;

namespace {

SyncRecord person(SyncStatus status)
{
    SyncRecord record;
    record.clerkId = QStringLiteral("user_1");
    record.status = status;
    record.email = QStringLiteral("ada@x.test");
    record.name = QStringLiteral("Ada Lovelace");
    if (status != SyncStatus::MissingInDatabase)
        record.databaseRowId = QStringLiteral("row_1");
    return record;
}

} // namespace

class TestSyncDiffPane : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void explainsOnePerson_data();
    void explainsOnePerson();
    void countsSeveralPeople();
};

void TestSyncDiffPane::explainsOnePerson_data()
{
    QTest::addColumn<SyncRecord>("record");
    QTest::addColumn<QString>("says");
    QTest::addColumn<int>("fields");

    SyncRecord drifted = person(SyncStatus::Drifted);
    drifted.diffs = {
        {QStringLiteral("email"), QStringLiteral("new@x.test"), QStringLiteral("ada@x.test")}};
    QTest::newRow("drifted") << drifted << QStringLiteral("Database row row_1.") << 1;
    QTest::newRow("missing") << person(SyncStatus::MissingInDatabase)
                             << QStringLiteral("never synced") << 2; // what a sync writes
    QTest::newRow("orphaned") << person(SyncStatus::Orphaned)
                              << QStringLiteral("has no Clerk user any more") << 0;
    SyncRecord conflict = person(SyncStatus::EmailConflict);
    conflict.conflictRowId = QStringLiteral("row_8");
    conflict.conflictClerkId = QStringLiteral("user_8");
    QTest::newRow("email conflict") << conflict << QStringLiteral("row_8 (Clerk ID user_8)") << 0;
    QTest::newRow("password account")
        << person(SyncStatus::PasswordAccount) << QStringLiteral("password sign-in") << 0;
    SyncRecord noRole = person(SyncStatus::NoDefaultRole);
    noRole.lacksDefaultRole = true;
    noRole.neverHadDefaultRole = true;
    QTest::newRow("no default role") << noRole << QStringLiteral("Never had the default role") << 0;
    QTest::newRow("in sync") << person(SyncStatus::InSync) << QStringLiteral("No field differs.")
                             << 0;
}

void TestSyncDiffPane::explainsOnePerson()
{
    QFETCH(SyncRecord, record);
    QFETCH(QString, says);
    QFETCH(int, fields);
    SyncDiffPane pane;
    pane.showPerson(record);
    QVERIFY2(pane.summaryText().contains(says), qPrintable(pane.summaryText()));
    QVERIFY(pane.summaryText().contains(QLatin1String("<b>user_1</b>")));
    QCOMPARE(pane.diffView()->rowCount(), fields);
    if (record.status == SyncStatus::Drifted) {
        QCOMPARE(pane.diffView()->item(0, 0)->text(), QStringLiteral("email"));
        QCOMPARE(pane.diffView()->item(0, 1)->text(), QStringLiteral("new@x.test"));
        QCOMPARE(pane.diffView()->item(0, 2)->text(), QStringLiteral("ada@x.test"));
    }
}

void TestSyncDiffPane::countsSeveralPeople()
{
    SyncDiffPane pane;
    QVERIFY(pane.summaryText().startsWith(QLatin1String("Select a person")));
    SyncRecord drifted = person(SyncStatus::Drifted);
    drifted.diffs = {{QStringLiteral("email"), QStringLiteral("b"), QStringLiteral("a")}};
    pane.showPerson(drifted);
    QCOMPARE(pane.diffView()->rowCount(), 1);
    pane.showCount(3);
    QVERIFY(pane.summaryText().contains(QLatin1String("3 person")));
    QCOMPARE(pane.diffView()->rowCount(), 0);
    pane.showCount(0);
    QVERIFY(pane.summaryText().startsWith(QLatin1String("Select a person")));
}

QTEST_MAIN(TestSyncDiffPane)
#include "tst_syncdiffpane.moc"
