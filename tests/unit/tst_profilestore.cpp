// Profile validation and the ProfileStore rules, on a throwaway INI file so
// nothing touches the real settings.
#include "services/profilestore.h"

#include <QFile>
#include <QRegularExpression>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using rolecall::Profile;
using rolecall::ProfileStore;

namespace {

Profile makeProfile(const QString &name)
{
    Profile p;
    p.name = name;
    p.issuer = QStringLiteral("https://sweet-owl-12.clerk.accounts.dev");
    p.clientId = QStringLiteral("client_%1").arg(name);
    p.databaseUrl = QStringLiteral("postgresql://admin@db.example.com:5432/app?sslmode=require");
    return p;
}

} // namespace

class TestProfileStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void validates_data();
    void validates();
    void roundTripsAProfile();
    void firstProfileBecomesTheDefault();
    void refusesDuplicatesAndInvalidProfiles();
    void updatesOnlyExistingProfiles();
    void removingTheDefaultPicksTheFirstRemaining();
    void setsTheDefault();
    void resolves();
    void explainsWhatCannotBeResolved();
    void keepsNoSecretInTheSettingsFile();

private:
    QString settingsText() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
};

void TestProfileStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_settings = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("rolecall.ini")),
                                             QSettings::IniFormat);
}

void TestProfileStore::cleanup()
{
    m_settings.reset();
    m_dir.reset();
}

QString TestProfileStore::settingsText() const
{
    m_settings->sync();
    QFile file(m_settings->fileName());
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

void TestProfileStore::validates_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("messagePart"); // empty: valid

    QTest::newRow("clerk dev issuer") << "issuer"
                                      << "https://sweet-owl-12.clerk.accounts.dev"
                                      << "";
    QTest::newRow("clerk prod issuer") << "issuer"
                                       << "https://clerk.example.com"
                                       << "";
    QTest::newRow("issuer with path") << "issuer"
                                      << "https://auth.example.com/realms/x"
                                      << "";
    QTest::newRow("http loopback issuer") << "issuer"
                                          << "http://127.0.0.1:8080"
                                          << "";
    QTest::newRow("http localhost issuer") << "issuer"
                                           << "http://localhost:9000"
                                           << "";
    QTest::newRow("http ::1 issuer") << "issuer"
                                     << "http://[::1]:9000"
                                     << "";
    QTest::newRow("http remote issuer") << "issuer"
                                        << "http://clerk.example.com"
                                        << "https://";
    QTest::newRow("trailing slash") << "issuer"
                                    << "https://clerk.example.com/"
                                    << "slash";
    QTest::newRow("issuer query") << "issuer"
                                  << "https://clerk.example.com?x=1"
                                  << "query";
    QTest::newRow("issuer fragment") << "issuer"
                                     << "https://clerk.example.com#x"
                                     << "fragment";
    QTest::newRow("issuer userinfo") << "issuer"
                                     << "https://me:pw@clerk.example.com"
                                     << "user name";
    QTest::newRow("issuer relative") << "issuer"
                                     << "clerk.example.com"
                                     << "absolute";
    QTest::newRow("issuer ftp") << "issuer"
                                << "ftp://clerk.example.com"
                                << "https://";
    QTest::newRow("issuer missing") << "issuer"
                                    << ""
                                    << "issuer";
    QTest::newRow("name with dots") << "name"
                                    << "prod.eu-1_b"
                                    << "";
    QTest::newRow("name empty") << "name"
                                << ""
                                << "profile name";
    QTest::newRow("name with slash") << "name"
                                     << "a/b"
                                     << "profile name";
    QTest::newRow("name with space") << "name"
                                     << "my prod"
                                     << "profile name";
    QTest::newRow("name too long") << "name" << QString(65, QLatin1Char('a')) << "profile name";
    QTest::newRow("name dot dot") << "name"
                                  << ".."
                                  << "profile name";
    QTest::newRow("client id empty") << "clientId"
                                     << ""
                                     << "client ID";
    QTest::newRow("client id space") << "clientId"
                                     << "abc def"
                                     << "client ID";
    QTest::newRow("client id control") << "clientId"
                                       << "abc\tdef"
                                       << "client ID";
    QTest::newRow("client id long") << "clientId" << QString(201, QLatin1Char('x')) << "client ID";
    QTest::newRow("scopes without openid") << "scopes"
                                           << "profile email"
                                           << "openid";
    QTest::newRow("scopes empty") << "scopes"
                                  << ""
                                  << "scopes";
    QTest::newRow("scope with quote") << "scopes"
                                      << "openid a\"b"
                                      << "scope";
    QTest::newRow("scopes minimal") << "scopes"
                                    << "openid"
                                    << "";
    QTest::newRow("db empty") << "databaseUrl"
                              << ""
                              << "";
    QTest::newRow("db password") << "databaseUrl"
                                 << "postgresql://me:hunter2@db/app"
                                 << "password";
    QTest::newRow("db password option") << "databaseUrl"
                                        << "postgresql://me@db/app?password=hunter2"
                                        << "password";
    QTest::newRow("db wrong scheme") << "databaseUrl"
                                     << "mysql://me@db/app"
                                     << "database URL";
    QTest::newRow("db bad port") << "databaseUrl"
                                 << "postgresql://db/app?port=x"
                                 << "database URL";
    QTest::newRow("api url") << "apiBaseUrl"
                             << "https://lms.example.com/api/rolecall/v1"
                             << "";
    // Tokens and keys go there: https unless on loopback.
    QTest::newRow("api url loopback http") << "apiBaseUrl"
                                           << "http://127.0.0.1:3000/api"
                                           << "";
    QTest::newRow("api url remote http") << "apiBaseUrl"
                                         << "http://10.0.0.5:3000/api"
                                         << "https://";
    QTest::newRow("api url and db") << "apiBaseUrlWithDb"
                                    << "https://lms.example.com/api"
                                    << "not both";
    QTest::newRow("clerk api url http") << "clerkApiUrl"
                                        << "http://api.clerk.com/v1"
                                        << "https://";
    QTest::newRow("clerk api url http loopback") << "clerkApiUrl"
                                                 << "http://127.0.0.1:8099/v1"
                                                 << "";
    QTest::newRow("api url ftp") << "apiBaseUrl"
                                 << "ftp://x"
                                 << "API URL";
    QTest::newRow("clerk api url") << "clerkApiUrl"
                                   << "https://api.clerk.com/v1"
                                   << "";
    QTest::newRow("clerk api url junk") << "clerkApiUrl"
                                        << "not a url"
                                        << "Clerk API URL";
}

