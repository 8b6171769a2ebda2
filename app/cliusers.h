#pragma once

#include <QString>
#include <QStringList>

class QTextStream;

namespace rolecall::cli {

// rolecallctl users list: streams the users page by page (keyset), so any
// number of rows prints in bounded memory.
int runUsersList(const QString &command, const QStringList &args, QTextStream &out,
                 QTextStream &err);

} // namespace rolecall::cli
