// The codec's sync documents (apijson.h).
#include "api/apijson.h"
#include "api/apijson_p.h"

namespace rolecall::apijson {

using namespace detail;

namespace {

QJsonValue text(const QString &value)
{
    return value.isNull() ? QJsonValue() : QJsonValue(value);
}

void decodeClerkUser(const QJsonValue &json, const QString &path, ClerkUser &out)
{
    const ObjectReader r(json, path);
    out.id = r.string("id", true);
    out.primaryEmail = r.string("primaryEmail");
    out.primaryEmailVerified = r.boolean("primaryEmailVerified");
    out.firstEmail = r.string("firstEmail");
    out.firstName = r.string("firstName");
    out.lastName = r.string("lastName");
    out.hasFirstName = r.boolean("hasFirstName");
    out.imageUrl = r.string("imageUrl");
    out.banned = r.boolean("banned");
    out.locked = r.boolean("locked");
    out.createdAt = r.instant("createdAt");
    out.updatedAt = r.instant("updatedAt");
    out.lastSignInAt = r.instant("lastSignInAt");
    out.publicRole = r.string("publicRole");
}

QJsonArray diffsJson(const QList<FieldDiff> &diffs)
{
    QJsonArray out;
    for (const FieldDiff &diff : diffs)
        out.append(QJsonObject{{QStringLiteral("field"), diff.field},
                               {QStringLiteral("clerkValue"), diff.clerkValue},
                               {QStringLiteral("databaseValue"), diff.databaseValue}});
    return out;
}

void decodeDiff(const QJsonValue &json, const QString &path, FieldDiff &out)
{
    const ObjectReader r(json, path);
    out.field = r.string("field", true);
    out.clerkValue = r.string("clerkValue");
    out.databaseValue = r.string("databaseValue");
}

void decodeSyncDbUser(const QJsonValue &json, const QString &path, SyncDbUser &out)
{
    const ObjectReader r(json, path);
    out.rowId = r.string("rowId", true);
    out.clerkId = r.string("clerkId");
    out.email = r.string("email");
    out.firstName = r.string("firstName");
    out.lastName = r.string("lastName");
    out.name = r.string("name");
    out.nameIsNull = !r.has("name");
    out.hasPassword = r.boolean("hasPassword");
    out.everHadLearner = r.boolean("everHadLearner");
    out.activeLearner = r.boolean("activeLearner");
}

std::optional<SyncStatus> statusFromId(const QString &id)
{
    return syncStatusFromName(id);
}

void decodeSyncRecord(const QJsonValue &json, const QString &path, SyncRecord &out)
{
    const ObjectReader r(json, path);
    out.clerkId = r.string("clerkId", true);
    out.status = r.enumValue<SyncStatus>("status", statusFromId, SyncStatus::InSync, true);
    out.lacksDefaultRole = r.boolean("lacksDefaultRole");
    out.neverHadDefaultRole = r.boolean("neverHadDefaultRole");
    out.email = r.string("email");
    out.name = r.string("name");
    out.databaseRowId = r.string("databaseRowId");
    out.diffs = r.list<FieldDiff>("diffs", decodeDiff);
    out.conflictRowId = r.string("conflictRowId");
    out.conflictClerkId = r.string("conflictClerkId");
    if (r.has("clerk")) {
        ClerkUser clerk;
        decodeClerkUser(r.value("clerk"), r.pathOf("clerk"), clerk);
        out.clerk = clerk;
    }
}

} // namespace

QJsonObject toJson(const ClerkUser &user)
{
    return {{QStringLiteral("id"), user.id},
            {QStringLiteral("primaryEmail"), text(user.primaryEmail)},
            {QStringLiteral("primaryEmailVerified"), user.primaryEmailVerified},
            {QStringLiteral("firstEmail"), text(user.firstEmail)},
            {QStringLiteral("firstName"), text(user.firstName)},
            {QStringLiteral("lastName"), text(user.lastName)},
            {QStringLiteral("hasFirstName"), user.hasFirstName},
            {QStringLiteral("imageUrl"), text(user.imageUrl)},
            {QStringLiteral("banned"), user.banned},
            {QStringLiteral("locked"), user.locked},
            {QStringLiteral("createdAt"), instantJson(user.createdAt)},
            {QStringLiteral("updatedAt"), instantJson(user.updatedAt)},
            {QStringLiteral("lastSignInAt"), instantJson(user.lastSignInAt)},
            {QStringLiteral("publicRole"), text(user.publicRole)}};
}

bool fromJson(const QJsonValue &json, ClerkUser *out, QString *error)
{
    return decodeInto(out, error, [&json](ClerkUser &u) { decodeClerkUser(json, {}, u); });
}

QJsonObject toJson(const SyncDbSnapshot &snapshot)
{
    QJsonArray users;
    for (const SyncDbUser &user : snapshot.users)
        users.append(QJsonObject{
            {QStringLiteral("rowId"), user.rowId},
            {QStringLiteral("clerkId"), text(user.clerkId)},
            {QStringLiteral("email"), text(user.email)},
            {QStringLiteral("firstName"), text(user.firstName)},
            {QStringLiteral("lastName"), text(user.lastName)},
            {QStringLiteral("name"), user.nameIsNull ? QJsonValue() : QJsonValue(user.name)},
            {QStringLiteral("hasPassword"), user.hasPassword},
            {QStringLiteral("everHadLearner"), user.everHadLearner},
            {QStringLiteral("activeLearner"), user.activeLearner}});
    return {{QStringLiteral("kind"), schemaKindId(snapshot.kind)},
            {QStringLiteral("users"), users}};
}

bool fromJson(const QJsonValue &json, SyncDbSnapshot *out, QString *error)
{
    return decodeInto(out, error, [&json](SyncDbSnapshot &s) {
        const ObjectReader r(json, {});
        s.kind = r.enumValue<SchemaKind>("kind", schemaKindFromId, SchemaKind::Unknown, true);
        s.users = r.list<SyncDbUser>("users", decodeSyncDbUser, true);
    });
}

QJsonObject toJson(const SyncAction &action, bool dryRun)
{
    return {
        {QStringLiteral("kind"), syncActionName(action.kind)},
        {QStringLiteral("clerkId"), action.clerkId},
        {QStringLiteral("clerk"), action.clerk ? QJsonValue(toJson(*action.clerk)) : QJsonValue()},
        {QStringLiteral("reason"), text(action.reason)},
        {QStringLiteral("dryRun"), dryRun}};
}

bool fromJson(const QJsonValue &json, SyncAction *out, bool *dryRun, QString *error)
{
    bool dry = false;
    const bool ok = decodeInto(out, error, [&json, &dry](SyncAction &a) {
        const ObjectReader r(json, {});
        a.kind = r.enumValue<SyncAction::Kind>("kind", syncActionKindFromId, SyncAction::Kind::Sync,
                                               true);
        a.clerkId = r.string("clerkId", true);
        if (r.has("clerk")) {
            ClerkUser clerk;
            decodeClerkUser(r.value("clerk"), r.pathOf("clerk"), clerk);
            a.clerk = clerk;
        }
        a.reason = r.string("reason");
        dry = r.boolean("dryRun");
    });
    if (ok && dryRun)
        *dryRun = dry;
    return ok;
}

QJsonObject toJson(const SyncActionResult &result)
{
    return {{QStringLiteral("clerkId"), result.clerkId},
            {QStringLiteral("kind"), syncActionName(result.kind)},
            {QStringLiteral("dryRun"), result.dryRun},
            {QStringLiteral("changed"), result.changed},
            {QStringLiteral("created"), result.created},
            {QStringLiteral("userRowId"), text(result.userRowId)},
            {QStringLiteral("changes"), diffsJson(result.changes)},
            {QStringLiteral("grantIds"), QJsonArray::fromStringList(result.grantIds)},
            {QStringLiteral("summary"), result.summary}};
}

bool fromJson(const QJsonValue &json, SyncActionResult *out, QString *error)
{
    return decodeInto(out, error, [&json](SyncActionResult &s) {
        const ObjectReader r(json, {});
        s.clerkId = r.string("clerkId", true);
        s.kind = r.enumValue<SyncAction::Kind>("kind", syncActionKindFromId, SyncAction::Kind::Sync,
                                               true);
        s.dryRun = r.boolean("dryRun");
        s.changed = r.boolean("changed");
        s.created = r.boolean("created");
        s.userRowId = r.string("userRowId");
        s.changes = r.list<FieldDiff>("changes", decodeDiff);
        s.grantIds = r.strings("grantIds");
        s.summary = r.string("summary");
    });
}

QJsonObject toJson(const SyncRecord &record)
{
    return {
        {QStringLiteral("clerkId"), record.clerkId},
        {QStringLiteral("status"), syncStatusName(record.status)},
        {QStringLiteral("lacksDefaultRole"), record.lacksDefaultRole},
        {QStringLiteral("neverHadDefaultRole"), record.neverHadDefaultRole},
        {QStringLiteral("email"), text(record.email)},
        {QStringLiteral("name"), text(record.name)},
        {QStringLiteral("databaseRowId"), text(record.databaseRowId)},
        {QStringLiteral("diffs"), diffsJson(record.diffs)},
        {QStringLiteral("conflictRowId"), text(record.conflictRowId)},
        {QStringLiteral("conflictClerkId"), text(record.conflictClerkId)},
        {QStringLiteral("clerk"), record.clerk ? QJsonValue(toJson(*record.clerk)) : QJsonValue()}};
}

bool fromJson(const QJsonValue &json, SyncRecord *out, QString *error)
{
    return decodeInto(out, error, [&json](SyncRecord &s) { decodeSyncRecord(json, {}, s); });
}

QJsonObject toJson(const SyncStatusReport &report)
{
    QJsonArray rows;
    for (const SyncRecord &record : report.rows)
        rows.append(toJson(record));
    return {{QStringLiteral("rows"), rows},
            {QStringLiteral("complete"), report.complete},
            {QStringLiteral("problems"), QJsonArray::fromStringList(report.problems)}};
}

bool fromJson(const QJsonValue &json, SyncStatusReport *out, QString *error)
{
    return decodeInto(out, error, [&json](SyncStatusReport &s) {
        const ObjectReader r(json, {});
        s.rows = r.list<SyncRecord>("rows", decodeSyncRecord, true);
        s.complete = r.boolean("complete");
        s.problems = r.strings("problems");
    });
}

} // namespace rolecall::apijson
