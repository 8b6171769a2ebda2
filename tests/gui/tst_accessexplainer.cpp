// "Explain access" in the user detail: the role picked, the person's grants
// judged at the instant shown, the answer in words.
#include "widgets/accessexplainer.h"

#include <QComboBox>
#include <QTest>

using namespace rolecall;

namespace {
GrantView mentorGrant()
{
    GrantView view;
    view.grant.id = QStringLiteral("g1");
    view.grant.role = QStringLiteral("MENTOR");
    view.grant.effectiveStart = QDateTime(QDate(2025, 3, 1), QTime(0, 0), Qt::UTC);
    view.grant.assignedByEmail = QStringLiteral("admin@example.test");
    view.grant.reason = QStringLiteral("Spring cohort");
    view.grant.createdAt = view.grant.effectiveStart;
    view.grant.updatedAt = view.grant.effectiveStart;
    return view;
}
} // namespace

class TestAccessExplainer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void explainsThePickedRole();
    void judgesAtTheInstantShown();
    void keepsTheRoleWhenTheRolesAreSetAgain();
};

void TestAccessExplainer::explainsThePickedRole()
{
    AccessExplainer explainer;
    QVERIFY(explainer.isHidden() || explainer.roleBox()->count() == 0);
    explainer.setRoles({QStringLiteral("LEARNER"), QStringLiteral("MENTOR")});
    explainer.setGrants({mentorGrant()}, {});
    QCOMPARE(explainer.explanation().verdict, AccessVerdict::NeverGranted); // LEARNER first
    QVERIFY2(explainer.text().contains(QLatin1String("never granted")),
             qPrintable(explainer.text()));
    explainer.setRole(QStringLiteral("MENTOR"));
    QCOMPARE(explainer.explanation().verdict, AccessVerdict::Held);
    QVERIFY2(explainer.text().contains(QLatin1String("Spring cohort")) &&
                 explainer.text().contains(QLatin1String("admin@example.test")) &&
                 explainer.text().contains(QLatin1String("g1")),
             qPrintable(explainer.text()));
}

void TestAccessExplainer::judgesAtTheInstantShown()
{
    AccessExplainer explainer;
    explainer.setRoles({QStringLiteral("MENTOR")});
    explainer.setGrants({mentorGrant()}, QDateTime(QDate(2025, 2, 1), QTime(0, 0), Qt::UTC));
    QCOMPARE(explainer.explanation().verdict, AccessVerdict::NotYetHeld);
}

void TestAccessExplainer::keepsTheRoleWhenTheRolesAreSetAgain()
{
    AccessExplainer explainer;
    explainer.setRoles({QStringLiteral("LEARNER"), QStringLiteral("MENTOR")});
    explainer.setRole(QStringLiteral("MENTOR"));
    explainer.setRoles(
        {QStringLiteral("ADMIN"), QStringLiteral("LEARNER"), QStringLiteral("MENTOR")});
    QCOMPARE(explainer.roleBox()->currentText(), QStringLiteral("MENTOR"));
}

QTEST_MAIN(TestAccessExplainer)
#include "tst_accessexplainer.moc"
