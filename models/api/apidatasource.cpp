#include "api/apidatasource.h"

#include "api/apiplainbackend.h"
#include "api/apiroutes.h"
#include "domain/utctime.h"
#include "services/pagedstream.h"

#include <QJsonDocument>
#include <QThread>

namespace rolecall {

using apiroutes::Route;
namespace feature = apijson::feature;
using Kind = DataSourceError::Kind;

namespace {

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

ApiCall getCall(const QUrl &url)
{
    ApiCall call;
    call.url = url;
    return call;
}

} // namespace

ApiDataSource::ApiDataSource(const QUrl &baseUrl, ApiTokenProvider tokens,
                             QNetworkAccessManager *network, ApiClientOptions options,
                             QObject *parent)
    : DataSource(parent)
    , m_client(new ApiClient(baseUrl, std::move(tokens), network, options, this))
    , m_plain(std::make_unique<ApiPlainBackend>(m_client))
{}

ApiDataSource::~ApiDataSource() = default;

template <typename T>
QFuture<T> ApiDataSource::onOwnThread(std::function<QFuture<T>()> call)
{
    ApiSettle<T> settle;
    QMetaObject::invokeMethod(
        this,
        [settle, call] {
            call()
                .then(QtFuture::Launch::Sync, [settle](const T &value) { settle.value(value); })
                .onFailed([settle](const DataSourceError &e) { settle.fail(e); })
                .onFailed([settle] {
                    settle.fail(DataSourceError(Kind::Query, tr("The request failed.")));
                });
        },
        Qt::QueuedConnection);
    return settle.future();
}

QString ApiDataSource::displayName() const
{
    return m_client->baseUrl().toDisplayString(QUrl::RemoveUserInfo);
}

void ApiDataSource::withMode(ModeHandler next, ErrorHandler onError)
{
    if (m_mode) {
        next(*m_mode);
        return;
    }
    m_waiting.append({std::move(next), std::move(onError)});
    if (m_waiting.size() > 1)
        return; // /capabilities is being asked already
    ApiCall call = getCall(m_client->urlFor(apiroutes::path(Route::Capabilities)));
    call.authenticated = false;
    call.passStatuses = {404};
    const auto settleAll =
        [this](const std::function<void(const ModeHandler &, const ErrorHandler &)> &each) {
            const auto waiting = std::exchange(m_waiting, {});
            for (const auto &[onMode, onFail] : waiting)
                each(onMode, onFail);
        };
    m_client->send(
        call,
        [this, settleAll](const ApiResponse &response) {
            ApiMode mode;
            if (response.status == 404) {
                mode.plain = true;
            } else {
                QString why;
                if (!apijson::fromJson(response.json, &mode.capabilities, &why)) {
                    const DataSourceError error(
                        Kind::Schema, tr("%1 answered /capabilities with something else than the "
                                         "Rolecall admin API: %2")
                                          .arg(displayName(), why));
                    settleAll([&error](const ModeHandler &, const ErrorHandler &onFail) {
                        onFail(error);
                    });
                    return;
                }
                const QString major = mode.capabilities.apiVersion.section(QLatin1Char('.'), 0, 0);
                if (major != QString::number(apijson::apiMajorVersion)) {
                    const DataSourceError error(
                        Kind::Schema, tr("%1 speaks version %2 of the admin API; this console "
                                         "speaks version %3.")
                                          .arg(displayName(), mode.capabilities.apiVersion,
                                               apijson::apiVersion()));
                    settleAll([&error](const ModeHandler &, const ErrorHandler &onFail) {
                        onFail(error);
                    });
                    return;
                }
            }
            m_mode = mode;
            settleAll([&mode](const ModeHandler &onMode, const ErrorHandler &) { onMode(mode); });
        },
        [settleAll](const DataSourceError &error) {
            // Not remembered: the next call asks again.
            settleAll([&error](const ModeHandler &, const ErrorHandler &onFail) { onFail(error); });
        });
}

QFuture<ApiMode> ApiDataSource::mode()
{
    if (QThread::currentThread() != thread())
        return onOwnThread<ApiMode>([=, this] { return mode(); });
    ApiSettle<ApiMode> settle;
    withMode([settle](const ApiMode &m) { settle.value(m); },
             [settle](const DataSourceError &e) { settle.fail(e); });
    return settle.future();
}

DataSourceError ApiDataSource::lacks(const QString &what) const
{
    return {Kind::Schema,
            tr("%1 is a plain backend without the Rolecall admin API (GET /capabilities "
               "answered 404): it lists users only, read-only. It lacks %2.")
                .arg(m_client->baseUrl().host(), what)};
}

template <typename T>
void ApiDataSource::withFeature(const char *name, const QString &what, const ApiSettle<T> &settle,
                                std::function<void()> next)
{
    withMode(
        [this, name, what, settle, next = std::move(next)](const ApiMode &m) {
            if (m.plain)
                settle.fail(lacks(what));
            else if (name && !m.capabilities.has(name))
                settle.fail(DataSourceError(
                    Kind::Schema,
                    tr("%1 does not offer %2 (feature \"%3\" is not in its "
                       "capabilities).")
                        .arg(m_client->baseUrl().host(), what, QString::fromLatin1(name))));
            else
                next();
        },
        [settle](const DataSourceError &e) { settle.fail(e); });
}

template <typename T, typename Decode>
void ApiDataSource::exchange(const ApiCall &call, const ApiSettle<T> &settle, Decode decode)
{
    m_client->send(
        call,
        [this, settle, decode, call](const ApiResponse &response) {
            T result{};
            QString why;
            if (decode(response, &result, &why))
                settle.value(std::move(result));
            else
                settle.fail(unreadable(call.url.path(), why));
        },
        [settle](const DataSourceError &e) { settle.fail(e); });
}

template <typename T>
void ApiDataSource::getDocument(const char *name, const QString &what, const QString &path,
                                const QUrlQuery &query, const ApiSettle<T> &settle)
{
    withFeature(name, what, settle, [this, path, query, settle] {
        exchange(getCall(m_client->urlFor(path, query)), settle,
                 [](const ApiResponse &r, T *out, QString *why) {
                     return apijson::fromJson(r.json, out, why);
                 });
    });
}

template <typename T>
void ApiDataSource::postDocument(const char *name, const QString &what, const QString &path,
                                 const QJsonObject &body, const ApiSettle<T> &settle,
                                 const QByteArray &ifMatch)
{
    withFeature(name, what, settle, [this, path, body, settle, ifMatch] {
        ApiCall call;
        call.method = "POST";
        call.url = m_client->urlFor(path);
        call.body = compact(body);
        call.write = true;
        call.ifMatch = ifMatch;
        exchange(call, settle, [](const ApiResponse &r, T *out, QString *why) {
            return apijson::fromJson(r.json, out, why);
        });
    });
}

QFuture<SchemaInfo> ApiDataSource::detectSchema()
{
    if (QThread::currentThread() != thread())
        return onOwnThread<SchemaInfo>([=, this] { return detectSchema(); });
    ApiSettle<SchemaInfo> settle;
    withMode(
        [this, settle](const ApiMode &m) {
            if (m.plain)
                m_plain->detectSchema(settle);
            else
                settle.value(m.capabilities.schema);
        },
        [settle](const DataSourceError &e) { settle.fail(e); });
    return settle.future();
}

QFuture<UserPage> ApiDataSource::fetchUsers(const UserQuery &query)
{
    if (QThread::currentThread() != thread())
        return onOwnThread<UserPage>([=, this] { return fetchUsers(query); });
    ApiSettle<UserPage> settle;
    withMode(
        [this, settle, query](const ApiMode &m) {
            if (m.plain) {
                m_plain->fetchUsers(query, settle);
                return;
            }
            exchange(getCall(m_client->urlFor(apiroutes::path(Route::Users),
                                              apijson::toUrlQuery(query))),
                     settle, [](const ApiResponse &r, UserPage *out, QString *why) {
                         return apijson::fromJson(r.json, out, why);
                     });
        },
        [settle](const DataSourceError &e) { settle.fail(e); });
    return settle.future();
}

QFuture<qint64> ApiDataSource::countUsers(const UserQuery &query)
{
    if (QThread::currentThread() != thread())
        return onOwnThread<qint64>([=, this] { return countUsers(query); });
    ApiSettle<qint64> settle;
    withMode(
        [this, settle, query](const ApiMode &m) {
            if (m.plain) {
                m_plain->countUsers(query, settle);
                return;
            }
            UserQuery filters = query; // count ignores paging
            filters.afterId.clear();
            filters.afterKey.clear();
            filters.afterCreatedAt = {};
            filters.backward = false;
            filters.offset = 0;
            QUrlQuery params = apijson::toUrlQuery(filters);
            for (const char *key : {"sort", "order", "limit"})
                params.removeAllQueryItems(QLatin1String(key));
            exchange(getCall(m_client->urlFor(apiroutes::path(Route::UsersCount), params)), settle,
                     [](const ApiResponse &r, qint64 *out, QString *why) {
                         return apijson::fromJson(r.json, out, why);
                     });
        },
        [settle](const DataSourceError &e) { settle.fail(e); });
    return settle.future();
}

QFuture<AccountAccess> ApiDataSource::fetchAccount(const QString &clerkId)
{
    // GET /me answers for the token's subject; anyone else (the CLI finds
    // people by Clerk ID this way) is read as GET /users/{clerkId}.
    if (QThread::currentThread() != thread())
        return onOwnThread<AccountAccess>([=, this] { return fetchAccount(clerkId); });
    ApiSettle<AccountAccess> settle;
    withMode(
        [this, settle, clerkId](const ApiMode &m) {
            if (m.plain) {
                m_plain->fetchAccount(clerkId, settle);
                return;
            }
            m_client->send(
                getCall(m_client->urlFor(apiroutes::path(Route::Me))),
                [this, settle, clerkId, m](const ApiResponse &response) {
                    AccountAccess access;
                    QString why;
                    if (!apijson::fromJson(response.json, &access, &why)) {
                        settle.fail(unreadable(QStringLiteral("/me"), why));
                        return;
                    }
                    if (clerkId.isEmpty() || (access.userFound && access.user.clerkId == clerkId))
                        settle.value(access);
                    else
                        fetchOthersAccount(clerkId, m.capabilities.schema.hasRoles(), settle);
                },
                [settle](const DataSourceError &e) { settle.fail(e); });
        },
        [settle](const DataSourceError &e) { settle.fail(e); });
    return settle.future();
}

void ApiDataSource::fetchOthersAccount(const QString &clerkId, bool rolesSupported,
                                       const ApiSettle<AccountAccess> &settle)
{
    ApiCall call = getCall(m_client->urlFor(apiroutes::path(Route::User, clerkId)));
    call.passStatuses = {404};
    m_client->send(
        call,
        [this, settle, clerkId, rolesSupported](const ApiResponse &response) {
            AccountAccess access;
            access.rolesSupported = rolesSupported;
            if (response.status == 404) {
                settle.value(access); // no User row with this Clerk ID
                return;
            }
            QList<GrantView> grants;
            QString why;
            if (!apijson::fromJson(response.json, &access.user, &grants, &why)) {
                settle.fail(unreadable(apiroutes::path(Route::User, clerkId), why));
                return;
            }
            // {ref} also matches a row id or an email: only this Clerk ID counts.
            access.userFound = access.user.clerkId == clerkId;
            if (!access.userFound)
                access.user = {};
            for (const GrantView &view : std::as_const(grants))
                if (access.userFound && view.state == GrantState::Active &&
                    !access.activeRoles.contains(view.grant.role))
                    access.activeRoles.append(view.grant.role);
            settle.value(access);
        },
        [settle](const DataSourceError &e) { settle.fail(e); });
}

DataSourceError ApiDataSource::unreadable(const QString &path, const QString &why) const
{
    return {Kind::Query, tr("%1 sent an answer to %2 this console cannot read: %3")
                             .arg(m_client->baseUrl().host(), path, why)};
}

QFuture<QList<GrantView>> ApiDataSource::fetchGrants(const QString &user, const QDateTime &asOf)
{
    if (QThread::currentThread() != thread())
        return onOwnThread<QList<GrantView>>([=, this] { return fetchGrants(user, asOf); });
    ApiSettle<QList<GrantView>> settle;
    if (user.trimmed().isEmpty()) {
        settle.fail(
            DataSourceError(Kind::Validation, tr("Name a user by Clerk ID, email or row id.")));
        return settle.future();
    }
    QUrlQuery query;
    if (asOf.isValid())
        query.addQueryItem(QStringLiteral("asOf"), isoUtc(asOf));
    withFeature(feature::grants, tr("roles and grants"), settle, [this, settle, user, query] {
        exchange(getCall(m_client->urlFor(apiroutes::path(Route::User, user.trimmed()), query)),
                 settle, [](const ApiResponse &r, QList<GrantView> *out, QString *why) {
                     User ignored;
                     return apijson::fromJson(r.json, &ignored, out, why);
                 });
    });
    return settle.future();
}

QFuture<AccessExplanation> ApiDataSource::fetchAccessExplanation(const QString &user,
                                                                 const QString &role,
                                                                 const QDateTime &asOf)
{
    if (QThread::currentThread() != thread())
        return onOwnThread<AccessExplanation>(
            [=, this] { return fetchAccessExplanation(user, role, asOf); });
    ApiSettle<AccessExplanation> settle;
    if (user.trimmed().isEmpty() || role.trimmed().isEmpty()) {
        settle.fail(DataSourceError(Kind::Validation, tr("Name a user and a role.")));
        return settle.future();
    }
    QUrlQuery query;
    if (asOf.isValid())
        query.addQueryItem(QStringLiteral("asOf"), isoUtc(asOf));
    // The server judges with the same explainAccess() as direct mode.
    getDocument(feature::grants, tr("explaining access"),
                apiroutes::path(Route::UserAccess, user.trimmed(), role.trimmed()), query, settle);
    return settle.future();
}

QFuture<QList<GrantView>> ApiDataSource::fetchExpiring(int days)
{
    if (QThread::currentThread() != thread())
        return onOwnThread<QList<GrantView>>([=, this] { return fetchExpiring(days); });
    ApiSettle<QList<GrantView>> settle;
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("days"), QString::number(days));
    getDocument(feature::grants, tr("roles and grants"), apiroutes::path(Route::GrantsExpiring),
                query, settle);
    return settle.future();
}

