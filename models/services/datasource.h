#pragma once

#include "domain/accessexplanation.h"
#include "domain/datasourceerror.h"
#include "domain/domain.h"
#include "domain/grantlist.h"
#include "domain/roles.h"
#include "domain/userscsv.h"

#include <QFuture>
#include <QObject>

#include <functional>

namespace rolecall {

// The one asynchronous interface between the console and where its data lives:
// PostgreSQL now, the application's REST API later. Every call returns at once;
// the future finishes on a worker thread with the result or a DataSourceError.
// Futures must be consumed on the caller's thread (see watchFuture()).
class DataSource : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;
    ~DataSource() override = default;

    // Connects if needed and finds out which schema the database has.
    virtual QFuture<SchemaInfo> detectSchema() = 0;

    // One keyset page of users, newest first, with their active roles.
    virtual QFuture<UserPage> fetchUsers(const UserQuery &query) = 0;

    // How many users match the query's search and role filters (its limit and
    // cursor are ignored).
    virtual QFuture<qint64> countUsers(const UserQuery &query) = 0;
    // Only a search (empty: all users).
    QFuture<qint64> countUsers(const QString &search)
    {
        UserQuery query;
        query.search = search;
        return countUsers(query);
    }

    // The User row whose Clerk ID is `clerkId` and their active roles: what
    // the signed-in person may do.
    virtual QFuture<AccountAccess> fetchAccount(const QString &clerkId) = 0;

    // --- roles (Akako LMS; other schemas answer with a Schema error) ---

    // Every grant of one user (row id, Clerk ID or email), newest first, with
    // its state at `asOf` (invalid: now).
    virtual QFuture<QList<GrantView>> fetchGrants(const QString &user, const QDateTime &asOf) = 0;

    // Whether `user` (row id, Clerk ID or email) holds `role` at `asOf`
    // (invalid: now) and why: explainAccess() over the user's grants. The API
    // asks the server, which answers from the same function.
    virtual QFuture<AccessExplanation>
    fetchAccessExplanation(const QString &user, const QString &role, const QDateTime &asOf)
    {
        return fetchGrants(user, asOf)
            .then(QtFuture::Launch::Sync, [role, asOf](const QList<GrantView> &grants) {
                return explainAccess(grants, role, asOf);
            });
    }

    // Active grants whose end falls within the next `days` days, soonest first.
    virtual QFuture<QList<GrantView>> fetchExpiring(int days) = 0;

    // One keyset page of the audit trail, newest first.
    virtual QFuture<AuditPage> fetchAudit(const AuditQuery &query) = 0;

    // Writes: each one transaction; refused unless `actor` is an active ADMIN.
    virtual QFuture<RoleGrant> grantRole(const Actor &actor, const GrantRequest &request) = 0;
    virtual QFuture<RoleGrant> endGrant(const Actor &actor, const EndRequest &request) = 0;
    virtual QFuture<BulkPlan> planBulkGrant(const Actor &actor,
                                            const BulkGrantRequest &request) = 0;
    // All or nothing; returns the grants written.
    virtual QFuture<QList<RoleGrant>> applyBulkGrant(const Actor &actor,
                                                     const BulkGrantRequest &request) = 0;

    // "user@host:port/db" or the API's base URL, for titles and messages.
    virtual QString displayName() const = 0;

    // --- the Grants and Overview screens (default: not supported) ---

    // One keyset page of every grant of every user, newest first.
    virtual QFuture<GrantPage> fetchGrantPage(const GrantListQuery &query)
    {
        Q_UNUSED(query)
        return notSupported<GrantPage>();
    }
    // Counts per role, users without a role, and the 12-month series.
    virtual QFuture<OverviewFigures> fetchOverview() { return notSupported<OverviewFigures>(); }
    // The same figures a part at a time (OverviewPart), when the source can
    // query them separately; the default answers every part with the whole.
    virtual bool answersOverviewInParts() const { return false; }
    virtual QFuture<OverviewFigures> fetchOverviewPart(OverviewPart part)
    {
        Q_UNUSED(part)
        return fetchOverview();
    }

    // --- whole-table exports (default: not supported) ---

    // Every row a listing's filters match (its limit and cursor ignored), in
    // the listing's order, handed to `sink` in batches of a few thousand on a
    // worker thread as they are read: one statement, memory flat whatever the
    // table's size. `sink` returns false to stop early. The future holds the
    // number of rows handed over; it is not retried (rows already went out).
    template <typename Row>
    using RowBatchSink = std::function<bool(const QList<Row> &batch)>;
    virtual QFuture<qint64> streamUsers(const UserQuery &query, RowBatchSink<User> sink)
    {
        Q_UNUSED(query)
        Q_UNUSED(sink)
        return notSupported<qint64>();
    }
    // The rows of streamUsers(), each made the CSV record `layout` describes
    // by the source itself (UTF-8, exactly csvRecord(userCsvFields(row,
    // layout))), handed to `sink` a batch at a time with the batch's row
    // count: where formatsUsersCsv(), a source can let its database write the
    // CSV. streamUsersAsCsv() (itemmodels/userscsvexport.h) picks this or
    // formats streamUsers()'s rows itself.
    using CsvRecordsSink = std::function<bool(const QByteArray &records, qint64 rows)>;
    virtual bool formatsUsersCsv() const { return false; }
    virtual QFuture<qint64> streamUsersCsv(const UserQuery &query, const UserCsvLayout &layout,
                                           CsvRecordsSink sink)
    {
        Q_UNUSED(query)
        Q_UNUSED(layout)
        Q_UNUSED(sink)
        return notSupported<qint64>();
    }
    virtual QFuture<qint64> streamGrants(const GrantListQuery &query, RowBatchSink<GrantView> sink)
    {
        Q_UNUSED(query)
        Q_UNUSED(sink)
        return notSupported<qint64>();
    }
    virtual QFuture<qint64> streamAudit(const AuditQuery &query, RowBatchSink<AuditEvent> sink)
    {
        Q_UNUSED(query)
        Q_UNUSED(sink)
        return notSupported<qint64>();
    }

protected:
    template <typename T>
    static QFuture<T> notSupported()
    {
        return QtFuture::makeExceptionalFuture<T>(std::make_exception_ptr(
            DataSourceError(DataSourceError::Kind::Schema,
                            QStringLiteral("This data source cannot answer that yet."))));
    }
};

} // namespace rolecall
