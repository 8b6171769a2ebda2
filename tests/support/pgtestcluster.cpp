#include "support/pgtestcluster.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QVersionNumber>

#include <memory>

#include <pwd.h>
#include <sys/types.h>
#include <unistd.h>

namespace rolecall::testing {

namespace {

std::unique_ptr<PgTestCluster> &sharedInstance()
{
    static std::unique_ptr<PgTestCluster> instance;
    return instance;
}

QString &sharedError()
{
    static QString error;
    return error;
}

// Server binaries: ROLECALL_PG_BINDIR, else Debian's newest
// /usr/lib/postgresql/N/bin, else whatever initdb is on PATH.
QString findBinDir()
{
    const QString fromEnv = qEnvironmentVariable("ROLECALL_PG_BINDIR");
    if (!fromEnv.isEmpty())
        return fromEnv;
    QDir debian(QStringLiteral("/usr/lib/postgresql"));
    QVersionNumber best;
    QString bestDir;
    const QStringList versions = debian.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &version : versions) {
        const QString bin = debian.filePath(version + QStringLiteral("/bin"));
        const QVersionNumber number = QVersionNumber::fromString(version);
        if (QFile::exists(bin + QStringLiteral("/initdb")) && number > best) {
            best = number;
            bestDir = bin;
        }
    }
    if (!bestDir.isEmpty())
        return bestDir;
    const QString initdb = QStandardPaths::findExecutable(QStringLiteral("initdb"));
    return initdb.isEmpty() ? QString() : QFileInfo(initdb).absolutePath();
}

int freeLoopbackPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress(QHostAddress::LocalHost), 0))
        return 0;
    return probe.serverPort();
}

bool runProcess(const QString &program, const QStringList &args, QString *output, int timeoutMs)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, args);
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        *output = QStringLiteral("%1 did not finish: %2").arg(program, process.errorString());
        return false;
    }
    *output = QString::fromLocal8Bit(process.readAll());
    return process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
}

} // namespace

PgTestCluster *PgTestCluster::shared()
{
    auto &instance = sharedInstance();
    if (!instance && sharedError().isEmpty()) {
        std::unique_ptr<PgTestCluster> cluster(new PgTestCluster);
        QString error;
        if (cluster->start(&error)) {
            instance = std::move(cluster);
            // Stop while Qt is still up, before static destructors run.
            qAddPostRoutine([] { sharedInstance().reset(); });
        } else {
            sharedError() = error;
        }
    }
    return instance.get();
}

QString PgTestCluster::startError()
{
    return sharedError();
}

PgTestCluster::~PgTestCluster()
{
    stop();
}

QStringList PgTestCluster::asServerUser(const QString &program, const QStringList &args) const
{
    if (m_runAs.isEmpty())
        return QStringList{program} + args;
    return QStringList{QStringLiteral("runuser"), QStringLiteral("-u"), m_runAs,
                       QStringLiteral("--"), program} +
           args;
}