QFuture<AuditPage> ApiDataSource::fetchAudit(const AuditQuery &query)
{
    if (QThread::currentThread() != thread())
        return onOwnThread<AuditPage>([=, this] { return fetchAudit(query); });
    ApiSettle<AuditPage> settle;
    getDocument(feature::audit, tr("the audit trail"), apiroutes::path(Route::Audit),
                apijson::toUrlQuery(query), settle);
    return settle.future();
}

QFuture<GrantPage> ApiDataSource::fetchGrantPage(const GrantListQuery &query)
{
    if (QThread::currentThread() != thread())
        return onOwnThread<GrantPage>([=, this] { return fetchGrantPage(query); });
    ApiSettle<GrantPage> settle;
    getDocument(feature::grants, tr("the list of grants"), apiroutes::path(Route::Grants),
                apijson::toUrlQuery(query), settle);
    return settle.future();
}

QFuture<OverviewFigures> ApiDataSource::fetchOverview()
{
    if (QThread::currentThread() != thread())
        return onOwnThread<OverviewFigures>([=, this] { return fetchOverview(); });
    ApiSettle<OverviewFigures> settle;
    getDocument(feature::overview, tr("the overview figures"), apiroutes::path(Route::Overview), {},
                settle);
    return settle.future();
}

QFuture<qint64> ApiDataSource::streamUsers(const UserQuery &query, RowBatchSink<User> sink)
{
    return streamUsersByPages(*this, query, std::move(sink));
}

