#pragma once

// rolecall-bench --server: one users page through rolecall-server against the
// same page from PgDataSource directly, then many clients reading pages at
// once, with the direct-SQL ceiling measured in the same run.
#include "domain/connectionsettings.h"

#include <QJsonObject>
#include <QStringList>

namespace rolecall::bench {

struct ServerBenchOptions
{
    int clients = 32;
    int seconds = 10;            // of the concurrent phase, per side
    int serverThreads = 8;       // rolecall-server --db-sessions, and the direct pool's workers
    QStringList serverArguments; // more for rolecall-server (--max-connections 8, ...)
    int repeats = 100;           // single-page samples per side, taken in turn
};

QJsonObject serverPhase(const ConnectionSettings &connection, const ServerBenchOptions &options);

} // namespace rolecall::bench
