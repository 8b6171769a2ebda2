#pragma once

#include "domain/domain.h"
#include "itemmodels/csvstreamexport.h"

namespace rolecall {

// Every user `query` matches (its limit and cursor ignored), in the list's
// order, as CSV records of `layout` without a header: the records the data
// source writes itself where it can (DataSource::formatsUsersCsv(): in
// PostgreSQL, one pass, no row objects on the client), else streamUsers()'s
// rows made records on its worker. Same bytes either way.
QFuture<qint64> streamUsersAsCsv(DataSource &source, const UserQuery &query,
                                 const UserCsvLayout &layout, CsvChunkWriter write);

// Writes every user matching a query to a CSV file (CsvStreamExport over
// streamUsersAsCsv(), with countUsers for the progress).
class UsersCsvExport final : public CsvStreamExport
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UsersCsvExport)

public:
    explicit UsersCsvExport(DataSource *source, QObject *parent = nullptr);
    ~UsersCsvExport() override;

    // Starts writing `query`'s users (search, role, no role, as of) to `path`;
    // false with `error` set when the file cannot be opened.
    bool start(const UserQuery &query, const QString &path, QString *error = nullptr);

    // What start(query, …) runs.
    static CsvStreamJob job(const UserQuery &query);
    static QStringList headers();
    static UserCsvLayout layout();
};

} // namespace rolecall
