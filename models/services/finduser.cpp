#include "services/finduser.h"

#include "services/datasource.h"

namespace rolecall {

std::optional<User> findUser(DataSource &source, const QString &who)
{
    if (who.startsWith(QLatin1String("user_"))) {
        const AccountAccess access = source.fetchAccount(who).result();
        if (access.userFound)
            return access.user;
    }
    // Email or Clerk ID: the search finds it among substrings; keep the exact one.
    UserQuery query;
    query.search = who;
    query.limit = 200;
    const UserPage page = source.fetchUsers(query).result();
    for (const User &user : page.users) {
        if (user.id == who || user.clerkId == who ||
            user.email.compare(who, Qt::CaseInsensitive) == 0)
            return user;
    }
    // A row id is not searched: its grants name the user.
    const QList<GrantView> grants = source.fetchGrants(who, QDateTime()).result();
    if (!grants.isEmpty() && !grants.first().userClerkId.isEmpty()) {
        const AccountAccess access = source.fetchAccount(grants.first().userClerkId).result();
        if (access.userFound)
            return access.user;
    }
    return std::nullopt;
}

} // namespace rolecall
