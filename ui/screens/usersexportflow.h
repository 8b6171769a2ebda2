#pragma once

#include "domain/domain.h"

#include <QObject>
#include <QPointer>

class QProgressDialog;
class QWidget;

namespace rolecall {

class DataSource;
class UsersCsvExport;

// The Users screen's export once a file is chosen: every user the filter
// matches, streamed in the background, with a progress dialog
// (non-modal, Cancel stops it and leaves no file).
//
//   start(filter, path) ─▶ UsersCsvExport::start ─▶ totalKnown / progress ─▶ the dialog
//                                                └▶ finished / failed / cancelled
//                                                    ─▶ finished(ok, message)
class UsersExportFlow final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UsersExportFlow)

public:
    // The progress dialog opens over `window`.
    explicit UsersExportFlow(QWidget *window);
    ~UsersExportFlow() override;

    // Reads from `source` (not owned; nullptr: none) from now on; an export
    // still running is cancelled.
    void setDataSource(DataSource *source);
    // Starts writing `filter`'s users to `path`; false, with finished()
    // emitted, when the file cannot be opened. `description` says the filter
    // in words for the progress dialog. False without a data source.
    bool start(const UserQuery &filter, const QString &description, const QString &path);
    void cancel();

Q_SIGNALS:
    void finished(bool ok, const QString &message);

private:
    void done(bool ok, const QString &message);

    UsersCsvExport *m_export = nullptr;
    QPointer<QWidget> m_window;
    QPointer<QProgressDialog> m_progress;
};

} // namespace rolecall
