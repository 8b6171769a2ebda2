// The Users screen in API mode against rolecall-server itself (in this
// process, over a real PostgreSQL; tst_usersscreenapi uses the fake contract
// and the seed's plain backend): the main window lists, pages and searches
// through the server, and the signed-in person's access is the server's
// answer for their token.
#include "itemmodels/userstablemodel.h"
#include "mainwindow.h"
#include "support/fakesigninservice.h"
#include "support/pgtestcluster.h"
#include "support/rolefixtures.h"
#include "support/sourceparity.h"

#include <QLineEdit>
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
    void cleanupTestCase();

private:
    bool requested(const QString &path, int from);

    ParitySources m_api;
};

void TestUsersScreenServer::initTestCase()
{
    QString error;
    if (!start(&error))
        QSKIP(qPrintable(error));
    const QString db = freshDatabase(users);
    QVERIFY(!db.isEmpty());
    QVERIFY2(m_api.open(SourceKind::Api, db, &error), qPrintable(error));
}

void TestUsersScreenServer::cleanupTestCase()
{
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

QTEST_MAIN(TestUsersScreenServer)
#include "tst_usersscreenserver.moc"
