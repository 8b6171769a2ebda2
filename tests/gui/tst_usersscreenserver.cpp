// The Users screen in API mode against rolecall-server itself (in this
// process, over a real PostgreSQL; tst_usersscreenapi uses the fake contract
// and the seed's plain backend): the main window lists, pages and searches
// through the server, and the signed-in person's access is the server's
// answer for their token. An admin whose ADMIN role ends behind the
// console's back is refused at the next write, and the window turns read-only
// with the writer's reason (the server's 403; the role writer's refusal in
// PostgreSQL mode), what was typed kept.
#include "dialogs/grantroledialog.h"
#include "itemmodels/userstablemodel.h"
#include "mainwindow.h"
#include "screens/usersscreen.h"
#include "support/fakesigninservice.h"
#include "support/pgtestcluster.h"
#include "support/rolefixtures.h"
#include "support/sourceparity.h"
#include "widgets/accountwidget.h"
#include "widgets/userdetailpanel.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>

using namespace rolecall;
using namespace rolecall::testing;

namespace {
constexpr int waitMs = 20000;
constexpr int users = 450; // more than one page of the window's 200
} // namespace

class TestUsersScreenServer final : public QObject, private RoleWriterDatabases
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void anAdminListsPagesAndSearchesThroughTheServer();
    void aLearnerBrowsesReadOnlyWithTheServersReason();
    void aRefusedWriteTurnsTheWindowReadOnlyWithTheReason_data();
    void aRefusedWriteTurnsTheWindowReadOnlyWithTheReason();
    void cleanupTestCase();

private:
    bool requested(const QString &path, int from);

    ParitySources m_api;
    ParitySources m_pg; // PostgreSQL direct, on a database of its own
};

void TestUsersScreenServer::initTestCase()
{
    QString error;
    if (!start(&error))
        QSKIP(qPrintable(error));
    const QString db = freshDatabase(users);
    QVERIFY(!db.isEmpty());
    QVERIFY2(m_api.open(SourceKind::Api, db, &error), qPrintable(error));
    const QString pgDb = freshDatabase(50);
    QVERIFY(!pgDb.isEmpty());
    QVERIFY2(m_pg.open(SourceKind::Pg, pgDb, &error), qPrintable(error));
}

void TestUsersScreenServer::cleanupTestCase()
{
    m_pg.close();
    m_api.close();
    removeConnections();
}

bool TestUsersScreenServer::requested(const QString &path, int from)
{
    const QStringList log = m_api.server().logLines().mid(from);
    return std::any_of(log.cbegin(), log.cend(),
                       [&path](const QString &line) { return line.contains(path); });
}

void TestUsersScreenServer::anAdminListsPagesAndSearchesThroughTheServer()
{
    const int logged = int(m_api.server().logLines().size());
    FakeSignInService signIn;
    signIn.succeed(identityOfSeedUser(5));
    MainWindow window({});
    window.setSignInService(&signIn);
    window.setDataSource(m_api.newSource(5).release());
    window.show();
    QTRY_VERIFY_WITH_TIMEOUT(window.usersModel() && window.usersModel()->rowCount() > 0, waitMs);
    QTRY_VERIFY_WITH_TIMEOUT(window.canWrite(), waitMs);
    // Newest first, as PostgreSQL direct gives them.
    UserQuery newest;
    newest.limit = 1;
    const User first = settle(m_api.reference().fetchUsers(newest)).users.value(0);
    QCOMPARE(window.usersModel()->userAt(0).id, first.id);

    // Scrolling to the end pages through the server.
    UsersTableModel *model = window.usersModel();
    while (model->canFetchMore({}))
        model->fetchMore({});
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), users, waitMs);

    window.searchField()->setText(QStringLiteral("user2"));
    // 2, 20..29, 200..299, as the server's search finds them.
    QTRY_COMPARE_WITH_TIMEOUT(window.usersModel()->rowCount(), 1 + 10 + 100, waitMs);
    QVERIFY(requested(QStringLiteral("/api/rolecall/v1/users"), logged));
    QVERIFY(requested(QStringLiteral("/api/rolecall/v1/me"), logged));
    window.setSignInService(nullptr);
}

