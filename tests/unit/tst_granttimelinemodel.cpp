// The grant timeline model: rows newest first as given, readable lines for
// every state, and the roles views and dialogs read.
#include "itemmodels/granttimelinemodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace rolecall;

namespace {

GrantView grant(const QString &id, const QString &role, GrantState state)
{
    GrantView view;
    view.grant.id = id;
    view.grant.role = role;
    view.grant.effectiveStart = QDateTime(QDate(2025, 3, 1), QTime(9, 0), Qt::UTC);
    view.grant.createdAt = view.grant.effectiveStart;
    view.grant.updatedAt = view.grant.effectiveStart.addDays(2);
    view.grant.assignedBy = QStringLiteral("user_admin");
    view.grant.assignedByEmail = QStringLiteral("admin@example.test");
    view.grant.reason = QStringLiteral("Runs the spring cohort");
    view.state = state;
    view.userClerkId = QStringLiteral("user_x");
    return view;
}

} // namespace

class TestGrantTimelineModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsEachGrantAsReadableLines();
    void saysWhoEndedAGrantAndWhy();
    void activeRolesAreTheActiveGrants();
};

void TestGrantTimelineModel::showsEachGrantAsReadableLines()
{
    GrantTimelineModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    GrantView mentor = grant(QStringLiteral("g1"), QStringLiteral("MENTOR"), GrantState::Active);
    mentor.grant.effectiveEnd = mentor.grant.effectiveStart.addMonths(4);
    mentor.grant.adminNotes = QStringLiteral("Second term too");
    GrantView learner = grant(QStringLiteral("g2"), QStringLiteral("LEARNER"), GrantState::Future);
    learner.grant.assignedByEmail.clear();
    learner.grant.reason.clear();
    model.setGrants({mentor, learner});
    QCOMPARE(model.rowCount(), 2);

    const QString first = model.index(0).data().toString();
    QVERIFY2(first.startsWith(QStringLiteral("MENTOR — active\nFrom ")), qPrintable(first));
    QVERIFY2(first.contains(QLatin1String(" until ")), qPrintable(first));
    QVERIFY2(first.contains(QLatin1String("Granted by admin@example.test on ")) &&
                 first.contains(QLatin1String(": Runs the spring cohort")),
             qPrintable(first));
    QVERIFY2(first.contains(QLatin1String("Notes: Second term too")), qPrintable(first));
    QCOMPARE(model.index(0).data(GrantTimelineModel::GrantIdRole).toString(), QStringLiteral("g1"));
    QCOMPARE(model.index(0).data(GrantTimelineModel::GrantRoleRole).toString(),
             QStringLiteral("MENTOR"));
    QCOMPARE(model.index(0).data(GrantTimelineModel::StateRole).toString(),
             QStringLiteral("active"));
    QCOMPARE(model.index(0).data(GrantTimelineModel::UpdatedAtRole).toDateTime(),
             mentor.grant.updatedAt);

    const QString second = model.index(1).data().toString();
    QVERIFY2(second.startsWith(QStringLiteral("LEARNER — starts later")), qPrintable(second));
    QVERIFY2(second.contains(QLatin1String("open-ended")), qPrintable(second));
    QVERIFY2(second.contains(QLatin1String("Granted by user_admin")), qPrintable(second));
    QVERIFY2(second.contains(QLatin1String("(no reason given)")), qPrintable(second));
    QVERIFY(!model.index(1).data(Qt::AccessibleTextRole).toString().contains(QLatin1Char('\n')));
    QCOMPARE(model.grantAt(1)->grant.id, QStringLiteral("g2"));
    QCOMPARE(model.grantAt(2), nullptr);
}

void TestGrantTimelineModel::saysWhoEndedAGrantAndWhy()
{
    GrantView recorded = grant(QStringLiteral("g1"), QStringLiteral("MENTOR"), GrantState::Ended);
    recorded.endedBy = QStringLiteral("admin@example.test");
    recorded.endedReason = QStringLiteral("term over");
    GrantView noted = grant(QStringLiteral("g4"), QStringLiteral("MENTOR"), GrantState::Ended);
    noted.grant.adminNotes = QStringLiteral(
        "Spring term\nEnded 2025-06-01T10:00:00.000Z by admin@example.test: term over");
    noted.endedBy = QStringLiteral("admin@example.test");
    noted.endedReason = QStringLiteral("term over");
    GrantView flag = grant(QStringLiteral("g2"), QStringLiteral("ADMIN"), GrantState::Ended);
    flag.grant.isActiveFlag = false;
    GrantView expired = grant(QStringLiteral("g3"), QStringLiteral("LEARNER"), GrantState::Ended);
    expired.grant.effectiveEnd = expired.grant.effectiveStart.addDays(1);

    GrantTimelineModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setGrants({recorded, flag, expired});
    QVERIFY2(model.index(0).data().toString().endsWith(
                 QLatin1String("Ended by admin@example.test: term over")),
             qPrintable(model.index(0).data().toString()));
    QVERIFY(model.index(1).data().toString().contains(QLatin1String("isActive cleared")));
    QVERIFY(model.index(2).data().toString().endsWith(QLatin1String("Expired at its end date")));
    model.setGrants({noted});
    const QStringList lines = model.index(0).data().toString().split(u'\n');
    QVERIFY2(lines.contains(QStringLiteral("Notes: Spring term")), qPrintable(lines.join(u'|')));
    QVERIFY2(lines.constLast().startsWith(QLatin1String("Ended on ")) &&
                 lines.constLast().endsWith(QLatin1String(" by admin@example.test: term over")),
             qPrintable(lines.join(u'|')));
    QCOMPARE(lines.filter(QStringLiteral("term over")).size(), 1); // not twice
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestGrantTimelineModel::activeRolesAreTheActiveGrants()
{
    GrantTimelineModel model;
    model.setGrants({grant(QStringLiteral("a"), QStringLiteral("LEARNER"), GrantState::Active),
                     grant(QStringLiteral("b"), QStringLiteral("MENTOR"), GrantState::Future),
                     grant(QStringLiteral("c"), QStringLiteral("LEARNER"), GrantState::Active),
                     grant(QStringLiteral("d"), QStringLiteral("ADMIN"), GrantState::Ended)});
    QCOMPARE(model.activeRoles(), QStringList{QStringLiteral("LEARNER")});
}

QTEST_GUILESS_MAIN(TestGrantTimelineModel)
#include "tst_granttimelinemodel.moc"
