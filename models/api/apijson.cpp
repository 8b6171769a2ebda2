#include "api/apijson.h"

#include "api/apijson_p.h"
#include "domain/utctime.h"

#include <QRegularExpression>

namespace rolecall::apijson {

namespace detail {

void fail(const QString &path, const QString &what)
{
    throw DecodeError{(path.isEmpty() ? QStringLiteral("the document") : path) +
                      QStringLiteral(": ") + what};
}

QString childPath(const QString &path, const char *key)
{
    return path.isEmpty() ? QString::fromLatin1(key) : path + QLatin1Char('.') + QLatin1String(key);
}

QString indexPath(const QString &path, qsizetype index)
{
    return path + QLatin1Char('[') + QString::number(index) + QLatin1Char(']');
}

ObjectReader::ObjectReader(const QJsonValue &json, QString path)
    : m_object(json.toObject())
    , m_path(std::move(path))
{
    if (!json.isObject())
        fail(m_path, QStringLiteral("expected a JSON object"));
}

bool ObjectReader::has(const char *key) const
{
    const QJsonValue v = value(key);
    return !v.isUndefined() && !v.isNull();
}

QString ObjectReader::string(const char *key, bool required) const
{
    const QJsonValue v = value(key);
    if (v.isUndefined() || v.isNull()) {
        if (required)
            fail(pathOf(key), QStringLiteral("is missing"));
        return {};
    }
    if (!v.isString())
        fail(pathOf(key), QStringLiteral("expected a string"));
    return v.toString();
}

QDateTime ObjectReader::instant(const char *key, bool required) const
{
    const QJsonValue v = value(key);
    if ((v.isUndefined() || v.isNull()) && required)
        fail(pathOf(key), QStringLiteral("is missing"));
    QDateTime at;
    if (!parseInstant(v, &at))
        fail(pathOf(key), QStringLiteral("expected an RFC 3339 instant such as "
                                         "2026-01-02T03:04:05.000Z"));
    return at;
}

bool ObjectReader::boolean(const char *key, bool fallback) const
{
    const QJsonValue v = value(key);
    if (v.isUndefined() || v.isNull())
        return fallback;
    if (!v.isBool())
        fail(pathOf(key), QStringLiteral("expected true or false"));
    return v.toBool();
}

qint64 ObjectReader::integer(const char *key, qint64 fallback, bool required) const
{
    const QJsonValue v = value(key);
    if (v.isUndefined() || v.isNull()) {
        if (required)
            fail(pathOf(key), QStringLiteral("is missing"));
        return fallback;
    }
    // JSON numbers are doubles: only whole values that a double holds exactly.
    constexpr double exactLimit = 9007199254740992.0; // 2^53
    const double d = v.toDouble();
    if (!v.isDouble() || d != static_cast<double>(static_cast<qint64>(d)) || d > exactLimit ||
        d < -exactLimit)
        fail(pathOf(key), QStringLiteral("expected a whole number"));
    return static_cast<qint64>(d);
}

QJsonArray ObjectReader::array(const char *key, bool required) const
{
    const QJsonValue v = value(key);
    if (v.isUndefined() || v.isNull()) {
        if (required)
            fail(pathOf(key), QStringLiteral("is missing"));
        return {};
    }
    if (!v.isArray())
        fail(pathOf(key), QStringLiteral("expected an array"));
    return v.toArray();
}

QStringList ObjectReader::strings(const char *key) const
{
    const QJsonArray items = array(key);
    QStringList out;
    out.reserve(items.size());
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (!items.at(i).isString())
            fail(indexPath(pathOf(key), i), QStringLiteral("expected a string"));
        out.append(items.at(i).toString());
    }
    return out;
}

void decodeUser(const QJsonValue &json, const QString &path, User &out)
{
    const ObjectReader r(json, path);
    out.id = r.string("id", true);
    out.clerkId = r.string("clerkId");
    out.email = r.string("email");
    out.firstName = r.string("firstName");
    out.lastName = r.string("lastName");
    out.createdAt = r.instant("createdAt");
    out.updatedAt = r.instant("updatedAt");
    out.activeRoles = r.strings("activeRoles");
}

void decodeRoleGrant(const QJsonValue &json, const QString &path, RoleGrant &out)
{
    const ObjectReader r(json, path);
    out.id = r.string("id", true);
    out.userId = r.string("userId");
    out.role = r.string("role", true);
    out.effectiveStart = r.instant("effectiveStart");
    out.effectiveEnd = r.instant("effectiveEnd");
    out.assignedBy = r.string("assignedBy");
    out.assignedByEmail = r.string("assignedByEmail");
    out.reason = r.string("reason");
    out.adminNotes = r.string("adminNotes");
    out.isActiveFlag = r.boolean("isActive", true);
    out.createdAt = r.instant("createdAt");
    out.updatedAt = r.instant("updatedAt");
}

void decodeGrantView(const QJsonValue &json, const QString &path, GrantView &out)
{
    const ObjectReader r(json, path);
    decodeRoleGrant(json, path, out.grant);
    out.state = r.enumValue<GrantState>("state", grantStateFromId, GrantState::Active, true);
    out.userClerkId = r.string("userClerkId");
    out.userEmail = r.string("userEmail");
    out.userName = r.string("userName");
    out.endedBy = r.string("endedBy");
    out.endedReason = r.string("endedReason");
}

} // namespace detail

