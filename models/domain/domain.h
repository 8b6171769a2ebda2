#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace rolecall {

// A person as the application's database holds them. Which columns exist depends
// on the schema: SehatScan has one `name` and uses `id` as the Clerk ID.
struct User
{
    QString id;      // primary key of the User row
    QString clerkId; // Clerk user ID (Akako: clerkId column; SehatScan: id)
    QString email;
    QString firstName;
    QString lastName;
    QDateTime createdAt; // UTC
    QDateTime updatedAt; // UTC
    QStringList activeRoles;

    QString displayName() const;
};

// One row of Akako's UserRole: a time-bound grant of a role.
struct RoleGrant
{
    QString id;
    QString userId;
    QString role;
    QDateTime effectiveStart; // UTC
    QDateTime effectiveEnd;   // UTC; null while open-ended
    QString assignedBy;       // Clerk ID of the admin
    QString assignedByEmail;
    QString reason;
    QString adminNotes;
    bool isActiveFlag = true; // the isActive column as stored
    QDateTime createdAt;
    QDateTime updatedAt;

    // Active at `instant`: flagged active, started, and not ended.
    bool isActiveAt(const QDateTime &instant) const;
};

enum class SchemaKind { Unknown, AkakoLms, SehatScan };

// What the console found in a database: which seed system's schema, and the
// facts it needs to serve it (roles as the database's enum has them).
struct SchemaInfo
{
    SchemaKind kind = SchemaKind::Unknown;
    QString searchPath; // schema the tables were found in
    QStringList roles;  // values of the Role enum, in enum order (Akako only)
    QString problem;    // why the database is not recognised (Unknown only)

    bool hasRoles() const { return kind == SchemaKind::AkakoLms; }
    QString describe() const;
};

QString schemaKindName(SchemaKind kind);

// Keyset page request over the users table.
// What the users list can be ordered by.
enum class UserSortKey { Created, Name, Email, ClerkId };

struct UserQuery
{
    QString search;      // substring of name, email or Clerk ID; empty: everyone
    int limit = 100;     // rows per page
    QString role;        // only users holding this role at `asOf`; empty: any
    bool noRole = false; // only users holding no role at `asOf`
    QDateTime asOf;      // the instant roles are judged at; invalid: now

    // The order of the list; ties are broken by id in the same direction.
    UserSortKey sortKey = UserSortKey::Created;
    bool ascending = false; // newest first by default

    // Keyset cursor: the sort value and id of the row next to the page asked
    // for. `afterKey` is the value as UserPage::firstKey/lastKey gave it; for
    // the default order `afterCreatedAt` may be given instead. No cursor: the
    // first page (or, `backward`, the last one).
    QDateTime afterCreatedAt;
    QString afterKey;
    QString afterId;
    // The rows just before the cursor (or the last rows), still returned in
    // the list's order: how a window jumps to the end or fills a gap upwards.
    bool backward = false;
    // Rows to skip before the page, where no neighbouring page gives a cursor
    // (a jump into the middle); forward only, without a cursor.
    int offset = 0;

    bool operator==(const UserQuery &) const = default;
};

struct UserPage
{
    QList<User> users;
    bool atEnd = false; // no rows after this page (backward: before it)
    // Sort values of the first and last row, as cursors for the neighbours.
    QString firstKey;
    QString lastKey;
};

// What the signed-in person may do, from their own rows in the data source.
struct AccountAccess
{
    bool userFound = false; // a User row with this Clerk ID exists
    User user;
    QStringList activeRoles;     // as of now
    bool rolesSupported = false; // the schema has roles at all
    // The database login itself may not write (a rolecall_reader login).
    bool databaseReadOnly = false;
    // The admin API server's own reason this person may not write (GET /me's
    // readOnlyReason): it wins over the one judged here, which cannot know
    // the server's rules. Empty in direct mode.
    QString serverReadOnlyReason;

    // Only an active ADMIN may change anything, and only through a login
    // that may write.
    bool canWrite() const
    {
        return serverReadOnlyReason.isEmpty() && !databaseReadOnly &&
               activeRoles.contains(QStringLiteral("ADMIN"));
    }
    // Why the console is read-only for this person; empty when it is not.
    QString readOnlyReason() const;
};

} // namespace rolecall

Q_DECLARE_METATYPE(rolecall::User)
Q_DECLARE_METATYPE(rolecall::SchemaInfo)