void TestProfileStore::validates()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, messagePart);
    Profile p = makeProfile(QStringLiteral("dev"));
    if (field == QLatin1String("name"))
        p.name = value;
    else if (field == QLatin1String("issuer"))
        p.issuer = value;
    else if (field == QLatin1String("clientId"))
        p.clientId = value;
    else if (field == QLatin1String("scopes"))
        p.scopes = value.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    else if (field == QLatin1String("databaseUrl"))
        p.databaseUrl = value;
    else if (field == QLatin1String("apiBaseUrlWithDb"))
        p.apiBaseUrl = value;
    else if (field == QLatin1String("apiBaseUrl")) {
        p.databaseUrl.clear(); // a profile reads one data source
        p.apiBaseUrl = value;
    } else if (field == QLatin1String("clerkApiUrl"))
        p.clerkApiUrl = value;
    QString error;
    const bool ok = p.validate(&error);
    if (messagePart.isEmpty()) {
        QVERIFY2(ok, qPrintable(error));
        return;
    }
    QVERIFY(!ok);
    QVERIFY2(error.contains(messagePart), qPrintable(error));
    QVERIFY2(!error.contains(QLatin1String("hunter2")), "a password must not be echoed");
    // One sentence, one line.
    QVERIFY2(!error.contains(QLatin1Char('\n')), qPrintable(error));
}

void TestProfileStore::roundTripsAProfile()
{
    ProfileStore store(*m_settings);
    Profile p = makeProfile(QStringLiteral("dev"));
    p.scopes = {QStringLiteral("openid"), QStringLiteral("email")};
    p.databaseUrl.clear(); // an API profile
    p.apiBaseUrl = QStringLiteral("http://127.0.0.1:3000/api");
    p.clerkApiUrl = QStringLiteral("https://api.clerk.com/v1");
    QString error;
    QVERIFY2(store.add(p, &error), qPrintable(error));
    QCOMPARE(store.profile(QStringLiteral("dev")), p);
    QCOMPARE(m_settings->value(QStringLiteral("profiles/dev/scopes")).toString(),
             QStringLiteral("openid email"));

    // A second store on the same file sees the same thing.
    QSettings again(m_settings->fileName(), QSettings::IniFormat);
    QCOMPARE(ProfileStore(again).profile(QStringLiteral("dev")), p);
    QVERIFY(!store.profile(QStringLiteral("nope")));
}

