#pragma once

#include "domain/domain.h"
#include "itemmodels/csvstreamexport.h"

namespace rolecall {

// Writes every user matching a query to a CSV file (CsvStreamExport over
// DataSource::streamUsers, with countUsers for the progress).
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
    static QStringList fields(const User &user);
};

} // namespace rolecall
