#include "domain/grantlist.h"

namespace rolecall {

void mergeOverviewPart(OverviewFigures &into, const OverviewFigures &answer, OverviewPart part)
{
    into.rolesSupported = answer.rolesSupported;
    const auto roleCount = [&into](const QString &role) -> RoleCount & {
        for (RoleCount &count : into.activePerRole) {
            if (count.role == role)
                return count;
        }
        into.activePerRole.append(RoleCount{role, 0, 0});
        return into.activePerRole.last();
    };
    switch (part) {
    case OverviewPart::Users:
        into.users = answer.users;
        break;
    case OverviewPart::Grants:
        into.grantsExpiringThisWeek = answer.grantsExpiringThisWeek;
        for (const RoleCount &count : answer.activePerRole)
            roleCount(count.role).activeGrants = count.activeGrants;
        break;
    case OverviewPart::RoleHolders:
        into.users = answer.users;
        into.usersWithoutRole = answer.usersWithoutRole;
        for (const RoleCount &count : answer.activePerRole)
            roleCount(count.role).activeUsers = count.activeUsers;
        break;
    case OverviewPart::Series:
        into.months = answer.months;
        into.series = answer.series;
        break;
    }
}

} // namespace rolecall
