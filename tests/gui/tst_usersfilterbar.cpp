// The Users screen's filter bar: every change hands over the whole filter
// once (typing after a pause), role and "no role" exclude each other, the
// schema's roles fill the role filter, and search, role and "no role" are
// remembered.
#include "widgets/usersfilterbar.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace rolecall;

Q_DECLARE_METATYPE(rolecall::UserQuery)

namespace {
const QStringList akakoRoles{QStringLiteral("LEARNER"), QStringLiteral("MENTOR"),
                             QStringLiteral("ADMIN")};

UserQuery lastFilter(const QSignalSpy &spy)
{
    return spy.last().at(0).value<UserQuery>();
}
} // namespace

class TestUsersFilterBar : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void typingHandsOverTheFilterAfterAPause();
    void aRoleClearsNoRoleAndBack();
    void asOfCountsOnlyWhenOn();
    void theSchemaFillsTheRoles();
    void remembersSearchRoleAndNoRole();
    void describesTheFilter_data();
    void describesTheFilter();
};

void TestUsersFilterBar::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // keep settings out of the real ones
    QSettings().remove(QStringLiteral("usersScreen"));
}

void TestUsersFilterBar::typingHandsOverTheFilterAfterAPause()
{
    UsersFilterBar bar;
    QSignalSpy changed(&bar, &UsersFilterBar::filterChanged);
    bar.searchField()->setText(QStringLiteral("  ada "));
    QCOMPARE(changed.size(), 0); // not while typing
    QTRY_COMPARE(changed.size(), 1);
    QCOMPARE(lastFilter(changed).search, QStringLiteral("ada"));
    QCOMPARE(bar.filter().search, QStringLiteral("ada"));
    QTest::qWait(400);
    QCOMPARE(changed.size(), 1); // once per change
}

void TestUsersFilterBar::aRoleClearsNoRoleAndBack()
{
    UsersFilterBar bar;
    bar.setRoles(akakoRoles);
    QSignalSpy changed(&bar, &UsersFilterBar::filterChanged);
    bar.noRoleFilter()->setChecked(true);
    QCOMPARE(changed.size(), 1);
    QVERIFY(lastFilter(changed).noRole);
    bar.roleFilter()->setCurrentIndex(bar.roleFilter()->findData(QStringLiteral("MENTOR")));
    QCOMPARE(changed.size(), 2); // one filter, not one per control that moved
    QVERIFY(!bar.noRoleFilter()->isChecked());
    QCOMPARE(lastFilter(changed).role, QStringLiteral("MENTOR"));
    QVERIFY(!lastFilter(changed).noRole);
    bar.noRoleFilter()->setChecked(true);
    QCOMPARE(changed.size(), 3);
    QCOMPARE(bar.roleFilter()->currentIndex(), 0);
    QVERIFY(lastFilter(changed).role.isEmpty());
    QVERIFY(lastFilter(changed).noRole);
}

void TestUsersFilterBar::asOfCountsOnlyWhenOn()
{
    UsersFilterBar bar;
    bar.setRoles(akakoRoles);
    QSignalSpy changed(&bar, &UsersFilterBar::filterChanged);
    const QDateTime instant(QDate(2000, 1, 1), QTime(0, 0));
    bar.asOfEdit()->setDateTime(instant);
    QCOMPARE(changed.size(), 0);
    QVERIFY(!bar.asOfEdit()->isEnabled());
    bar.asOfEnabled()->setChecked(true);
    QVERIFY(bar.asOfEdit()->isEnabled());
    QCOMPARE(changed.size(), 1);
    QCOMPARE(lastFilter(changed).asOf, instant);
    bar.asOfEdit()->setDateTime(instant.addDays(1));
    QCOMPARE(changed.size(), 2);
    bar.asOfEnabled()->setChecked(false);
    QVERIFY(!lastFilter(changed).asOf.isValid());
}

void TestUsersFilterBar::theSchemaFillsTheRoles()
{
    UsersFilterBar bar;
    bar.setRoles(akakoRoles);
    QCOMPARE(bar.roleFilter()->count(), 4); // "Any role" and the enum
    bar.roleFilter()->setCurrentIndex(bar.roleFilter()->findData(QStringLiteral("ADMIN")));
    QSignalSpy changed(&bar, &UsersFilterBar::filterChanged);
    bar.setRoles(akakoRoles + QStringList{QStringLiteral("AUDITOR")});
    QCOMPARE(bar.roleFilter()->currentData().toString(), QStringLiteral("ADMIN"));
    QCOMPARE(changed.size(), 0); // filling is not choosing
    bar.setRoles({});            // SehatScan: no roles
    QVERIFY(!bar.roleFilter()->isEnabled());
    QVERIFY(!bar.noRoleFilter()->isEnabled());
    QVERIFY(!bar.asOfEnabled()->isEnabled());
    QVERIFY(bar.searchField()->isEnabled());
}

void TestUsersFilterBar::remembersSearchRoleAndNoRole()
{
    {
        UsersFilterBar bar;
        bar.setRoles(akakoRoles);
        bar.searchField()->setText(QStringLiteral("user12"));
        bar.roleFilter()->setCurrentIndex(bar.roleFilter()->findData(QStringLiteral("MENTOR")));
        bar.asOfEnabled()->setChecked(true);
        bar.saveSettings();
    }
    UsersFilterBar bar;
    QSignalSpy changed(&bar, &UsersFilterBar::filterChanged);
    bar.restoreSettings();
    QCOMPARE(bar.searchField()->text(), QStringLiteral("user12"));
    bar.setRoles(akakoRoles); // the remembered role waits for the schema's
    QCOMPARE(bar.roleFilter()->currentData().toString(), QStringLiteral("MENTOR"));
    QVERIFY(!bar.asOfEnabled()->isChecked()); // a past instant would mislead
    QTest::qWait(400);
    QCOMPARE(changed.size(), 0); // restoring is not a change; the screen applies it
    QSettings().remove(QStringLiteral("usersScreen"));
}

void TestUsersFilterBar::describesTheFilter_data()
{
    QTest::addColumn<UserQuery>("filter");
    QTest::addColumn<QString>("words");
    QTest::newRow("everyone") << UserQuery{} << QStringLiteral("all users");
    UserQuery search;
    search.search = QStringLiteral("ada");
    QTest::newRow("search") << search << QStringLiteral("matching \"ada\"");
    UserQuery role = search;
    role.role = QStringLiteral("MENTOR");
    QTest::newRow("search and role") << role << QStringLiteral("matching \"ada\", holding MENTOR");
    UserQuery noRole;
    noRole.noRole = true;
    QTest::newRow("no role") << noRole << QStringLiteral("holding no role");
}

void TestUsersFilterBar::describesTheFilter()
{
    QFETCH(UserQuery, filter);
    QFETCH(QString, words);
    QCOMPARE(describeUserFilter(filter), words);
}

QTEST_MAIN(TestUsersFilterBar)
#include "tst_usersfilterbar.moc"
