#include "itemmodels/userscsvexport.h"

namespace rolecall {

UsersCsvExport::UsersCsvExport(DataSource *source, QObject *parent)
    : CsvStreamExport(source, parent)
{}

UsersCsvExport::~UsersCsvExport() = default;

QStringList UsersCsvExport::headers()
{
    return {tr("Name"),         tr("Email"),         tr("Clerk ID"),
            tr("Active roles"), tr("Created (UTC)"), tr("User ID")};
}

QStringList UsersCsvExport::fields(const User &user)
{
    return {user.displayName(),
            user.email,
            user.clerkId,
            user.activeRoles.join(QStringLiteral(", ")),
            user.createdAt.toUTC().toString(Qt::ISODateWithMs),
            user.id};
}

CsvStreamJob UsersCsvExport::job(const UserQuery &query)
{
    CsvStreamJob job = csvStreamJob<User, UserQuery>(headers(), &UsersCsvExport::fields, query,
                                                     &DataSource::streamUsers);
    job.count = [query](DataSource &source) { return source.countUsers(query); };
    return job;
}

bool UsersCsvExport::start(const UserQuery &query, const QString &path, QString *error)
{
    return CsvStreamExport::start(job(query), path, error);
}

} // namespace rolecall
