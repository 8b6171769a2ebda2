#pragma once

#include "async/staleanswerguard.h"
#include "domain/domain.h"

#include <QObject>
#include <QPointer>

#include <memory>

class QSaveFile;

namespace rolecall {

class DataSource;

// Writes every user matching a query to a CSV file, page by page through a
// DataSource, without blocking the caller's thread:
//
//   start() ─▶ countUsers (for progress) ─┐
//          └─▶ fetchUsers(page 1) ─▶ write ─▶ fetchUsers(after last) ─▶ … ─▶ commit
//
// Fields go through the spreadsheet formula guard. The file appears only when
// every row is written (QSaveFile); cancel() or a failure leaves no file.
class UsersCsvExport final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UsersCsvExport)

public:
    explicit UsersCsvExport(DataSource *source, QObject *parent = nullptr);
    ~UsersCsvExport() override;

    void setPageSize(int rows) { m_pageSize = qBound(1, rows, 5000); }
    // Starts writing `query`'s users (search, role, no role, as of) to `path`;
    // false with `error` set when the file cannot be opened.
    bool start(const UserQuery &query, const QString &path, QString *error = nullptr);
    void cancel();
    bool isRunning() const { return m_file != nullptr; }
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
    void fetchNext();
    void fail(const QString &message);
    void stop();

    QPointer<DataSource> m_source;
    std::unique_ptr<QSaveFile> m_file;
    UserQuery m_query;
    int m_pageSize = 1000;
    qint64 m_written = 0;
    bool m_totalKnown = false; // totalKnown() sent for this run
    StaleAnswerGuard m_run;    // renewed by stop(): answers to an older run are dropped
};

} // namespace rolecall
