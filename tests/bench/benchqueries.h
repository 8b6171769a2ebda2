#pragma once

#include "benchsupport.h"
#include "domain/domain.h"

#include <QJsonArray>
#include <QJsonObject>

#include <optional>

namespace rolecall::bench {

using Params = QList<std::optional<QString>>;

double rounded(double value); // to 3 decimals
// {"model_ms", "baseline_ms", "ratio", "target", "met"}
QJsonObject compare(double modelMs, double baselineMs, double target);
QString utcText(const QDateTime &instant); // as the console binds instants

// The statement of pgusersquery.cpp's fetchUserPage() for the Akako schema,
// replicated with $n placeholders (the builder is not exposed); the held-at
// condition and the LIKE pattern come from the model's own helpers.
struct RawQuery
{
    QString sql;
    Params params;
};
RawQuery rawUsersQuery(const UserQuery &query);

// The indexes the console does not create itself, and ANALYZE; one entry per
// statement with its outcome (a failure is recorded, not fatal).
QJsonArray createIndexes(RawPg &raw);

} // namespace rolecall::bench
