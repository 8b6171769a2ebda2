#pragma once

#include "domain/domain.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace rolecall {

// One column of a users CSV export.
enum class UserCsvColumn {
    Id,
    ClerkId,
    Email,
    FirstName,
    LastName,
    Name,        // User::displayName()
    ActiveRoles, // joined by UserCsvLayout::rolesSeparator
    CreatedAt,   // isoUtc()
    UpdatedAt,   // isoUtc()
};

// What each record of a users CSV export holds: the GUI's export and
// `rolecallctl users list --format csv` each have theirs. A data source that
// formats the records itself (DataSource::streamUsersCsv()) writes exactly
// csvRecord(userCsvFields(user, layout)) for each of its rows.
struct UserCsvLayout
{
    QList<UserCsvColumn> columns;
    QString rolesSeparator;
};

// `user`'s fields in `layout`'s columns, not yet quoted.
QStringList userCsvFields(const User &user, const UserCsvLayout &layout);

} // namespace rolecall
