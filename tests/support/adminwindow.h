#pragma once

#include "domain/connectionsettings.h"

#include <QSize>
#include <QString>

#include <memory>

namespace rolecall {
class MainWindow;
}

namespace rolecall::testing {

class FakeSignInService;

// The console's main window on a real PostgreSQL database, signed in through
// the fake sign-in service as seed user 5 (the seed's ADMIN): shown, active,
// able to write and listing users. The keyboard and walk tests start each
// test from it.
class AdminWindow final
{
public:
    AdminWindow();
    ~AdminWindow(); // the window goes before the sign-in service it uses
    AdminWindow(const AdminWindow &) = delete;
    AdminWindow &operator=(const AdminWindow &) = delete;

    // Opens it on `connection`, at `size` unless empty: an empty string, or
    // what did not come up.
    QString open(const ConnectionSettings &connection, QSize size = {});
    MainWindow *window() const { return m_window.get(); }

private:
    std::unique_ptr<FakeSignInService> m_signIn;
    std::unique_ptr<MainWindow> m_window;
};

} // namespace rolecall::testing
