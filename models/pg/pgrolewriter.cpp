#include "pg/pgrolewriter.h"

#include "domain/cuid.h"
#include "domain/datasourceerror.h"
#include "domain/utctime.h"
#include "pg/pgrights.h"
#include "pg/pgrolewriter_p.h"
#include "pg/pgschema.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace rolecall {

using namespace writer;

// ---------------------------------------------------------------- grant

RoleGrant writeGrant(QSqlDatabase &db, const SchemaInfo &schema, const Actor &actor,
                     const GrantRequest &request)
{
    requireRoleSchema(schema);
    Transaction tx(db, QStringLiteral("30s"));
    const ActorRow admin = requireAdmin(db, actor, false);

    checkReasonAndNotes(request.reason, request.notes);
    checkInstant(request.start, QStringLiteral("start"));
    checkInstant(request.end, QStringLiteral("end"));
    requireKnownRole(db, schema, request.role);
    const QString key = request.user.trimmed();
    if (key.isEmpty())
        invalid(QStringLiteral("Name the user: a Clerk ID, an email or a User id."));
    const QList<ResolvedKey> resolved = resolveUsers(db, {key});
    if (resolved.isEmpty() || resolved.constFirst().userId.isEmpty())
        invalid(QStringLiteral("No user \"%1\" (looked for a Clerk ID, an email and a User id).")
                    .arg(key));
    const QString userId = resolved.constFirst().userId;
    if (rightsFunctionsInstalled(db)) {
        // The database's own writer applies the same guards (install-rights).
        const RoleGrant grant = rights::grant(db, actor, userId, request.role, request.start,
                                              request.end, request.reason, request.notes);
        tx.commit();
        return grant;
    }

    // Writes to one user run one after another from here on.
    QSqlQuery lock(db);
    lock.prepare(QStringLiteral(R"(SELECT u."email" FROM "User" u WHERE u."id" = :id FOR UPDATE)"));
    lock.bindValue(QStringLiteral(":id"), userId);
    execOrThrow(lock, QStringLiteral("lock the user"));
    if (!lock.next())
        invalid(QStringLiteral("The user \"%1\" was just deleted.").arg(key));
    const QString userEmail = lock.value(0).toString();

    const QDateTime now = transactionNow(db);
    const QDateTime start = request.start.isValid() ? truncatedUtc(request.start) : now;
    const QDateTime end = request.end.isValid() ? truncatedUtc(request.end) : QDateTime();
    if (end.isValid() && end <= start)
        invalid(QStringLiteral("The end (%1) must come after the start (%2).")
                    .arg(isoUtc(end), isoUtc(start)));

    // After the lock: a grant committed by a racing write is seen here.
    QSqlQuery dup(db);
    dup.prepare(QStringLiteral(R"(SELECT r."id",
            round(extract(epoch FROM r."effectiveStartDate") * 1000)::bigint,
            round(extract(epoch FROM r."effectiveEndDate") * 1000)::bigint
        FROM "UserRole" r WHERE r."userId" = :userId AND r."role" = CAST(:role AS "Role") AND )") +
                overlapCondition(QStringLiteral("r"),
                                 QStringLiteral("CAST(:start AS timestamp(3))"),
                                 QStringLiteral("CAST(:end AS timestamp(3))")) +
                QStringLiteral(R"( ORDER BY r."effectiveStartDate" LIMIT 1)"));
    dup.bindValue(QStringLiteral(":userId"), userId);
    dup.bindValue(QStringLiteral(":role"), request.role);
    dup.bindValue(QStringLiteral(":start"), utcLiteral(start));
    dup.bindValue(QStringLiteral(":end"), utcLiteralOrNull(end));
    execOrThrow(dup, QStringLiteral("look for overlapping grants"));
    if (dup.next()) {
        const QDateTime otherEnd = utcFromMillis(dup.value(2));
        invalid(QStringLiteral("%1 already holds %2 in grant %3 (from %4 %5), which overlaps "
                               "this one; end it first or pick dates that do not overlap.")
                    .arg(userEmail, request.role, dup.value(0).toString(),
                         isoUtc(utcFromMillis(dup.value(1))),
                         otherEnd.isValid() ? QStringLiteral("until ") + isoUtc(otherEnd)
                                            : QStringLiteral("with no end")));
    }

    QSqlQuery insert(db);
    insert.prepare(QStringLiteral(R"(INSERT INTO "UserRole"
        ("id", "userId", "role", "effectiveStartDate", "effectiveEndDate", "assignedBy",
         "assignedByEmail", "reason", "adminNotes", "isActive", "createdAt", "updatedAt")
        VALUES (:id, :userId, CAST(:role AS "Role"), CAST(:start AS timestamp(3)),
                CAST(:end AS timestamp(3)), :by, :byEmail, :reason, :notes, true,
                CAST(:now AS timestamp(3)), CAST(:now AS timestamp(3)))
        RETURNING )") +
                   grantColumns(QStringLiteral("\"UserRole\"")));
    insert.bindValue(QStringLiteral(":id"), makeCuid());
    insert.bindValue(QStringLiteral(":userId"), userId);
    insert.bindValue(QStringLiteral(":role"), request.role);
    insert.bindValue(QStringLiteral(":start"), utcLiteral(start));
    insert.bindValue(QStringLiteral(":end"), utcLiteralOrNull(end));
    insert.bindValue(QStringLiteral(":by"), admin.clerkId);
    insert.bindValue(QStringLiteral(":byEmail"), textOrNull(admin.email));
    insert.bindValue(QStringLiteral(":reason"), request.reason);
    insert.bindValue(QStringLiteral(":notes"), textOrNull(request.notes));
    insert.bindValue(QStringLiteral(":now"), utcLiteral(now));
    execOrThrow(insert, QStringLiteral("write the grant"));
    insert.next();
    const RoleGrant grant = readGrant(insert, 0);

    if (auditTableExists(db))
        recordAudit(db, admin,
                    start > now ? QStringLiteral("scheduled") : QStringLiteral("granted"), grant.id,
                    request.reason, QString(), now);
    tx.commit();
    return grant;
}

