#pragma once

#include <QString>

class QAbstractItemModel;

namespace rolecall {

// The rows `model` shows, in its order (a proxy's filter and sort included),
// as CSV written whole to `path` or not at all: the horizontal header's
// titles, then one record per row, every field formula-guarded. False with
// *error set when the file cannot be written.
bool writeModelCsv(const QAbstractItemModel *model, const QString &path, QString *error);

} // namespace rolecall
