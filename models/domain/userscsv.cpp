#include "domain/userscsv.h"

#include "domain/utctime.h"

namespace rolecall {

QStringList userCsvFields(const User &user, const UserCsvLayout &layout)
{
    QStringList fields;
    fields.reserve(layout.columns.size());
    for (const UserCsvColumn column : layout.columns) {
        switch (column) {
        case UserCsvColumn::Id:
            fields << user.id;
            break;
        case UserCsvColumn::ClerkId:
            fields << user.clerkId;
            break;
        case UserCsvColumn::Email:
            fields << user.email;
            break;
        case UserCsvColumn::FirstName:
            fields << user.firstName;
            break;
        case UserCsvColumn::LastName:
            fields << user.lastName;
            break;
        case UserCsvColumn::Name:
            fields << user.displayName();
            break;
        case UserCsvColumn::ActiveRoles:
            fields << user.activeRoles.join(layout.rolesSeparator);
            break;
        case UserCsvColumn::CreatedAt:
            fields << isoUtc(user.createdAt);
            break;
        case UserCsvColumn::UpdatedAt:
            fields << isoUtc(user.updatedAt);
            break;
        }
    }
    return fields;
}

} // namespace rolecall
