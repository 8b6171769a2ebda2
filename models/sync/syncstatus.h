#pragma once

#include "clerk/clerkuser.h"
#include "domain/domain.h"

#include <QHash>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QVector>

#include <optional>

namespace rolecall {

// Where one person stands between Clerk and the database.
enum class SyncStatus {
    InSync,
    MissingInDatabase, // in Clerk, never synced
    Orphaned,          // in the database, no longer in Clerk
    Drifted,           // email or names differ
    NoDefaultRole,     // Akako: no active LEARNER grant
    EmailConflict,     // the Clerk email belongs to another row: a sync would fail
    PasswordAccount,   // SehatScan: made through the password fallback, not an orphan
};
constexpr int syncStatusCount = 7;

// "in-sync", "missing", "orphaned", "drifted", "no-default-role",
// "email-conflict", "password-account": the CLI's and JSON's names.
QString syncStatusName(SyncStatus status);
std::optional<SyncStatus> syncStatusFromName(const QString &name);
QList<SyncStatus> allSyncStatuses();

// One field the database holds differently from what the app's own sync would write.
struct FieldDiff
{
    QString field; // the database column: email, firstName, lastName, name
    QString clerkValue;
    QString databaseValue;
    bool operator==(const FieldDiff &) const = default;
};

// A User row as sync status needs it.
struct SyncDbUser
{
    QString rowId;
    QString clerkId; // Akako: clerkId; SehatScan: id
    QString email;
    QString firstName, lastName; // Akako
    QString name;                // SehatScan
    bool nameIsNull = true;      // SehatScan: name IS NULL
    bool hasPassword = false;    // SehatScan: a non-empty bcrypt password
    bool everHadLearner = false; // Akako
    bool activeLearner = false;  // Akako: a LEARNER grant active now
};

struct SyncDbSnapshot
{
    SchemaKind kind = SchemaKind::Unknown;
    QList<SyncDbUser> users;
};

// One person's verdict. `status` is the one to act on; `lacksDefaultRole`
// is also set on a drifted or conflicting user who lacks the default role.
struct SyncRecord
{
    QString clerkId;
    SyncStatus status = SyncStatus::InSync;
    bool lacksDefaultRole = false;
    bool neverHadDefaultRole = false;
    QString email; // Clerk's where known, else the database's
    QString name;
    QString databaseRowId;  // empty: no row
    QList<FieldDiff> diffs; // Drifted (and a conflict's would-be changes)
    QString conflictRowId;  // EmailConflict: the row that holds the email
    QString conflictClerkId;
    std::optional<ClerkUser> clerk; // absent for orphans and password accounts

    bool matches(SyncStatus filter) const
    {
        return status == filter || (filter == SyncStatus::NoDefaultRole && lacksDefaultRole);
    }
};

// A whole comparison made where the Clerk key is (a backend API server's
// GET /sync/status), as one answer.
struct SyncStatusReport
{
    QList<SyncRecord> rows;
    bool complete = false; // every Clerk page was read
    QStringList problems;
};

// What the application's own sync would write for a Clerk user: Akako takes
// the primary email and both names; SehatScan's ensureUserInDatabase takes
// email_addresses[0] and "first last" (null without a first name).
struct SyncTarget
{
    QString email;
    QString firstName, lastName; // Akako
    QString name;                // SehatScan
    bool nameIsNull = true;
};
SyncTarget syncTargetOf(SchemaKind kind, const ClerkUser &user);
QList<FieldDiff> diffOf(SchemaKind kind, const SyncTarget &target, const SyncDbUser &row);

// The comparison: a hash join of Clerk users to User rows by Clerk ID, one
// Clerk page at a time (linear in both sides). Orphans and password accounts
// are only known once every page has been seen: finish() gives them.
class SyncComparer
{
public:
    explicit SyncComparer(SyncDbSnapshot snapshot);

    SchemaKind kind() const { return m_snapshot.kind; }
    qsizetype databaseRows() const { return m_snapshot.users.size(); }
    qint64 buildNs() const { return m_buildNs; } // hashing the database side
    QList<SyncRecord> addClerkPage(const QList<ClerkUser> &users);
    QList<SyncRecord> finish();

private:
    SyncRecord compare(const ClerkUser &user);

    SyncDbSnapshot m_snapshot;
    QHash<QString, qsizetype> m_byClerkId;
    QHash<QString, qsizetype> m_byEmail;
    QVector<bool> m_seen;
    bool m_finished = false;
    qint64 m_buildNs = 0;
};

} // namespace rolecall

Q_DECLARE_METATYPE(rolecall::SyncRecord)
