// The Grant role dialog when the connection to PostgreSQL is cut (through the
// TCP fault proxy) as the grant commits: the error is shown inline, the
// dialog stays open with the reason as typed, and sending it again once the
// fault is gone writes the grant once.
#include "dialogs/grantroledialog.h"
#include "pg/pgdatasource.h"
#include "support/pgtestcluster.h"
#include "support/rolefixtures.h"
#include "support/tcpfaultproxy.h"
#include "support/testdata.h"

#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

using namespace rolecall;
using namespace rolecall::testing;

class TestWriteFaultDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keepsTheTypedReasonWhenTheConnectionIsCut();
};

void TestWriteFaultDialog::keepsTheTypedReasonWhenTheConnectionIsCut()
{
    PgTestCluster *cluster = PgTestCluster::shared();
    QVERIFY2(cluster, qPrintable(PgTestCluster::startError()));
    QString error;
    const QString db = cluster->createDatabase(Fixture::AkakoLms, &error);
    QVERIFY2(!db.isEmpty() && seedAkakoUsers(*cluster, db, 20, &error), qPrintable(error));
    TcpFaultProxy proxy(cluster->host(), cluster->port());
    QVERIFY2(proxy.start(&error), qPrintable(error));
    ConnectionSettings settings = cluster->connection(db);
    settings.port = proxy.port();
    PgDataSource source(settings);
    QVERIFY(source.fetchAccount(admin().clerkId).result().canWrite());

    User user;
    user.id = QStringLiteral("cu0000000004");
    user.clerkId = clerkIdOfSeedUser(4);
    user.email = emailOfSeedUser(4);
    GrantRoleDialog dialog(
        &source, admin(), user,
        {QStringLiteral("LEARNER"), QStringLiteral("MENTOR"), QStringLiteral("ADMIN")});
    QSignalSpy granted(&dialog, &GrantRoleDialog::granted);
    dialog.show();
    dialog.setRole(QStringLiteral("MENTOR"));
    auto *reason = dialog.findChild<QLineEdit *>(QStringLiteral("reasonField"));
    const QString typed = QStringLiteral("Leads the autumn cohort, agreed with the board");
    reason->setText(typed);

    proxy.armCut(QByteArrayLiteral("COMMIT"), TcpFaultProxy::Cut::BeforeSending);
    QPushButton *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QTest::mouseClick(ok, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.isBusy(), 30000);
    QVERIFY(proxy.cutFired());
    QVERIFY2(dialog.errorText().contains(QLatin1String("connection")),
             qPrintable(dialog.errorText()));
    QVERIFY(dialog.isVisible());
    QCOMPARE(reason->text(), typed); // the input survives
    QVERIFY(reason->isEnabled());
    QCOMPARE(granted.size(), 0);

    proxy.disarm();
    QTest::mouseClick(ok, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(granted.size(), 1, 30000);
    QCOMPARE(granted.first().first().value<RoleGrant>().reason, typed);
}

QTEST_MAIN(TestWriteFaultDialog)
#include "tst_writefaultdialog.moc"