using namespace detail;

namespace {

QJsonValue text(const QString &value)
{
    return value.isNull() ? QJsonValue() : QJsonValue(value);
}

template <typename T, typename Encode>
QJsonArray arrayOf(const QList<T> &items, Encode encode)
{
    QJsonArray out;
    for (const T &item : items)
        out.append(encode(item));
    return out;
}

void decodeSchema(const QJsonValue &json, const QString &path, SchemaInfo &out)
{
    const ObjectReader r(json, path);
    out.kind = r.enumValue<SchemaKind>("kind", schemaKindFromId, SchemaKind::Unknown, true);
    out.searchPath = r.string("searchPath");
    out.roles = r.strings("roles");
    out.problem = r.string("problem");
}

void decodeAuditEvent(const QJsonValue &json, const QString &path, AuditEvent &out)
{
    const ObjectReader r(json, path);
    out.id = r.string("id", true);
    out.at = r.instant("at", true);
    out.action = r.string("action", true);
    out.actorClerkId = r.string("actorClerkId");
    out.actorEmail = r.string("actorEmail");
    out.targetUserId = r.string("targetUserId");
    out.targetClerkId = r.string("targetClerkId");
    out.targetEmail = r.string("targetEmail");
    out.targetName = r.string("targetName");
    out.role = r.string("role");
    out.grantId = r.string("grantId");
    out.reason = r.string("reason");
    out.notes = r.string("notes");
    for (const char *key : {"before", "after"}) {
        if (r.has(key) && !r.value(key).isObject())
            fail(r.pathOf(key), QStringLiteral("expected a JSON object"));
    }
    out.before = r.value("before").toObject();
    out.after = r.value("after").toObject();
    out.source = r.string("source");
}

} // namespace

QString apiVersion()
{
    return QStringLiteral("%1.%2").arg(apiMajorVersion).arg(apiMinorVersion);
}

QJsonValue instantJson(const QDateTime &instant)
{
    return instant.isValid() ? QJsonValue(isoUtc(instant)) : QJsonValue();
}

bool parseInstant(const QJsonValue &json, QDateTime *instant)
{
    if (json.isUndefined() || json.isNull()) {
        *instant = {};
        return true;
    }
    if (!json.isString())
        return false;
    const QString text = json.toString();
    // RFC 3339 (a zone is required: a bare local time means a different
    // instant on every machine).
    static const QRegularExpression rfc3339(QStringLiteral(
        "^\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?([Zz]|[+-]\\d{2}:\\d{2})$"));
    if (text.size() > 40 || !rfc3339.match(text).hasMatch())
        return false;
    const QDateTime parsed = QDateTime::fromString(text.toUpper(), Qt::ISODateWithMs);
    if (!parsed.isValid())
        return false;
    *instant = truncatedUtc(parsed);
    return true;
}

QJsonObject toJson(const Capabilities &capabilities)
{
    QJsonObject out{
        {QStringLiteral("apiVersion"), capabilities.apiVersion},
        {QStringLiteral("server"), capabilities.server},
        {QStringLiteral("schema"), toJson(capabilities.schema)},
        {QStringLiteral("features"), QJsonArray::fromStringList(capabilities.features)}};
    return out;
}

bool fromJson(const QJsonValue &json, Capabilities *out, QString *error)
{
    return decodeInto(out, error, [&json](Capabilities &c) {
        const ObjectReader r(json, {});
        c.apiVersion = r.string("apiVersion", true);
        c.server = r.string("server");
        decodeSchema(r.value("schema"), r.pathOf("schema"), c.schema);
        c.features = r.strings("features");
    });
}

QJsonObject toJson(const SchemaInfo &schema)
{
    QJsonObject out{{QStringLiteral("kind"), schemaKindId(schema.kind)},
                    {QStringLiteral("roles"), QJsonArray::fromStringList(schema.roles)}};
    if (!schema.searchPath.isEmpty())
        out.insert(QStringLiteral("searchPath"), schema.searchPath);
    if (!schema.problem.isEmpty())
        out.insert(QStringLiteral("problem"), schema.problem);
    return out;
}

