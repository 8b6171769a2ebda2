#include "support/adminwindow.h"

#include "itemmodels/userstablemodel.h"
#include "mainwindow.h"
#include "pg/pgdatasource.h"
#include "support/fakesigninservice.h"

#include <QApplication>
#include <QTest>

namespace rolecall::testing {

namespace {
constexpr int waitMs = 30000;
}

AdminWindow::AdminWindow()
    : m_signIn(std::make_unique<FakeSignInService>())
{
    m_signIn->succeed(identityOfSeedUser(5));
}

AdminWindow::~AdminWindow()
{
    if (m_window)
        m_window->setSignInService(nullptr);
    m_window.reset();
}

QString AdminWindow::open(const ConnectionSettings &connection, QSize size)
{
    m_window = std::make_unique<MainWindow>(MainWindow::DataSourceFactory{});
    m_window->setSignInService(m_signIn.get());
    m_window->setDataSource(new PgDataSource(connection));
    if (!size.isEmpty())
        m_window->resize(size);
    m_window->show();
    QApplication::setActiveWindow(m_window.get());
    if (!QTest::qWaitForWindowActive(m_window.get()))
        return QStringLiteral("the main window did not become active");
    MainWindow *window = m_window.get();
    if (!QTest::qWaitFor([window] { return window->canWrite(); }, waitMs))
        return QStringLiteral("the admin could not write");
    if (!QTest::qWaitFor(
            [window] { return window->usersModel() && window->usersModel()->rowCount() > 0; },
            waitMs))
        return QStringLiteral("the users list stayed empty");
    return {};
}

} // namespace rolecall::testing
