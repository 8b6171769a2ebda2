// The Grant role dialog on the offscreen platform against a real PostgreSQL:
// inline validation before anything is sent, the service's own refusals shown
// inline with what was typed kept, and a grant written on behalf of an admin.
#include "dialogs/grantroledialog.h"
#include "pg/pgdatasource.h"
#include "support/clitestsupport.h"
#include "support/pgtestcluster.h"
#include "support/rolefixtures.h"
#include "support/testdata.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace rolecall;
using namespace rolecall::testing;

namespace {
constexpr int waitMs = 20000;
const QStringList roles{QStringLiteral("LEARNER"), QStringLiteral("MENTOR"),
                        QStringLiteral("ADMIN")};

User seedUser(int n)
{
    User user;
    user.id = QStringLiteral("row-%1").arg(n);
    user.clerkId = clerkIdOfSeedUser(n);
    user.email = emailOfSeedUser(n);
    user.firstName = QStringLiteral("User");
    user.lastName = QString::number(n);
    return user;
}
} // namespace

class TestGrantRoleDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void previewsWhatWillBeWritten();
    void offersARoleTheUserDoesNotHold();
    void refusesAnEndBeforeTheStart();
    void refusesAReasonTooLong();
    void showsTheServicesDuplicateMessageAndKeepsTheInput();
    void refusesSomeoneWhoIsNotAnAdmin();
    void grantsTheRole();

private:
    QPushButton *okButton(GrantRoleDialog &dialog)
    {
        return dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    }
    PgTestCluster *m_cluster = nullptr;
    QString m_db;
    std::unique_ptr<PgDataSource> m_source;
};

void TestGrantRoleDialog::initTestCase()
{
    m_cluster = PgTestCluster::shared();
    QVERIFY2(m_cluster, qPrintable(PgTestCluster::startError()));
    QString error;
    m_db = m_cluster->createDatabase(Fixture::AkakoLms, &error);
    QVERIFY2(seedAkakoUsers(*m_cluster, m_db, 50, &error), qPrintable(error));
    m_source = std::make_unique<PgDataSource>(m_cluster->connection(m_db));
}

void TestGrantRoleDialog::previewsWhatWillBeWritten()
{
    GrantRoleDialog dialog(m_source.get(), admin(), seedUser(3), roles);
    dialog.setRole(QStringLiteral("MENTOR"));
    dialog.findChild<QLineEdit *>(QStringLiteral("reasonField"))->setText(QStringLiteral("Cohort"));
    QVERIFY2(dialog.previewText().contains(QLatin1String("user3@example.test gets MENTOR from now "
                                                         "with no end, granted by "
                                                         "user5@example.test")),
             qPrintable(dialog.previewText()));
    QVERIFY(dialog.validationProblem().isEmpty());
    QVERIFY(okButton(dialog)->isEnabled());
    const GrantRequest request = dialog.request();
    QCOMPARE(request.user, clerkIdOfSeedUser(3));
    QVERIFY(!request.start.isValid()); // untouched: "now" at the server
    QVERIFY(!request.end.isValid());
    for (QWidget *w : dialog.findChildren<QWidget *>()) {
        if (w->objectName().startsWith(QLatin1String("qt_")))
            continue; // a spin box's own line edit
        if (qobject_cast<QLineEdit *>(w) || qobject_cast<QComboBox *>(w) ||
            qobject_cast<QDateTimeEdit *>(w) || qobject_cast<QCheckBox *>(w))
            QVERIFY2(!w->accessibleName().isEmpty(), qPrintable(w->objectName()));
    }
}

void TestGrantRoleDialog::offersARoleTheUserDoesNotHold()
{
    User learner = seedUser(1);
    learner.activeRoles = {QStringLiteral("LEARNER")};
    GrantRoleDialog dialog(m_source.get(), admin(), learner, roles);
    QCOMPARE(dialog.request().role, QStringLiteral("MENTOR"));
    QCOMPARE(dialog.findChild<QComboBox *>(QStringLiteral("roleBox"))->count(), 3);
}

