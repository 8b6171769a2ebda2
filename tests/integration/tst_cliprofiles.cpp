// rolecallctl profiles as a script would run it: a real process with its own
// HOME and XDG_CONFIG_HOME, so the real settings are never touched.
#include "support/clitestsupport.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QUuid>

#include <memory>

using rolecall::testing::CliFixture;
using Run = rolecall::testing::CliRun;

namespace {

const QString devIssuer = QStringLiteral("https://sweet-owl-12.clerk.accounts.dev");
const QString devDb = QStringLiteral("postgresql://admin@localhost:5432/akako");

QStringList args(std::initializer_list<const char *> words)
{
    QStringList result;
    for (const char *word : words)
        result.append(QString::fromUtf8(word));
    return result;
}

} // namespace

class TestCliProfiles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void walksThroughAProfilesLife();
    void listsAsCsvAndTable();
    void rejectsBadInputWithoutChangingAnything_data();
    void rejectsBadInputWithoutChangingAnything();
    void readsTheSecretFromStandardInputOnly();
    void removesEverythingWithAll();

private:
    // No keychain here, always: every keychain call fails the way it does on a
    // machine without a Secret Service.
    Run rolecallctl(const QStringList &arguments, const QByteArray &input = {})
    {
        return m_ctl->run(arguments, input, CliFixture::withoutKeychain());
    }
    QString settingsPath() const;
    QByteArray settingsBytes() const;
    void addDev();

    std::unique_ptr<CliFixture> m_ctl; // a fresh HOME for every test
};

void TestCliProfiles::init()
{
    m_ctl = std::make_unique<CliFixture>(QStringLiteral(ROLECALLCTL_PATH));
    QVERIFY(m_ctl->isValid());
}

void TestCliProfiles::cleanup()
{
    m_ctl.reset();
}

QString TestCliProfiles::settingsPath() const
{
    return m_ctl->homeFilePath(QStringLiteral(".config/Rolecall/Rolecall.conf"));
}

QByteArray TestCliProfiles::settingsBytes() const
{
    QFile file(settingsPath());
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void TestCliProfiles::addDev()
{
    const Run run = rolecallctl(
        QStringList{QStringLiteral("profiles"), QStringLiteral("add"), QStringLiteral("dev"),
                    QStringLiteral("--issuer"), devIssuer, QStringLiteral("--client-id"),
                    QStringLiteral("abc123"), QStringLiteral("--db"), devDb});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.err.isEmpty(), qPrintable(run.err));
    QCOMPARE(run.out, QStringLiteral("Added profile dev (default).\n"));
}