void TestProfileStore::firstProfileBecomesTheDefault()
{
    ProfileStore store(*m_settings);
    QCOMPARE(store.defaultProfile(), QString());
    QString error;
    QVERIFY(store.add(makeProfile(QStringLiteral("staging")), &error));
    QVERIFY(store.add(makeProfile(QStringLiteral("dev")), &error));
    QVERIFY(store.add(makeProfile(QStringLiteral("Prod")), &error));
    QCOMPARE(store.defaultProfile(), QStringLiteral("staging"));
    const QList<Profile> all = store.profiles();
    QCOMPARE(all.size(), 3);
    QCOMPARE(all.at(0).name, QStringLiteral("dev"));
    QCOMPARE(all.at(1).name, QStringLiteral("Prod"));
    QCOMPARE(all.at(2).name, QStringLiteral("staging"));
}

void TestProfileStore::refusesDuplicatesAndInvalidProfiles()
{
    ProfileStore store(*m_settings);
    QString error;
    QVERIFY(store.add(makeProfile(QStringLiteral("dev")), &error));
    const QString before = settingsText();

    QVERIFY(!store.add(makeProfile(QStringLiteral("dev")), &error));
    QVERIFY2(error.contains(QLatin1String("already exists")), qPrintable(error));
    QVERIFY(!store.add(makeProfile(QStringLiteral("DEV")), &error)); // case-insensitive
    Profile bad = makeProfile(QStringLiteral("bad"));
    bad.issuer = QStringLiteral("http://clerk.example.com");
    QVERIFY(!store.add(bad, &error));
    QVERIFY2(error.contains(QLatin1String("issuer")), qPrintable(error));
    QCOMPARE(settingsText(), before);
    QCOMPARE(store.profiles().size(), 1);
}

void TestProfileStore::updatesOnlyExistingProfiles()
{
    ProfileStore store(*m_settings);
    QString error;
    Profile p = makeProfile(QStringLiteral("dev"));
    p.databaseUrl.clear(); // an API profile
    p.apiBaseUrl = QStringLiteral("https://api.example.com");
    QVERIFY(!store.update(p, &error));
    QVERIFY2(error.contains(QLatin1String("no profile")), qPrintable(error));
    QVERIFY(store.add(p, &error));

    p.clientId = QStringLiteral("other");
    p.apiBaseUrl.clear(); // an emptied field disappears from the file
    QVERIFY2(store.update(p, &error), qPrintable(error));
    QCOMPARE(store.profile(QStringLiteral("dev")), p);
    QVERIFY(!m_settings->contains(QStringLiteral("profiles/dev/apiBaseUrl")));

    Profile bad = p;
    bad.scopes = {QStringLiteral("email")};
    QVERIFY(!store.update(bad, &error));
    QCOMPARE(store.profile(QStringLiteral("dev")), p);
}

void TestProfileStore::removingTheDefaultPicksTheFirstRemaining()
{
    ProfileStore store(*m_settings);
    QString error;
    for (const char *name : {"prod", "staging", "dev"})
        QVERIFY(store.add(makeProfile(QString::fromLatin1(name)), &error));
    QCOMPARE(store.defaultProfile(), QStringLiteral("prod"));

    QVERIFY(store.remove(QStringLiteral("staging"), &error));
    QCOMPARE(store.defaultProfile(), QStringLiteral("prod")); // not the default: unchanged
    QVERIFY(store.remove(QStringLiteral("prod"), &error));
    QCOMPARE(store.defaultProfile(), QStringLiteral("dev"));
    QVERIFY(!store.remove(QStringLiteral("prod"), &error));
    QVERIFY2(error.contains(QLatin1String("no profile")), qPrintable(error));
    QVERIFY(store.remove(QStringLiteral("dev"), &error));
    QCOMPARE(store.defaultProfile(), QString());
    QVERIFY(!m_settings->contains(QStringLiteral("defaultProfile")));
    QVERIFY(store.profiles().isEmpty());
}

void TestProfileStore::setsTheDefault()
{
    ProfileStore store(*m_settings);
    QString error;
    QVERIFY(store.add(makeProfile(QStringLiteral("dev")), &error));
    QVERIFY(store.add(makeProfile(QStringLiteral("prod")), &error));
    QVERIFY(store.setDefaultProfile(QStringLiteral("prod"), &error));
    QCOMPARE(store.defaultProfile(), QStringLiteral("prod"));
    QVERIFY(!store.setDefaultProfile(QStringLiteral("nope"), &error));
    QCOMPARE(store.defaultProfile(), QStringLiteral("prod"));
}

