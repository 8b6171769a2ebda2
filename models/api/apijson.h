#pragma once

#include "domain/accessexplanation.h"
#include "domain/datasourceerror.h"
#include "domain/domain.h"
#include "domain/grantlist.h"
#include "domain/roles.h"
#include "sync/syncaction.h"
#include "sync/syncstatus.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrlQuery>

#include <optional>

// The one codec between the domain types and the admin API's JSON
// (resources/api/rolecall-admin-api.yaml): the client (apidatasource) and
// rolecall-server both encode and decode through it, so the two sides cannot
// drift apart. Field names are the domain structs' in camelCase; instants are
// RFC 3339 UTC with milliseconds ("2026-01-02T03:04:05.000Z") or null; enums
// are lower-case strings.
//
// Decoding never crashes and never half-fills: fromJson() returns false and
// sets *error to a sentence naming the field ("users[3].createdAt: ...").
namespace rolecall::apijson {

// The contract's version: info.version of the OpenAPI document and the
// capabilities' apiVersion (major.minor).
inline constexpr int apiMajorVersion = 1;
inline constexpr int apiMinorVersion = 0;
QString apiVersion(); // "1.0"

// --- instants and enums -------------------------------------------------

QJsonValue instantJson(const QDateTime &instant); // null when invalid
// RFC 3339 with a zone ("Z" or an offset); a null or absent value is an
// invalid QDateTime. False for anything else (a local time included).
bool parseInstant(const QJsonValue &json, QDateTime *instant);

QString schemaKindId(SchemaKind kind); // "akako-lms", "sehatscan", "unknown"
std::optional<SchemaKind> schemaKindFromId(const QString &id);
QString userSortKeyId(UserSortKey key); // "created", "name", "email", "clerkId"
std::optional<UserSortKey> userSortKeyFromId(const QString &id);
QString grantFilterStateId(GrantFilterState state); // "any", "active", ...
std::optional<GrantFilterState> grantFilterStateFromId(const QString &id);
std::optional<GrantState> grantStateFromId(const QString &id); // grantStateName()'s
std::optional<SyncAction::Kind> syncActionKindFromId(const QString &id);
std::optional<AccessVerdict> accessVerdictFromId(const QString &id); // accessVerdictName()'s

// --- capabilities ---------------------------------------------------------

// Feature names of GET /capabilities.
namespace feature {
inline constexpr auto users = "users";
inline constexpr auto grants = "grants";
inline constexpr auto audit = "audit";
inline constexpr auto overview = "overview";
inline constexpr auto bulkGrant = "bulk-grant";
inline constexpr auto sync = "sync";
inline constexpr auto syncStatus = "sync-status"; // the server holds a Clerk key
} // namespace feature

struct Capabilities
{
    QString apiVersion; // "1.0": the client refuses another major version
    QString server;     // "rolecall-server 0.9.0", "akako-lms", ...
    SchemaInfo schema;
    QStringList features;

