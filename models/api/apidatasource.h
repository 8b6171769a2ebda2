#pragma once

#include "api/apiclient.h"
#include "api/apijson.h"
#include "api/apisettle.h"
#include "services/datasource.h"

#include <QFuture>

#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace rolecall {

class ApiPlainBackend;

// What the backend turned out to be: the Rolecall admin API (its
// capabilities), or the seed's plain backend (/capabilities is 404).
struct ApiMode
{
    bool plain = false;
    apijson::Capabilities capabilities;
};

// DataSource over the admin API (resources/api/rolecall-admin-api.yaml):
//
//   any call ─▶ GET /capabilities once (404: the plain backend) ─▶ the
//   call's own request(s) through ApiClient ─▶ apijson decodes ─▶ future
//
// Futures finish on this object's thread; called from another thread (the
// CLI blocks on results while this object's thread runs the network), a call
// hops over and its future finishes there. The actor of a write is the
// token's subject on the server; `actor` is not sent. fetchAccount() reads
// GET /me, and GET /users/{clerkId} when it names someone else. Against the plain
// backend, users are listed and searched read-only on this side and every
// other call fails with a Schema error naming what the backend lacks.
class ApiDataSource final : public DataSource
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiDataSource)

public:
    ApiDataSource(const QUrl &baseUrl, ApiTokenProvider tokens, QNetworkAccessManager *network,
                  ApiClientOptions options = {}, QObject *parent = nullptr);
    ~ApiDataSource() override;

    QFuture<SchemaInfo> detectSchema() override;
    QFuture<UserPage> fetchUsers(const UserQuery &query) override;
    using DataSource::countUsers;
    QFuture<qint64> countUsers(const UserQuery &query) override;
    QFuture<AccountAccess> fetchAccount(const QString &clerkId) override;
    QFuture<QList<GrantView>> fetchGrants(const QString &user, const QDateTime &asOf) override;
    QFuture<AccessExplanation> fetchAccessExplanation(const QString &user, const QString &role,
                                                      const QDateTime &asOf) override;
    QFuture<QList<GrantView>> fetchExpiring(int days) override;
    QFuture<AuditPage> fetchAudit(const AuditQuery &query) override;
    QFuture<RoleGrant> grantRole(const Actor &actor, const GrantRequest &request) override;
    QFuture<RoleGrant> endGrant(const Actor &actor, const EndRequest &request) override;
    QFuture<BulkPlan> planBulkGrant(const Actor &actor, const BulkGrantRequest &request) override;
    QFuture<QList<RoleGrant>> applyBulkGrant(const Actor &actor,
                                             const BulkGrantRequest &request) override;
    QString displayName() const override;
    QFuture<GrantPage> fetchGrantPage(const GrantListQuery &query) override;
    QFuture<OverviewFigures> fetchOverview() override;
    // The API has no stream: its keyset pages, one after another (pagedstream.h).
    QFuture<qint64> streamUsers(const UserQuery &query, RowBatchSink<User> sink) override;
    QFuture<qint64> streamGrants(const GrantListQuery &query,
                                 RowBatchSink<GrantView> sink) override;
    QFuture<qint64> streamAudit(const AuditQuery &query, RowBatchSink<AuditEvent> sink) override;

    // What the backend offers (GET /capabilities, or the plain backend).
    QFuture<ApiMode> mode();
    ApiClient *client() const { return m_client; }

private:
    template <typename T>
    QFuture<T> onOwnThread(std::function<QFuture<T>()> call);
    using ModeHandler = std::function<void(const ApiMode &)>;
    using ErrorHandler = std::function<void(const DataSourceError &)>;
    // Runs `next` once the mode is known, or `onError` when it cannot be.
    void withMode(ModeHandler next, ErrorHandler onError);
    // The admin API with `feature` (empty: any), or a Schema error saying
    // what this backend lacks.
    template <typename T>
    void withFeature(const char *feature, const QString &what, const ApiSettle<T> &settle,
                     std::function<void()> next);
    template <typename T, typename Decode>
    void exchange(const ApiCall &call, const ApiSettle<T> &settle, Decode decode);
    template <typename T>
    void getDocument(const char *feature, const QString &what, const QString &path,
                     const QUrlQuery &query, const ApiSettle<T> &settle);
    template <typename T>
    void postDocument(const char *feature, const QString &what, const QString &path,
                      const QJsonObject &body, const ApiSettle<T> &settle,
                      const QByteArray &ifMatch = {});
    DataSourceError lacks(const QString &what) const;
    DataSourceError unreadable(const QString &path, const QString &why) const;
    // AccountAccess of someone other than the caller, from GET /users/{clerkId}.
    void fetchOthersAccount(const QString &clerkId, bool rolesSupported,
                            const ApiSettle<AccountAccess> &settle);

    ApiClient *m_client;
    std::unique_ptr<ApiPlainBackend> m_plain;
    std::optional<ApiMode> m_mode;
    QList<std::pair<ModeHandler, ErrorHandler>> m_waiting; // while /capabilities is asked
};

} // namespace rolecall
