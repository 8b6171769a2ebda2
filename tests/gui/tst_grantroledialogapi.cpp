// The Grant role dialog in API mode: ApiDataSource talks to rolecall-server
// (in this process) over a real PostgreSQL, with the test IdP's token of
// who signs in. The grant is written by the server; its refusals (the role
// writer's, and the server's own for someone who is not an admin, whatever
// the client claims) are shown with the server's message and what was typed
// is kept. Under each of the server's fault switches (429, a 500 problem, a
// dropped connection, a slow answer) the grant is written exactly once and
// nothing typed is lost.
#include "dialogs/grantroledialog.h"
#include "support/pgtestcluster.h"
#include "support/rolefixtures.h"
#include "support/sourceparity.h"
#include "support/testdata.h"

#include <QDialogButtonBox>
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
} // namespace

class TestGrantRoleDialogApi : public QObject, private RoleWriterDatabases
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void grantsTheRoleThroughTheServer();
    void showsTheServersRefusalAndKeepsTheInput();
    void theServerRefusesSomeoneWhoIsNotAnAdmin();
    void survivesEachFaultOfTheServer_data();
    void survivesEachFaultOfTheServer();
    void cleanupTestCase();

private:
    User userOf(int n);
    QPushButton *okButton(GrantRoleDialog &dialog)
    {
        return dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    }

    ParitySources m_api;
};

void TestGrantRoleDialogApi::initTestCase()
{
    QString error;
    if (!start(&error))
        QSKIP(qPrintable(error));
    const QString db = freshDatabase(50);
    QVERIFY(!db.isEmpty());
    QVERIFY2(m_api.open(SourceKind::Api, db, &error), qPrintable(error));
}

void TestGrantRoleDialogApi::cleanupTestCase()
{
    m_api.close();
    removeConnections();
}

User TestGrantRoleDialogApi::userOf(int n)
{
    // As the Users screen hands it over: read through the API.
    UserQuery query;
    query.search = emailOfSeedUser(n);
    query.limit = 10;
    const QList<User> users = settle(m_api.source().fetchUsers(query)).users;
    for (const User &user : users) {
        if (user.email == emailOfSeedUser(n))
            return user;
    }
    return {};
}

void TestGrantRoleDialogApi::grantsTheRoleThroughTheServer()
{
    const int logged = int(m_api.server().logLines().size());
    GrantRoleDialog dialog(&m_api.source(), admin(), userOf(4), roles);
    QSignalSpy granted(&dialog, &GrantRoleDialog::granted);
    dialog.show();
    dialog.setRole(QStringLiteral("MENTOR"));
    dialog.findChild<QLineEdit *>(QStringLiteral("reasonField"))
        ->setText(QStringLiteral("Runs the spring cohort"));
    QTest::mouseClick(okButton(dialog), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(granted.size(), 1, waitMs);
    const auto grant = granted.first().first().value<RoleGrant>();
    QCOMPARE(grant.role, QStringLiteral("MENTOR"));
    QCOMPARE(grant.reason, QStringLiteral("Runs the spring cohort"));
    QCOMPARE(grant.assignedBy, clerkIdOfSeedUser(5)); // the token's subject
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.isVisible(), waitMs);
    // Written by the server, as PostgreSQL direct reads it back.
    const QList<GrantView> grants =
        settle(m_api.reference().fetchGrants(emailOfSeedUser(4), QDateTime()));
    QVERIFY(std::any_of(grants.cbegin(), grants.cend(),
                        [&grant](const GrantView &view) { return view.grant.id == grant.id; }));
    const QStringList log = m_api.server().logLines().mid(logged);
    QVERIFY2(std::any_of(log.cbegin(), log.cend(),
                         [](const QString &line) {
                             return line.contains(QLatin1String("POST")) &&
                                    line.contains(QLatin1String("/grants"));
                         }),
             qPrintable(log.join(QLatin1Char('\n'))));
}

