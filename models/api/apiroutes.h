#pragma once

#include <QList>
#include <QString>

// Every path of the admin API the client calls, with the statuses it reads,
// in one table: tst_apiroutes checks each against the OpenAPI document
// (resources/api/rolecall-admin-api.yaml), so the client cannot call what the
// contract does not promise.
namespace rolecall::apiroutes {

enum class Route {
    Capabilities,
    Me,
    Users,
    UsersCount,
    User,
    UserAccess,
    Grants,
    GrantsExpiring,
    Grant,
    EndGrant,
    BulkGrant,
    Audit,
    Overview,
    SyncSnapshot,
    SyncStatus,
    SyncActions,
};

struct RouteSpec
{
    Route route = Route::Capabilities;
    const char *method = "GET"; // "GET", "POST"
    const char *path = "";      // relative to the base URL; {ref} / {id} / {role} for arguments
    QList<int> statuses;        // the success status first, then the ones the client reads
    bool write = false;         // takes an Idempotency-Key
};

const QList<RouteSpec> &allRoutes();
const RouteSpec &spec(Route route);
// The path with its argument (percent-encoded) in place of {ref} or {id}.
QString path(Route route, const QString &argument = {});
// The same for a path with two ({ref} then {role}).
QString path(Route route, const QString &first, const QString &second);

// The seed's plain backend, relative to the ORIGIN of the base URL.
inline constexpr auto plainUsersPath = "/api/admin/users";
inline constexpr auto plainProfilePath = "/api/user/profile";

} // namespace rolecall::apiroutes
