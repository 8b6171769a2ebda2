// Bulk grants: one role to many users, planned (dry run) or applied in one
// transaction with one set-based INSERT.
#include "pg/pgrolewriter.h"
#include "pg/pgusersquery.h"

#include "domain/cuid.h"
#include "domain/datasourceerror.h"
#include "domain/utctime.h"
#include "pg/pgrights.h"
#include "pg/pgrolewriter_p.h"
#include "pg/pgschema.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariant>

namespace rolecall {

using namespace writer;

namespace {

QString jsonText(const QJsonArray &array)
{
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

struct Bounds
{
    QDateTime start;
    QDateTime end; // invalid: open-ended
};

Bounds checkRequest(QSqlDatabase &db, const SchemaInfo &schema, const BulkGrantRequest &request,
                    const QDateTime &now)
{
    checkReasonAndNotes(request.reason, request.notes);
    checkInstant(request.start, QStringLiteral("start"));
    checkInstant(request.end, QStringLiteral("end"));
    writer::requireKnownRole(db, schema, request.role);
    Bounds bounds;
    bounds.start = request.start.isValid() ? truncatedUtc(request.start) : now;
    bounds.end = request.end.isValid() ? truncatedUtc(request.end) : QDateTime();
    if (bounds.end.isValid() && bounds.end <= bounds.start)
        invalid(QStringLiteral("The end (%1) must come after the start (%2).")
                    .arg(isoUtc(bounds.end), isoUtc(bounds.start)));
    if (!request.useFilter && request.users.size() > maxBulkUsers)
        invalid(QStringLiteral("A bulk grant reaches at most %L1 users, not %L2.")
                    .arg(maxBulkUsers)
                    .arg(request.users.size()));
    return bounds;
}

// The User ids a request names (its list, or its filter), each once; names
// that match nobody go to `unknown`.
QStringList targetIds(QSqlDatabase &db, const SchemaInfo &schema, const BulkGrantRequest &request,
                      QStringList *unknown)
{
    QStringList ids;
    if (request.useFilter) {
        ids = matchingUserIds(db, schema, request.filter, maxBulkUsers + 1);
    } else {
        QStringList keys;
        QSet<QString> seenKeys;
        for (const QString &user : request.users) {
            const QString key = user.trimmed();
            if (!key.isEmpty() && !seenKeys.contains(key)) {
                seenKeys.insert(key);
                keys << key;
            }
        }
        if (keys.isEmpty())
            invalid(QStringLiteral("Name at least one user (Clerk ID, email or User id)."));
        QSet<QString> seenIds;
        const QList<ResolvedKey> resolved = resolveUsers(db, keys);
        for (const ResolvedKey &r : resolved) {
            if (r.userId.isEmpty())
                *unknown << r.key;
            else if (!seenIds.contains(r.userId)) {
                seenIds.insert(r.userId);
                ids << r.userId;
            }
        }
    }
    if (ids.size() > maxBulkUsers)
        invalid(QStringLiteral("A bulk grant reaches at most %L1 users; narrow the selection.")
                    .arg(maxBulkUsers));
    return ids;
}

const QString idSet =
    QStringLiteral("(SELECT value FROM json_array_elements_text(CAST(:ids AS json)))");

// Locks the users' rows to the end of the transaction, as single writes lock
// them; in id order, so two bulk writes over shared users cannot deadlock.
void lockUsers(QSqlDatabase &db, const QString &idJson)
{
    QSqlQuery locker(db);
    locker.setForwardOnly(true);
    locker.prepare(QStringLiteral(R"(SELECT 1 FROM "User" u WHERE u."id" IN )") + idSet +
                   QStringLiteral(R"( ORDER BY u."id" FOR UPDATE)"));
    locker.bindValue(QStringLiteral(":ids"), idJson);
    execOrThrow(locker, QStringLiteral("lock the users"));
}

// Who would change and who already holds the role (the dry run).
BulkPlan makePlan(QSqlDatabase &db, const SchemaInfo &schema, const BulkGrantRequest &request,
                  const Bounds &bounds)
{
    BulkPlan plan;
    const QStringList ids = targetIds(db, schema, request, &plan.unknown);
    if (ids.isEmpty())
        return plan;

    QJsonArray idArray;
    for (const QString &id : std::as_const(ids))
        idArray.append(id);
    const QString idJson = jsonText(idArray);
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(R"(SELECT u."id", u."clerkId", u."email", u."firstName", u."lastName",
            round(extract(epoch FROM u."createdAt") * 1000)::bigint,
            round(extract(epoch FROM u."updatedAt") * 1000)::bigint,
            EXISTS (SELECT 1 FROM "UserRole" r WHERE r."userId" = u."id"
                    AND r."role" = CAST(:role AS "Role") AND )") +
              overlapCondition(QStringLiteral("r"), QStringLiteral("CAST(:start AS timestamp(3))"),
                               QStringLiteral("CAST(:end AS timestamp(3))")) +
              QStringLiteral(R"()
        FROM "User" u WHERE u."id" IN )") +
              idSet + QStringLiteral(R"( ORDER BY u."createdAt" DESC, u."id" DESC)"));
    q.bindValue(QStringLiteral(":role"), request.role);
    q.bindValue(QStringLiteral(":start"), utcLiteral(bounds.start));
    q.bindValue(QStringLiteral(":end"), utcLiteralOrNull(bounds.end));
    q.bindValue(QStringLiteral(":ids"), idJson);
    execOrThrow(q, QStringLiteral("plan the bulk grant"));
    while (q.next()) {
        (q.value(7).toBool() ? plan.alreadyHave : plan.willChange) << userFromRow(q);
    }
    return plan;
}

} // namespace

BulkPlan planBulk(QSqlDatabase &db, const SchemaInfo &schema, const Actor &actor,
                  const BulkGrantRequest &request)
{
    requireRoleSchema(schema);
    // A transaction only for one snapshot and the admin check; rolled back.
    Transaction tx(db, QStringLiteral("120s"));
    requireAdmin(db, actor, false);
    const Bounds bounds = checkRequest(db, schema, request, transactionNow(db));
    return makePlan(db, schema, request, bounds);
}

QList<RoleGrant> writeBulkGrant(QSqlDatabase &db, const SchemaInfo &schema, const Actor &actor,
                                const BulkGrantRequest &request)
{
    requireRoleSchema(schema);
    Transaction tx(db, QStringLiteral("120s"));
    const ActorRow admin = requireAdmin(db, actor, false);
    const QDateTime now = transactionNow(db);
    const Bounds bounds = checkRequest(db, schema, request, now);
    // Resolved again here, under lock: what the dry run showed may have moved.
    QStringList unknown;
    const QStringList ids = targetIds(db, schema, request, &unknown);
    if (!unknown.isEmpty()) {
        const QStringList shown = unknown.mid(0, 20);
        invalid(QStringLiteral("No user matches %L1 of the names, so nothing was granted: %2%3")
                    .arg(unknown.size())
                    .arg(shown.join(QStringLiteral(", ")),
                         unknown.size() > shown.size() ? QStringLiteral(", ...") : QString()));
    }
    QList<RoleGrant> grants;
    if (ids.isEmpty()) {
        tx.commit();
        return grants;
    }
    if (rightsFunctionsInstalled(db)) {
        grants = rights::bulkGrant(db, actor, request, bounds.start, bounds.end, ids);
        tx.commit();
        return grants;
    }
    QJsonArray idArray;
    for (const QString &id : ids)
        idArray.append(id);
    lockUsers(db, jsonText(idArray));

    // The console mints the ids (as Prisma's client would); the rows then go
    // in with one INSERT ... SELECT, a fresh statement after the lock, which
    // skips whoever holds an overlapping grant by then (the plan's "already
    // have"): no separate planning query on the way.
    QJsonArray rows;
    for (const QString &id : ids)
        rows.append(QJsonObject{{QStringLiteral("id"), makeCuid()},
                                {QStringLiteral("userId"), id},
                                {QStringLiteral("auditId"), makeCuid()}});
    const QString rowsJson = jsonText(rows);
    const QString rowSet = QStringLiteral(
        R"(json_to_recordset(CAST(:rows AS json)) AS x("id" text, "userId" text, "auditId" text))");

    QSqlQuery insert(db);
    insert.setForwardOnly(true);
    insert.prepare(
        QStringLiteral(R"(INSERT INTO "UserRole"
        ("id", "userId", "role", "effectiveStartDate", "effectiveEndDate", "assignedBy",
         "assignedByEmail", "reason", "adminNotes", "isActive", "createdAt", "updatedAt")
        SELECT x."id", x."userId", CAST(:role AS "Role"), CAST(:start AS timestamp(3)),
               CAST(:end AS timestamp(3)), :by, :byEmail, :reason, :notes, true,
               CAST(:now AS timestamp(3)), CAST(:now AS timestamp(3))
        FROM )") +
        rowSet + QStringLiteral(R"( WHERE NOT EXISTS (SELECT 1 FROM "UserRole" r
            WHERE r."userId" = x."userId" AND r."role" = CAST(:role AS "Role") AND )") +
        overlapCondition(QStringLiteral("r"), QStringLiteral("CAST(:start AS timestamp(3))"),
                         QStringLiteral("CAST(:end AS timestamp(3))")) +
        QStringLiteral(R"() RETURNING )") + grantColumns(QStringLiteral("\"UserRole\"")));
    insert.bindValue(QStringLiteral(":role"), request.role);
    insert.bindValue(QStringLiteral(":start"), utcLiteral(bounds.start));
    insert.bindValue(QStringLiteral(":end"), utcLiteralOrNull(bounds.end));
    insert.bindValue(QStringLiteral(":by"), admin.clerkId);
    insert.bindValue(QStringLiteral(":byEmail"), textOrNull(admin.email));
    insert.bindValue(QStringLiteral(":reason"), request.reason);
    insert.bindValue(QStringLiteral(":notes"), textOrNull(request.notes));
    insert.bindValue(QStringLiteral(":now"), utcLiteral(now));
    insert.bindValue(QStringLiteral(":rows"), rowsJson);
    execOrThrow(insert, QStringLiteral("write the grants"));
    grants.reserve(ids.size());
    while (insert.next())
        grants << readGrant(insert, 0);

    if (auditTableExists(db)) {
        QSqlQuery audit(db);
        audit.prepare(QStringLiteral(R"(INSERT INTO "RolecallAuditEvent"
            ("id", "at", "actorClerkId", "actorEmail", "action", "targetUserId", "role",
             "grantId", "reason", "before", "after")
            SELECT x."auditId", CAST(:at AS timestamp(3)), :actorClerkId, :actorEmail,
                   'bulk-granted', r."userId", r."role"::text, r."id", :reason, NULL, to_jsonb(r)
            FROM )") + rowSet +
                      QStringLiteral(R"( JOIN "UserRole" r ON r."id" = x."id")"));
        audit.bindValue(QStringLiteral(":at"), utcLiteral(now));
        audit.bindValue(QStringLiteral(":actorClerkId"), admin.clerkId);
        audit.bindValue(QStringLiteral(":actorEmail"), textOrNull(admin.email));
        audit.bindValue(QStringLiteral(":reason"), request.reason);
        audit.bindValue(QStringLiteral(":rows"), rowsJson);
        execOrThrow(audit, QStringLiteral("record the audit events"));
    }
    tx.commit();
    return grants;
}

} // namespace rolecall
