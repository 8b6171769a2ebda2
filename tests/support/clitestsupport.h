#pragma once

// Shared by the tests that run rolecallctl (or the console) against the test
// identity provider and the real Secret Service.
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace rolecall::testing {

// The Clerk ID and email testing::seedAkakoUsers gives user n.
QString clerkIdOfSeedUser(int n);
QString emailOfSeedUser(int n);

struct CliRun
{
    int exitCode = -1;
    QString out;
    QString err;
};

// Runs `program` to its end while this process's event loop keeps running
// (so an in-process server, such as the test identity provider, answers it).
// Past `timeoutMs` the process is killed and err says "timed out".
CliRun runProcess(const QString &program, const QStringList &args, const QProcessEnvironment &env,
                  int timeoutMs = 60000);

// The system environment with HOME and XDG_CONFIG_HOME in `home`, `browser`
// as ROLECALL_BROWSER and no ROLECALL_DATABASE_URL.
QProcessEnvironment freshHomeEnvironment(const QString &home, const QString &browser);

bool hasSessionBus();
bool runsUnderCi();

} // namespace rolecall::testing

// In a test slot: fails without a D-Bus session bus under CI, skips elsewhere.
#define ROLECALL_REQUIRE_SESSION_BUS()                                                             \
    do {                                                                                           \
        if (!::rolecall::testing::hasSessionBus()) {                                               \
            if (::rolecall::testing::runsUnderCi())                                                \
                QFAIL("no D-Bus session bus: run the tests with packaging/test.sh");               \
            QSKIP("no D-Bus session bus; packaging/test.sh runs this test with a real keyring");   \
        }                                                                                          \
    } while (false)