bool PgTestCluster::start(QString *error)
{
    m_binDir = findBinDir();
    if (m_binDir.isEmpty()) {
        *error = QStringLiteral("PostgreSQL server binaries (initdb, pg_ctl) not found; install "
                                "the postgresql package or set ROLECALL_PG_BINDIR");
        return false;
    }
    if (!m_dir.isValid()) {
        *error = QStringLiteral("cannot make a temporary directory: %1").arg(m_dir.errorString());
        return false;
    }
    if (geteuid() == 0) {
        // initdb refuses root: hand the directory to an unprivileged account.
        for (const char *candidate : {"postgres", "nobody"}) {
            if (const passwd *account = getpwnam(candidate)) {
                if (chown(QFile::encodeName(m_dir.path()).constData(), account->pw_uid,
                          account->pw_gid) == 0) {
                    m_runAs = QString::fromLatin1(candidate);
                    break;
                }
            }
        }
        if (m_runAs.isEmpty()) {
            *error =
                QStringLiteral("running as root and no unprivileged account to run PostgreSQL as");
            return false;
        }
    }

    const QString data = m_dir.filePath(QStringLiteral("data"));
    QString output;
    QStringList initdb =
        asServerUser(m_binDir + QStringLiteral("/initdb"),
                     {QStringLiteral("-D"), data, QStringLiteral("-U"), superuser(),
                      QStringLiteral("--auth=trust"), QStringLiteral("-E"), QStringLiteral("UTF8"),
                      QStringLiteral("--locale=C.UTF-8"), QStringLiteral("--no-sync")});
    if (!runProcess(initdb.takeFirst(), initdb, &output, 120000)) {
        *error = QStringLiteral("initdb failed: %1").arg(output.trimmed());
        return false;
    }

    // Another process may take the port between probe and start: try a few.
    for (int attempt = 0; attempt < 5 && !m_running; ++attempt) {
        m_port = freeLoopbackPort();
        m_serverOptions = QStringLiteral("-p %1 -c listen_addresses=127.0.0.1 -k %2 -c fsync=off "
                                         "-c synchronous_commit=off -c full_page_writes=off "
                                         "-c max_connections=200 -c shared_buffers=128MB")
                              .arg(m_port)
                              .arg(m_dir.path());
        QStringList pgctl =
            asServerUser(m_binDir + QStringLiteral("/pg_ctl"),
                         {QStringLiteral("-D"), data, QStringLiteral("-l"),
                          m_dir.filePath(QStringLiteral("server.log")), QStringLiteral("-w"),
                          QStringLiteral("-t"), QStringLiteral("60"), QStringLiteral("-o"),
                          m_serverOptions, QStringLiteral("start")});
        m_running = runProcess(pgctl.takeFirst(), pgctl, &output, 90000);
    }
    if (!m_running) {
        QFile log(m_dir.filePath(QStringLiteral("server.log")));
        log.open(QIODevice::ReadOnly);
        *error = QStringLiteral("PostgreSQL did not start: %1 %2")
                     .arg(output.trimmed(), QString::fromLocal8Bit(log.readAll()).right(2000));
        return false;
    }

    // Watchdog: if this process dies without stopping the server, stop it and
    // remove the directory, so a crashed test leaves nothing running.
    const QStringList stopCommand =
        asServerUser(m_binDir + QStringLiteral("/pg_ctl"),
                     {QStringLiteral("-D"), data, QStringLiteral("-m"), QStringLiteral("immediate"),
                      QStringLiteral("stop")});
    QStringList quoted;
    for (const QString &part : stopCommand)
        quoted << QLatin1Char('\'') + part + QLatin1Char('\'');
    const QString script =
        QStringLiteral("while kill -0 %1 2>/dev/null; do sleep 1; done; "
                       "if [ -d '%2' ]; then %3 >/dev/null 2>&1; rm -rf '%4'; fi")
            .arg(QCoreApplication::applicationPid())
            .arg(data, quoted.join(QLatin1Char(' ')), m_dir.path());
    QProcess::startDetached(QStringLiteral("sh"), {QStringLiteral("-c"), script});
    return true;
}

void PgTestCluster::stop()
{
    if (!m_running)
        return;
    m_running = false;
    QString output;
    QStringList pgctl = asServerUser(m_binDir + QStringLiteral("/pg_ctl"),
                                     {QStringLiteral("-D"), m_dir.filePath(QStringLiteral("data")),
                                      QStringLiteral("-m"), QStringLiteral("immediate"),
                                      QStringLiteral("-w"), QStringLiteral("stop")});
    runProcess(pgctl.takeFirst(), pgctl, &output, 60000);
    m_dir.remove();
}

bool PgTestCluster::restart(QString *error)
{
    return pgCtl({QStringLiteral("-m"), QStringLiteral("fast"), QStringLiteral("restart")},
                 QStringLiteral("PostgreSQL did not restart: %1"), error);
}