void TestCliProfiles::walksThroughAProfilesLife()
{
    Run run = rolecallctl(args({"profiles", "list", "--format", "json"}));
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(run.out.toUtf8()).array().size(), 0);

    addDev();
    QVERIFY(QFile::exists(settingsPath()));

    run = rolecallctl(args({"profiles", "list", "--format", "json"}));
    QCOMPARE(run.exitCode, 0);
    const QJsonArray list = QJsonDocument::fromJson(run.out.toUtf8()).array();
    QCOMPARE(list.size(), 1);
    const QJsonObject listed = list.first().toObject();
    QCOMPARE(listed.keys(), args({"clientId", "databaseUrl", "default", "issuer", "name"}));
    QCOMPARE(listed.value(QStringLiteral("name")).toString(), QStringLiteral("dev"));
    QCOMPARE(listed.value(QStringLiteral("default")).toBool(), true);
    QCOMPARE(listed.value(QStringLiteral("databaseUrl")).toString(), devDb);

    run = rolecallctl(args({"profiles", "show", "--format", "json"})); // the default
    QCOMPARE(run.exitCode, 0);
    QJsonObject shown = QJsonDocument::fromJson(run.out.toUtf8()).object();
    QCOMPARE(shown.keys(), args({"apiBaseUrl", "clerkApiUrl", "clientId", "databaseUrl", "default",
                                 "issuer", "name", "scopes"}));
    QCOMPARE(shown.value(QStringLiteral("issuer")).toString(), devIssuer);
    QCOMPARE(shown.value(QStringLiteral("clientId")).toString(), QStringLiteral("abc123"));
    QCOMPARE(shown.value(QStringLiteral("scopes")).toArray(),
             QJsonArray::fromStringList(args({"openid", "profile", "email", "offline_access"})));

    run = rolecallctl(args({"profiles", "add", "prod", "--issuer", "https://clerk.example.com",
                            "--client-id", "prod-client", "--scopes", "openid email",
                            "--clerk-api-url", "https://api.clerk.com/v1"}));
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, QStringLiteral("Added profile prod.\n"));

    // A profile reads a database or a backend API, not both.
    run = rolecallctl(args({"profiles", "edit", "prod", "--db",
                            "postgresql://ro@db.example.com/lms?sslmode=require", "--api-url",
                            "https://lms.example.com/api"}));
    QCOMPARE(run.exitCode, 5);
    QVERIFY2(run.err.contains(QLatin1String("not both")), qPrintable(run.err));
    run =
        rolecallctl(args({"profiles", "edit", "prod", "--api-url", "https://lms.example.com/api"}));
    QCOMPARE(run.exitCode, 0);
    run = rolecallctl(args({"--profile", "prod", "profiles", "show", "--format", "json"}));
    QCOMPARE(run.exitCode, 0);
    shown = QJsonDocument::fromJson(run.out.toUtf8()).object();
    QCOMPARE(shown.value(QStringLiteral("apiBaseUrl")).toString(),
             QStringLiteral("https://lms.example.com/api"));
    // Naming a database switches the profile back to it.
    run = rolecallctl(args({"profiles", "edit", "prod", "--db",
                            "postgresql://ro@db.example.com/lms?sslmode=require"}));
    QCOMPARE(run.exitCode, 0);
    run = rolecallctl(args({"--profile", "prod", "profiles", "show", "--format", "json"}));
    QCOMPARE(run.exitCode, 0);
    shown = QJsonDocument::fromJson(run.out.toUtf8()).object();
    QCOMPARE(shown.value(QStringLiteral("default")).toBool(), false);
    QCOMPARE(shown.value(QStringLiteral("databaseUrl")).toString(),
             QStringLiteral("postgresql://ro@db.example.com/lms?sslmode=require"));
    QVERIFY(shown.value(QStringLiteral("apiBaseUrl")).toString().isEmpty());
    QCOMPARE(shown.value(QStringLiteral("clerkApiUrl")).toString(),
             QStringLiteral("https://api.clerk.com/v1"));
    QCOMPARE(shown.value(QStringLiteral("scopes")).toArray().size(), 2);

    run = rolecallctl(args({"profiles", "set-default", "prod"}));
    QCOMPARE(run.exitCode, 0);
    run = rolecallctl(args({"profiles", "show", "prod"})); // table form
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains(QLatin1String("Default:       yes")), qPrintable(run.out));

    // Removing the default hands it to the first remaining profile. The
    // keychain is unreachable here: reported, not a failure.
    run = rolecallctl(args({"profiles", "remove", "prod"}));
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains(QLatin1String("The default profile is dev.")), qPrintable(run.out));
    QVERIFY2(run.err.startsWith(QLatin1String("rolecallctl: ")), qPrintable(run.err));
    QVERIFY2(run.err.contains(QLatin1String("keychain")), qPrintable(run.err));
    QCOMPARE(run.err.count(QLatin1Char('\n')), 1);

    run = rolecallctl(args({"profiles", "list", "--format", "json"}));
    QCOMPARE(QJsonDocument::fromJson(run.out.toUtf8()).array().size(), 1);
    run = rolecallctl(args({"profiles", "remove", "dev"}));
    QCOMPARE(run.exitCode, 0);
    run = rolecallctl(args({"profiles", "show"}));
    QCOMPARE(run.exitCode, 5);
    QVERIFY2(run.err.contains(QLatin1String("no profiles yet")), qPrintable(run.err));
}

