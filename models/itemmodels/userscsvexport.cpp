#include "itemmodels/userscsvexport.h"

namespace rolecall {

QFuture<qint64> streamUsersAsCsv(DataSource &source, const UserQuery &query,
                                 const UserCsvLayout &layout, CsvChunkWriter write)
{
    if (source.formatsUsersCsv())
        return source.streamUsersCsv(query, layout, std::move(write));
    return source.streamUsers(query, [layout, write](const QList<User> &batch) {
        QByteArray records;
        for (const User &user : batch)
            records += csvRecord(userCsvFields(user, layout), FormulaGuard::On).toUtf8();
        return write(records, batch.size());
    });
}

UsersCsvExport::UsersCsvExport(DataSource *source, QObject *parent)
    : CsvStreamExport(source, parent)
{}

UsersCsvExport::~UsersCsvExport() = default;

QStringList UsersCsvExport::headers()
{
    return {tr("Name"),         tr("Email"),         tr("Clerk ID"),
            tr("Active roles"), tr("Created (UTC)"), tr("User ID")};
}

UserCsvLayout UsersCsvExport::layout()
{
    return {{UserCsvColumn::Name, UserCsvColumn::Email, UserCsvColumn::ClerkId,
             UserCsvColumn::ActiveRoles, UserCsvColumn::CreatedAt, UserCsvColumn::Id},
            QStringLiteral(", ")};
}

CsvStreamJob UsersCsvExport::job(const UserQuery &query)
{
    CsvStreamJob job;
    job.headers = headers();
    job.stream = [query](DataSource &source, const CsvChunkWriter &write) {
        return streamUsersAsCsv(source, query, layout(), write);
    };
    job.count = [query](DataSource &source) { return source.countUsers(query); };
    return job;
}

bool UsersCsvExport::start(const UserQuery &query, const QString &path, QString *error)
{
    return CsvStreamExport::start(job(query), path, error);
}

} // namespace rolecall
