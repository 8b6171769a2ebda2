// The user detail panel against a real PostgreSQL (the grant-states fixture):
// profile, active roles, the grant history as a readable timeline, time
// travel, and the edit buttons off with the reason when read-only.
#include "itemmodels/granttimelinemodel.h"
#include "pg/pgdatasource.h"
#include "support/pgtestcluster.h"
#include "support/rolefixtures.h"
#include "widgets/userdetailpanel.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace rolecall;
using namespace rolecall::testing;

namespace {
constexpr int waitMs = 20000;

User bob()
{
    User user;
    user.id = QStringLiteral("u_bob");
    user.clerkId = QStringLiteral("user_bob");
    user.email = QStringLiteral("bob@example.test");
    user.firstName = QStringLiteral("Bob");
    user.lastName = QStringLiteral("B");
    user.createdAt = QDateTime(QDate(2024, 1, 3), QTime(0, 0), Qt::UTC);
    return user;
}
} // namespace

class TestUserDetailPanel : public QObject, public GrantStatesDatabase
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void showsProfileRolesAndTheTimeline();
    void travelsInTime();
    void readOnlyDisablesEditsWithTheReason();
    void offersEndGrantForTheSelectedActiveGrant();

private:
    std::unique_ptr<PgDataSource> m_source;
};

void TestUserDetailPanel::initTestCase()
{
    QString error;
    QVERIFY2(start(&error), qPrintable(error));
    m_source = std::make_unique<PgDataSource>(m_cluster->connection(m_db));
}

void TestUserDetailPanel::showsProfileRolesAndTheTimeline()
{
    UserDetailPanel panel;
    QAbstractItemModelTester tester(panel.timelineModel(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    panel.setDataSource(m_source.get());
    QVERIFY(!panel.hasUser());
    QSignalSpy loaded(&panel, &UserDetailPanel::loaded);
    panel.setUser(bob());
    panel.show();
    QVERIFY(panel.isLoading());
    QVERIFY(panel.statusText().startsWith(QLatin1String("Loading")));
    QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, waitMs);
    QVERIFY(panel.statusText().isEmpty());

    QCOMPARE(panel.findChild<QLabel *>(QStringLiteral("detailName"))->text(),
             QStringLiteral("Bob B"));
    const QString profile = panel.findChild<QLabel *>(QStringLiteral("detailProfile"))->text();
    QVERIFY2(profile.contains(QLatin1String("bob@example.test")) &&
                 profile.contains(QLatin1String("user_bob")),
             qPrintable(profile));
    QCOMPARE(panel.findChild<QLabel *>(QStringLiteral("detailRoles"))->text(),
             QStringLiteral("Active roles: LEARNER"));

    const QAbstractItemModel *timeline = panel.timelineView()->model();
    QCOMPARE(timeline->rowCount(), 2);
    QStringList rows;
    for (int row = 0; row < timeline->rowCount(); ++row)
        rows << timeline->index(row, 0).data().toString();
    const QString all = rows.join(QStringLiteral("\n--\n"));
    QVERIFY2(rows.first().startsWith(QStringLiteral("LEARNER — active")), qPrintable(all));
    QVERIFY2(all.contains(QLatin1String("Granted by other@example.test on ")), qPrintable(all));
    QVERIFY2(all.contains(QStringLiteral("MENTOR — ended")), qPrintable(all));
    QVERIFY2(all.contains(QLatin1String(": term mentor")), qPrintable(all));
    QVERIFY2(all.contains(QLatin1String("Notes: Granted for the spring term")), qPrintable(all));
    // Both end records in the notes, each a line of its own, not part of the notes.
    QVERIFY2(all.contains(QLatin1String("Ended on ")) &&
                 all.contains(QLatin1String(" by someone@example.test: first try")) &&
                 all.contains(QLatin1String(" by admin@example.test: term over")),
             qPrintable(all));
    QVERIFY2(!all.contains(QLatin1String("Notes: Granted for the spring term /")), qPrintable(all));
}

void TestUserDetailPanel::travelsInTime()
{
    UserDetailPanel panel;
    panel.setDataSource(m_source.get());
    QSignalSpy loaded(&panel, &UserDetailPanel::loaded);
    // Ten days ago Bob was a MENTOR and not yet a LEARNER.
    panel.setUser(bob(), QDateTime::currentDateTimeUtc().addDays(-10));
    QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, waitMs);
    const QString roles = panel.findChild<QLabel *>(QStringLiteral("detailRoles"))->text();
    QVERIFY2(roles.startsWith(QLatin1String("Roles on ")) &&
                 roles.endsWith(QLatin1String(": MENTOR")),
             qPrintable(roles));
}

void TestUserDetailPanel::readOnlyDisablesEditsWithTheReason()
{
    UserDetailPanel panel;
    panel.setDataSource(m_source.get());
    panel.setWriteAccess(false,
                         QStringLiteral("Read-only: only an active ADMIN may change roles."));
    QSignalSpy loaded(&panel, &UserDetailPanel::loaded);
    panel.setUser(bob());
    QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, waitMs);
    QVERIFY(!panel.grantButton()->isEnabled());
    QVERIFY(!panel.endButton()->isEnabled());
    QCOMPARE(panel.grantButton()->toolTip(),
             QStringLiteral("Read-only: only an active ADMIN may change roles."));
    QCOMPARE(panel.endButton()->toolTip(), panel.grantButton()->toolTip());
    panel.setWriteAccess(true, {});
    QVERIFY(panel.grantButton()->isEnabled());
}

void TestUserDetailPanel::offersEndGrantForTheSelectedActiveGrant()
{
    UserDetailPanel panel;
    panel.setDataSource(m_source.get());
    panel.setWriteAccess(true, {});
    QSignalSpy loaded(&panel, &UserDetailPanel::loaded);
    QSignalSpy endAsked(&panel, &UserDetailPanel::endGrantRequested);
    QSignalSpy grantAsked(&panel, &UserDetailPanel::grantRoleRequested);
    panel.setUser(bob());
    QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, waitMs);
    QVERIFY(!panel.endButton()->isEnabled());                               // nothing selected
    panel.timelineView()->setCurrentIndex(panel.timelineModel()->index(1)); // the ended MENTOR
    QVERIFY(!panel.endButton()->isEnabled());
    panel.timelineView()->setCurrentIndex(panel.timelineModel()->index(0)); // active LEARNER
    QVERIFY(panel.endButton()->isEnabled());
    panel.endButton()->click();
    QCOMPARE(endAsked.size(), 1);
    QCOMPARE(endAsked.first().first().value<GrantView>().grant.id, QStringLiteral("g_expiring2"));
    panel.grantButton()->click();
    QCOMPARE(grantAsked.size(), 1);
}

QTEST_MAIN(TestUserDetailPanel)
#include "tst_userdetailpanel.moc"
