// The End grant dialog against a real PostgreSQL: a reason is required, the
// grant ends, a stale view is a conflict that asks for a refresh, the last
// active ADMIN cannot be ended, and ending one's own ADMIN needs the box.
#include "dialogs/endgrantdialog.h"
#include "pg/pgdatasource.h"
#include "support/clitestsupport.h"
#include "support/pgtestcluster.h"
#include "support/rolefixtures.h"
#include "support/testdata.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace rolecall;
using namespace rolecall::testing;

namespace {
constexpr int waitMs = 20000;
}

class TestEndGrantDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void needsAReason();
    void endsTheGrant();
    void aStaleViewIsAConflict();
    void refusesTheLastAdmin();
    void endingOwnAdminNeedsTheBox();

private:
    // The grant of `role` seed user `n` holds now.
    GrantView activeGrant(int n, const QString &role);
    void typeReason(EndGrantDialog &dialog, const QString &reason)
    {
        dialog.findChild<QLineEdit *>(QStringLiteral("reasonField"))->setText(reason);
    }
    QPushButton *okButton(EndGrantDialog &dialog)
    {
        return dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    }
    PgTestCluster *m_cluster = nullptr;
    QString m_db;
    std::unique_ptr<PgDataSource> m_source;
};

void TestEndGrantDialog::initTestCase()
{
    m_cluster = PgTestCluster::shared();
    QVERIFY2(m_cluster, qPrintable(PgTestCluster::startError()));
    QString error;
    m_db = m_cluster->createDatabase(Fixture::AkakoLms, &error);
    QVERIFY2(seedAkakoUsers(*m_cluster, m_db, 50, &error), qPrintable(error));
    m_source = std::make_unique<PgDataSource>(m_cluster->connection(m_db));
}

GrantView TestEndGrantDialog::activeGrant(int n, const QString &role)
{
    const QList<GrantView> grants = m_source->fetchGrants(clerkIdOfSeedUser(n), {}).result();
    for (const GrantView &view : grants) {
        if (view.grant.role == role && view.state == GrantState::Active)
            return view;
    }
    return {};
}

void TestEndGrantDialog::needsAReason()
{
    const GrantView grant = activeGrant(1, QStringLiteral("LEARNER"));
    QVERIFY(!grant.grant.id.isEmpty());
    EndGrantDialog dialog(m_source.get(), admin(), grant);
    QVERIFY(!okButton(dialog)->isEnabled());
    QVERIFY(!dialog.asksForSelfDemotion());
    typeReason(dialog, QStringLiteral("  "));
    QCOMPARE(dialog.errorText(), QStringLiteral("A reason is required."));
    typeReason(dialog, QStringLiteral("Left the course"));
    QVERIFY(dialog.errorText().isEmpty());
    QVERIFY(okButton(dialog)->isEnabled());
    QCOMPARE(dialog.request().expectedUpdatedAt, grant.grant.updatedAt);
    QCOMPARE(dialog.request().grantId, grant.grant.id);
}

void TestEndGrantDialog::endsTheGrant()
{
    const GrantView grant = activeGrant(2, QStringLiteral("LEARNER"));
    EndGrantDialog dialog(m_source.get(), admin(), grant);
    QSignalSpy ended(&dialog, &EndGrantDialog::ended);
    dialog.show();
    typeReason(dialog, QStringLiteral("Left the course"));
    QTest::mouseClick(okButton(dialog), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(ended.size(), 1, waitMs);
    QVERIFY(!dialog.isVisible());
    QVERIFY(activeGrant(2, QStringLiteral("LEARNER")).grant.id.isEmpty());
}

void TestEndGrantDialog::aStaleViewIsAConflict()
{
    GrantView grant = activeGrant(3, QStringLiteral("LEARNER"));
    grant.grant.updatedAt = grant.grant.updatedAt.addSecs(-60); // someone wrote since
    EndGrantDialog dialog(m_source.get(), admin(), grant);
    QSignalSpy refresh(&dialog, &EndGrantDialog::refreshNeeded);
    dialog.show();
    typeReason(dialog, QStringLiteral("Left the course"));
    dialog.accept();
    QTRY_COMPARE_WITH_TIMEOUT(refresh.size(), 1, waitMs);
    QVERIFY2(dialog.errorText().contains(QLatin1String("Someone else changed this grant")),
             qPrintable(dialog.errorText()));
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.findChild<QLineEdit *>(QStringLiteral("reasonField"))->text(),
             QStringLiteral("Left the course"));
    QVERIFY(!activeGrant(3, QStringLiteral("LEARNER")).grant.id.isEmpty());
}

void TestEndGrantDialog::refusesTheLastAdmin()
{
    // Seed user 5 is the only active ADMIN; user 5 ends it themselves.
    const GrantView grant = activeGrant(5, QStringLiteral("ADMIN"));
    QVERIFY(!grant.grant.id.isEmpty());
    EndGrantDialog dialog(m_source.get(), admin(), grant);
    dialog.show();
    QVERIFY(dialog.asksForSelfDemotion());
    typeReason(dialog, QStringLiteral("Handing over"));
    QVERIFY2(dialog.errorText().contains(QLatin1String("tick the box")),
             qPrintable(dialog.errorText()));
    QVERIFY(!okButton(dialog)->isEnabled());
    dialog.findChild<QCheckBox *>(QStringLiteral("confirmSelfDemotionBox"))->setChecked(true);
    QVERIFY(okButton(dialog)->isEnabled());
    dialog.accept();
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.isBusy() && !dialog.errorText().isEmpty(), waitMs);
    QVERIFY2(dialog.errorText().contains(QLatin1String("last active ADMIN")),
             qPrintable(dialog.errorText()));
    QVERIFY(!activeGrant(5, QStringLiteral("ADMIN")).grant.id.isEmpty());
}

void TestEndGrantDialog::endingOwnAdminNeedsTheBox()
{
    // A second admin, so ending user 5's own ADMIN is allowed once confirmed.
    GrantRequest second = grantOf(7, QStringLiteral("ADMIN"), QStringLiteral("Second admin"));
    QVERIFY(!errorOf(m_source->grantRole(admin(), second)));
    GrantView grant = activeGrant(5, QStringLiteral("ADMIN"));
    // A view that does not say whose grant it is: the dialog cannot tell it is
    // the admin's own, the service can, and the box appears then.
    grant.userClerkId.clear();
    EndGrantDialog dialog(m_source.get(), admin(), grant);
    dialog.show();
    QVERIFY(!dialog.asksForSelfDemotion());
    typeReason(dialog, QStringLiteral("Handing over"));
    dialog.accept();
    QTRY_VERIFY_WITH_TIMEOUT(dialog.asksForSelfDemotion(), waitMs);
    QVERIFY2(dialog.errorText().contains(QLatin1String("ends your own ADMIN role")),
             qPrintable(dialog.errorText()));
    QVERIFY(!dialog.errorText().contains(QLatin1String("SELF_DEMOTION")));
    QVERIFY(!activeGrant(5, QStringLiteral("ADMIN")).grant.id.isEmpty());

    QSignalSpy ended(&dialog, &EndGrantDialog::ended);
    dialog.findChild<QCheckBox *>(QStringLiteral("confirmSelfDemotionBox"))->setChecked(true);
    dialog.accept();
    QTRY_COMPARE_WITH_TIMEOUT(ended.size(), 1, waitMs);
    QVERIFY(activeGrant(5, QStringLiteral("ADMIN")).grant.id.isEmpty());
}

QTEST_MAIN(TestEndGrantDialog)
#include "tst_endgrantdialog.moc"
