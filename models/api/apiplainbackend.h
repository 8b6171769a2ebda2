#pragma once

#include "api/apiclient.h"
#include "api/apisettle.h"
#include "domain/domain.h"

#include <QDateTime>
#include <QList>
#include <QPointer>

#include <functional>

namespace rolecall {

// The seed's plain backend, which has no admin API: GET /api/admin/users (a
// bare array of Prisma User rows, ADMIN only, no paging) and GET
// /api/user/profile (the caller with roles), both at the origin of the base
// URL. Users are filtered, sorted and paged here, from one copy of the list
// kept for a short while; the console stays read-only.
class ApiPlainBackend final
{
    Q_DISABLE_COPY_MOVE(ApiPlainBackend)

public:
    explicit ApiPlainBackend(ApiClient *client);
    ~ApiPlainBackend();

    void detectSchema(const ApiSettle<SchemaInfo> &settle);
    void fetchUsers(const UserQuery &query, const ApiSettle<UserPage> &settle);
    void countUsers(const UserQuery &query, const ApiSettle<qint64> &settle);
    // The caller's profile; userFound is false when `clerkId` names another.
    void fetchAccount(const QString &clerkId, const ApiSettle<AccountAccess> &settle);

    // The page `query` asks for out of `users` (any order): pure, for tests.
    static UserPage page(QList<User> users, const UserQuery &query);
    static QList<User> matching(const QList<User> &users, const QString &search);

private:
    using OnUsers = std::function<void(const QList<User> &)>;
    using OnError = std::function<void(const DataSourceError &)>;
    void withUsers(OnUsers next, OnError onError);
    static DataSourceError lacksRoles();

    QPointer<ApiClient> m_client;
    QList<User> m_users;
    SchemaKind m_kind = SchemaKind::Unknown;
    QDateTime m_loadedAt;
    QList<std::pair<OnUsers, OnError>> m_waiting;
};

} // namespace rolecall