    bool has(const char *name) const { return features.contains(QLatin1String(name)); }
};

// --- documents ------------------------------------------------------------
// One toJson()/fromJson() pair per type. The page documents carry cursors
// (below) next to the rows.

QJsonObject toJson(const Capabilities &capabilities);
bool fromJson(const QJsonValue &json, Capabilities *out, QString *error);
QJsonObject toJson(const SchemaInfo &schema);
bool fromJson(const QJsonValue &json, SchemaInfo *out, QString *error);
QJsonObject toJson(const User &user);
bool fromJson(const QJsonValue &json, User *out, QString *error);
QJsonObject toJson(const RoleGrant &grant);
bool fromJson(const QJsonValue &json, RoleGrant *out, QString *error);
QJsonObject toJson(const GrantView &view);
bool fromJson(const QJsonValue &json, GrantView *out, QString *error);
QJsonObject toJson(const AccountAccess &access);
bool fromJson(const QJsonValue &json, AccountAccess *out, QString *error);
QJsonObject toJson(const AuditEvent &event);
bool fromJson(const QJsonValue &json, AuditEvent *out, QString *error);
QJsonObject toJson(const OverviewFigures &figures);
bool fromJson(const QJsonValue &json, OverviewFigures *out, QString *error);
QJsonObject toJson(const BulkPlan &plan);
bool fromJson(const QJsonValue &json, BulkPlan *out, QString *error);

// Request bodies.
QJsonObject toJson(const GrantRequest &request);
bool fromJson(const QJsonValue &json, GrantRequest *out, QString *error);
// EndRequest::grantId travels in the path and expectedUpdatedAt as If-Match:
// the body holds the rest ("effectiveEnd", "reason", "confirmSelfDemotion").
QJsonObject toJson(const EndRequest &request);
bool fromJson(const QJsonValue &json, EndRequest *out, QString *error);
// With "dryRun"; the filter as {search, role, noRole, asOf}.
QJsonObject toJson(const BulkGrantRequest &request, bool dryRun);
bool fromJson(const QJsonValue &json, BulkGrantRequest *out, bool *dryRun, QString *error);

// GET /users: {users, atEnd, firstCursor, lastCursor}. Decoding fills
// firstKey/lastKey from the cursors.
QJsonObject toJson(const UserPage &page, UserSortKey sortKey);
bool fromJson(const QJsonValue &json, UserPage *out, QString *error);
// {user, grants} of GET /users/{ref}.
QJsonObject userWithGrantsJson(const User &user, const QList<GrantView> &grants);
bool fromJson(const QJsonValue &json, User *user, QList<GrantView> *grants, QString *error);
// GET /grants: {grants, atEnd, nextCursor}; GET /grants/expiring: {grants}.
QJsonObject toJson(const GrantPage &page);
bool fromJson(const QJsonValue &json, GrantPage *out, QString *error);
QJsonObject grantListJson(const QList<GrantView> &grants);
bool fromJson(const QJsonValue &json, QList<GrantView> *out, QString *error);
// POST /grants/bulk (applied): {grants:[RoleGrant]}.
QJsonObject roleGrantListJson(const QList<RoleGrant> &grants);
bool fromJson(const QJsonValue &json, QList<RoleGrant> *out, QString *error);
// GET /audit: {events, atEnd, nextCursor}.
QJsonObject toJson(const AuditPage &page);
bool fromJson(const QJsonValue &json, AuditPage *out, QString *error);
// GET /users/{ref}/access/{role}: {role, asOf, holds, verdict, holding,
// future, ended}, the grants as GrantView (apijsonaccess.cpp).
QJsonObject toJson(const AccessExplanation &explanation);
bool fromJson(const QJsonValue &json, AccessExplanation *out, QString *error);
QJsonObject countJson(qint64 count);
bool fromJson(const QJsonValue &json, qint64 *count, QString *error);

// The Prisma User rows of the seed's plain backend (GET /api/admin/users: a
// bare array of {id, clerkId, email, firstName, lastName, createdAt,
// updatedAt, ...}); unknown fields are ignored, roles are not there.
bool fromPlainUsersJson(const QJsonValue &json, QList<User> *out, QString *error);
// GET /api/user/profile: a Prisma User row with "roles":[...] (active now).
bool fromPlainProfileJson(const QJsonValue &json, AccountAccess *out, QString *error);

// --- sync -----------------------------------------------------------------

QJsonObject toJson(const ClerkUser &user);
bool fromJson(const QJsonValue &json, ClerkUser *out, QString *error);
QJsonObject toJson(const SyncDbSnapshot &snapshot);
bool fromJson(const QJsonValue &json, SyncDbSnapshot *out, QString *error);
// POST /sync/actions: the action and "dryRun". The actor's Clerk record is
// not sent: the server fetches it itself.
QJsonObject toJson(const SyncAction &action, bool dryRun);
bool fromJson(const QJsonValue &json, SyncAction *out, bool *dryRun, QString *error);
QJsonObject toJson(const SyncActionResult &result);
bool fromJson(const QJsonValue &json, SyncActionResult *out, QString *error);
QJsonObject toJson(const SyncRecord &record);
bool fromJson(const QJsonValue &json, SyncRecord *out, QString *error);

// GET /sync/status: the server's own comparison with Clerk (sync/syncstatus.h).
using SyncStatusReport = rolecall::SyncStatusReport;
QJsonObject toJson(const SyncStatusReport &report);
bool fromJson(const QJsonValue &json, SyncStatusReport *out, QString *error);

// --- query parameters and cursors -------------------------------------------

// Cursors are opaque to API callers: base64url (no padding) of a small JSON
// object with the keyset values. Both sides decode them with these.
struct Cursor
{
    QString sort; // UserSortKey id for user cursors; empty otherwise
    QString key;  // the sort value as the data source gave it
    QDateTime at; // an instant key (grants, audit; created-order users)
    QString id;   // the row id that breaks ties
    bool operator==(const Cursor &) const = default;
};
QString encodeCursor(const Cursor &cursor);
bool decodeCursor(const QString &text, Cursor *out, QString *error);
// `before=end`: the last page of users (UserQuery::backward without a cursor).
inline constexpr auto lastPageCursor = "end";

// GET /users and /users/count (count ignores limit, cursors and offset).
QUrlQuery toUrlQuery(const UserQuery &query);
bool fromUrlQuery(const QUrlQuery &params, UserQuery *out, QString *error);
QUrlQuery toUrlQuery(const GrantListQuery &query);
bool fromUrlQuery(const QUrlQuery &params, GrantListQuery *out, QString *error);
QUrlQuery toUrlQuery(const AuditQuery &query);
bool fromUrlQuery(const QUrlQuery &params, AuditQuery *out, QString *error);

// --- problems (RFC 9457) -------------------------------------------------

// The stable `type` list; each is https://rolecall.dev/problems/<id>.
enum class ProblemType {
    Validation,           // 422, per-field `errors`
    NotFound,             // 404
    NotPermitted,         // 403, `reason`
    Unauthorized,         // 401: no, expired or refused token
    Conflict,             // 409
    Stale,                // 412: If-Match no longer matches
    LastAdmin,            // 409
    SelfDemotion,         // 409: retry with confirmSelfDemotion
    SchemaWithoutRoles,   // 409: the database has no roles
    Schema,               // 409: the database's schema cannot answer this
    Unsupported,          // 501: this server does not offer the feature
    IdempotencyKeyReused, // 422: the same key with another body
    PayloadTooLarge,      // 413
    RateLimited,          // 429 with Retry-After
    Connection,           // 503: the database is unreachable
    Query,                // 500
};
QString problemTypeId(ProblemType type); // "validation", "not-permitted", ...
QString problemTypeUri(ProblemType type);
std::optional<ProblemType> problemTypeFromUri(const QString &uri);
int problemStatus(ProblemType type);
QString problemTitle(ProblemType type);
QList<ProblemType> allProblemTypes();
DataSourceError::Kind problemKind(ProblemType type);

// The domain's FieldError: what a DataSourceError carries on to the dialogs.
using ProblemFieldError = FieldError;

struct Problem
{
    QString type; // URI; "about:blank" when the peer sent none
    QString title;
    int status = 0;
    QString detail;
    QList<ProblemFieldError> errors;
    QString reason; // NotPermitted: why this person may not
    bool operator==(const Problem &) const = default;
};
inline constexpr auto problemContentType = "application/problem+json";

QJsonObject toJson(const Problem &problem);
bool fromJson(const QJsonValue &json, Problem *out, QString *error);
Problem makeProblem(ProblemType type, const QString &detail);
// What the server answers for an error of the data source.
Problem problemFromError(const DataSourceError &error);
// What the client raises for a problem: the kind from its type (an unknown
// type by its status), the message from detail, reason and field errors,
// which it also carries one by one (DataSourceError::fieldErrors()).
DataSourceError errorFromProblem(const Problem &problem);
// A non-2xx answer: a problem document, or (plain backends) {"error": "..."}
// or nothing, judged by the status alone.
DataSourceError errorFromResponse(int status, const QByteArray &body);
DataSourceError::Kind kindForStatus(int status);

} // namespace rolecall::apijson