void TestCliProfiles::listsAsCsvAndTable()
{
    Run run = rolecallctl(args({"profiles", "list"}));
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.startsWith(QLatin1String("No profiles yet")), qPrintable(run.out));
    addDev();
    run = rolecallctl(args({"profiles", "list", "--format", "csv"}));
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out,
             QStringLiteral("\"name\",\"default\",\"issuer\",\"clientId\",\"databaseUrl\"\r\n"
                            "\"dev\",\"true\",\"") +
                 devIssuer + QStringLiteral("\",\"abc123\",\"") + devDb + QStringLiteral("\"\r\n"));
    run = rolecallctl(args({"profiles", "list"}));
    QCOMPARE(run.exitCode, 0);
    const QStringList lines = run.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    QVERIFY(lines.at(0).startsWith(QLatin1String("Name")));
    QVERIFY(lines.at(2).startsWith(QLatin1String("dev")));
    QVERIFY(lines.at(2).contains(QLatin1Char('*')));
}

void TestCliProfiles::rejectsBadInputWithoutChangingAnything_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("messagePart");

    QTest::newRow("unknown verb") << args({"profiles", "rename", "dev"}) << 2 << "unknown command";
    QTest::newRow("add without issuer")
        << args({"profiles", "add", "x", "--client-id", "c"}) << 2 << "--issuer";
    QTest::newRow("add without name") << args({"profiles", "add"}) << 2 << "usage";
    QTest::newRow("unknown option")
        << args({"profiles", "add", "x", "--colour", "red"}) << 2 << "colour";
    QTest::newRow("edit nothing") << args({"profiles", "edit", "dev"}) << 2 << "nothing to change";
    QTest::newRow("bad list format")
        << args({"profiles", "list", "--format", "xml"}) << 2 << "--format";
    QTest::newRow("duplicate") << args({"profiles", "add", "DEV", "--issuer",
                                        "https://x.example.com", "--client-id", "c"})
                               << 5 << "already exists";
    QTest::newRow("http issuer") << args({"profiles", "add", "x", "--issuer",
                                          "http://clerk.example.com", "--client-id", "c"})
                                 << 5 << "issuer";
    QTest::newRow("trailing slash") << args({"profiles", "add", "x", "--issuer",
                                             "https://clerk.example.com/", "--client-id", "c"})
                                    << 5 << "slash";
    QTest::newRow("bad name") << args({"profiles", "add", "a/b", "--issuer",
                                       "https://x.example.com", "--client-id", "c"})
                              << 5 << "profile name";
    QTest::newRow("password in db")
        << args({"profiles", "edit", "dev", "--db", "postgresql://me:hunter2@db/app"}) << 5
        << "password";
    QTest::newRow("no openid") << args({"profiles", "edit", "dev", "--scopes", "email"}) << 5
                               << "openid";
    QTest::newRow("edit missing") << args({"profiles", "edit", "nope", "--client-id", "c"}) << 5
                                  << "no profile named nope";
    QTest::newRow("remove missing")
        << args({"profiles", "remove", "nope"}) << 5 << "no profile named nope";
    QTest::newRow("remove all without yes")
        << args({"profiles", "remove", "--all"}) << 2 << "deletes dev, every keychain entry";
    QTest::newRow("remove all and a name")
        << args({"profiles", "remove", "--all", "dev", "--yes"}) << 2 << "usage";
    QTest::newRow("remove nothing") << args({"profiles", "remove"}) << 2 << "usage";
    QTest::newRow("set-default missing")
        << args({"profiles", "set-default", "nope"}) << 5 << "no profile named nope";
    QTest::newRow("show missing") << args({"profiles", "show", "nope"}) << 5
                                  << "no profile named nope";
    QTest::newRow("secret as argument")
        << args({"profiles", "set-secret", "dev", "clerk-secret-key", "sk_test_x"}) << 2
        << "standard input";
    QTest::newRow("secret as option")
        << args({"profiles", "set-secret", "dev", "clerk-secret-key", "--value=sk_test_x"}) << 2
        << "unknown option";
    QTest::newRow("unknown secret")
        << args({"profiles", "set-secret", "dev", "password"}) << 2 << "unknown secret";
}