bool PgTestCluster::pause(QString *error)
{
    return pgCtl({QStringLiteral("-m"), QStringLiteral("fast"), QStringLiteral("stop")},
                 QStringLiteral("PostgreSQL did not stop: %1"), error);
}

bool PgTestCluster::resume(QString *error)
{
    return pgCtl({QStringLiteral("-o"), m_serverOptions, QStringLiteral("start")},
                 QStringLiteral("PostgreSQL did not start again: %1"), error);
}

bool PgTestCluster::pgCtl(const QStringList &arguments, const QString &failure, QString *error)
{
    QString output;
    QStringList pgctl =
        asServerUser(m_binDir + QStringLiteral("/pg_ctl"),
                     QStringList{QStringLiteral("-D"), m_dir.filePath(QStringLiteral("data")),
                                 QStringLiteral("-l"), m_dir.filePath(QStringLiteral("server.log")),
                                 QStringLiteral("-w"), QStringLiteral("-t"), QStringLiteral("60")} +
                         arguments);
    const bool ok = runProcess(pgctl.takeFirst(), pgctl, &output, 90000);
    if (!ok && error)
        *error = failure.arg(output.trimmed());
    return ok;
}

ConnectionSettings PgTestCluster::connection(const QString &database) const
{
    ConnectionSettings settings;
    settings.host = host();
    settings.port = m_port;
    settings.user = superuser();
    settings.database = database;
    return settings;
}

bool PgTestCluster::exec(const QString &database, const QString &sql, QString *error)
{
    // psql, not QSqlQuery: with several statements in one string QPSQL reports
    // only the first one's outcome, and a later failure would go unnoticed.
    QString psql = m_binDir + QStringLiteral("/psql");
    if (!QFile::exists(psql))
        psql = QStringLiteral("psql");
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(psql,
                  {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-v"),
                   QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-h"), host(),
                   QStringLiteral("-p"), QString::number(m_port), QStringLiteral("-U"), superuser(),
                   QStringLiteral("-d"), database, QStringLiteral("-f"), QStringLiteral("-")});
    process.write(sql.toUtf8());
    process.closeWriteChannel();
    const bool finished = process.waitForFinished(300000);
    const QString output = QString::fromUtf8(process.readAll()).trimmed();
    if (finished && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0)
        return true;
    if (error)
        *error = output.isEmpty() ? process.errorString() : output;
    return false;
}

QString PgTestCluster::fixtureSql(Fixture fixture)
{
    QString path;
    switch (fixture) {
    case Fixture::Empty:
        return {};
    case Fixture::AkakoLms:
        path = QStringLiteral(":/schemas/akako-lms/migration.sql");
        break;
    case Fixture::SehatScan:
        path = QStringLiteral(":/schemas/sehatscan/migration.sql");
        break;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("fixture %s missing from the resources", qPrintable(path));
    return QString::fromUtf8(file.readAll());
}

QString PgTestCluster::templateFor(Fixture fixture, QString *error)
{
    const int index = int(fixture);
    const QString name = QStringList{QStringLiteral("template0"), QStringLiteral("tpl_akako"),
                                     QStringLiteral("tpl_sehatscan")}
                             .at(index);
    if (fixture == Fixture::Empty || m_templateReady[index])
        return name;
    if (!exec(QStringLiteral("postgres"),
              QStringLiteral("CREATE DATABASE %1 TEMPLATE template0 ENCODING 'UTF8'").arg(name),
              error))
        return {};
    if (!exec(name, fixtureSql(fixture), error))
        return {};
    m_templateReady[index] = true;
    return name;
}

QString PgTestCluster::createDatabase(Fixture fixture, QString *error)
{
    const QString templateName = templateFor(fixture, error);
    if (templateName.isEmpty())
        return {};
    const QString name = QStringLiteral("test_%1").arg(++m_nextDatabase);
    if (!exec(QStringLiteral("postgres"),
              QStringLiteral("CREATE DATABASE %1 TEMPLATE %2").arg(name, templateName), error))
        return {};
    return name;
}

} // namespace rolecall::testing