void TestProfileStore::resolves()
{
    ProfileStore store(*m_settings);
    QString error;
    QVERIFY(store.add(makeProfile(QStringLiteral("dev")), &error));
    QCOMPARE(store.resolve(QString(), &error)->name, QStringLiteral("dev"));
    QVERIFY(store.add(makeProfile(QStringLiteral("prod")), &error));
    QCOMPARE(store.resolve(QString(), &error)->name, QStringLiteral("dev")); // the default
    QCOMPARE(store.resolve(QStringLiteral("prod"), &error)->name, QStringLiteral("prod"));

    // Only one profile and no default (a hand-edited file): that one.
    QVERIFY(store.remove(QStringLiteral("dev"), &error));
    m_settings->remove(QStringLiteral("defaultProfile"));
    QCOMPARE(store.resolve(QString(), &error)->name, QStringLiteral("prod"));
}

void TestProfileStore::explainsWhatCannotBeResolved()
{
    ProfileStore store(*m_settings);
    QString error;
    QVERIFY(!store.resolve(QString(), &error));
    QCOMPARE(error, QStringLiteral("no profiles yet; add one with rolecallctl profiles add NAME "
                                   "--issuer URL --client-id ID --db URL"));
    QVERIFY(store.add(makeProfile(QStringLiteral("dev")), &error));
    QVERIFY(!store.resolve(QStringLiteral("prod"), &error));
    QCOMPARE(error,
             QStringLiteral("no profile named prod; `rolecallctl profiles list` shows them"));

    // Two profiles, no default.
    QVERIFY(store.add(makeProfile(QStringLiteral("prod")), &error));
    m_settings->remove(QStringLiteral("defaultProfile"));
    QVERIFY(!store.resolve(QString(), &error));
    QVERIFY2(error.contains(QLatin1String("--profile NAME")), qPrintable(error));

    // A broken profile in the file is named, not used.
    m_settings->setValue(QStringLiteral("profiles/prod/issuer"),
                         QStringLiteral("http://evil.example.com"));
    QVERIFY(!store.resolve(QStringLiteral("prod"), &error));
    QVERIFY2(error.contains(QLatin1String("profiles edit prod")), qPrintable(error));
    // So is one whose Clerk API URL was turned into plain http elsewhere.
    m_settings->setValue(QStringLiteral("profiles/prod/issuer"),
                         QStringLiteral("https://clerk.example.com"));
    QVERIFY2(store.resolve(QStringLiteral("prod"), &error), qPrintable(error));
    m_settings->setValue(QStringLiteral("profiles/prod/clerkApiUrl"),
                         QStringLiteral("http://clerk-proxy.example.com/v1"));
    QVERIFY(!store.resolve(QStringLiteral("prod"), &error));
    QVERIFY2(error.contains(QLatin1String("https://")), qPrintable(error));
}

void TestProfileStore::keepsNoSecretInTheSettingsFile()
{
    ProfileStore store(*m_settings);
    QString error;
    Profile p = makeProfile(QStringLiteral("prod"));
    p.clerkApiUrl = QStringLiteral("https://api.clerk.com/v1");
    p.databaseUrl.clear(); // an API profile
    p.apiBaseUrl = QStringLiteral("https://lms.example.com/api");
    QVERIFY(store.add(p, &error));
    QVERIFY(store.add(makeProfile(QStringLiteral("dev")), &error));
    Profile withPassword = makeProfile(QStringLiteral("leaky"));
    withPassword.databaseUrl = QStringLiteral("postgresql://admin:hunter2@db/app");
    QVERIFY(!store.add(withPassword, &error));

    const QString text = settingsText();
    QVERIFY(text.contains(QLatin1String("clerk.accounts.dev"))); // it was written
    static const QRegularExpression secretLooking(
        QStringLiteral("sk_(live|test)_|password|secret|token|hunter2|://[^/@\\s]*:[^/@\\s]*@"),
        QRegularExpression::CaseInsensitiveOption);
    QVERIFY2(!secretLooking.match(text).hasMatch(), qPrintable(text));
}

QTEST_GUILESS_MAIN(TestProfileStore)
#include "tst_profilestore.moc"
