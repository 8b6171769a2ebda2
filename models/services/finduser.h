#pragma once

#include "domain/domain.h"
#include "services/datasource.h"

#include <optional>

namespace rolecall {

// The one user a person means by `who`: a Clerk ID, an email (any case) or a
// User row id. nullopt when nobody matches; throws the data source's
// DataSourceError. `wait(future)` blocks for a future's result: the server
// passes one that never runs the data source's tasks on its own threads.
template <typename Wait>
std::optional<User> findUserWith(DataSource &source, const QString &who, Wait wait)
{
    if (who.startsWith(QLatin1String("user_"))) {
        const AccountAccess access = wait(source.fetchAccount(who));
        if (access.userFound)
            return access.user;
    }
    // Email or Clerk ID: the search finds it among substrings; keep the exact one.
    UserQuery query;
    query.search = who;
    query.limit = 200;
    const UserPage page = wait(source.fetchUsers(query));
    for (const User &user : page.users) {
        if (user.id == who || user.clerkId == who ||
            user.email.compare(who, Qt::CaseInsensitive) == 0)
            return user;
    }
    // A row id is not searched: its grants name the user.
    const QList<GrantView> grants = wait(source.fetchGrants(who, QDateTime()));
    if (!grants.isEmpty() && !grants.first().userClerkId.isEmpty()) {
        const AccountAccess access = wait(source.fetchAccount(grants.first().userClerkId));
        if (access.userFound)
            return access.user;
    }
    return std::nullopt;
}

// The same, blocking on each future: for the CLI, never the GUI thread.
std::optional<User> findUser(DataSource &source, const QString &who);

} // namespace rolecall