void TestUsersScreenServer::aLearnerBrowsesReadOnlyWithTheServersReason()
{
    FakeSignInService signIn;
    signIn.succeed(identityOfSeedUser(7));
    MainWindow window({});
    window.setSignInService(&signIn);
    window.setDataSource(m_api.newSource(7).release());
    window.show();
    // Reads are for admins: the server refuses the list, and says why.
    QTRY_VERIFY2_WITH_TIMEOUT(window.readOnlyReason().contains(QLatin1String("LEARNER")),
                              qPrintable(window.readOnlyReason()), waitMs);
    QVERIFY(!window.canWrite());
    // The list itself is refused by the server, with its reason.
    QTRY_VERIFY2_WITH_TIMEOUT(window.bannerText().contains(QLatin1String("Only an active ADMIN")),
                              qPrintable(window.bannerText()), waitMs);
    QCOMPARE(window.usersModel() ? window.usersModel()->rowCount() : 0, 0);
    window.setSignInService(nullptr);
}

void TestUsersScreenServer::aRefusedWriteTurnsTheWindowReadOnlyWithTheReason_data()
{
    QTest::addColumn<bool>("api");
    QTest::newRow("backend API: the server's 403") << true;
    QTest::newRow("database: the role writer's refusal") << false;
}

void TestUsersScreenServer::aRefusedWriteTurnsTheWindowReadOnlyWithTheReason()
{
    QFETCH(bool, api);
    ParitySources &sources = api ? m_api : m_pg;
    FakeSignInService signIn;
    signIn.succeed(identityOfSeedUser(5));
    MainWindow window({});
    window.setSignInService(&signIn);
    window.setDataSource(sources.newSource(5).release());
    window.show();
    QTRY_VERIFY_WITH_TIMEOUT(window.canWrite(), waitMs);
    UsersScreen *users = window.usersScreen();
    users->openUser(emailOfSeedUser(4));
    QTRY_VERIFY_WITH_TIMEOUT(users->detailPanel()->hasUser(), waitMs);
    users->grantRole();
    auto *dialog = users->findChild<GrantRoleDialog *>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    dialog->setRole(QStringLiteral("MENTOR"));
    auto *reason = dialog->findChild<QLineEdit *>(QStringLiteral("reasonField"));
    reason->setText(QStringLiteral("Runs the autumn cohort"));

    // Meanwhile, another admin's tool ends this admin's ADMIN role (and
    // makes seed user 6 the admin, so one stays).
    const QString handedOver = handAdminOver(sources.database());
    QVERIFY2(handedOver.isEmpty(), qPrintable(handedOver));
    QVERIFY(window.canWrite()); // the console has not asked since

    const QString before = checksum(sources.database());
    QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok),
                      Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!window.canWrite(), waitMs);
    QVERIFY(!dialog->isBusy());
    // The writer's reason, in the dialog and as the window's read-only reason.
    const QString refusal = QStringLiteral("Only an active ADMIN may change roles; %1 is not one.")
                                .arg(emailOfSeedUser(5));
    QVERIFY2(dialog->errorText().contains(refusal), qPrintable(dialog->errorText()));
    QVERIFY2(window.readOnlyReason().contains(dialog->errorText()),
             qPrintable(window.readOnlyReason()));
    QVERIFY(window.accountWidget()->isReadOnly());
    QCOMPARE(window.accountWidget()->badgeText(), QStringLiteral("Read-only"));
    QVERIFY(!users->grantAction()->isEnabled());
    QCOMPARE(users->grantAction()->toolTip(), window.readOnlyReason());
    // What was typed stays; nothing was written.
    QVERIFY(dialog->isVisible());
    QCOMPARE(reason->text(), QStringLiteral("Runs the autumn cohort"));
    QCOMPARE(checksum(sources.database()), before);
    dialog->close();
    window.setSignInService(nullptr);
}

QTEST_MAIN(TestUsersScreenServer)
#include "tst_usersscreenserver.moc"