QFuture<qint64> ApiDataSource::streamGrants(const GrantListQuery &query,
                                            RowBatchSink<GrantView> sink)
{
    return streamGrantsByPages(*this, query, std::move(sink));
}

QFuture<qint64> ApiDataSource::streamAudit(const AuditQuery &query, RowBatchSink<AuditEvent> sink)
{
    return streamAuditByPages(*this, query, std::move(sink));
}

QFuture<RoleGrant> ApiDataSource::grantRole(const Actor &actor, const GrantRequest &request)
{
    if (QThread::currentThread() != thread())
        return onOwnThread<RoleGrant>([=, this] { return grantRole(actor, request); });
    Q_UNUSED(actor) // the server takes the actor from the token
    ApiSettle<RoleGrant> settle;
    postDocument(feature::grants, tr("granting roles"), apiroutes::path(Route::Grant),
                 apijson::toJson(request), settle);
    return settle.future();
}

QFuture<RoleGrant> ApiDataSource::endGrant(const Actor &actor, const EndRequest &request)
{
    if (QThread::currentThread() != thread())
        return onOwnThread<RoleGrant>([=, this] { return endGrant(actor, request); });
    Q_UNUSED(actor)
    ApiSettle<RoleGrant> settle;
    if (request.grantId.trimmed().isEmpty()) {
        settle.fail(DataSourceError(Kind::Validation, tr("Name the grant to end.")));
        return settle.future();
    }
    // The ETag of a grant is its updatedAt, quoted (see the OpenAPI document).
    QByteArray ifMatch;
    if (request.expectedUpdatedAt.isValid())
        ifMatch = QByteArray("\"") + isoUtc(request.expectedUpdatedAt).toLatin1() + '"';
    postDocument(feature::grants, tr("ending grants"),
                 apiroutes::path(Route::EndGrant, request.grantId.trimmed()),
                 apijson::toJson(request), settle, ifMatch);
    return settle.future();
}

QFuture<BulkPlan> ApiDataSource::planBulkGrant(const Actor &actor, const BulkGrantRequest &request)
{
    if (QThread::currentThread() != thread())
        return onOwnThread<BulkPlan>([=, this] { return planBulkGrant(actor, request); });
    Q_UNUSED(actor)
    ApiSettle<BulkPlan> settle;
    postDocument(feature::bulkGrant, tr("bulk grants"), apiroutes::path(Route::BulkGrant),
                 apijson::toJson(request, true), settle);
    return settle.future();
}

QFuture<QList<RoleGrant>> ApiDataSource::applyBulkGrant(const Actor &actor,
                                                        const BulkGrantRequest &request)
{
    if (QThread::currentThread() != thread())
        return onOwnThread<QList<RoleGrant>>([=, this] { return applyBulkGrant(actor, request); });
    Q_UNUSED(actor)
    ApiSettle<QList<RoleGrant>> settle;
    postDocument(feature::bulkGrant, tr("bulk grants"), apiroutes::path(Route::BulkGrant),
                 apijson::toJson(request, false), settle);
    return settle.future();
}

} // namespace rolecall
