#include "support/clitestsupport.h"

#include "support/pgtestcluster.h"
#include "support/testidp.h"

#include <QDir>
#include <QDirIterator>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QTimer>
#include <QUrlQuery>
#include <QUuid>

#include <utility>

namespace rolecall::testing {

namespace {

QJsonDocument parsed(const CliRun &run)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(run.out.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError)
        qWarning("not JSON (%s): %s", qPrintable(error.errorString()), qPrintable(run.out));
    return doc;
}

} // namespace

QJsonArray CliRun::jsonArray() const
{
    const QJsonDocument doc = parsed(*this);
    if (!doc.isNull() && !doc.isArray())
        qWarning("not a JSON array: %s", qPrintable(out));
    return doc.array();
}

QJsonObject CliRun::jsonObject() const
{
    const QJsonDocument doc = parsed(*this);
    if (!doc.isNull() && !doc.isObject())
        qWarning("not a JSON object: %s", qPrintable(out));
    return doc.object();
}

QStringList words(const char *text)
{
    return QString::fromLatin1(text).split(QLatin1Char(' '));
}

CliRun runProcess(const QString &program, const QStringList &args, const QProcessEnvironment &env,
                  const QByteArray &input, int timeoutMs)
{
    QProcess process;
    process.setProcessEnvironment(env);
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    QObject::connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
    QObject::connect(&process, &QProcess::errorOccurred, &loop, [&loop](QProcess::ProcessError e) {
        if (e == QProcess::FailedToStart)
            loop.quit();
    });
    process.start(program, args);
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    timer.start(timeoutMs);
    if (process.state() != QProcess::NotRunning)
        loop.exec();
    CliRun run;
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished();
        run.err = QStringLiteral("timed out");
        return run;
    }
    run.exitCode = process.exitCode();
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

CliFixture::CliFixture(QString program, QString browser)
    : m_program(std::move(program))
    , m_browser(std::move(browser))
{}

QProcessEnvironment CliFixture::environment(const QProcessEnvironment &overrides) const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), m_home.path());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral(".config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral(".local/share")));
    if (m_browser.isEmpty())
        env.remove(QStringLiteral("ROLECALL_BROWSER"));
    else
        env.insert(QStringLiteral("ROLECALL_BROWSER"), m_browser);
    // What the caller's session would otherwise decide: the database, the
    // Clerk key, and (through the desktop) which keychain QtKeychain picks.
    for (const char *name :
         {"ROLECALL_DATABASE_URL", "ROLECALL_CLERK_SECRET_KEY", "XDG_CURRENT_DESKTOP",
          "DESKTOP_SESSION", "KDE_FULL_SESSION", "KDE_SESSION_VERSION"})
        env.remove(QString::fromLatin1(name));
    const QStringList keys = overrides.keys();
    for (const QString &key : keys)
        env.insert(key, overrides.value(key));
    return env;
}

QProcessEnvironment CliFixture::withoutKeychain()
{
    QProcessEnvironment overrides;
    overrides.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                     QStringLiteral("unix:path=/nonexistent/rolecall-test-bus"));
    return overrides;
}

CliRun CliFixture::run(const QStringList &args, const QByteArray &input,
                       const QProcessEnvironment &overrides)
{
    const CliRun run = runProcess(m_program, args, environment(overrides), input, m_timeoutMs);
    m_seenOutput << run.out << run.err;
    return run;
}

bool CliFixture::setUpProfile(const QString &prefix, TestIdentityProvider &idp, int users,
                              QString *error, const QStringList &moreArgs)
{
    if (!isValid()) {
        *error = QStringLiteral("no temporary HOME");
        return false;
    }
    m_database = seededAkakoDatabase(users, error);
    if (m_database.isEmpty() || !idp.start(error))
        return false;
    idp.setUser(TestIdentityProvider::seedUser(5));
    const CliRun added = addProfile(prefix, idp, databaseUrl(), moreArgs);
    if (added.exitCode != 0)
        *error = QStringLiteral("profiles add: ") + added.err;
    return added.exitCode == 0;
}

QString CliFixture::databaseUrl() const
{
    return PgTestCluster::shared()->url(m_database);
}

CliRun CliFixture::addProfile(const QString &prefix, const TestIdentityProvider &idp,
                              const QString &databaseUrl, const QStringList &moreArgs)
{
    m_profile = prefix + QLatin1Char('-') + QUuid::createUuid().toString(QUuid::Id128).left(8);
    return run(QStringList{QStringLiteral("profiles"), QStringLiteral("add"), m_profile,
                           QStringLiteral("--issuer"), idp.issuer(), QStringLiteral("--client-id"),
                           idp.clientId(), QStringLiteral("--db"), databaseUrl} +
               moreArgs);
}

CliRun CliFixture::inProfile(const QStringList &args, const QByteArray &input,
                             const QProcessEnvironment &overrides)
{
    return run(profileArgs() + args, input, overrides);
}

CliRun CliFixture::signInAs(TestIdentityProvider &idp, int n)
{
    idp.setUser(TestIdentityProvider::seedUser(n));
    return inProfile({QStringLiteral("login")});
}

QString CliFixture::printedSecret(const QStringList &secrets) const
{
    for (const QString &output : m_seenOutput) {
        for (const QString &secret : secrets) {
            if (output.contains(secret))
                return secret;
        }
    }
    return {};
}

QString fileHoldingAny(const QString &directory, const QStringList &secrets, int *files)
{
    QList<QByteArray> forms;
    for (const QString &secret : secrets)
        forms << secret.toUtf8() << secret.toUtf8().toBase64();
    QDirIterator it(directory, QDir::Files | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (!file.open(QIODevice::ReadOnly))
            return file.fileName();
        if (files)
            ++*files;
        const QByteArray content = file.readAll();
        for (const QByteArray &form : std::as_const(forms)) {
            if (content.contains(form))
                return file.fileName();
        }
    }
    return {};
}

QStringList tokensOf(const TestIdentityProvider &idp)
{
    QStringList tokens = words("clk_refresh_ oat_ eyJ");
    const QList<QUrlQuery> requests = idp.tokenRequests();
    for (const QUrlQuery &request : requests) {
        const QString refresh =
            request.queryItemValue(QStringLiteral("refresh_token"), QUrl::FullyDecoded);
        if (!refresh.isEmpty())
            tokens << refresh;
    }
    return tokens;
}

bool hasSessionBus()
{
    return !qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS");
}

bool runsUnderCi()
{
    return qEnvironmentVariable("CI") == QLatin1String("true");
}

} // namespace rolecall::testing
