// The reads of the admin API: each one data-source call, encoded by the codec
// the client decodes with (models/api/apijson).
#include "server/servercore.h"

#include "api/apijson.h"
#include "api/apijsonwriter.h"
#include "buildinfo/buildinfo.h"
#include "services/finduser.h"

namespace rolecall::server {

namespace {

template <typename T>
T decodedQuery(const httplib::Request &request)
{
    T query;
    QString error;
    if (!apijson::fromUrlQuery(urlQueryOf(request), &query, &error))
        refuseInput(error);
    return query;
}

QDateTime asOfOf(const httplib::Request &request)
{
    const QString text =
        urlQueryOf(request).queryItemValue(QStringLiteral("asOf"), QUrl::FullyDecoded);
    QDateTime at;
    if (!text.isEmpty() && !apijson::parseInstant(QJsonValue(text), &at))
        refuseInput(QStringLiteral("asOf: expected an RFC 3339 instant"));
    return at;
}

int daysOf(const httplib::Request &request)
{
    if (!request.has_param("days"))
        return 7;
    bool ok = false;
    const int days = QString::fromStdString(request.get_param_value("days")).toInt(&ok);
    if (!ok || days < 1 || days > 3650)
        refuseInput(QStringLiteral("days: expected a whole number from 1 to 3650"));
    return days;
}

// The user `ref` names (row id, Clerk ID or email); a 404 problem if none.
User userOf(ServerCore &core, const QString &ref)
{
    const auto notFound = [&ref] {
        return ProblemException{Problem::notFound(
            QStringLiteral("No user has the row id, Clerk ID or email \"%1\".").arg(ref))};
    };
    std::optional<User> user;
    try {
        user = findUserWith(core.source(), ref,
                            [](auto future) { return ServerCore::await(std::move(future)); });
    } catch (const DataSourceError &e) {
        // The last lookup, by row id, refuses a name that is no user's, in
        // the words direct mode uses.
        if (e.kind() == DataSourceError::Kind::Validation)
            throw ProblemException{Problem::notFound(e.message())};
        throw;
    }
    if (!user)
        throw notFound();
    return *user;
}

} // namespace

void registerReadRoutes(ServerCore &core)
{
    core.anonymous("/capabilities", [&core](const httplib::Request &) {
        apijson::Capabilities capabilities;
        capabilities.apiVersion = apijson::apiVersion();
        capabilities.server = QStringLiteral("rolecall-server ") + buildinfo::version();
        capabilities.schema = ServerCore::await(core.source().detectSchema());
        // Schema-dependent refusals come from the data source, as in direct mode.
        namespace feature = apijson::feature;
        for (const char *name : {feature::users, feature::grants, feature::audit, feature::overview,
                                 feature::bulkGrant})
            capabilities.features.append(QLatin1String(name));
        if (core.clerkSync()) // the server compares with Clerk itself
            capabilities.features << QLatin1String(feature::sync)
                                  << QLatin1String(feature::syncStatus);
        return jsonAnswer(200, apijson::toJson(capabilities));
    });

    core.readSignedIn("/me", [](const httplib::Request &, const Caller &caller) {
        return jsonAnswer(200, apijson::toJson(caller.access));
    });

    // Registered before /users/{ref}: cpp-httplib tries patterns in order.
    core.read("/users/count", [&core](const httplib::Request &request, const Caller &) {
        const auto query = decodedQuery<UserQuery>(request);
        return jsonAnswer(200,
                          apijson::countJson(ServerCore::await(core.source().countUsers(query))));
    });

    core.read("/users", [&core](const httplib::Request &request, const Caller &) {
        const auto query = decodedQuery<UserQuery>(request);
        const UserPage page = ServerCore::await(core.source().fetchUsers(query));
        return jsonAnswer(200, apijson::userPageBody(page, query.sortKey));
    });

    // Registered before /users/{ref}, which would match it too.
    core.read(R"(/users/(.+)/access/([^/]+))",
              [&core](const httplib::Request &request, const Caller &) {
                  const QString ref = QString::fromStdString(request.matches[1]).trimmed();
                  const QString role = QString::fromStdString(request.matches[2]).trimmed();
                  const QDateTime asOf = asOfOf(request);
                  const SchemaInfo schema = ServerCore::await(core.source().detectSchema());
                  if (!schema.hasRoles())
                      throw ProblemException{Problem::schemaWithoutRoles(schema)};
                  if (!schema.roles.contains(role))
                      throw ProblemException{Problem::validation(
                          QStringLiteral("Unknown role \"%1\"; this database has %2.")
                              .arg(role.left(100), schema.roles.join(QStringLiteral(", "))),
                          QStringLiteral("role"))};
                  const User user = userOf(core, ref);
                  // The one rule, explainAccess(), behind the data source's call.
                  const AccessExplanation explanation =
                      ServerCore::await(core.source().fetchAccessExplanation(user.id, role, asOf));
                  return jsonAnswer(200, apijson::toJson(explanation));
              });

    core.read(R"(/users/(.+))", [&core](const httplib::Request &request, const Caller &) {
        const QString ref = QString::fromStdString(request.matches[1]).trimmed();
        const QDateTime asOf = asOfOf(request);
        const User user = userOf(core, ref);
        const QList<GrantView> grants = ServerCore::await(core.source().fetchGrants(user.id, asOf));
        return jsonAnswer(200, apijson::userWithGrantsJson(user, grants));
    });

    core.read("/grants/expiring", [&core](const httplib::Request &request, const Caller &) {
        const int days = daysOf(request);
        return jsonAnswer(
            200, apijson::grantListJson(ServerCore::await(core.source().fetchExpiring(days))));
    });

    core.read("/grants", [&core](const httplib::Request &request, const Caller &) {
        const auto query = decodedQuery<GrantListQuery>(request);
        return jsonAnswer(200,
                          apijson::toJson(ServerCore::await(core.source().fetchGrantPage(query))));
    });

    core.read("/audit", [&core](const httplib::Request &request, const Caller &) {
        const auto query = decodedQuery<AuditQuery>(request);
        return jsonAnswer(200, apijson::toJson(ServerCore::await(core.source().fetchAudit(query))));
    });

    core.read("/overview", [&core](const httplib::Request &, const Caller &) {
        return jsonAnswer(200, apijson::toJson(ServerCore::await(core.source().fetchOverview())));
    });
}

} // namespace rolecall::server
