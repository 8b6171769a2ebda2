// The codec's request bodies and page documents (apijson.h).
#include "api/apijson.h"
#include "api/apijson_p.h"

namespace rolecall::apijson {

using namespace detail;

namespace {

QJsonValue text(const QString &value)
{
    return value.isNull() ? QJsonValue() : QJsonValue(value);
}

QJsonArray userArray(const QList<User> &users)
{
    QJsonArray out;
    for (const User &user : users)
        out.append(toJson(user));
    return out;
}

// A page's cursor: decoded back to the keyset values the data source gave.
Cursor readCursor(const ObjectReader &r, const char *key)
{
    Cursor cursor;
    const QString value = r.string(key);
    QString why;
    if (!value.isEmpty() && !decodeCursor(value, &cursor, &why))
        fail(r.pathOf(key), why);
    return cursor;
}

} // namespace

QJsonObject toJson(const GrantRequest &request)
{
    return {{QStringLiteral("user"), request.user},
            {QStringLiteral("role"), request.role},
            {QStringLiteral("effectiveStart"), instantJson(request.start)},
            {QStringLiteral("effectiveEnd"), instantJson(request.end)},
            {QStringLiteral("reason"), request.reason},
            {QStringLiteral("notes"), text(request.notes)}};
}

bool fromJson(const QJsonValue &json, GrantRequest *out, QString *error)
{
    return decodeInto(out, error, [&json](GrantRequest &g) {
        const ObjectReader r(json, {});
        g.user = r.string("user", true);
        g.role = r.string("role", true);
        g.start = r.instant("effectiveStart");
        g.end = r.instant("effectiveEnd");
        g.reason = r.string("reason", true);
        g.notes = r.string("notes");
    });
}

QJsonObject toJson(const EndRequest &request)
{
    return {{QStringLiteral("effectiveEnd"), instantJson(request.at)},
            {QStringLiteral("reason"), request.reason},
            {QStringLiteral("confirmSelfDemotion"), request.confirmSelfDemotion}};
}

bool fromJson(const QJsonValue &json, EndRequest *out, QString *error)
{
    return decodeInto(out, error, [&json](EndRequest &e) {
        const ObjectReader r(json, {});
        e.at = r.instant("effectiveEnd");
        e.reason = r.string("reason", true);
        e.confirmSelfDemotion = r.boolean("confirmSelfDemotion");
    });
}

QJsonObject toJson(const BulkGrantRequest &request, bool dryRun)
{
    QJsonObject out{{QStringLiteral("role"), request.role},
                    {QStringLiteral("reason"), request.reason},
                    {QStringLiteral("notes"), text(request.notes)},
                    {QStringLiteral("effectiveStart"), instantJson(request.start)},
                    {QStringLiteral("effectiveEnd"), instantJson(request.end)},
                    {QStringLiteral("dryRun"), dryRun}};
    if (request.useFilter) {
        out.insert(QStringLiteral("filter"),
                   QJsonObject{{QStringLiteral("search"), request.filter.search},
                               {QStringLiteral("role"), text(request.filter.role)},
                               {QStringLiteral("noRole"), request.filter.noRole},
                               {QStringLiteral("asOf"), instantJson(request.filter.asOf)}});
    } else {
        out.insert(QStringLiteral("users"), QJsonArray::fromStringList(request.users));
    }
    return out;
}

bool fromJson(const QJsonValue &json, BulkGrantRequest *out, bool *dryRun, QString *error)
{
    bool dry = false;
    const bool ok = decodeInto(out, error, [&json, &dry](BulkGrantRequest &b) {
        const ObjectReader r(json, {});
        b.role = r.string("role", true);
        b.reason = r.string("reason", true);
        b.notes = r.string("notes");
        b.start = r.instant("effectiveStart");
        b.end = r.instant("effectiveEnd");
        dry = r.boolean("dryRun");
        const bool hasUsers = r.has("users");
        b.useFilter = r.has("filter");
        if (hasUsers == b.useFilter)
            fail({}, QStringLiteral("name the users either by \"users\" or by \"filter\""));
        if (hasUsers) {
            b.users = r.strings("users");
            return;
        }
        const ObjectReader filter(r.value("filter"), r.pathOf("filter"));
        b.filter.search = filter.string("search");
        b.filter.role = filter.string("role");
        b.filter.noRole = filter.boolean("noRole");
        b.filter.asOf = filter.instant("asOf");
    });
    if (ok && dryRun)
        *dryRun = dry;
    return ok;
}

QJsonObject toJson(const UserPage &page, UserSortKey sortKey)
{
    const QString sort = userSortKeyId(sortKey);
    const auto cursorAt = [&](const QString &key, const QString &id) {
        return page.users.isEmpty() ? QJsonValue()
                                    : QJsonValue(encodeCursor(Cursor{sort, key, {}, id}));
    };
    return {{QStringLiteral("users"), userArray(page.users)},
            {QStringLiteral("atEnd"), page.atEnd},
            {QStringLiteral("firstCursor"),
             cursorAt(page.firstKey, page.users.isEmpty() ? QString() : page.users.first().id)},
            {QStringLiteral("lastCursor"),
             cursorAt(page.lastKey, page.users.isEmpty() ? QString() : page.users.last().id)}};
}

bool fromJson(const QJsonValue &json, UserPage *out, QString *error)
{
    return decodeInto(out, error, [&json](UserPage &p) {
        const ObjectReader r(json, {});
        p.users = r.list<User>("users", decodeUser, true);
        p.atEnd = r.boolean("atEnd");
        p.firstKey = readCursor(r, "firstCursor").key;
        p.lastKey = readCursor(r, "lastCursor").key;
    });
}

QJsonObject userWithGrantsJson(const User &user, const QList<GrantView> &grants)
{
    QJsonObject out = grantListJson(grants);
    out.insert(QStringLiteral("user"), toJson(user));
    return out;
}

bool fromJson(const QJsonValue &json, User *user, QList<GrantView> *grants, QString *error)
{
    QList<GrantView> list;
    const bool ok = decodeInto(user, error, [&json, &list](User &u) {
        const ObjectReader r(json, {});
        decodeUser(r.value("user"), r.pathOf("user"), u);
        list = r.list<GrantView>("grants", decodeGrantView, true);
    });
    if (ok && grants)
        *grants = std::move(list);
    return ok;
}

QJsonObject toJson(const GrantPage &page)
{
    QJsonObject out = grantListJson(page.grants);
    out.insert(QStringLiteral("atEnd"), page.atEnd);
    const QJsonValue next =
        page.grants.isEmpty() || page.atEnd
            ? QJsonValue()
            : QJsonValue(encodeCursor(
                  Cursor{{}, {}, page.grants.last().grant.createdAt, page.grants.last().grant.id}));
    out.insert(QStringLiteral("nextCursor"), next);
    return out;
}

bool fromJson(const QJsonValue &json, GrantPage *out, QString *error)
{
    return decodeInto(out, error, [&json](GrantPage &p) {
        const ObjectReader r(json, {});
        p.grants = r.list<GrantView>("grants", decodeGrantView, true);
        p.atEnd = r.boolean("atEnd");
        readCursor(r, "nextCursor"); // checked, not needed: the rows give it
    });
}

QJsonObject grantListJson(const QList<GrantView> &grants)
{
    QJsonArray items;
    for (const GrantView &view : grants)
        items.append(toJson(view));
    return {{QStringLiteral("grants"), items}};
}

bool fromJson(const QJsonValue &json, QList<GrantView> *out, QString *error)
{
    return decodeInto(out, error, [&json](QList<GrantView> &list) {
        list = ObjectReader(json, {}).list<GrantView>("grants", decodeGrantView, true);
    });
}

QJsonObject roleGrantListJson(const QList<RoleGrant> &grants)
{
    QJsonArray items;
    for (const RoleGrant &grant : grants)
        items.append(toJson(grant));
    return {{QStringLiteral("grants"), items}};
}

bool fromJson(const QJsonValue &json, QList<RoleGrant> *out, QString *error)
{
    return decodeInto(out, error, [&json](QList<RoleGrant> &list) {
        list = ObjectReader(json, {}).list<RoleGrant>("grants", decodeRoleGrant, true);
    });
}

QJsonObject toJson(const AuditPage &page)
{
    QJsonArray events;
    for (const AuditEvent &event : page.events)
        events.append(toJson(event));
    const QJsonValue next =
        page.events.isEmpty() || page.atEnd
            ? QJsonValue()
            : QJsonValue(
                  encodeCursor(Cursor{{}, {}, page.events.last().at, page.events.last().id}));
    return {{QStringLiteral("events"), events},
            {QStringLiteral("atEnd"), page.atEnd},
            {QStringLiteral("nextCursor"), next}};
}

bool fromJson(const QJsonValue &json, AuditPage *out, QString *error)
{
    return decodeInto(out, error, [&json](AuditPage &p) {
        const ObjectReader r(json, {});
        const QJsonArray events = r.array("events", true);
        for (qsizetype i = 0; i < events.size(); ++i) {
            AuditEvent event;
            QString why;
            if (!fromJson(events.at(i), &event, &why))
                fail(indexPath(r.pathOf("events"), i), why);
            p.events.append(event);
        }
        p.atEnd = r.boolean("atEnd");
        readCursor(r, "nextCursor");
    });
}

QJsonObject countJson(qint64 count)
{
    return {{QStringLiteral("count"), count}};
}

bool fromJson(const QJsonValue &json, qint64 *count, QString *error)
{
    return decodeInto(count, error, [&json](qint64 &c) {
        c = ObjectReader(json, {}).integer("count", 0, true);
        if (c < 0)
            fail(QStringLiteral("count"), QStringLiteral("cannot be negative"));
    });
}

bool fromPlainUsersJson(const QJsonValue &json, QList<User> *out, QString *error)
{
    return decodeInto(out, error, [&json](QList<User> &users) {
        if (!json.isArray())
            fail({}, QStringLiteral("expected a JSON array of users"));
        const QJsonArray rows = json.toArray();
        for (qsizetype i = 0; i < rows.size(); ++i) {
            User user;
            decodeUser(rows.at(i), indexPath(QStringLiteral("users"), i), user);
            user.activeRoles.clear(); // the plain list carries none
            users.append(user);
        }
    });
}

bool fromPlainProfileJson(const QJsonValue &json, AccountAccess *out, QString *error)
{
    return decodeInto(out, error, [&json](AccountAccess &a) {
        const ObjectReader r(json, {});
        decodeUser(json, {}, a.user);
        a.userFound = true;
        a.rolesSupported = r.has("roles");
        a.activeRoles = r.strings("roles");
        a.user.activeRoles = a.activeRoles;
    });
}

} // namespace rolecall::apijson
