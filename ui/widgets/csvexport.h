#pragma once

#include <QString>

#include <functional>

class QAbstractItemModel;
class QFileDialog;
class QWidget;

namespace rolecall {

// The rows `model` shows, in its order (a proxy's filter and sort included),
// as CSV written whole to `path` or not at all: the horizontal header's
// titles, then one record per row, every field formula-guarded. False with
// *error set when the file cannot be written.
bool writeModelCsv(const QAbstractItemModel *model, const QString &path, QString *error);

// Asks where to save a CSV file without a nested event loop: a save dialog
// suggesting `fileName`, opened window-modal on `parent`; `onChosen(path)`
// once a file is picked, nothing on cancel. The dialog deletes itself.
QFileDialog *askCsvPath(QWidget *parent, const QString &title, const QString &fileName,
                        std::function<void(const QString &path)> onChosen);

} // namespace rolecall