void TestCliProfiles::rejectsBadInputWithoutChangingAnything()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, messagePart);
    addDev();
    const QByteArray before = settingsBytes();
    QVERIFY(!before.isEmpty());
    const Run run = rolecallctl(arguments);
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY2(run.err.startsWith(QLatin1String("rolecallctl: ")), qPrintable(run.err));
    QVERIFY2(run.err.contains(messagePart), qPrintable(run.err));
    QCOMPARE(run.err.count(QLatin1Char('\n')), 1);
    QVERIFY(!run.err.contains(QLatin1String("hunter2")));
    QVERIFY(!run.err.contains(QLatin1String("sk_test_x")));
    QVERIFY(run.out.isEmpty());
    QCOMPARE(settingsBytes(), before);
}

void TestCliProfiles::readsTheSecretFromStandardInputOnly()
{
    addDev();
    const QByteArray before = settingsBytes();

    // Nothing on standard input: refused, nothing stored.
    Run run = rolecallctl(args({"profiles", "set-secret", "dev", "clerk-secret-key"}));
    QCOMPARE(run.exitCode, 5);
    QVERIFY2(run.err.contains(QLatin1String("standard input")), qPrintable(run.err));

    run = rolecallctl(args({"profiles", "set-secret", "nope", "clerk-secret-key"}), "sk_test_1\n");
    QCOMPARE(run.exitCode, 5);

    // A key on standard input, no keychain: exit 1, the plain reason, and the
    // key nowhere (no plaintext fallback).
    const QByteArray secret = "sk_test_" + QUuid::createUuid().toByteArray(QUuid::Id128);
    run = rolecallctl(args({"profiles", "set-secret", "dev", "clerk-secret-key"}), secret + "\n");
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.startsWith(QLatin1String("rolecallctl: The OS keychain")),
             qPrintable(run.err));
    QCOMPARE(run.err.count(QLatin1Char('\n')), 1);
    QVERIFY(run.out.isEmpty());
    const QString secretText = QString::fromLatin1(secret);
    QVERIFY(!run.err.contains(secretText));
    QCOMPARE(settingsBytes(), before);

    const QString holder = rolecall::testing::fileHoldingAny(m_ctl->homePath(), {secretText});
    QVERIFY2(holder.isEmpty(), qPrintable(holder));
}

void TestCliProfiles::removesEverythingWithAll()
{
    addDev();
    Run run = rolecallctl(args(
        {"profiles", "add", "prod", "--issuer", "https://clerk.example.com", "--client-id", "p"}));
    QCOMPARE(run.exitCode, 0);
    // The console's window layout lives beside the profiles.
    const QString layout = m_ctl->homeFilePath(QStringLiteral(".config/Rolecall/rolecall.conf"));
    {
        QFile file(layout);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("[mainWindow]\nscreen=usersScreen\n");
    }

    run = rolecallctl(args({"profiles", "remove", "--all", "--yes"}));
    // No keychain here: the settings go, and the entries left behind are named.
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.out.contains(QLatin1String("Removed profile dev.\nRemoved profile prod.\n")),
             qPrintable(run.out));
    QVERIFY2(run.err.contains(QLatin1String("keychain entries of dev, prod could not be deleted")),
             qPrintable(run.err));
    QVERIFY(run.err.contains(QLatin1String("profiles/<name>/session")));
    QVERIFY(!QFile::exists(settingsPath()));
    QVERIFY(!QFile::exists(layout));
    QVERIFY(!QFileInfo::exists(m_ctl->homeFilePath(QStringLiteral(".config/Rolecall"))));

    run = rolecallctl(args({"profiles", "list", "--format", "json"}));
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(run.out.toUtf8()).array().size(), 0);

    // Nothing left: nothing to fail on.
    run = rolecallctl(args({"profiles", "remove", "--all", "--yes"}));
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.err.isEmpty(), qPrintable(run.err));
}

QTEST_GUILESS_MAIN(TestCliProfiles)
#include "tst_cliprofiles.moc"
