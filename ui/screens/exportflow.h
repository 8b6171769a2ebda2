#pragma once

#include "itemmodels/csvstreamexport.h"

#include <QObject>
#include <QPointer>

#include <functional>

class QProgressDialog;
class QWidget;

namespace rolecall {

class DataSource;

// What an export says in its progress dialog and when it is done.
struct ExportWording
{
    QString progress;                         // e.g. "Exporting users (everyone)…"
    std::function<QString(qint64 rows)> done; // e.g. "Exported 12 user(s)."
};

// Every screen's whole-list export once a file is chosen: a CsvStreamJob
// (every row the screen's filters match, streamed in the background), with a
// progress dialog (non-modal; Cancel stops it and leaves no file).
//
//   start(job, wording, path) ─▶ CsvStreamExport::start ─▶ totalKnown / progress ─▶ the dialog
//                                                      └▶ finished / failed / cancelled
//                                                          ─▶ finished(ok, message)
class ExportFlow final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExportFlow)

public:
    // The progress dialog opens over `window`.
    explicit ExportFlow(QWidget *window);
    ~ExportFlow() override;

    // Reads from `source` (not owned; nullptr: none) from now on; an export
    // still running is cancelled.
    void setDataSource(DataSource *source);
    // Starts writing `job`'s rows to `path`; false, with finished() emitted,
    // when the file cannot be opened. False without a data source.
    bool start(const CsvStreamJob &job, const ExportWording &wording, const QString &path);
    void cancel();
    bool isRunning() const { return m_export && m_export->isRunning(); }

Q_SIGNALS:
    void finished(bool ok, const QString &message);

private:
    void showProgress(qint64 written);
    void done(bool ok, const QString &message);

    CsvStreamExport *m_export = nullptr;
    ExportWording m_wording;
    bool m_totalKnown = false;
    QPointer<QWidget> m_window;
    QPointer<QProgressDialog> m_progress;
};

} // namespace rolecall