// ---------------------------------------------------------------- end

RoleGrant writeEndGrant(QSqlDatabase &db, const SchemaInfo &schema, const Actor &actor,
                        const EndRequest &request)
{
    requireRoleSchema(schema);
    Transaction tx(db, QStringLiteral("30s"));

    // A grant's user and role never change, so reading them unlocked is safe;
    // ending an ADMIN grant takes the admins' lock exclusively.
    QSqlQuery find(db);
    find.prepare(QStringLiteral(R"(SELECT r."userId", r."role"::text FROM "UserRole" r
        WHERE r."id" = :id)"));
    find.bindValue(QStringLiteral(":id"), request.grantId);
    execOrThrow(find, QStringLiteral("find the grant"));
    const bool found = find.next();
    const QString userId = found ? find.value(0).toString() : QString();
    const bool isAdminGrant = found && find.value(1).toString() == QLatin1String("ADMIN");

    const ActorRow admin = requireAdmin(db, actor, isAdminGrant);
    if (!found)
        invalid(QStringLiteral("No grant with id \"%1\".").arg(request.grantId));
    checkReasonAndNotes(request.reason, QString());
    checkInstant(request.at, QStringLiteral("end"));
    if (rightsFunctionsInstalled(db)) {
        const RoleGrant ended = rights::endGrant(db, actor, request);
        tx.commit();
        return ended;
    }

    QSqlQuery lockUser(db);
    lockUser.prepare(QStringLiteral(R"(SELECT 1 FROM "User" u WHERE u."id" = :id FOR UPDATE)"));
    lockUser.bindValue(QStringLiteral(":id"), userId);
    execOrThrow(lockUser, QStringLiteral("lock the user"));

    QSqlQuery current(db);
    current.prepare(QStringLiteral("SELECT ") + grantColumns(QStringLiteral("r")) +
                    QStringLiteral(R"(, to_jsonb(r)::text FROM "UserRole" r WHERE r."id" = :id
                        FOR UPDATE)"));
    current.bindValue(QStringLiteral(":id"), request.grantId);
    execOrThrow(current, QStringLiteral("read the grant"));
    if (!current.next())
        invalid(QStringLiteral("No grant with id \"%1\".").arg(request.grantId));
    const RoleGrant before = readGrant(current, 0);
    const QString beforeJson = current.value(12).toString();

    if (request.expectedUpdatedAt.isValid() &&
        request.expectedUpdatedAt.toMSecsSinceEpoch() != before.updatedAt.toMSecsSinceEpoch())
        throw DataSourceError(DataSourceError::Kind::Conflict,
                              QStringLiteral("Someone else changed this grant at %1; reload and "
                                             "try again.")
                                  .arg(isoUtc(before.updatedAt)));

    const QDateTime now = transactionNow(db);
    if (!before.isActiveFlag || (before.effectiveEnd.isValid() && before.effectiveEnd <= now))
        invalid(QStringLiteral("Grant %1 has already ended%2.")
                    .arg(before.id, before.effectiveEnd.isValid()
                                        ? QStringLiteral(" (at ") + isoUtc(before.effectiveEnd) +
                                              QLatin1Char(')')
                                        : QString()));
    QDateTime at;
    if (request.at.isValid()) {
        at = truncatedUtc(request.at);
        if (at < before.effectiveStart)
            invalid(QStringLiteral("The end (%1) is before the grant's start (%2).")
                        .arg(isoUtc(at), isoUtc(before.effectiveStart)));
    } else {
        // Ending a grant that has not started yet cancels it: it ends where it
        // would have begun, so its end never precedes its start.
        at = qMax(now, before.effectiveStart);
    }
    if (before.effectiveEnd.isValid() && at > before.effectiveEnd)
        invalid(QStringLiteral("Grant %1 already ends at %2; ending it later would extend it.")
                    .arg(before.id, isoUtc(before.effectiveEnd)));
    // Ends now (or was cancelled before it began): no longer active. A later
    // end leaves it active until then.
    const bool endsNow = at <= now || !request.at.isValid();

    if (isAdminGrant) {
        // Holding the admins' lock exclusively: no other admin-ending write
        // runs now. Counted over time, so a later end elsewhere counts only
        // until it falls.
        requireAdminCoverage(db, {before.id}, at);
        if (before.isActiveAt(now) && userId == admin.userId && !request.confirmSelfDemotion)
            throw DataSourceError(
                DataSourceError::Kind::SelfDemotion,
                QStringLiteral("This ends your own ADMIN role; confirm to go on."));
    }

    const QString line = QStringLiteral("Ended ") + isoUtc(at) + QStringLiteral(" by ") +
                         (admin.email.isEmpty() ? admin.clerkId : admin.email) +
                         QStringLiteral(": ") + request.reason;
    // updatedAt always moves forward, even within one millisecond, so a view
    // taken before this write can never match it again.
    QSqlQuery update(db);
    update.prepare(QStringLiteral(R"(UPDATE "UserRole" r SET
            "effectiveEndDate" = CAST(:at AS timestamp(3)),
            "isActive" = :active,
            "adminNotes" = CASE WHEN COALESCE(r."adminNotes", '') = '' THEN :line
                                ELSE r."adminNotes" || E'\n' || :line END,
            "updatedAt" = GREATEST(CAST(:now AS timestamp(3)),
                                   r."updatedAt" + interval '1 millisecond')
        WHERE r."id" = :id RETURNING )") +
                   grantColumns(QStringLiteral("r")));
    update.bindValue(QStringLiteral(":at"), utcLiteral(at));
    update.bindValue(QStringLiteral(":active"), !endsNow);
    update.bindValue(QStringLiteral(":line"), line);
    update.bindValue(QStringLiteral(":now"), utcLiteral(now));
    update.bindValue(QStringLiteral(":id"), before.id);
    execOrThrow(update, QStringLiteral("end the grant"));
    update.next();
    const RoleGrant after = readGrant(update, 0);

    if (auditTableExists(db))
        recordAudit(db, admin, QStringLiteral("ended"), after.id, request.reason, beforeJson,
                    after.updatedAt);
    tx.commit();
    return after;
}

// ---------------------------------------------------------------- audit table

namespace {

// The statements of the audit table, run one by one: with several in one
// string QPSQL reports only the first one's outcome.
QStringList auditTableStatements()
{
    return {QStringLiteral(R"(CREATE TABLE "RolecallAuditEvent" (
    "id" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorClerkId" TEXT,
    "actorEmail" TEXT,
    "action" TEXT NOT NULL,
    "targetUserId" TEXT,
    "role" TEXT,
    "grantId" TEXT,
    "reason" TEXT,
    "before" JSONB,
    "after" JSONB,

    CONSTRAINT "RolecallAuditEvent_pkey" PRIMARY KEY ("id")
))"),
            QStringLiteral(R"(CREATE INDEX "RolecallAuditEvent_at_id_idx" )"
                           R"(ON "RolecallAuditEvent"("at" DESC, "id" DESC))"),
            QStringLiteral(R"(CREATE INDEX "RolecallAuditEvent_targetUserId_idx" )"
                           R"(ON "RolecallAuditEvent"("targetUserId"))")};
}

} // namespace

QString auditTableSql()
{
    return auditTableStatements().join(QStringLiteral(";\n\n")) + QStringLiteral(R"(;

-- The trail is append-only. Once the console connects as a role of its own,
-- take away its right to rewrite history (run as the table's owner):
-- REVOKE UPDATE, DELETE ON "RolecallAuditEvent" FROM <the console's role>;
)");
}

void installAuditTable(QSqlDatabase &db, const std::function<void(QSqlDatabase &)> &check)
{
    Transaction tx(db, QStringLiteral("60s"));
    if (check)
        check(db);
    const QStringList statements = auditTableStatements();
    for (const QString &statement : statements) {
        // DDL cannot be prepared; these fixed statements carry no values.
        QSqlQuery q(db);
        if (!q.exec(statement))
            throw DataSourceError(DataSourceError::Kind::Query,
                                  QStringLiteral("Could not create the audit table: %1")
                                      .arg(q.lastError().databaseText().simplified()));
    }
    tx.commit();
}

} // namespace rolecall
