// The Users screen in API mode: the main window reads users through
// ApiDataSource from the admin API (the fake contract on 127.0.0.1), pages,
// searches on the server, and browses the seed's plain backend read-only.
#include "api/apidatasource.h"
#include "itemmodels/userstablemodel.h"
#include "mainwindow.h"
#include "support/fakeadminapi.h"

#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QTableView>
#include <QTest>

using namespace rolecall;
using namespace rolecall::testing;

namespace {
constexpr int waitMs = 15000;
} // namespace

class TestUsersScreenApi final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_api = std::make_unique<FakeAdminApi>();
        QVERIFY(m_api->start());
        m_api->setUsers(FakeAdminApi::sampleUsers(30));
    }
    void cleanup() { m_api.reset(); }

    void theUsersScreenListsAndSearchesThroughTheApi()
    {
        MainWindow window({});
        window.show();
        window.setDataSource(newSource());
        QTRY_COMPARE_WITH_TIMEOUT(window.usersModel() ? window.usersModel()->rowCount() : -1, 30,
                                  waitMs);
        // The newest first, as in database mode.
        QCOMPARE(window.usersModel()->index(0, 0).data().toString().isEmpty(), false);

        window.searchField()->setText(QStringLiteral("person2"));
        QTRY_COMPARE_WITH_TIMEOUT(window.usersModel()->rowCount(), 11, waitMs); // 2, 20..29
        bool searchedOnTheServer = false;
        for (const FakeHttpRequest &request : m_api->requests())
            searchedOnTheServer |=
                request.query.queryItemValue(QStringLiteral("search")) == QLatin1String("person2");
        QVERIFY(searchedOnTheServer);
        for (const FakeHttpRequest &request : m_api->requests())
            QVERIFY(request.path.startsWith(QLatin1String("/api/rolecall/v1/")));
    }

    void thePlainBackendIsBrowsedReadOnly()
    {
        m_api->setPlainBackend(true);
        MainWindow window({});
        window.show();
        window.setDataSource(newSource());
        QTRY_COMPARE_WITH_TIMEOUT(window.usersModel() ? window.usersModel()->rowCount() : -1, 30,
                                  waitMs);
        window.searchField()->setText(QStringLiteral("person1"));
        QTRY_COMPARE_WITH_TIMEOUT(window.usersModel()->rowCount(), 11, waitMs); // 1, 10..19
        QVERIFY(!window.canWrite());
    }

private:
    DataSource *newSource()
    {
        return new ApiDataSource(QUrl(m_api->baseUrl()),
                                 {[] { return QStringLiteral("token"); }, {}}, &m_network);
    }

    QNetworkAccessManager m_network;
    std::unique_ptr<FakeAdminApi> m_api;
};

QTEST_MAIN(TestUsersScreenApi)
#include "tst_usersscreenapi.moc"
