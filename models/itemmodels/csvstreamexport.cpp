#include "itemmodels/csvstreamexport.h"

#include "async/futurewatch.h"

#include <QSaveFile>

#include <atomic>

namespace rolecall {

CsvStreamExport::CsvStreamExport(DataSource *source, QObject *parent)
    : QObject(parent)
    , m_source(source)
{
    // Rows written so far, read from the stream a few times a second.
    m_progressTimer.setInterval(100);
    connect(&m_progressTimer, &QTimer::timeout, this, &CsvStreamExport::reportProgress);
}

CsvStreamExport::~CsvStreamExport()
{
    stop(); // a stream still running stops at its next batch
}

// What the export and its stream's worker share. The file is touched by the
// worker only while the stream runs, and by whoever holds the last reference
// after (which discards it unless committed); it belongs to no thread so it
// may go away on either.
class CsvStreamExport::Stream
{
public:
    explicit Stream(std::unique_ptr<QSaveFile> file)
        : m_file(std::move(file))
    {
        m_file->moveToThread(nullptr);
    }

    // On the worker: one batch's records; false stops the stream.
    bool write(const QByteArray &records, qint64 rows)
    {
        if (m_stop)
            return false;
        if (m_file->write(records) != records.size()) {
            m_error = m_file->errorString();
            return false;
        }
        m_written += rows;
        return true;
    }

    void stop() { m_stop = true; }
    qint64 written() const { return m_written; }
    // Read once the stream has ended.
    QSaveFile &file() { return *m_file; }
    QString error() const { return m_error; }

private:
    std::unique_ptr<QSaveFile> m_file;
    std::atomic<qint64> m_written{0};
    std::atomic<bool> m_stop{false};
    QString m_error;
};

bool CsvStreamExport::start(const CsvStreamJob &job, const QString &path, QString *error)
{
    stop();
    auto file = std::make_unique<QSaveFile>(path);
    if (!m_source || !file->open(QIODevice::WriteOnly)) {
        if (error)
            *error = m_source ? tr("Cannot write %1: %2").arg(path, file->errorString())
                              : tr("No database is open.");
        return false;
    }
    // A UTF-8 byte order mark so spreadsheets read non-Latin names right.
    file->write("\xEF\xBB\xBF");
    file->write(csvRecord(job.headers, FormulaGuard::On).toUtf8());
    m_stream = std::make_shared<Stream>(std::move(file));
    m_written = 0; // stop() above made the last run's answers stale
    m_totalKnown = false;
    if (job.count) {
        const auto onTotal = m_run.current([this](qint64 total) {
            if (!m_stream)
                return;
            m_totalKnown = true;
            Q_EMIT totalKnown(total);
        });
        // Progress without a total is still progress: a failed count is not an error.
        watchFuture(job.count(*m_source), this, onTotal, [](const QString &) {});
    }

    const std::shared_ptr<Stream> stream = m_stream;
    const auto onEnd = m_run.current([this](qint64) { streamEnded(); });
    const auto onError = m_run.current([this](const QString &message) {
        if (m_stream)
            fail(message);
    });
    watchFuture(
        job.stream(*m_source, [stream](const QByteArray &records,
                                       qint64 rows) { return stream->write(records, rows); }),
        this, onEnd, onError);
    m_progressTimer.start();
    return true;
}

void CsvStreamExport::reportProgress()
{
    if (!m_stream || m_stream->written() == m_written)
        return;
    m_written = m_stream->written();
    Q_EMIT progress(m_written);
}

void CsvStreamExport::streamEnded()
{
    if (!m_stream)
        return;
    if (!m_stream->error().isEmpty()) {
        fail(tr("Cannot write the file: %1").arg(m_stream->error()));
        return;
    }
    reportProgress();
    QSaveFile &file = m_stream->file();
    const bool ok = file.commit();
    const QString problem = file.errorString();
    m_progressTimer.stop();
    m_stream.reset();
    if (!ok) {
        Q_EMIT failed(tr("Cannot save the file: %1").arg(problem));
        return;
    }
    // The count runs beside the stream and may lose the race (or there is
    // none): once every row is written, their number is the total.
    if (!m_totalKnown) {
        m_totalKnown = true;
        Q_EMIT totalKnown(m_written);
    }
    Q_EMIT finished(m_written);
}

void CsvStreamExport::cancel()
{
    if (!m_stream)
        return;
    stop();
    Q_EMIT cancelled();
}

void CsvStreamExport::stop()
{
    m_run.renew();
    m_progressTimer.stop();
    if (m_stream) {
        // The worker may be writing: it stops at its next batch, and the last
        // reference to go discards the file (QSaveFile without commit()).
        m_stream->stop();
        m_stream.reset();
    }
}

void CsvStreamExport::fail(const QString &message)
{
    stop();
    Q_EMIT failed(message);
}

} // namespace rolecall
