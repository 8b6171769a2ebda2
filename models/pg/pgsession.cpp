#include "pg/pgsession.h"

#include "domain/datasourceerror.h"
#include "pg/pgschema.h"

#include <QAtomicInteger>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

Q_LOGGING_CATEGORY(lcDb, "rolecall.db", QtInfoMsg)

namespace rolecall {

namespace {

QString nextConnectionName()
{
    static QAtomicInteger<int> counter;
    return QStringLiteral("rolecall-pg-%1").arg(counter.fetchAndAddRelaxed(1) + 1);
}

QString serverMessage(const QSqlError &error)
{
    return error.databaseText().trimmed().isEmpty() ? error.text().simplified()
                                                    : error.databaseText().simplified();
}

} // namespace

std::chrono::seconds statementTimeout(PgSessionPurpose purpose)
{
    switch (purpose) {
    case PgSessionPurpose::Interactive:
        return std::chrono::seconds(60);
    case PgSessionPurpose::Sync:
        return std::chrono::seconds(120);
    }
    return std::chrono::seconds(60);
}

// ---------------------------------------------------------------- PgSession

PgSession::PgSession(ConnectionSettings settings, PgSessionPurpose purpose,
                     std::optional<std::chrono::seconds> timeout)
    : m_name(nextConnectionName())
    , m_settings(std::move(settings))
    , m_timeout(timeout.value_or(statementTimeout(purpose)))
{}

PgSession::~PgSession()
{
    m_db.close();
    m_db = QSqlDatabase(); // drop our handle, or Qt reports it still in use
    QSqlDatabase::removeDatabase(m_name);
}

QSqlDatabase &PgSession::open()
{
    if (!m_db.isValid())
        m_db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_name);
    if (!m_db.isValid())
        throw DataSourceError(DataSourceError::Kind::Connection,
                              QStringLiteral("The PostgreSQL driver (QPSQL) is not installed. "
                                             "On Debian/Ubuntu install libqt6sql6-psql."));
    if (m_db.isOpen())
        return m_db;
    m_db.setHostName(m_settings.host);
    m_db.setPort(m_settings.port);
    m_db.setUserName(m_settings.user);
    m_db.setDatabaseName(m_settings.database);
    m_db.setConnectOptions(m_settings.connectOptions());
    if (!m_db.open())
        throw DataSourceError(DataSourceError::Kind::Connection,
                              QStringLiteral("Cannot connect to %1: %2")
                                  .arg(m_settings.displayName(), serverMessage(m_db.lastError())));
    try {
        setUp();
    } catch (...) {
        m_db.close(); // half set up is not open: the next open() starts over
        throw;
    }
    qCDebug(lcDb) << "connected" << m_name << m_settings.displayName();
    return m_db;
}

QSqlDatabase &PgSession::openChecked()
{
    if (m_db.isOpen())
        dropIfBroken();
    return open();
}

bool PgSession::dropIfBroken()
{
    QSqlQuery ping(m_db);
    if (m_db.isOpen() && ping.exec(QStringLiteral("SELECT 1")))
        return false;
    qCInfo(lcDb) << "connection" << m_name << "lost; reconnecting";
    m_db.close();
    return true;
}

void PgSession::setUp()
{
    // The one place for what every session sets (see the class comment).
    QSqlQuery setup(m_db);
    QString sql =
        QStringLiteral("SET TIME ZONE 'UTC'; SET statement_timeout = '%1s'").arg(m_timeout.count());
    if (!m_settings.schema.isEmpty())
        sql += QStringLiteral("; SET search_path TO ") + quoteIdentifier(m_settings.schema);
    if (!setup.exec(sql))
        throw DataSourceError(DataSourceError::Kind::Connection,
                              QStringLiteral("Cannot set up the session on %1: %2")
                                  .arg(m_settings.displayName(), setup.lastError().text()));
    // PostgreSQL before 11 has no jit: there this fails, harmlessly.
    QSqlQuery(m_db).exec(QStringLiteral("SET jit = off"));
}

// ---------------------------------------------------------------- PgSessionPool

PgSessionPool::PgSessionPool(ConnectionSettings settings, PgSessionPurpose purpose, int threadCount,
                             std::optional<std::chrono::seconds> timeout)
    : m_settings(std::move(settings))
    , m_purpose(purpose)
    , m_timeout(timeout)
{
    // A worker keeps its connection for its life.
    m_threads.setMaxThreadCount(threadCount);
    m_threads.setExpiryTimeout(-1);
}

PgSessionPool::~PgSessionPool()
{
    // The workers end here; their connections, idle now, close after them.
    m_threads.waitForDone();
    m_sessions.clear();
}

PgSession &PgSessionPool::sessionForThisThread()
{
    QMutexLocker lock(&m_sessionsMutex);
    auto &session = m_sessions[QThread::currentThread()];
    if (!session)
        session = std::make_shared<PgSession>(m_settings, m_purpose, m_timeout);
    return *session;
}

void PgSessionPool::runHere(PgWork kind, const std::function<void(QSqlDatabase &)> &work)
{
    PgSession &session = sessionForThisThread();
    QSqlDatabase &db = kind == PgWork::Write ? session.openChecked() : session.open();
    try {
        work(db);
        return;
    } catch (const DataSourceError &e) {
        // A statement that failed because the server went away: a read runs
        // once more on a fresh connection; anything else is the caller's to see.
        const bool broken = (e.kind() == DataSourceError::Kind::Query ||
                             e.kind() == DataSourceError::Kind::Connection) &&
                            session.dropIfBroken();
        if (!broken)
            throw;
        // A write that says for itself what became of it (a lost commit).
        if (kind == PgWork::Write && e.kind() == DataSourceError::Kind::Connection)
            throw;
        if (kind == PgWork::Write)
            throw DataSourceError(DataSourceError::Kind::Connection,
                                  QStringLiteral("The connection to %1 was lost; nothing was "
                                                 "written. Try again.")
                                      .arg(m_settings.displayName()));
    }
    work(session.open());
}

} // namespace rolecall
