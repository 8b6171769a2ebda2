#pragma once

// Shared by pgrolewriter.cpp and pgbulkgrant.cpp; not part of the models' API.

#include "domain/domain.h"
#include "domain/roles.h"

#include <QDateTime>
#include <QList>
#include <QString>

class QSqlDatabase;
class QSqlQuery;
class QVariant;

namespace rolecall::writer {

constexpr int maxBulkUsers = 100000;

// One write transaction: BEGIN with its own statement timeout; rolled back
// unless commit() succeeds, so a failure anywhere leaves nothing behind.
class Transaction
{
public:
    Transaction(QSqlDatabase &db, const QString &timeout);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;
    void commit();

private:
    QSqlDatabase &m_db;
    bool m_done = false;
};

// The signed-in admin as found in the database.
struct ActorRow
{
    QString userId;
    QString clerkId;
    QString email; // as the caller gave it, else the User row's
};

struct ResolvedKey
{
    QString key;
    QString userId; // empty: matched nobody
};

void requireRoleSchema(const SchemaInfo &schema);
[[noreturn]] void invalid(const QString &message);
QVariant textOrNull(const QString &text);
void checkInstant(const QDateTime &instant, const QString &what);
// Throws Validation with grantTextProblem()'s sentence.
void checkReasonAndNotes(const QString &reason, const QString &notes, bool reasonRequired = true);
void requireKnownRole(QSqlDatabase &db, const SchemaInfo &schema, const QString &role);
QDateTime transactionNow(QSqlDatabase &db);
// Throws Validation when ending the ADMIN grants `grantIds` at `newEnd` would
// leave, at some instant from now on, nobody holding ADMIN where somebody
// would have (grants that end in the future count only until they end).
void requireAdminCoverage(QSqlDatabase &db, const QStringList &grantIds, const QDateTime &newEnd);
// Takes the admins' advisory lock (shared, or exclusive for admin-ending
// writes), then throws NotPermitted unless `actor` is an active ADMIN now.
ActorRow requireAdmin(QSqlDatabase &db, const Actor &actor, bool exclusiveAdminLock);
QString activeNowCondition(const QString &alias);
QString overlapCondition(const QString &alias, const QString &start, const QString &end);
// The RoleGrant columns (timestamps as epoch ms) of `alias`, for readGrant().
QString grantColumns(const QString &alias);
RoleGrant readGrant(const QSqlQuery &q, int first);
// An audit event about a grant (UserRole row), after the write.
void recordAudit(QSqlDatabase &db, const ActorRow &actor, const QString &action,
                 const QString &grantId, const QString &reason, const QString &beforeJson,
                 const QDateTime &now);
// An audit event about a User row (not a grant): before and after as JSON,
// never the password column.
void recordUserAudit(QSqlDatabase &db, const ActorRow &actor, const QString &action,
                     const QString &userId, const QString &reason, const QString &beforeJson,
                     const QDateTime &now);
// Each key (Clerk ID, row id or email) with the User it names, in order.
QList<ResolvedKey> resolveUsers(QSqlDatabase &db, const QStringList &keys);

} // namespace rolecall::writer