void TestGrantRoleDialog::refusesAnEndBeforeTheStart()
{
    GrantRoleDialog dialog(m_source.get(), admin(), seedUser(3), roles);
    dialog.findChild<QLineEdit *>(QStringLiteral("reasonField"))->setText(QStringLiteral("Cohort"));
    auto *start = dialog.findChild<QDateTimeEdit *>(QStringLiteral("startEdit"));
    start->setDateTime(QDateTime::currentDateTime().addDays(10));
    dialog.findChild<QCheckBox *>(QStringLiteral("hasEndBox"))->setChecked(true);
    dialog.findChild<QDateTimeEdit *>(QStringLiteral("endEdit"))
        ->setDateTime(QDateTime::currentDateTime().addDays(2));
    QVERIFY2(dialog.errorText().contains(QLatin1String("must come after the start")),
             qPrintable(dialog.errorText()));
    QVERIFY(!okButton(dialog)->isEnabled());
    dialog.accept(); // refused locally: nothing sent, still open
    QVERIFY(!dialog.isBusy());
}

void TestGrantRoleDialog::refusesAReasonTooLong()
{
    GrantRoleDialog dialog(m_source.get(), admin(), seedUser(3), roles);
    dialog.findChild<QLineEdit *>(QStringLiteral("reasonField"))->setText(QString(1001, u'x'));
    QVERIFY2(dialog.errorText().contains(QLatin1String("at most 1000")),
             qPrintable(dialog.errorText()));
    QVERIFY(!okButton(dialog)->isEnabled());
    dialog.findChild<QLineEdit *>(QStringLiteral("reasonField"))->setText(QStringLiteral("   "));
    QCOMPARE(dialog.errorText(), QStringLiteral("A reason is required."));
}

void TestGrantRoleDialog::showsTheServicesDuplicateMessageAndKeepsTheInput()
{
    // Seed user 1 holds LEARNER already: the service names the overlapping grant.
    GrantRoleDialog dialog(m_source.get(), admin(), seedUser(1), roles);
    dialog.show();
    dialog.setRole(QStringLiteral("LEARNER"));
    auto *reason = dialog.findChild<QLineEdit *>(QStringLiteral("reasonField"));
    reason->setText(QStringLiteral("Again"));
    QTest::mouseClick(okButton(dialog), Qt::LeftButton);
    QVERIFY(dialog.isBusy());
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.isBusy(), waitMs);
    QVERIFY2(dialog.errorText().contains(QLatin1String("already holds LEARNER")),
             qPrintable(dialog.errorText()));
    QVERIFY(dialog.isVisible());
    QCOMPARE(reason->text(), QStringLiteral("Again"));
    QVERIFY(reason->isEnabled());
}

void TestGrantRoleDialog::refusesSomeoneWhoIsNotAnAdmin()
{
    GrantRoleDialog dialog(m_source.get(), actorOf(6), seedUser(3), roles);
    dialog.show();
    dialog.setRole(QStringLiteral("MENTOR"));
    dialog.findChild<QLineEdit *>(QStringLiteral("reasonField"))->setText(QStringLiteral("x"));
    dialog.accept();
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.isBusy(), waitMs);
    QVERIFY2(dialog.errorText().contains(QLatin1String("ADMIN")), qPrintable(dialog.errorText()));
}

void TestGrantRoleDialog::grantsTheRole()
{
    GrantRoleDialog dialog(m_source.get(), admin(), seedUser(4), roles);
    QSignalSpy granted(&dialog, &GrantRoleDialog::granted);
    dialog.show();
    dialog.setRole(QStringLiteral("MENTOR"));
    dialog.findChild<QLineEdit *>(QStringLiteral("reasonField"))
        ->setText(QStringLiteral("Runs the spring cohort"));
    dialog.findChild<QCheckBox *>(QStringLiteral("hasEndBox"))->setChecked(true);
    dialog.accept();
    QTRY_COMPARE_WITH_TIMEOUT(granted.size(), 1, waitMs);
    const auto grant = granted.first().first().value<RoleGrant>();
    QCOMPARE(grant.role, QStringLiteral("MENTOR"));
    QCOMPARE(grant.reason, QStringLiteral("Runs the spring cohort"));
    QCOMPARE(grant.assignedByEmail, emailOfSeedUser(5));
    QVERIFY(grant.effectiveEnd.isValid());
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(!dialog.isVisible());
}

QTEST_MAIN(TestGrantRoleDialog)
#include "tst_grantroledialog.moc"
