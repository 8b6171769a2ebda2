#pragma once

// Shared by the tests that run rolecallctl (or the console) against the test
// identity provider and the real Secret Service.
#include "support/testdata.h" // clerkIdOfSeedUser(), emailOfSeedUser()

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace rolecall::testing {

class TestIdentityProvider;

// What one run of a program printed and how it ended.
struct CliRun
{
    int exitCode = -1;
    QString out;
    QString err;

    // Standard output read as JSON; a warning names what was printed instead.
    QJsonArray jsonArray() const;
    QJsonObject jsonObject() const;
};

// "roles list --history" as arguments: for words without spaces only.
QStringList words(const char *text);

// Runs `program` to its end while this process's event loop keeps running
// (so an in-process server, such as the test identity provider, answers it).
// `input` is written to its standard input, which is then closed. Past
// `timeoutMs` the process is killed and err says "timed out".
CliRun runProcess(const QString &program, const QStringList &args, const QProcessEnvironment &env,
                  const QByteArray &input = {}, int timeoutMs = 60000);

// rolecallctl as a script runs it: a process of its own, in a HOME of this
// fixture only (so the real settings are never read or touched), with the
// headless test browser and without a database URL or Clerk key from the
// caller's environment. The keychain is the session bus's, so the tests run
// under packaging/test.sh talk to a real Secret Service.
//
//   CliFixture ctl(QStringLiteral(ROLECALLCTL_PATH), QStringLiteral(TEST_BROWSER_PATH));
//   ctl.addProfile(QStringLiteral("roles"), idp, cluster->url(db));
//   const CliRun run = ctl.inProfile(words("users list --format json"));
class CliFixture
{
public:
    explicit CliFixture(QString program, QString browser = {});

    bool isValid() const { return m_home.isValid(); }
    QString homeFilePath(const QString &relative) const { return m_home.filePath(relative); }
    QString homePath() const { return m_home.path(); }
    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds; }

    // The environment of every run, with `overrides` on top.
    QProcessEnvironment environment(const QProcessEnvironment &overrides = {}) const;
    // Overrides that leave rolecallctl without a keychain, as on a machine
    // with no Secret Service: a session bus address nobody listens on.
    static QProcessEnvironment withoutKeychain();

    CliRun run(const QStringList &args, const QByteArray &input = {},
               const QProcessEnvironment &overrides = {});

    // What the tests that sign in start from: a new Akako LMS database of the
    // shared test cluster with `users` seed users, `idp` started and signing
    // in as seed user 5 (the seed's only ADMIN), and a profile for both
    // (addProfile()). False with *error set.
    bool setUpProfile(const QString &prefix, TestIdentityProvider &idp, int users, QString *error,
                      const QStringList &moreArgs = {});
    QString database() const { return m_database; }
    QString databaseUrl() const;

    // Adds a profile for `idp` and `databaseUrl`, plus `moreArgs` of
    // `profiles add`, named `prefix` and a random tail (the keychain outlives
    // the test), for inProfile() to run in.
    CliRun addProfile(const QString &prefix, const TestIdentityProvider &idp,
                      const QString &databaseUrl, const QStringList &moreArgs = {});
    QString profile() const { return m_profile; }
    QStringList profileArgs() const { return {QStringLiteral("--profile"), m_profile}; }
    // `rolecallctl --profile <profile> args...`
    CliRun inProfile(const QStringList &args, const QByteArray &input = {},
                     const QProcessEnvironment &overrides = {});
    // Signs in to the profile as seed user `n` through the test browser.
    CliRun signInAs(TestIdentityProvider &idp, int n);

    // What every run printed, for checking that no secret ever was.
    const QStringList &seenOutput() const { return m_seenOutput; }
    // The first of `secrets` that any run printed, or an empty string.
    QString printedSecret(const QStringList &secrets) const;

private:
    QString m_program;
    QString m_browser;
    QTemporaryDir m_home;
    QString m_database;
    QString m_profile;
    QStringList m_seenOutput;
    int m_timeoutMs = 60000;
};

// The first file below `directory` (hidden and system files too) that holds
// one of `secrets`, as it is or in base64, or that cannot be read: its path,
// or an empty string when none does. *files counts the files read.
QString fileHoldingAny(const QString &directory, const QStringList &secrets, int *files = nullptr);

// What must never be printed or written to a file after signing in with the
// test identity provider: the shapes of its tokens and every refresh token a
// client sent back.
QStringList tokensOf(const TestIdentityProvider &idp);

bool hasSessionBus();
bool runsUnderCi();

} // namespace rolecall::testing

// In a test slot: fails without a D-Bus session bus under CI, skips elsewhere.
// A macro because QFAIL and QSKIP return from the slot that uses them.
// NOLINTNEXTLINE(cppcoreguidelines-macro-usage)
#define ROLECALL_REQUIRE_SESSION_BUS()                                                             \
    do {                                                                                           \
        if (!::rolecall::testing::hasSessionBus()) {                                               \
            if (::rolecall::testing::runsUnderCi())                                                \
                QFAIL("no D-Bus session bus: run the tests with packaging/test.sh");               \
            QSKIP("no D-Bus session bus; packaging/test.sh runs this test with a real keyring");   \
        }                                                                                          \
    } while (false)
