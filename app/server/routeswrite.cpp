// The writes of the admin API. ServerCore::write() has already checked the
// token, that the caller is an active ADMIN and the Idempotency-Key; the role
// writer checks again inside its transaction (actor = the token's subject).
#include "server/servercore.h"

#include "api/apijson.h"

namespace rolecall::server {

namespace {

template <typename T>
T decodedBody(const httplib::Request &request)
{
    T value;
    QString error;
    if (!apijson::fromJson(jsonBodyOf(request), &value, &error))
        refuseInput(error);
    return value;
}

// A body with "dryRun" beside the request's own fields.
template <typename T>
std::pair<T, bool> decodedDryRunBody(const httplib::Request &request)
{
    T value;
    bool dryRun = false;
    QString error;
    if (!apijson::fromJson(jsonBodyOf(request), &value, &dryRun, &error))
        refuseInput(error);
    return {value, dryRun};
}

} // namespace

void registerWriteRoutes(ServerCore &core)
{
    core.write("/grants/bulk", [&core](const httplib::Request &request, const Caller &caller) {
        const auto [bulk, dryRun] = decodedDryRunBody<BulkGrantRequest>(request);
        if (dryRun)
            return jsonAnswer(200, apijson::toJson(ServerCore::await(
                                       core.source().planBulkGrant(caller.actor(), bulk))));
        return jsonAnswer(200, apijson::roleGrantListJson(ServerCore::await(
                                   core.source().applyBulkGrant(caller.actor(), bulk))));
    });

    core.write(
        R"(/grants/([^/]+)/end)", [&core](const httplib::Request &request, const Caller &caller) {
            auto end = decodedBody<EndRequest>(request);
            end.grantId = QString::fromStdString(request.matches[1]);
            end.expectedUpdatedAt = ifMatchInstant(request);
            const RoleGrant grant = ServerCore::await(core.source().endGrant(caller.actor(), end));
            return jsonAnswer(200, apijson::toJson(grant), etagOf(grant));
        });

    core.write("/grants", [&core](const httplib::Request &request, const Caller &caller) {
        const auto grantRequest = decodedBody<GrantRequest>(request);
        const RoleGrant grant =
            ServerCore::await(core.source().grantRole(caller.actor(), grantRequest));
        return jsonAnswer(201, apijson::toJson(grant), etagOf(grant));
    });
}

} // namespace rolecall::server
