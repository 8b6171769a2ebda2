#include "api/apiroutes.h"

#include <QUrl>

namespace rolecall::apiroutes {

namespace {

// Statuses every authenticated route may answer and the client handles.
QList<int> with(QList<int> own)
{
    own.append({401, 429});
    return own;
}

} // namespace

const QList<RouteSpec> &allRoutes()
{
    static const QList<RouteSpec> routes = {
        {Route::Capabilities, "GET", "/capabilities", {200}, false},
        {Route::Me, "GET", "/me", with({200}), false},
        {Route::Users, "GET", "/users", with({200, 422}), false},
        {Route::UsersCount, "GET", "/users/count", with({200, 422}), false},
        {Route::User, "GET", "/users/{ref}", with({200, 404}), false},
        {Route::UserAccess, "GET", "/users/{ref}/access/{role}", with({200, 404, 409, 422}), false},
        {Route::Grants, "GET", "/grants", with({200, 422}), false},
        {Route::GrantsExpiring, "GET", "/grants/expiring", with({200, 422}), false},
        {Route::Grant, "POST", "/grants", with({201, 403, 409, 413, 422}), true},
        {Route::EndGrant, "POST", "/grants/{id}/end", with({200, 403, 404, 409, 412, 422}), true},
        {Route::BulkGrant, "POST", "/grants/bulk", with({200, 403, 409, 413, 422}), true},
        {Route::Audit, "GET", "/audit", with({200, 422}), false},
        {Route::Overview, "GET", "/overview", with({200}), false},
        {Route::SyncSnapshot, "GET", "/sync/snapshot", with({200, 403}), false},
        {Route::SyncStatus, "GET", "/sync/status", with({200, 403, 501}), false},
        {Route::SyncActions, "POST", "/sync/actions", with({200, 403, 409, 422}), true},
    };
    return routes;
}

const RouteSpec &spec(Route route)
{
    for (const RouteSpec &r : allRoutes()) {
        if (r.route == route)
            return r;
    }
    Q_UNREACHABLE();
}

namespace {

// `text` with its first {placeholder} from `from` on replaced by `argument`,
// percent-encoded; *next is where the text after it starts.
QString filled(const QString &text, qsizetype from, const QString &argument, qsizetype *next)
{
    const qsizetype open = text.indexOf(QLatin1Char('{'), from);
    if (open < 0) {
        *next = text.size();
        return text;
    }
    const qsizetype close = text.indexOf(QLatin1Char('}'), open);
    const QString encoded = QString::fromLatin1(QUrl::toPercentEncoding(argument));
    *next = open + encoded.size();
    return text.left(open) + encoded + text.mid(close + 1);
}

} // namespace

QString path(Route route, const QString &argument)
{
    qsizetype next = 0;
    return filled(QString::fromLatin1(spec(route).path), 0, argument, &next);
}

QString path(Route route, const QString &first, const QString &second)
{
    qsizetype next = 0;
    const QString once = filled(QString::fromLatin1(spec(route).path), 0, first, &next);
    return filled(once, next, second, &next);
}

} // namespace rolecall::apiroutes
