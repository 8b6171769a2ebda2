#pragma once

// Shared by the tests that read and write roles on a real PostgreSQL: the
// seeded actors, a writer's own databases and connections, and the fixture of
// grant states the read tests judge.
#include "domain/datasourceerror.h"
#include "services/datasource.h"
#include "support/clitestsupport.h" // clerkIdOfSeedUser(), emailOfSeedUser()

#include <QDateTime>
#include <QFuture>
#include <QSqlDatabase>
#include <QStringList>
#include <QVariant>

#include <optional>

namespace rolecall {
class PgDataSource;
}

namespace rolecall::testing {

class PgTestCluster;

// How many users the writer tests' databases are seeded with.
constexpr int seededUsers = 2000;

Actor actorOf(int n);
// The only active ADMIN in freshly seeded data.
Actor admin();
GrantRequest grantOf(int user, const QString &role, const QString &reason = QStringLiteral("test"));
QDateTime utcNow();

// Runs `future` and returns the error it ended with, if any.
template <typename T>
std::optional<DataSourceError> errorOf(QFuture<T> future)
{
    try {
        future.waitForFinished();
        return std::nullopt;
    } catch (const DataSourceError &e) {
        return e;
    }
}

// Runs `future` and returns the error it ended with; a Query error "no error"
// if it ended without one.
template <typename T>
DataSourceError failureOf(QFuture<T> future)
{
    return errorOf(future).value_or(
        DataSourceError(DataSourceError::Kind::Query, QStringLiteral("no error")));
}

// A writer test's databases: freshly seeded ones, and its own connections to
// them under another application_name than the console's.
class RoleWriterDatabases
{
public:
    bool start(QString *error);
    QString freshDatabase(int users = seededUsers);
    QSqlDatabase connect(const QString &database);
    QVariant scalar(const QString &database, const QString &sql, const QVariantList &values = {});
    // The grants' count and a digest of all their rows.
    QString checksum(const QString &database);
    // Another admin's tool behind the console's back: seed user `to` becomes
    // an ADMIN (so one stays) and seed user `from`'s ADMIN grant ends. Empty
    // when done, else what failed.
    QString handAdminOver(const QString &database, int from = 5, int to = 6);
    void removeConnections();

protected:
    PgTestCluster *m_cluster = nullptr;

private:
    QStringList m_connections;
};

// The read tests' fixture: seven users and grants in every state, relative to
// the server's now(); Frank holds `tiedGrants` grants created and ended at the
// same instants. Returns the database, or empty with `error` set.
constexpr int tiedGrants = 25;
QString createGrantStatesDatabase(PgTestCluster &cluster, QString *error);

// A read test's shared database of grant states (createGrantStatesDatabase()).
class GrantStatesDatabase
{
public:
    bool start(QString *error);

protected:
    PgTestCluster *m_cluster = nullptr;
    QString m_db;
};

QDateTime daysFromNow(int days);

// One number: overlapping active grants of one role, plus 1 when no ADMIN is
// active at all. The fault and load tests' invariant check.
QString invariantViolationsQuery();

// Every user, and every audit event, of a query, page by page.
QList<User> allUsers(PgDataSource &source, UserQuery query);
QList<AuditEvent> allEvents(PgDataSource &source, AuditQuery query);

// The sorted ids of users or audit events.
template <typename T>
QStringList idsOf(const QList<T> &items)
{
    QStringList ids;
    for (const T &item : items)
        ids << item.id;
    ids.sort();
    return ids;
}

} // namespace rolecall::testing
