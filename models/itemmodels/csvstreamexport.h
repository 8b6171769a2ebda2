#pragma once

#include "async/staleanswerguard.h"
#include "itemmodels/tableexport.h"
#include "services/datasource.h"

#include <QFuture>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTimer>

#include <functional>
#include <memory>

namespace rolecall {

// Takes one batch's CSV records (UTF-8) and how many rows they hold, on the
// stream's worker; false stops the stream.
using CsvChunkWriter = DataSource::CsvRecordsSink;

// What one whole-table export writes: its header, the stream of its rows made
// CSV, and, when the data source can say it ahead, how many rows there are.
struct CsvStreamJob
{
    QStringList headers;
    std::function<QFuture<qint64>(DataSource &source, CsvChunkWriter write)> stream;
    std::function<QFuture<qint64>(DataSource &source)> count; // empty: no total ahead
};

// A job that streams `query` through `streamCall` (DataSource::streamUsers,
// streamGrants, streamAudit) and makes each row a record of `fields`, on the
// worker, with the formula guard.
template <typename Row, typename Query>
CsvStreamJob csvStreamJob(const QStringList &headers, QStringList (*fields)(const Row &),
                          const Query &query,
                          QFuture<qint64> (DataSource::*streamCall)(const Query &,
                                                                    DataSource::RowBatchSink<Row>))
{
    CsvStreamJob job;
    job.headers = headers;
    job.stream = [fields, query, streamCall](DataSource &source, const CsvChunkWriter &write) {
        return (source.*streamCall)(query, [fields, write](const QList<Row> &batch) {
            QByteArray records;
            for (const Row &row : batch)
                records += csvRecord(fields(row), FormulaGuard::On).toUtf8();
            return write(records, batch.size());
        });
    };
    return job;
}

// Writes every row of a CsvStreamJob to a CSV file in one streaming read (one
// statement, memory flat), without blocking the caller's thread:
//
//   start() ─▶ job.count (for progress) ─▶ totalKnown
//          └─▶ job.stream ─▶ each batch made CSV and written on the worker ─▶ progress
//                        └─▶ done ─▶ commit ─▶ finished (or failed)
//
// While the stream runs only its worker touches the file; cancel() asks the
// stream to stop at its next batch and forgets it. The file appears only when
// every row is written (QSaveFile); cancel() or a failure leaves no file.
class CsvStreamExport : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CsvStreamExport)

public:
    explicit CsvStreamExport(DataSource *source, QObject *parent = nullptr);
    ~CsvStreamExport() override;

    // Starts writing `job`'s rows to `path`; false with `error` set when the
    // file cannot be opened or there is no data source.
    bool start(const CsvStreamJob &job, const QString &path, QString *error = nullptr);
    void cancel();
    bool isRunning() const { return m_stream != nullptr; }
    qint64 rowsWritten() const { return m_written; }

Q_SIGNALS:
    void totalKnown(qint64 total);
    void progress(qint64 written);
    void finished(qint64 written);
    void failed(const QString &message);
    void cancelled();

private:
    class Stream;
    void streamEnded();
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
