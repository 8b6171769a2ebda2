#pragma once

#include <Qt>

namespace rolecall {

// Item data roles the console's models add to Qt's own, in one place so views,
// delegates and tests agree on them.
enum ModelRole {
    UserIdRole = Qt::UserRole + 1, // QString: primary key of the User row
    ClerkIdRole,                   // QString: Clerk user ID
    EmailRole,                     // QString
    ActiveRolesRole,               // QStringList
    CreatedAtRole,                 // QDateTime, UTC
    SortKeyRole,                   // raw value for sorting and export
};

} // namespace rolecall