bool fromJson(const QJsonValue &json, SchemaInfo *out, QString *error)
{
    return decodeInto(out, error, [&json](SchemaInfo &s) { decodeSchema(json, {}, s); });
}

QJsonObject toJson(const User &user)
{
    return {{QStringLiteral("id"), user.id},
            {QStringLiteral("clerkId"), text(user.clerkId)},
            {QStringLiteral("email"), text(user.email)},
            {QStringLiteral("firstName"), text(user.firstName)},
            {QStringLiteral("lastName"), text(user.lastName)},
            {QStringLiteral("createdAt"), instantJson(user.createdAt)},
            {QStringLiteral("updatedAt"), instantJson(user.updatedAt)},
            {QStringLiteral("activeRoles"), QJsonArray::fromStringList(user.activeRoles)}};
}

bool fromJson(const QJsonValue &json, User *out, QString *error)
{
    return decodeInto(out, error, [&json](User &u) { decodeUser(json, {}, u); });
}

QJsonObject toJson(const RoleGrant &grant)
{
    return {{QStringLiteral("id"), grant.id},
            {QStringLiteral("userId"), grant.userId},
            {QStringLiteral("role"), grant.role},
            {QStringLiteral("effectiveStart"), instantJson(grant.effectiveStart)},
            {QStringLiteral("effectiveEnd"), instantJson(grant.effectiveEnd)},
            {QStringLiteral("assignedBy"), text(grant.assignedBy)},
            {QStringLiteral("assignedByEmail"), text(grant.assignedByEmail)},
            {QStringLiteral("reason"), text(grant.reason)},
            {QStringLiteral("adminNotes"), text(grant.adminNotes)},
            {QStringLiteral("isActive"), grant.isActiveFlag},
            {QStringLiteral("createdAt"), instantJson(grant.createdAt)},
            {QStringLiteral("updatedAt"), instantJson(grant.updatedAt)}};
}

bool fromJson(const QJsonValue &json, RoleGrant *out, QString *error)
{
    return decodeInto(out, error, [&json](RoleGrant &g) { decodeRoleGrant(json, {}, g); });
}

QJsonObject toJson(const GrantView &view)
{
    QJsonObject out = toJson(view.grant);
    out.insert(QStringLiteral("state"), grantStateName(view.state));
    out.insert(QStringLiteral("userClerkId"), text(view.userClerkId));
    out.insert(QStringLiteral("userEmail"), text(view.userEmail));
    out.insert(QStringLiteral("userName"), text(view.userName));
    out.insert(QStringLiteral("endedBy"), text(view.endedBy));
    out.insert(QStringLiteral("endedReason"), text(view.endedReason));
    return out;
}

bool fromJson(const QJsonValue &json, GrantView *out, QString *error)
{
    return decodeInto(out, error, [&json](GrantView &v) { decodeGrantView(json, {}, v); });
}

QJsonObject toJson(const AccountAccess &access)
{
    return {
        {QStringLiteral("userFound"), access.userFound},
        {QStringLiteral("user"), access.userFound ? QJsonValue(toJson(access.user)) : QJsonValue()},
        {QStringLiteral("activeRoles"), QJsonArray::fromStringList(access.activeRoles)},
        {QStringLiteral("rolesSupported"), access.rolesSupported},
        {QStringLiteral("canWrite"), access.canWrite()},
        {QStringLiteral("readOnlyReason"), access.readOnlyReason()}};
}

bool fromJson(const QJsonValue &json, AccountAccess *out, QString *error)
{
    return decodeInto(out, error, [&json](AccountAccess &a) {
        const ObjectReader r(json, {});
        a.userFound = r.boolean("userFound");
        if (a.userFound)
            decodeUser(r.value("user"), r.pathOf("user"), a.user);
        a.activeRoles = r.strings("activeRoles");
        a.rolesSupported = r.boolean("rolesSupported");
        // The server's word on writing, not a reason judged again here.
        a.serverReadOnlyReason = r.string("readOnlyReason").trimmed();
        if (!r.boolean("canWrite", true) && a.serverReadOnlyReason.isEmpty())
            a.serverReadOnlyReason = QStringLiteral("The server does not let you change anything.");
    });
}

QJsonObject toJson(const AuditEvent &event)
{
    return {{QStringLiteral("id"), event.id},
            {QStringLiteral("at"), instantJson(event.at)},
            {QStringLiteral("action"), event.action},
            {QStringLiteral("actorClerkId"), text(event.actorClerkId)},
            {QStringLiteral("actorEmail"), text(event.actorEmail)},
            {QStringLiteral("targetUserId"), text(event.targetUserId)},
            {QStringLiteral("targetClerkId"), text(event.targetClerkId)},
            {QStringLiteral("targetEmail"), text(event.targetEmail)},
            {QStringLiteral("targetName"), text(event.targetName)},
            {QStringLiteral("role"), text(event.role)},
            {QStringLiteral("grantId"), text(event.grantId)},
            {QStringLiteral("reason"), text(event.reason)},
            {QStringLiteral("notes"), text(event.notes)},
            {QStringLiteral("before"), event.before},
            {QStringLiteral("after"), event.after},
            {QStringLiteral("source"), text(event.source)}};
}

