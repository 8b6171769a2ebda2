// When the Users screen offers each action: edits need write access and a
// schema with roles, and say why not in their tooltip; export needs a data
// source, copy a selection.
#include "screens/usersactions.h"

#include <QAction>
#include <QTest>

using namespace rolecall;

Q_DECLARE_METATYPE(rolecall::UsersActions::State)

class TestUsersActions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void offersWhatTheStateAllows_data();
    void offersWhatTheStateAllows();
    void keepsTheirShortcuts();
};

void TestUsersActions::offersWhatTheStateAllows_data()
{
    QTest::addColumn<UsersActions::State>("state");
    QTest::addColumn<bool>("grant");
    QTest::addColumn<bool>("end");
    QTest::addColumn<bool>("bulk");
    QTest::addColumn<bool>("exportUsers");
    QTest::addColumn<bool>("copy");
    QTest::addColumn<QString>("grantTip");

    const QString why = QStringLiteral("Read-only: sign in as an active ADMIN to change roles.");
    UsersActions::State nothing;
    nothing.readOnlyReason = why;
    QTest::newRow("nothing open") << nothing << false << false << false << false << false << why;

    UsersActions::State reader = nothing;
    reader.started = reader.hasRoles = reader.hasModel = reader.hasUser = reader.hasGrant = true;
    reader.hasSelection = true;
    QTest::newRow("read-only") << reader << false << false << false << true << true << why;

    UsersActions::State admin = reader;
    admin.canWrite = true;
    admin.readOnlyReason.clear();
    QTest::newRow("admin, all there") << admin << true << true << true << true << true
                                      << QStringLiteral("Grant a role to the selected user");

    UsersActions::State nobody = admin;
    nobody.hasUser = nobody.hasGrant = nobody.hasSelection = false;
    QTest::newRow("admin, nobody selected") << nobody << false << false << true << true << false
                                            << QStringLiteral("Grant a role to the selected user");

    UsersActions::State noRoles = admin;
    noRoles.hasRoles = false;
    QTest::newRow("admin, schema without roles")
        << noRoles << false << false << false << true << true
        << QStringLiteral("This database has no roles.");
}

void TestUsersActions::offersWhatTheStateAllows()
{
    QFETCH(UsersActions::State, state);
    QFETCH(bool, grant);
    QFETCH(bool, end);
    QFETCH(bool, bulk);
    QFETCH(bool, exportUsers);
    QFETCH(bool, copy);
    QFETCH(QString, grantTip);
    UsersActions actions;
    actions.update(state);
    QCOMPARE(actions.grant()->isEnabled(), grant);
    QCOMPARE(actions.end()->isEnabled(), end);
    QCOMPARE(actions.bulkGrant()->isEnabled(), bulk);
    QCOMPARE(actions.exportUsers()->isEnabled(), exportUsers);
    QCOMPARE(actions.copy()->isEnabled(), copy);
    QCOMPARE(actions.grant()->toolTip(), grantTip);
}

void TestUsersActions::keepsTheirShortcuts()
{
    UsersActions actions;
    QCOMPARE(actions.grant()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_G));
    QCOMPARE(actions.bulkGrant()->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_G));
    QCOMPARE(actions.exportUsers()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_E));
    QCOMPARE(actions.copy()->shortcut(), QKeySequence(QKeySequence::Copy));
    QCOMPARE(actions.copy()->shortcutContext(), Qt::WidgetWithChildrenShortcut);
}

QTEST_MAIN(TestUsersActions)
#include "tst_usersactions.moc"
