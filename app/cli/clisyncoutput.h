#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace rolecall {
struct FieldDiff;
struct SyncActionResult;
struct SyncRecord;
} // namespace rolecall

namespace rolecall::cli {

// How rolecallctl sync shows a comparison's records and an action's result:
// one JSON object each (--format json), or a line of differences (table, csv).
QJsonArray diffsJson(const QList<FieldDiff> &diffs);
QJsonObject recordJson(const SyncRecord &record);
QString diffText(const SyncRecord &record);
QJsonObject resultJson(const SyncActionResult &result);

} // namespace rolecall::cli
