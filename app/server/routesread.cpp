#include "server/servercore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace rolecall::server {

namespace {

// TEMPORARY until models/api/apijson.h is merged from wt-api.
QByteArray accountJson(const AccountAccess &access)
{
    QJsonObject body{
        {QStringLiteral("userFound"), access.userFound},
        {QStringLiteral("rolesSupported"), access.rolesSupported},
        {QStringLiteral("canWrite"), access.canWrite()},
        {QStringLiteral("readOnlyReason"), access.readOnlyReason()},
        {QStringLiteral("activeRoles"), QJsonArray::fromStringList(access.activeRoles)}};
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

} // namespace

void registerReadRoutes(ServerCore &core)
{
    core.readSignedIn("/me", [](const httplib::Request &, const Caller &caller) {
        return jsonAnswer(200, accountJson(caller.access));
    });
}

} // namespace rolecall::server
