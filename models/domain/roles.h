#pragma once

#include "domain/domain.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace rolecall {

// Where a grant stands at one instant ("as of").
enum class GrantState {
    Active, // isActive, started, not ended
    Future, // starts after the instant
    Ended,  // end passed, or isActive false
};

QString grantStateName(GrantState state); // "active", "future", "ended"

inline constexpr int maxReasonLength = 1000;
inline constexpr int maxNotesLength = 10000;

// Why a reason or admin notes cannot be stored, for people; empty when they
// can. Both are one line of printable text: no control characters, no line
// breaks, since ending a grant appends "Ended <instant> by <actor>: <reason>"
// as a line of the notes and the audit reads who ended it from that line; a
// line break would let the text forge one. The GUI, the CLI and every data
// source give this same sentence. `reasonRequired` false: the reason may be
// empty (a sync action fills in its own).
QString grantTextProblem(const QString &reason, const QString &notes, bool reasonRequired = true);

// A grant as the console shows it: the row, its state at the asked instant,
// and who ended it and why when the console (or the audit table) recorded it.
struct GrantView
{
    RoleGrant grant;
    GrantState state = GrantState::Active;
    QString userClerkId;
    QString userEmail;
    QString userName;
    QString endedBy;     // Clerk ID or email of who ended it; empty when unknown
    QString endedReason; // empty when unknown
};

// The signed-in admin on whose behalf a write runs. The service checks, inside
// the write's transaction, that this person is an active ADMIN right now.
struct Actor
{
    QString clerkId;
    QString email;
};

// Why a write by `actor` is refused when they are no active ADMIN: the role
// and sync writers say it inside their transaction, and rolecall-server at
// its door, so both data sources give this same sentence.
QString notAnAdminRefusal(const Actor &actor);

// A user is named by Clerk ID (user_...), email, or User row id.
struct GrantRequest
{
    QString user;
    QString role;
    QDateTime start; // invalid: now
    QDateTime end;   // invalid: open-ended
    QString reason;  // required, 1 to 1,000 characters
    QString notes;   // optional, up to 10,000 characters
};

struct EndRequest
{
    QString grantId;
    QString reason; // required
    QDateTime at;   // invalid: now
    // The grant's updatedAt as the caller last saw it; invalid: do not check.
    // A different value inside the transaction is a conflict.
    QDateTime expectedUpdatedAt;
    // Ending one's own ADMIN grant needs this (GUI: a confirmation; CLI: --force).
    bool confirmSelfDemotion = false;
};

struct BulkGrantRequest
{
    QString role;
    QString reason;
    QString notes;
    QDateTime start; // invalid: now
    QDateTime end;   // invalid: open-ended
    // Exactly one way of naming the users:
    QStringList users; // Clerk IDs, emails or row ids (a selection or a file)
    UserQuery filter;  // or every user matching this filter (search, role, no role)
    bool useFilter = false;
};

// What a bulk grant would do: who changes, who already holds the role, and
// which names matched nobody.
struct BulkPlan
{
    QList<User> willChange;
    QList<User> alreadyHave;
    QStringList unknown;
};

// One event of the audit trail, derived from grant rows or read from the
// optional RolecallAuditEvent table.
struct AuditEvent
{
    QString id;     // stable: "<grant id>:<action>" or the audit table's id
    QDateTime at;   // UTC
    QString action; // granted, scheduled, ended, expired (+ the audit table's own)
    QString actorClerkId;
    QString actorEmail;
    QString targetUserId;
    QString targetClerkId;
    QString targetEmail;
    QString targetName;
    QString role;
    QString grantId;
    QString reason;
    QString notes;
    QJsonObject before; // where known (audit table)
    QJsonObject after;
    QString source; // "grants", "audit-table" or "outside-console" (db install-rights)
    // The database login that made the change, where recorded (install-rights).
    QString databaseLogin;

    bool madeOutsideConsole() const { return source == QLatin1String("outside-console"); }
};

struct AuditQuery
{
    QString user;           // Clerk ID, email or row id of the target; empty: everyone
    QString actor;          // Clerk ID or email of who acted; empty: anyone
    QString role;           // empty: any
    QDateTime since, until; // invalid: unbounded
    int limit = 100;
    // Keyset cursor (newest first): the last event of the previous page.
    QDateTime beforeAt;
    QString beforeId;
};

struct AuditPage
{
    QList<AuditEvent> events;
    bool atEnd = false;
};

} // namespace rolecall