bool fromJson(const QJsonValue &json, AuditEvent *out, QString *error)
{
    return decodeInto(out, error, [&json](AuditEvent &e) { decodeAuditEvent(json, {}, e); });
}

QJsonObject toJson(const OverviewFigures &figures)
{
    QJsonArray perRole;
    for (const RoleCount &count : figures.activePerRole)
        perRole.append(QJsonObject{{QStringLiteral("role"), count.role},
                                   {QStringLiteral("activeGrants"), count.activeGrants},
                                   {QStringLiteral("activeUsers"), count.activeUsers}});
    QJsonArray months;
    for (const QDate &month : figures.months)
        months.append(month.toString(Qt::ISODate));
    QJsonArray series;
    for (const auto &[role, counts] : figures.series) {
        QJsonArray values;
        for (const qint64 value : counts)
            values.append(value);
        series.append(
            QJsonObject{{QStringLiteral("role"), role}, {QStringLiteral("counts"), values}});
    }
    return {{QStringLiteral("rolesSupported"), figures.rolesSupported},
            {QStringLiteral("users"), figures.users},
            {QStringLiteral("usersWithoutRole"), figures.usersWithoutRole},
            {QStringLiteral("grantsExpiringThisWeek"), figures.grantsExpiringThisWeek},
            {QStringLiteral("activePerRole"), perRole},
            {QStringLiteral("months"), months},
            {QStringLiteral("series"), series}};
}

bool fromJson(const QJsonValue &json, OverviewFigures *out, QString *error)
{
    return decodeInto(out, error, [&json](OverviewFigures &f) {
        const ObjectReader r(json, {});
        f.rolesSupported = r.boolean("rolesSupported");
        f.users = r.integer("users", 0, true);
        f.usersWithoutRole = r.integer("usersWithoutRole");
        f.grantsExpiringThisWeek = r.integer("grantsExpiringThisWeek");
        f.activePerRole = r.list<RoleCount>(
            "activePerRole", [](const QJsonValue &v, const QString &path, RoleCount &c) {
                const ObjectReader item(v, path);
                c.role = item.string("role", true);
                c.activeGrants = item.integer("activeGrants");
                c.activeUsers = item.integer("activeUsers");
            });
        const QStringList months = r.strings("months");
        for (qsizetype i = 0; i < months.size(); ++i) {
            const QDate month = QDate::fromString(months.at(i), Qt::ISODate);
            if (!month.isValid())
                fail(indexPath(r.pathOf("months"), i), QStringLiteral("expected a date"));
            f.months.append(month);
        }
        const QJsonArray series = r.array("series");
        for (qsizetype i = 0; i < series.size(); ++i) {
            const QString path = indexPath(r.pathOf("series"), i);
            const ObjectReader item(series.at(i), path);
            const QJsonArray counts = item.array("counts", true);
            if (counts.size() != f.months.size())
                fail(path, QStringLiteral("holds %1 counts for %2 months")
                               .arg(counts.size())
                               .arg(f.months.size()));
            QList<qint64> values;
            for (qsizetype j = 0; j < counts.size(); ++j) {
                const ObjectReader one(QJsonObject{{QStringLiteral("v"), counts.at(j)}},
                                       indexPath(path + QStringLiteral(".counts"), j));
                values.append(one.integer("v", 0, true));
            }
            f.series.append({item.string("role", true), values});
        }
    });
}

QJsonObject toJson(const BulkPlan &plan)
{
    const auto users = [](const QList<User> &list) {
        return arrayOf(list, [](const User &u) { return toJson(u); });
    };
    return {{QStringLiteral("willChange"), users(plan.willChange)},
            {QStringLiteral("alreadyHave"), users(plan.alreadyHave)},
            {QStringLiteral("unknown"), QJsonArray::fromStringList(plan.unknown)}};
}

bool fromJson(const QJsonValue &json, BulkPlan *out, QString *error)
{
    return decodeInto(out, error, [&json](BulkPlan &p) {
        const ObjectReader r(json, {});
        p.willChange = r.list<User>("willChange", decodeUser);
        p.alreadyHave = r.list<User>("alreadyHave", decodeUser);
        p.unknown = r.strings("unknown");
    });
}

} // namespace rolecall::apijson