void TestGrantRoleDialogApi::showsTheServersRefusalAndKeepsTheInput()
{
    // Seed user 1 holds LEARNER already: the server's role writer names the grant.
    GrantRoleDialog dialog(&m_api.source(), admin(), userOf(1), roles);
    dialog.show();
    dialog.setRole(QStringLiteral("LEARNER"));
    auto *reason = dialog.findChild<QLineEdit *>(QStringLiteral("reasonField"));
    reason->setText(QStringLiteral("Again, through the API"));
    QTest::mouseClick(okButton(dialog), Qt::LeftButton);
    QVERIFY(dialog.isBusy());
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.isBusy(), waitMs);
    QVERIFY2(dialog.errorText().contains(QLatin1String("already holds LEARNER in grant "
                                                       "cr0000000001l")),
             qPrintable(dialog.errorText()));
    QVERIFY(dialog.isVisible());
    QCOMPARE(reason->text(), QStringLiteral("Again, through the API"));
    QVERIFY(reason->isEnabled());
    QVERIFY(okButton(dialog)->isEnabled()); // may be sent again once changed
}

void TestGrantRoleDialogApi::theServerRefusesSomeoneWhoIsNotAnAdmin()
{
    const QString before = checksum(m_api.database());
    // Seed user 7, a LEARNER, signed in; the client claims the admin acts.
    GrantRoleDialog dialog(&m_api.source(7), admin(), userOf(3), roles);
    dialog.show();
    dialog.setRole(QStringLiteral("ADMIN"));
    auto *reason = dialog.findChild<QLineEdit *>(QStringLiteral("reasonField"));
    reason->setText(QStringLiteral("Let me in"));
    QTest::mouseClick(okButton(dialog), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.isBusy(), waitMs);
    // The server's reason, word for word as its problem document says it:
    // the role writer's sentence, naming the token's person, not the client's claim.
    QCOMPARE(dialog.errorText(),
             QStringLiteral("Only an active ADMIN may change roles; %1 is not one.")
                 .arg(emailOfSeedUser(7)));
    QVERIFY(dialog.isVisible());
    QCOMPARE(reason->text(), QStringLiteral("Let me in"));
    QCOMPARE(checksum(m_api.database()), before);
}

void TestGrantRoleDialogApi::survivesEachFaultOfTheServer_data()
{
    QTest::addColumn<QByteArray>("fault");
    QTest::addColumn<int>("user");
    QTest::addColumn<bool>("shownFirst"); // the first try fails in the dialog
    // 429 and a dropped answer are tried again (the same Idempotency-Key);
    // a 500 problem document says why, so it is shown, and OK sends it again.
    QTest::newRow("429, Retry-After")
        << QByteArray(R"({"fault":"rate-limited","retryAfter":1,"path":"/grants"})") << 20 << false;
    QTest::newRow("dropped connection")
        << QByteArray(R"({"fault":"drop","path":"/grants"})") << 21 << false;
    QTest::newRow("slow") << QByteArray(R"({"fault":"slow","ms":1500,"path":"/grants"})") << 22
                          << false;
    QTest::newRow("500 problem") << QByteArray(R"({"fault":"server-error","path":"/grants"})") << 23
                                 << true;
}

void TestGrantRoleDialogApi::survivesEachFaultOfTheServer()
{
    QFETCH(QByteArray, fault);
    QFETCH(int, user);
    QFETCH(bool, shownFirst);
    const QString mentorGrants = QStringLiteral(
        R"(SELECT count(*) FROM "UserRole" WHERE "userId" = ? AND "role" = 'MENTOR')");
    const User person = userOf(user);
    const int before = scalar(m_api.database(), mentorGrants, {person.id}).toInt();
    GrantRoleDialog dialog(&m_api.source(), admin(), person, roles);
    QSignalSpy granted(&dialog, &GrantRoleDialog::granted);
    dialog.show();
    dialog.setRole(QStringLiteral("MENTOR"));
    auto *reason = dialog.findChild<QLineEdit *>(QStringLiteral("reasonField"));
    reason->setText(QStringLiteral("Through a fault"));
    QVERIFY(m_api.server().armFault(fault));
    QTest::mouseClick(okButton(dialog), Qt::LeftButton);
    if (shownFirst) {
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isBusy() && !dialog.errorText().isEmpty(), waitMs);
        QVERIFY(dialog.isVisible());
        QCOMPARE(reason->text(), QStringLiteral("Through a fault"));
        QCOMPARE(granted.size(), 0);
        QTest::mouseClick(okButton(dialog), Qt::LeftButton);
    }
    QTRY_COMPARE_WITH_TIMEOUT(granted.size(), 1, waitMs);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.isVisible(), waitMs);
    QCOMPARE(scalar(m_api.database(), mentorGrants, {person.id}).toInt(), before + 1);
}

QTEST_MAIN(TestGrantRoleDialogApi)
#include "tst_grantroledialogapi.moc"
