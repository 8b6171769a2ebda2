#pragma once

#include <QString>
#include <QStringList>

class QTextStream;

namespace rolecall::cli {

// What every rolecallctl verb gets: its own arguments (after "group verb"),
// the global options, and where to write.
struct CliContext
{
    QString command;  // "rolecallctl profiles add", for usage lines
    QString verb;     // "profiles add", for messages (the program's path may hold spaces)
    QStringList args; // the verb's own arguments
    QString profile;  // --profile NAME; empty: the default profile
    QTextStream &out;
    QTextStream &err;
};

} // namespace rolecall::cli
