#include "api/apiplainbackend.h"

#include "api/apijson.h"
#include "api/apiroutes.h"
#include "domain/utctime.h"

#include <QCoreApplication>

#include <algorithm>

namespace rolecall {

namespace {

using Kind = DataSourceError::Kind;

// A copy of the list serves the pages of one browse; it is read again after this.
constexpr qint64 cacheSeconds = 30;

QString tr(const char *text)
{
    return QCoreApplication::translate("rolecall::ApiPlainBackend", text);
}

QString sortValue(const User &user, UserSortKey key)
{
    switch (key) {
    case UserSortKey::Name:
        return user.displayName().toLower();
    case UserSortKey::Email:
        return user.email.toLower();
    case UserSortKey::ClerkId:
        return user.clerkId;
    case UserSortKey::Created:
        break;
    }
    return isoUtc(user.createdAt);
}

} // namespace

ApiPlainBackend::ApiPlainBackend(ApiClient *client)
    : m_client(client)
{}

ApiPlainBackend::~ApiPlainBackend() = default;

DataSourceError ApiPlainBackend::lacksRoles()
{
    return {Kind::Schema, tr("This backend has no admin API: it lists users without their "
                             "roles, so it cannot filter by role.")};
}

void ApiPlainBackend::withUsers(OnUsers next, OnError onError)
{
    if (m_loadedAt.isValid() && m_loadedAt.secsTo(QDateTime::currentDateTimeUtc()) < cacheSeconds) {
        next(m_users);
        return;
    }
    m_waiting.append({std::move(next), std::move(onError)});
    if (m_waiting.size() > 1 || !m_client)
        return;
    ApiCall call;
    call.url = m_client->originUrlFor(QString::fromLatin1(apiroutes::plainUsersPath));
    m_client->send(
        call,
        [this](const ApiResponse &response) {
            QList<User> users;
            QString why;
            const auto waiting = std::exchange(m_waiting, {});
            if (!apijson::fromPlainUsersJson(response.json, &users, &why)) {
                const DataSourceError error(
                    Kind::Query, tr("The backend's user list (GET %1) cannot be read: %2")
                                     .arg(QString::fromLatin1(apiroutes::plainUsersPath), why));
                for (const auto &[onUsers, onFail] : waiting)
                    onFail(error);
                return;
            }
            // Rows without clerkId are SehatScan's, whose id is the Clerk ID.
            const bool hasClerkIds = std::any_of(
                users.cbegin(), users.cend(), [](const User &u) { return !u.clerkId.isEmpty(); });
            m_kind = users.isEmpty() ? SchemaKind::Unknown
                     : hasClerkIds   ? SchemaKind::AkakoLms
                                     : SchemaKind::SehatScan;
            if (!hasClerkIds) {
                for (User &user : users)
                    user.clerkId = user.id;
            }
            m_users = users;
            m_loadedAt = QDateTime::currentDateTimeUtc();
            for (const auto &[onUsers, onFail] : waiting)
                onUsers(m_users);
        },
        [this](const DataSourceError &error) {
            const auto waiting = std::exchange(m_waiting, {});
            for (const auto &[onUsers, onFail] : waiting)
                onFail(error);
        });
}

void ApiPlainBackend::detectSchema(const ApiSettle<SchemaInfo> &settle)
{
    withUsers(
        [this, settle](const QList<User> &) {
            SchemaInfo schema;
            schema.kind = m_kind;
            if (m_kind == SchemaKind::Unknown)
                schema.problem = tr("The backend has no admin API and its user list is empty, "
                                    "so which application it serves cannot be told.");
            settle.value(schema);
        },
        [settle](const DataSourceError &e) { settle.fail(e); });
}

QList<User> ApiPlainBackend::matching(const QList<User> &users, const QString &search)
{
    const QString needle = search.trimmed();
    if (needle.isEmpty())
        return users;
    QList<User> out;
    for (const User &user : users) {
        const QString name = user.firstName + QLatin1Char(' ') + user.lastName;
        if (name.contains(needle, Qt::CaseInsensitive) ||
            user.email.contains(needle, Qt::CaseInsensitive) ||
            user.clerkId.contains(needle, Qt::CaseInsensitive))
            out.append(user);
    }
    return out;
}

UserPage ApiPlainBackend::page(QList<User> users, const UserQuery &query)
{
    users = matching(users, query.search);
    const auto less = [&query](const User &a, const User &b) {
        const QString ka = sortValue(a, query.sortKey);
        const QString kb = sortValue(b, query.sortKey);
        if (ka != kb)
            return query.ascending ? ka < kb : ka > kb;
        return query.ascending ? a.id < b.id : a.id > b.id;
    };
    std::sort(users.begin(), users.end(), less);

    qsizetype begin = 0;
    qsizetype end = users.size();
    if (!query.afterId.isEmpty()) {
        User cursor;
        cursor.id = query.afterId;
        const QString key =
            query.afterKey.isEmpty() ? isoUtc(query.afterCreatedAt) : query.afterKey;
        // The cursor row's place in the order, found by its key and id alone.
        const auto before = [&](const User &u) {
            const QString k = sortValue(u, query.sortKey);
            if (k != key)
                return query.ascending ? k < key : k > key;
            return query.ascending ? u.id < cursor.id : u.id > cursor.id;
        };
        const qsizetype split =
            std::partition_point(users.begin(), users.end(), before) - users.begin();
        if (query.backward) {
            end = split;
        } else {
            begin = split;
            if (begin < users.size() && users.at(begin).id == cursor.id)
                ++begin;
        }
    }
    UserPage page;
    const qsizetype limit = std::max(1, query.limit);
    if (query.backward) {
        const qsizetype from = std::max<qsizetype>(0, end - limit);
        page.users = users.mid(from, end - from);
        page.atEnd = from == 0;
    } else {
        begin = std::min<qsizetype>(users.size(), begin + std::max(0, query.offset));
        page.users = users.mid(begin, limit);
        page.atEnd = begin + page.users.size() >= end;
    }
    if (!page.users.isEmpty()) {
        page.firstKey = sortValue(page.users.constFirst(), query.sortKey);
        page.lastKey = sortValue(page.users.constLast(), query.sortKey);
    }
    return page;
}

void ApiPlainBackend::fetchUsers(const UserQuery &query, const ApiSettle<UserPage> &settle)
{
    if (!query.role.isEmpty() || query.noRole) {
        settle.fail(lacksRoles());
        return;
    }
    withUsers([settle, query](const QList<User> &users) { settle.value(page(users, query)); },
              [settle](const DataSourceError &e) { settle.fail(e); });
}

void ApiPlainBackend::countUsers(const UserQuery &query, const ApiSettle<qint64> &settle)
{
    if (!query.role.isEmpty() || query.noRole) {
        settle.fail(lacksRoles());
        return;
    }
    withUsers([settle, query](
                  const QList<User> &users) { settle.value(matching(users, query.search).size()); },
              [settle](const DataSourceError &e) { settle.fail(e); });
}

void ApiPlainBackend::fetchAccount(const QString &clerkId, const ApiSettle<AccountAccess> &settle)
{
    if (!m_client) {
        settle.fail(DataSourceError(Kind::Connection, tr("The backend is gone.")));
        return;
    }
    ApiCall call;
    call.url = m_client->originUrlFor(QString::fromLatin1(apiroutes::plainProfilePath));
    m_client->send(
        call,
        [settle, clerkId](const ApiResponse &response) {
            AccountAccess access;
            QString why;
            if (!apijson::fromPlainProfileJson(response.json, &access, &why)) {
                settle.fail(DataSourceError(
                    Kind::Query, tr("The backend's profile (GET %1) cannot be read: %2")
                                     .arg(QString::fromLatin1(apiroutes::plainProfilePath), why)));
                return;
            }
            // Read-only whatever the roles: this backend cannot change any.
            access.activeRoles.clear();
            access.rolesSupported = false;
            // The profile is the caller's: nobody else is known this way.
            if (!clerkId.isEmpty() && access.user.clerkId != clerkId)
                access = AccountAccess{};
            settle.value(access);
        },
        [settle](const DataSourceError &e) { settle.fail(e); });
}

} // namespace rolecall
