// The sync actions: each one transaction, recorded in the optional audit
// table like every role write, rows written as Prisma would write them.
#include "pg/pgsync.h"

#include "domain/cuid.h"
#include "domain/datasourceerror.h"
#include "domain/utctime.h"
#include "pg/pgrights.h"
#include "pg/pgrolewriter_p.h"
#include "pg/pgschema.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariant>

namespace rolecall {

using namespace writer;

namespace {

const QString defaultRole = QStringLiteral("LEARNER");
const QString defaultRoleReason = QStringLiteral("default role at sync");

// Who acts: on Akako an active ADMIN by their grants (inside this
// transaction); on SehatScan, which has no roles, an admin by Clerk's
// public_metadata.role.
ActorRow requireSyncAdmin(QSqlDatabase &db, const SchemaInfo &schema, const Actor &actor,
                          const std::optional<ClerkUser> &actorClerk, bool exclusive)
{
    if (schema.kind == SchemaKind::AkakoLms)
        return requireAdmin(db, actor, exclusive);
    const QString who = actor.email.isEmpty() ? actor.clerkId : actor.email;
    if (actor.clerkId.isEmpty() || !actorClerk || actorClerk->id != actor.clerkId ||
        actorClerk->publicRole.compare(QLatin1String("admin"), Qt::CaseInsensitive) != 0)
        throw DataSourceError(
            DataSourceError::Kind::NotPermitted,
            QStringLiteral("Only an admin may sync users; this database has no roles, so an admin "
                           "is a Clerk user whose public_metadata.role is \"admin\", and %1 is "
                           "not one.")
                .arg(who.isEmpty() ? QStringLiteral("nobody signed in") : who));
    return ActorRow{QString(), actor.clerkId, actor.email};
}

QString keyColumn(const SchemaInfo &schema)
{
    return schema.kind == SchemaKind::SehatScan ? QStringLiteral(R"("id")")
                                                : QStringLiteral(R"("clerkId")");
}

// A LEARNER grant from `now`, open-ended, as the app's first sync makes it
// (plus who assigned it, as every console write records).
QString insertDefaultGrant(QSqlDatabase &db, const QString &userId, const ActorRow &admin,
                           const QString &reason, const QDateTime &now)
{
    if (rightsFunctionsInstalled(db))
        return rights::grant(db, Actor{admin.clerkId, admin.email}, userId, defaultRole, now,
                             QDateTime(), reason, QString())
            .id;
    const QString id = makeCuid();
    QSqlQuery q(db);
    q.prepare(QStringLiteral(R"(INSERT INTO "UserRole" ("id", "userId", "role",
            "effectiveStartDate", "effectiveEndDate", "assignedBy", "assignedByEmail", "reason",
            "adminNotes", "isActive", "createdAt", "updatedAt")
        VALUES (:id, :userId, CAST(:role AS "Role"), CAST(:now AS timestamp(3)), NULL, :by,
                :byEmail, :reason, NULL, true, CAST(:now AS timestamp(3)),
                CAST(:now AS timestamp(3))))"));
    q.bindValue(QStringLiteral(":id"), id);
    q.bindValue(QStringLiteral(":userId"), userId);
    q.bindValue(QStringLiteral(":role"), defaultRole);
    q.bindValue(QStringLiteral(":now"), utcLiteral(now));
    q.bindValue(QStringLiteral(":by"), textOrNull(admin.clerkId));
    q.bindValue(QStringLiteral(":byEmail"), textOrNull(admin.email));
    q.bindValue(QStringLiteral(":reason"), reason);
    execOrThrow(q, QStringLiteral("grant the default role"));
    if (auditTableExists(db))
        recordAudit(db, admin, QStringLiteral("granted"), id, reason, QString(), now);
    return id;
}

SyncActionResult syncUser(QSqlDatabase &db, const SchemaInfo &schema, const ActorRow &admin,
                          const SyncAction &action, const QDateTime &now)
{
    if (!action.clerk || action.clerk->id != action.clerkId)
        invalid(QStringLiteral("%1 is not a Clerk user (any more); only a Clerk user can be "
                               "synced.")
                    .arg(action.clerkId));
    const bool sehat = schema.kind == SchemaKind::SehatScan;
    const SyncTarget target = syncTargetOf(schema.kind, *action.clerk);
    if (!sehat && target.email.isEmpty())
        invalid(QStringLiteral("%1 has no primary email in Clerk; the app's sync needs one.")
                    .arg(action.clerkId));
    SyncActionResult result;
    result.clerkId = action.clerkId;
    result.kind = action.kind;

    // Serialise with any other write on this person's row.
    QSqlQuery find(db);
    find.prepare(QStringLiteral(R"(SELECT u."id", u."email", )") +
                 (sehat ? QStringLiteral(R"(NULL, NULL, u."name")")
                        : QStringLiteral(R"(u."firstName", u."lastName", NULL)")) +
                 QStringLiteral(R"(, to_jsonb(u)::text FROM "User" u WHERE u.)") +
                 keyColumn(schema) + QStringLiteral(" = :key FOR UPDATE"));
    find.bindValue(QStringLiteral(":key"), action.clerkId);
    execOrThrow(find, QStringLiteral("find the user"));
    const bool exists = find.next();

    QSqlQuery holder(db);
    holder.prepare(QStringLiteral(R"(SELECT u."id", u.)") + keyColumn(schema) +
                   QStringLiteral(R"( FROM "User" u WHERE u."email" = :email AND u.)") +
                   keyColumn(schema) + QStringLiteral(" <> :key"));
    holder.bindValue(QStringLiteral(":email"), target.email);
    holder.bindValue(QStringLiteral(":key"), action.clerkId);
    execOrThrow(holder, QStringLiteral("check the email"));
    if (holder.next())
        throw DataSourceError(DataSourceError::Kind::Conflict,
                              QStringLiteral("The email %1 already belongs to another user (row "
                                             "%2, Clerk ID %3); syncing %4 would break the unique "
                                             "email. Resolve that user first.")
                                  .arg(target.email, holder.value(0).toString(),
                                       holder.value(1).toString(), action.clerkId));

    const QVariant name =
        target.nameIsNull ? QVariant(QMetaType::fromType<QString>()) : QVariant(target.name);
    if (exists) {
        SyncDbUser row;
        result.userRowId = row.rowId = find.value(0).toString();
        row.email = find.value(1).toString();
        row.firstName = find.value(2).toString();
        row.lastName = find.value(3).toString();
        row.nameIsNull = find.isNull(4);
        row.name = find.value(4).toString();
        const QString beforeJson = find.value(5).toString();
        result.changes = diffOf(schema.kind, target, row);
        if (result.changes.isEmpty()) {
            result.summary = QStringLiteral("%1 is already in sync.").arg(action.clerkId);
            return result;
        }
        QSqlQuery update(db);
        update.prepare(sehat
                           ? QStringLiteral(R"(UPDATE "User" u SET "email" = :email, "name" = :name,
                    "updatedAt" = GREATEST(CAST(:now AS timestamp(3)),
                                           u."updatedAt" + interval '1 millisecond')
                    WHERE u."id" = :rowId)")
                           : QStringLiteral(R"(UPDATE "User" u SET "email" = :email,
                    "firstName" = :first, "lastName" = :last,
                    "updatedAt" = GREATEST(CAST(:now AS timestamp(3)),
                                           u."updatedAt" + interval '1 millisecond')
                    WHERE u."id" = :rowId)"));
        update.bindValue(QStringLiteral(":email"), target.email);
        if (sehat) {
            update.bindValue(QStringLiteral(":name"), name);
        } else {
            update.bindValue(QStringLiteral(":first"), textOrNull(target.firstName));
            update.bindValue(QStringLiteral(":last"), textOrNull(target.lastName));
        }
        update.bindValue(QStringLiteral(":now"), utcLiteral(now));
        update.bindValue(QStringLiteral(":rowId"), row.rowId);
        execOrThrow(update, QStringLiteral("update the user"));
        if (auditTableExists(db))
            recordUserAudit(db, admin, QStringLiteral("user-synced"), row.rowId,
                            QStringLiteral("sync from Clerk"), beforeJson, now);
        result.changed = true;
        QStringList fields;
        for (const FieldDiff &diff : std::as_const(result.changes))
            fields << diff.field;
        result.summary = QStringLiteral("Updated %1 of %2 from Clerk.")
                             .arg(fields.join(QStringLiteral(", ")), action.clerkId);
        return result;
    }

    // A new row; ON CONFLICT catches another sync that created it meanwhile.
    const QString rowId = sehat ? action.clerkId : makeCuid();
    QSqlQuery insert(db);
    insert.prepare(
        sehat ? QStringLiteral(R"(INSERT INTO "User" ("id", "email", "password", "name",
                    "createdAt", "updatedAt")
                VALUES (:rowId, :email, '', :name, CAST(:now AS timestamp(3)),
                        CAST(:now AS timestamp(3)))
                ON CONFLICT DO NOTHING RETURNING "id")")
              : QStringLiteral(R"(INSERT INTO "User" ("id", "clerkId", "email", "firstName",
                    "lastName", "createdAt", "updatedAt")
                VALUES (:rowId, :clerkId, :email, :first, :last, CAST(:now AS timestamp(3)),
                        CAST(:now AS timestamp(3)))
                ON CONFLICT DO NOTHING RETURNING "id")"));
    insert.bindValue(QStringLiteral(":rowId"), rowId);
    insert.bindValue(QStringLiteral(":email"), target.email);
    if (sehat) {
        insert.bindValue(QStringLiteral(":name"), name);
    } else {
        insert.bindValue(QStringLiteral(":clerkId"), action.clerkId);
        insert.bindValue(QStringLiteral(":first"), textOrNull(target.firstName));
        insert.bindValue(QStringLiteral(":last"), textOrNull(target.lastName));
    }
    insert.bindValue(QStringLiteral(":now"), utcLiteral(now));
    execOrThrow(insert, QStringLiteral("create the user"));
    if (!insert.next())
        throw DataSourceError(DataSourceError::Kind::Conflict,
                              QStringLiteral("%1 was created by someone else meanwhile; "
                                             "run sync status again.")
                                  .arg(action.clerkId));
    result.userRowId = rowId;
    result.created = result.changed = true;
    if (auditTableExists(db))
        recordUserAudit(db, admin, QStringLiteral("user-created"), rowId,
                        QStringLiteral("sync from Clerk"), QString(), now);
    if (!sehat)
        result.grantIds << insertDefaultGrant(db, rowId, admin, defaultRoleReason, now);
    result.summary =
        sehat ? QStringLiteral("Created %1 from Clerk.").arg(action.clerkId)
              : QStringLiteral("Created %1 from Clerk with a LEARNER grant.").arg(action.clerkId);
    return result;
}

QString lockedRowId(QSqlDatabase &db, const QString &clerkId)
{
    QSqlQuery find(db);
    find.prepare(QStringLiteral(R"(SELECT u."id" FROM "User" u WHERE u."clerkId" = :key
        FOR UPDATE)"));
    find.bindValue(QStringLiteral(":key"), clerkId);
    execOrThrow(find, QStringLiteral("find the user"));
    if (!find.next())
        invalid(QStringLiteral("No user with Clerk ID %1 in the database.").arg(clerkId));
    return find.value(0).toString();
}

SyncActionResult grantDefaultRole(QSqlDatabase &db, const SchemaInfo &schema, const ActorRow &admin,
                                  const SyncAction &action, const QDateTime &now)
{
    requireKnownRole(db, schema, defaultRole);
    const QString reason = action.reason.isEmpty() ? defaultRoleReason : action.reason;
    checkReasonAndNotes(reason, QString());
    SyncActionResult result;
    result.clerkId = action.clerkId;
    result.kind = action.kind;
    result.userRowId = lockedRowId(db, action.clerkId);
    // Active now: nothing to do. Scheduled or otherwise still flagged and
    // overlapping from now on: a new grant would overlap it, say which.
    QSqlQuery existing(db);
    existing.prepare(
        QStringLiteral(R"(SELECT r."id", )") + activeNowCondition(QStringLiteral("r")) +
        QStringLiteral(R"(, r."effectiveStartDate" FROM "UserRole" r
        WHERE r."userId" = :userId AND r."role" = 'LEARNER' AND )") +
        overlapCondition(QStringLiteral("r"), QStringLiteral("CAST(:now AS timestamp(3))"),
                         QStringLiteral("NULL::timestamp")) +
        QStringLiteral(R"( ORDER BY 2 DESC LIMIT 1)"));
    existing.bindValue(QStringLiteral(":userId"), result.userRowId);
    existing.bindValue(QStringLiteral(":now"), utcLiteral(now));
    execOrThrow(existing, QStringLiteral("look for a LEARNER grant"));
    if (existing.next()) {
        if (existing.value(1).toBool()) {
            result.summary = QStringLiteral("%1 already holds LEARNER.").arg(action.clerkId);
            return result;
        }
        throw DataSourceError(DataSourceError::Kind::Conflict,
                              QStringLiteral("%1 has a LEARNER grant (%2) scheduled to start %3; "
                                             "a new one would overlap it.")
                                  .arg(action.clerkId, existing.value(0).toString(),
                                       existing.value(2).toDateTime().toString(Qt::ISODate)));
    }
    result.grantIds << insertDefaultGrant(db, result.userRowId, admin, reason, now);
    result.changed = true;
    result.summary = QStringLiteral("Granted LEARNER to %1.").arg(action.clerkId);
    return result;
}

SyncActionResult endAllGrants(QSqlDatabase &db, const ActorRow &admin, const SyncAction &action,
                              const QDateTime &now)
{
    checkReasonAndNotes(action.reason, QString());
    SyncActionResult result;
    result.clerkId = action.clerkId;
    result.kind = action.kind;
    result.userRowId = lockedRowId(db, action.clerkId);
    if (result.userRowId == admin.userId)
        invalid(QStringLiteral("These are your own grants; ask another admin."));
    // With install-rights the login may not lock "UserRole" rows; the lock on
    // the user's row above serialises the writes on them all the same.
    const bool throughFunctions = rightsFunctionsInstalled(db);
    QSqlQuery grants(db);
    grants.prepare(QStringLiteral(R"(SELECT r."id", r."role"::text, )") +
                   activeNowCondition(QStringLiteral("r")) +
                   QStringLiteral(R"(, to_jsonb(r)::text FROM "UserRole" r
        WHERE r."userId" = :userId AND r."isActive"
          AND (r."effectiveEndDate" IS NULL OR r."effectiveEndDate" > timezone('UTC', now()))
        ORDER BY r."effectiveStartDate", r."id")") +
                   (throughFunctions ? QString() : QStringLiteral(" FOR UPDATE")));
    grants.bindValue(QStringLiteral(":userId"), result.userRowId);
    execOrThrow(grants, QStringLiteral("read the user's grants"));
    QList<QPair<QString, QString>> toEnd; // id, before JSON
    QStringList adminGrants;
    while (grants.next()) {
        toEnd.append({grants.value(0).toString(), grants.value(3).toString()});
        if (grants.value(1).toString() == QLatin1String("ADMIN"))
            adminGrants << grants.value(0).toString();
    }
    if (!adminGrants.isEmpty())
        requireAdminCoverage(db, adminGrants, now);
    if (throughFunctions) {
        for (const auto &grant : std::as_const(toEnd)) {
            EndRequest end;
            end.grantId = grant.first;
            end.reason = action.reason;
            rights::endGrant(db, Actor{admin.clerkId, admin.email}, end);
            result.grantIds << grant.first;
        }
    }
    const QString line = QStringLiteral("Ended ") + isoUtc(now) + QStringLiteral(" by ") +
                         (admin.email.isEmpty() ? admin.clerkId : admin.email) +
                         QStringLiteral(": ") + action.reason;
    const bool audit = auditTableExists(db);
    if (throughFunctions)
        toEnd.clear(); // ended above
    for (const auto &[grantId, beforeJson] : std::as_const(toEnd)) {
        // A scheduled grant ends where it would have started: it never runs.
        QSqlQuery update(db);
        update.prepare(QStringLiteral(R"(UPDATE "UserRole" r SET
                "effectiveEndDate" = GREATEST(r."effectiveStartDate", CAST(:now AS timestamp(3))),
                "isActive" = false,
                "adminNotes" = CASE WHEN COALESCE(r."adminNotes", '') = '' THEN :line
                                    ELSE r."adminNotes" || E'\n' || :line END,
                "updatedAt" = GREATEST(CAST(:now AS timestamp(3)),
                                       r."updatedAt" + interval '1 millisecond')
            WHERE r."id" = :id)"));
        update.bindValue(QStringLiteral(":now"), utcLiteral(now));
        update.bindValue(QStringLiteral(":line"), line);
        update.bindValue(QStringLiteral(":id"), grantId);
        execOrThrow(update, QStringLiteral("end a grant"));
        if (audit)
            recordAudit(db, admin, QStringLiteral("ended"), grantId, action.reason, beforeJson,
                        now);
        result.grantIds << grantId;
    }
    result.changed = !result.grantIds.isEmpty();
    result.summary = result.changed
                         ? QStringLiteral("Ended %1 grants of %2.")
                               .arg(result.grantIds.size())
                               .arg(action.clerkId)
                         : QStringLiteral("%1 has no active grants.").arg(action.clerkId);
    return result;
}

} // namespace

SyncActionResult applySyncAction(QSqlDatabase &db, const SchemaInfo &schema, const Actor &actor,
                                 const std::optional<ClerkUser> &actorClerk,
                                 const SyncAction &action, bool dryRun)
{
    if (schema.kind == SchemaKind::Unknown)
        throw DataSourceError(DataSourceError::Kind::Schema,
                              QStringLiteral("Not a recognised schema: %1").arg(schema.problem));
    if (action.kind != SyncAction::Kind::Sync)
        requireRoleSchema(schema);
    if (action.clerkId.trimmed().isEmpty())
        invalid(QStringLiteral("Which user? A Clerk ID is required."));
    Transaction tx(db, QStringLiteral("30s"));
    const bool exclusive = action.kind == SyncAction::Kind::EndAllGrants;
    const ActorRow admin = requireSyncAdmin(db, schema, actor, actorClerk, exclusive);
    const QDateTime now = transactionNow(db);
    SyncActionResult result;
    switch (action.kind) {
    case SyncAction::Kind::Sync:
        result = syncUser(db, schema, admin, action, now);
        break;
    case SyncAction::Kind::GrantDefaultRole:
        result = grantDefaultRole(db, schema, admin, action, now);
        break;
    case SyncAction::Kind::EndAllGrants:
        result = endAllGrants(db, admin, action, now);
        break;
    }
    result.dryRun = dryRun;
    if (dryRun)
        return result; // the transaction rolls back: the dry run wrote nothing
    tx.commit();
    return result;
}

} // namespace rolecall
