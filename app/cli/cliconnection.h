#pragma once

#include "domain/connectionsettings.h"

class QCommandLineParser;

namespace rolecall::cli {

// Adds --db, --host, --port, --user and --dbname to `parser`.
void addConnectionOptions(QCommandLineParser &parser);

// The connection the options name: --db, else ROLECALL_DATABASE_URL, else
// --host/--port/--user/--dbname, else the database of the profile (`profile`,
// or the default one). False and *error set when none or a bad one is given.
bool connectionFromOptions(const QCommandLineParser &parser, const QString &profile,
                           ConnectionSettings *out, QString *error);

} // namespace rolecall::cli
