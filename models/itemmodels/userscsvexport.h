#pragma once

#include "async/staleanswerguard.h"
#include "domain/domain.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <memory>

namespace rolecall {

class DataSource;

// Writes every user matching a query to a CSV file in one streaming read
// (DataSource::streamUsers: one statement, memory flat), without blocking the
// caller's thread:
//
//   start() ─▶ countUsers (for progress) ─▶ totalKnown
//          └─▶ streamUsers ─▶ each batch made CSV and written on the worker ─▶ progress
//                         └─▶ done ─▶ commit ─▶ finished (or failed)
//
// While the stream runs only its worker touches the file; cancel() asks the
// stream to stop at its next batch and forgets it. Fields go through the
// spreadsheet formula guard. The file appears only when every row is written
// (QSaveFile); cancel() or a failure leaves no file.
class UsersCsvExport final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UsersCsvExport)

public:
    explicit UsersCsvExport(DataSource *source, QObject *parent = nullptr);
    ~UsersCsvExport() override;

    // Starts writing `query`'s users (search, role, no role, as of) to `path`;
    // false with `error` set when the file cannot be opened.
    bool start(const UserQuery &query, const QString &path, QString *error = nullptr);
    void cancel();
    bool isRunning() const { return m_stream != nullptr; }
    qint64 rowsWritten() const { return m_written; }

    static QStringList headers();
    static QStringList fields(const User &user);

Q_SIGNALS:
    void totalKnown(qint64 total);
    void progress(qint64 written);
    void finished(qint64 written);
    void failed(const QString &message);
    void cancelled();

private:
    class Stream;
    void streamEnded(qint64 rows);
    void reportProgress();
    void fail(const QString &message);
    void stop();

    QPointer<DataSource> m_source;
    std::shared_ptr<Stream> m_stream; // shared with the stream's worker while it runs
    QTimer m_progressTimer;
    qint64 m_written = 0;      // as last reported
    bool m_totalKnown = false; // totalKnown() sent for this run
    StaleAnswerGuard m_run;    // renewed by stop(): answers to an older run are dropped
};

} // namespace rolecall
