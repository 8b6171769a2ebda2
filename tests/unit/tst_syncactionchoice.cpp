// Which people each Sync screen action button acts on, and with which sync
// action: the rule is syncActionFor()'s; the buttons only pick the people.
#include "screens/syncactionchoice.h"

#include <QTest>

using namespace rolecall;

namespace {

SyncRecord person(const QString &id, SyncStatus status, bool lacksDefaultRole = false)
{
    SyncRecord record;
    record.clerkId = id;
    record.status = status;
    record.lacksDefaultRole = lacksDefaultRole;
    if (status != SyncStatus::Orphaned && status != SyncStatus::PasswordAccount) {
        ClerkUser user;
        user.id = id;
        record.clerk = user;
    }
    if (status != SyncStatus::MissingInDatabase)
        record.databaseRowId = QStringLiteral("row_") + id;
    return record;
}

// One of each, and a drifted person who also lacks the default role.
const QList<SyncRecord> everyone{
    person(QStringLiteral("in_sync"), SyncStatus::InSync),
    person(QStringLiteral("missing"), SyncStatus::MissingInDatabase),
    person(QStringLiteral("orphan"), SyncStatus::Orphaned),
    person(QStringLiteral("drifted"), SyncStatus::Drifted),
    person(QStringLiteral("drifted_no_role"), SyncStatus::Drifted, true),
    person(QStringLiteral("no_role"), SyncStatus::NoDefaultRole, true),
    person(QStringLiteral("conflict"), SyncStatus::EmailConflict),
    person(QStringLiteral("password"), SyncStatus::PasswordAccount),
};

QStringList idsOf(const QList<SyncAction> &actions)
{
    QStringList ids;
    for (const SyncAction &action : actions)
        ids << action.clerkId;
    return ids;
}

} // namespace

class TestSyncActionChoice : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void picksThePeopleAnActionFixes_data();
    void picksThePeopleAnActionFixes();
    void saysWhenNobodyIsLeft();
};

void TestSyncActionChoice::picksThePeopleAnActionFixes_data()
{
    QTest::addColumn<SyncScreen::Action>("action");
    QTest::addColumn<bool>("selectedOnly"); // else: everyone selected, the button still picks
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<SyncAction::Kind>("kind");
    const QStringList syncable{QStringLiteral("missing"), QStringLiteral("drifted"),
                               QStringLiteral("drifted_no_role"), QStringLiteral("conflict")};
    QTest::newRow("sync selected")
        << SyncScreen::Action::SyncSelected << true << syncable << SyncAction::Kind::Sync;
    QTest::newRow("sync all missing")
        << SyncScreen::Action::SyncAllMissing << false << QStringList{QStringLiteral("missing")}
        << SyncAction::Kind::Sync;
    QTest::newRow("sync all drifted")
        << SyncScreen::Action::SyncAllDrifted << false
        << QStringList{QStringLiteral("drifted"), QStringLiteral("drifted_no_role")}
        << SyncAction::Kind::Sync;
    QTest::newRow("grant default role")
        << SyncScreen::Action::GrantDefaultRole << true
        << QStringList{QStringLiteral("drifted_no_role"), QStringLiteral("no_role")}
        << SyncAction::Kind::GrantDefaultRole;
    QTest::newRow("end grants") << SyncScreen::Action::EndGrants << true
                                << QStringList{QStringLiteral("orphan")}
                                << SyncAction::Kind::EndAllGrants;
}

void TestSyncActionChoice::picksThePeopleAnActionFixes()
{
    QFETCH(SyncScreen::Action, action);
    QFETCH(bool, selectedOnly);
    QFETCH(QStringList, expected);
    QFETCH(SyncAction::Kind, kind);
    // "All missing" and "all drifted" ignore the selection.
    const SyncActionChoice choice =
        chooseSyncActions(action, selectedOnly ? everyone : QList<SyncRecord>(), everyone);
    QCOMPARE(idsOf(choice.actions), expected);
    for (const SyncAction &picked : choice.actions) {
        QCOMPARE(picked.kind, kind);
        QVERIFY(picked.reason.isEmpty()); // the dialog asks for one where needed
        QCOMPARE(picked.clerk.has_value(), picked.clerkId != QLatin1String("orphan"));
    }
    QVERIFY(!choice.title.isEmpty());
}

void TestSyncActionChoice::saysWhenNobodyIsLeft()
{
    const QList<SyncRecord> inSync{person(QStringLiteral("in_sync"), SyncStatus::InSync)};
    const SyncActionChoice missing =
        chooseSyncActions(SyncScreen::Action::SyncAllMissing, inSync, inSync);
    QVERIFY(missing.actions.isEmpty());
    QCOMPARE(missing.nobody, QStringLiteral("Nobody has the status “Missing in database”."));
    const SyncActionChoice orphans = chooseSyncActions(SyncScreen::Action::EndGrants, {}, inSync);
    QVERIFY(orphans.actions.isEmpty());
    QCOMPARE(orphans.nobody, QStringLiteral("Select orphaned people first."));
}

QTEST_GUILESS_MAIN(TestSyncActionChoice)
#include "tst_syncactionchoice.moc"
