#pragma once

#include <QString>

#include <functional>

class QFileDialog;
class QWidget;

namespace rolecall {

// The save half of every screen's CSV export:
//
//   chooseCsvFile() ─▶ save dialog, open() (the event loop keeps running)
//                        └─ fileSelected(path) ─▶ chosen(path): the screen writes,
//                                                 with writeCsvFile() or its own stream
//
// `suggestedName` may carry a folder; the dialog deletes itself when closed.
// Returns the dialog (already open), for tests to answer it.
QFileDialog *chooseCsvFile(QWidget *parent, const QString &title, const QString &suggestedName,
                           std::function<void(const QString &path)> chosen);

// Writes `csv` to `path` as UTF-8 through QSaveFile: the whole file or none.
// False, and *error naming the file, when it cannot.
bool writeCsvFile(const QString &path, const QString &csv, QString *error);

// "`baseName`-YYYY-MM-DD.csv" for today, the name exports suggest.
QString datedCsvName(const QString &baseName);

} // namespace rolecall
