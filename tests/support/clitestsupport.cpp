#include "support/clitestsupport.h"

#include <QCryptographicHash>
#include <QDir>
#include <QEventLoop>
#include <QProcess>
#include <QTimer>

namespace rolecall::testing {

QString clerkIdOfSeedUser(int n)
{
    return QStringLiteral("user_") +
           QString::fromLatin1(
               QCryptographicHash::hash(QByteArray::number(n), QCryptographicHash::Md5)
                   .toHex()
                   .left(27));
}

QString emailOfSeedUser(int n)
{
    return QStringLiteral("user%1@example.test").arg(n);
}

CliRun runProcess(const QString &program, const QStringList &args, const QProcessEnvironment &env,
                  int timeoutMs)
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

QProcessEnvironment freshHomeEnvironment(const QString &home, const QString &browser)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), home);
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), QDir(home).filePath(QStringLiteral(".config")));
    env.insert(QStringLiteral("ROLECALL_BROWSER"), browser);
    env.remove(QStringLiteral("ROLECALL_DATABASE_URL"));
    return env;
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
