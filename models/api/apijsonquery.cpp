// The codec's enum ids, cursors and query parameters (apijson.h).
#include "api/apijson.h"
#include "api/apijson_p.h"

#include <QJsonDocument>

#include <limits>

namespace rolecall::apijson {

using namespace detail;

namespace {

template <typename E>
std::optional<E> lookup(const QString &id, const QList<E> &values, QString (*name)(E))
{
    for (const E value : values) {
        if (name(value) == id)
            return value;
    }
    return std::nullopt;
}

// Query values: a cursor is small, and a sane request line stays short.
constexpr int maxCursorLength = 2048;
constexpr int maxParameterLength = 1000;
// Rows per page: the bound PostgreSQL direct keeps (pg/), so a page the
// console or rolecallctl asks for (the CLI's are 5,000) is answered alike.
constexpr int maxPageLimit = 5000;

QString parameter(const QUrlQuery &params, const char *key)
{
    const QString value = params.queryItemValue(QLatin1String(key), QUrl::FullyDecoded);
    if (value.size() > maxParameterLength)
        fail(QString::fromLatin1(key),
             QStringLiteral("is longer than %1 characters").arg(maxParameterLength));
    return value;
}

int intParameter(const QUrlQuery &params, const char *key, int fallback, int min, int max)
{
    const QString value = parameter(params, key);
    if (value.isEmpty())
        return fallback;
    bool ok = false;
    const int number = value.toInt(&ok);
    if (!ok || number < min || number > max)
        fail(QString::fromLatin1(key),
             QStringLiteral("expected a whole number from %1 to %2").arg(min).arg(max));
    return number;
}

bool boolParameter(const QUrlQuery &params, const char *key)
{
    const QString value = parameter(params, key);
    if (value.isEmpty() || value == QLatin1String("false"))
        return false;
    if (value == QLatin1String("true"))
        return true;
    fail(QString::fromLatin1(key), QStringLiteral("expected true or false"));
}

QDateTime instantParameter(const QUrlQuery &params, const char *key)
{
    const QString value = parameter(params, key);
    QDateTime at;
    if (!value.isEmpty() && !parseInstant(QJsonValue(value), &at))
        fail(QString::fromLatin1(key), QStringLiteral("expected an RFC 3339 instant"));
    return at;
}

Cursor cursorParameter(const QUrlQuery &params, const char *key)
{
    Cursor cursor;
    QString why;
    const QString value = parameter(params, key);
    if (!value.isEmpty() && !decodeCursor(value, &cursor, &why))
        fail(QString::fromLatin1(key), why);
    return cursor;
}

void add(QUrlQuery &params, const char *key, const QString &value)
{
    if (!value.isEmpty())
        params.addQueryItem(QLatin1String(key),
                            QString::fromLatin1(QUrl::toPercentEncoding(value)));
}

} // namespace

QString schemaKindId(SchemaKind kind)
{
    switch (kind) {
    case SchemaKind::AkakoLms:
        return QStringLiteral("akako-lms");
    case SchemaKind::SehatScan:
        return QStringLiteral("sehatscan");
    case SchemaKind::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

std::optional<SchemaKind> schemaKindFromId(const QString &id)
{
    return lookup<SchemaKind>(
        id, {SchemaKind::Unknown, SchemaKind::AkakoLms, SchemaKind::SehatScan}, schemaKindId);
}

QString userSortKeyId(UserSortKey key)
{
    switch (key) {
    case UserSortKey::Name:
        return QStringLiteral("name");
    case UserSortKey::Email:
        return QStringLiteral("email");
    case UserSortKey::ClerkId:
        return QStringLiteral("clerkId");
    case UserSortKey::Created:
        break;
    }
    return QStringLiteral("created");
}

std::optional<UserSortKey> userSortKeyFromId(const QString &id)
{
    return lookup<UserSortKey>(
        id, {UserSortKey::Created, UserSortKey::Name, UserSortKey::Email, UserSortKey::ClerkId},
        userSortKeyId);
}

QString grantFilterStateId(GrantFilterState state)
{
    switch (state) {
    case GrantFilterState::Active:
        return QStringLiteral("active");
    case GrantFilterState::Future:
        return QStringLiteral("future");
    case GrantFilterState::Ended:
        return QStringLiteral("ended");
    case GrantFilterState::Expiring:
        return QStringLiteral("expiring");
    case GrantFilterState::Any:
        break;
    }
    return QStringLiteral("any");
}

std::optional<GrantFilterState> grantFilterStateFromId(const QString &id)
{
    return lookup<GrantFilterState>(id,
                                    {GrantFilterState::Any, GrantFilterState::Active,
                                     GrantFilterState::Future, GrantFilterState::Ended,
                                     GrantFilterState::Expiring},
                                    grantFilterStateId);
}

std::optional<GrantState> grantStateFromId(const QString &id)
{
    return lookup<GrantState>(id, {GrantState::Active, GrantState::Future, GrantState::Ended},
                              grantStateName);
}

std::optional<SyncAction::Kind> syncActionKindFromId(const QString &id)
{
    return lookup<SyncAction::Kind>(id,
                                    {SyncAction::Kind::Sync, SyncAction::Kind::GrantDefaultRole,
                                     SyncAction::Kind::EndAllGrants},
                                    syncActionName);
}

QString encodeCursor(const Cursor &cursor)
{
    QJsonObject object{{QStringLiteral("i"), cursor.id}};
    if (!cursor.sort.isEmpty())
        object.insert(QStringLiteral("s"), cursor.sort);
    if (!cursor.key.isEmpty())
        object.insert(QStringLiteral("k"), cursor.key);
    if (cursor.at.isValid())
        object.insert(QStringLiteral("t"), instantJson(cursor.at));
    return QString::fromLatin1(
        QJsonDocument(object)
            .toJson(QJsonDocument::Compact)
            .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

bool decodeCursor(const QString &text, Cursor *out, QString *error)
{
    return decodeInto(out, error, [&text](Cursor &c) {
        const auto bad = [] {
            fail(QStringLiteral("cursor"), QStringLiteral("is not one this API gave"));
        };
        if (text.size() > maxCursorLength)
            bad();
        const auto decoded = QByteArray::fromBase64Encoding(
            text.toLatin1(),
            QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            bad();
        QJsonParseError parseError{};
        const QJsonDocument document = QJsonDocument::fromJson(*decoded, &parseError);
        if (parseError.error != QJsonParseError::NoError || !document.isObject())
            bad();
        try {
            const ObjectReader r(document.object(), QStringLiteral("cursor"));
            c.id = r.string("i", true);
            c.sort = r.string("s");
            c.key = r.string("k");
            c.at = r.instant("t");
        } catch (const DecodeError &) {
            bad();
        }
    });
}

QUrlQuery toUrlQuery(const UserQuery &query)
{
    QUrlQuery params;
    add(params, "search", query.search);
    add(params, "role", query.role);
    if (query.noRole)
        add(params, "noRole", QStringLiteral("true"));
    if (query.asOf.isValid())
        add(params, "asOf", instantJson(query.asOf).toString());
    add(params, "sort", userSortKeyId(query.sortKey));
    add(params, "order", query.ascending ? QStringLiteral("asc") : QStringLiteral("desc"));
    add(params, "limit", QString::number(query.limit));
    const bool hasCursor = !query.afterId.isEmpty();
    if (hasCursor) {
        const Cursor cursor{userSortKeyId(query.sortKey), query.afterKey,
                            query.afterKey.isEmpty() ? query.afterCreatedAt : QDateTime(),
                            query.afterId};
        add(params, query.backward ? "before" : "after", encodeCursor(cursor));
    } else if (query.backward) {
        add(params, "before", QString::fromLatin1(lastPageCursor));
    }
    if (query.offset > 0)
        add(params, "offset", QString::number(query.offset));
    return params;
}

bool fromUrlQuery(const QUrlQuery &params, UserQuery *out, QString *error)
{
    return decodeInto(out, error, [&params](UserQuery &q) {
        q.search = parameter(params, "search");
        q.role = parameter(params, "role");
        q.noRole = boolParameter(params, "noRole");
        q.asOf = instantParameter(params, "asOf");
        const QString sort = parameter(params, "sort");
        if (!sort.isEmpty()) {
            const auto key = userSortKeyFromId(sort);
            if (!key)
                fail(QStringLiteral("sort"),
                     QStringLiteral("expected created, name, email or clerkId"));
            q.sortKey = *key;
        }
        const QString order = parameter(params, "order");
        if (!order.isEmpty() && order != QLatin1String("asc") && order != QLatin1String("desc"))
            fail(QStringLiteral("order"), QStringLiteral("expected asc or desc"));
        q.ascending = order == QLatin1String("asc");
        q.limit = intParameter(params, "limit", q.limit, 1, maxPageLimit);
        q.offset = intParameter(params, "offset", 0, 0, std::numeric_limits<int>::max());
        const bool hasAfter = params.hasQueryItem(QStringLiteral("after"));
        const bool hasBefore = params.hasQueryItem(QStringLiteral("before"));
        if (hasAfter && hasBefore)
            fail(QStringLiteral("before"),
                 QStringLiteral("give \"after\" or \"before\", not both"));
        q.backward = hasBefore;
        if (hasBefore && parameter(params, "before") == QLatin1String(lastPageCursor))
            return;
        if (!hasAfter && !hasBefore)
            return;
        const char *key = hasBefore ? "before" : "after";
        const Cursor cursor = cursorParameter(params, key);
        if (cursor.sort != userSortKeyId(q.sortKey))
            fail(QString::fromLatin1(key),
                 QStringLiteral("belongs to another sort order; start from the first page"));
        q.afterKey = cursor.key;
        q.afterCreatedAt = cursor.at;
        q.afterId = cursor.id;
    });
}

QUrlQuery toUrlQuery(const GrantListQuery &query)
{
    QUrlQuery params;
    add(params, "role", query.role);
    add(params, "state", grantFilterStateId(query.state));
    if (query.state == GrantFilterState::Expiring)
        add(params, "expiringDays", QString::number(query.expiringDays));
    add(params, "limit", QString::number(query.limit));
    if (!query.beforeId.isEmpty())
        add(params, "after", encodeCursor(Cursor{{}, {}, query.beforeCreatedAt, query.beforeId}));
    return params;
}

bool fromUrlQuery(const QUrlQuery &params, GrantListQuery *out, QString *error)
{
    return decodeInto(out, error, [&params](GrantListQuery &q) {
        q.role = parameter(params, "role");
        const QString state = parameter(params, "state");
        if (!state.isEmpty()) {
            const auto parsed = grantFilterStateFromId(state);
            if (!parsed)
                fail(QStringLiteral("state"),
                     QStringLiteral("expected any, active, future, ended or expiring"));
            q.state = *parsed;
        }
        q.expiringDays = intParameter(params, "expiringDays", q.expiringDays, 1, 3650);
        q.limit = intParameter(params, "limit", q.limit, 1, maxPageLimit);
        const Cursor cursor = cursorParameter(params, "after");
        q.beforeCreatedAt = cursor.at;
        q.beforeId = cursor.id;
    });
}

QUrlQuery toUrlQuery(const AuditQuery &query)
{
    QUrlQuery params;
    add(params, "user", query.user);
    add(params, "actor", query.actor);
    add(params, "role", query.role);
    if (query.since.isValid())
        add(params, "since", instantJson(query.since).toString());
    if (query.until.isValid())
        add(params, "until", instantJson(query.until).toString());
    add(params, "limit", QString::number(query.limit));
    if (!query.beforeId.isEmpty())
        add(params, "after", encodeCursor(Cursor{{}, {}, query.beforeAt, query.beforeId}));
    return params;
}

bool fromUrlQuery(const QUrlQuery &params, AuditQuery *out, QString *error)
{
    return decodeInto(out, error, [&params](AuditQuery &q) {
        q.user = parameter(params, "user");
        q.actor = parameter(params, "actor");
        q.role = parameter(params, "role");
        q.since = instantParameter(params, "since");
        q.until = instantParameter(params, "until");
        q.limit = intParameter(params, "limit", q.limit, 1, maxPageLimit);
        const Cursor cursor = cursorParameter(params, "after");
        q.beforeAt = cursor.at;
        q.beforeId = cursor.id;
    });
}

} // namespace rolecall::apijson
