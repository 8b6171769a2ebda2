#pragma once

#include "connectionsettings.h"

class QCommandLineParser;

namespace rolecall::cli {

// Adds --db, --host, --port, --user and --dbname to `parser`.
void addConnectionOptions(QCommandLineParser &parser);

// The connection the options (or ROLECALL_DATABASE_URL) name; false and
// *error set when none or a bad one is given.
bool connectionFromOptions(const QCommandLineParser &parser, ConnectionSettings *out,
                           QString *error);

} // namespace rolecall::cli
