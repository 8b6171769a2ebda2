#include "cli/clisyncoutput.h"

#include "cli/clioutput.h"
#include "sync/syncaction.h"
#include "sync/syncstatus.h"

#include <QStringList>

namespace rolecall::cli {

QJsonArray diffsJson(const QList<FieldDiff> &diffs)
{
    QJsonArray array;
    for (const FieldDiff &diff : diffs)
        array.append(QJsonObject{{QStringLiteral("field"), diff.field},
                                 {QStringLiteral("clerk"), diff.clerkValue},
                                 {QStringLiteral("database"), diff.databaseValue}});
    return array;
}

QJsonObject recordJson(const SyncRecord &record)
{
    QJsonObject json{{QStringLiteral("clerkId"), record.clerkId},
                     {QStringLiteral("status"), syncStatusName(record.status)},
                     {QStringLiteral("lacksDefaultRole"), record.lacksDefaultRole},
                     {QStringLiteral("email"), nullable(record.email)},
                     {QStringLiteral("name"), nullable(record.name)},
                     {QStringLiteral("databaseRowId"), nullable(record.databaseRowId)},
                     {QStringLiteral("fields"), diffsJson(record.diffs)}};
    if (record.status == SyncStatus::EmailConflict)
        json.insert(QStringLiteral("conflictWith"),
                    QJsonObject{{QStringLiteral("rowId"), record.conflictRowId},
                                {QStringLiteral("clerkId"), record.conflictClerkId}});
    return json;
}

QString diffText(const SyncRecord &record)
{
    QStringList parts;
    if (record.status == SyncStatus::EmailConflict)
        parts << QStringLiteral("email held by ") + record.conflictClerkId;
    for (const FieldDiff &diff : record.diffs)
        parts << diff.field + QStringLiteral(": ") + diff.databaseValue + QStringLiteral(" -> ") +
                     diff.clerkValue;
    if (record.lacksDefaultRole && record.status != SyncStatus::NoDefaultRole)
        parts << QStringLiteral("no default role");
    return parts.join(QStringLiteral("; "));
}

QJsonObject resultJson(const SyncActionResult &result)
{
    return QJsonObject{{QStringLiteral("clerkId"), result.clerkId},
                       {QStringLiteral("action"), syncActionName(result.kind)},
                       {QStringLiteral("dryRun"), result.dryRun},
                       {QStringLiteral("changed"), result.changed},
                       {QStringLiteral("created"), result.created},
                       {QStringLiteral("userRowId"), nullable(result.userRowId)},
                       {QStringLiteral("fields"), diffsJson(result.changes)},
                       {QStringLiteral("grantIds"), QJsonArray::fromStringList(result.grantIds)},
                       {QStringLiteral("summary"), result.summary}};
}

} // namespace rolecall::cli
