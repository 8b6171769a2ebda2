#include "sync/syncstatus.h"

#include <QElapsedTimer>

namespace rolecall {

namespace {

struct StatusName
{
    SyncStatus status;
    const char *name;
};

constexpr StatusName statusNames[] = {
    {SyncStatus::InSync, "in-sync"},
    {SyncStatus::MissingInDatabase, "missing"},
    {SyncStatus::Orphaned, "orphaned"},
    {SyncStatus::Drifted, "drifted"},
    {SyncStatus::NoDefaultRole, "no-default-role"},
    {SyncStatus::EmailConflict, "email-conflict"},
    {SyncStatus::PasswordAccount, "password-account"},
};

} // namespace

QString syncStatusName(SyncStatus status)
{
    for (const StatusName &entry : statusNames)
        if (entry.status == status)
            return QString::fromLatin1(entry.name);
    return {};
}

std::optional<SyncStatus> syncStatusFromName(const QString &name)
{
    for (const StatusName &entry : statusNames)
        if (name.compare(QLatin1String(entry.name), Qt::CaseInsensitive) == 0)
            return entry.status;
    return std::nullopt;
}

QList<SyncStatus> allSyncStatuses()
{
    QList<SyncStatus> list;
    for (const StatusName &entry : statusNames)
        list << entry.status;
    return list;
}

SyncTarget syncTargetOf(SchemaKind kind, const ClerkUser &user)
{
    SyncTarget target;
    if (kind == SchemaKind::SehatScan) {
        target.email = user.firstEmail; // clerkUser.emailAddresses[0]?.emailAddress || ""
        target.nameIsNull = !user.hasFirstName;
        if (user.hasFirstName)
            target.name = QString(user.firstName + QLatin1Char(' ') + user.lastName).trimmed();
        return target;
    }
    target.email = user.primaryEmail;
    target.firstName = user.firstName;
    target.lastName = user.lastName;
    return target;
}

QList<FieldDiff> diffOf(SchemaKind kind, const SyncTarget &target, const SyncDbUser &row)
{
    QList<FieldDiff> diffs;
    if (target.email != row.email)
        diffs.append({QStringLiteral("email"), target.email, row.email});
    if (kind == SchemaKind::SehatScan) {
        if (target.nameIsNull != row.nameIsNull || target.name != row.name)
            diffs.append({QStringLiteral("name"), target.name, row.name});
        return diffs;
    }
    // Clerk's null and "" are one thing to a person; a column's NULL and '' too.
    if (target.firstName != row.firstName)
        diffs.append({QStringLiteral("firstName"), target.firstName, row.firstName});
    if (target.lastName != row.lastName)
        diffs.append({QStringLiteral("lastName"), target.lastName, row.lastName});
    return diffs;
}

SyncComparer::SyncComparer(SyncDbSnapshot snapshot)
    : m_snapshot(std::move(snapshot))
{
    QElapsedTimer timer;
    timer.start();
    const qsizetype n = m_snapshot.users.size();
    m_byClerkId.reserve(n);
    m_byEmail.reserve(n);
    m_seen.fill(false, n);
    for (qsizetype i = 0; i < n; ++i) {
        const SyncDbUser &row = m_snapshot.users.at(i);
        m_byClerkId.insert(row.clerkId, i);
        if (!row.email.isEmpty())
            m_byEmail.insert(row.email, i);
    }
    m_buildNs = timer.nsecsElapsed();
}

QList<SyncRecord> SyncComparer::addClerkPage(const QList<ClerkUser> &users)
{
    QList<SyncRecord> records;
    records.reserve(users.size());
    for (const ClerkUser &user : users)
        records.append(compare(user));
    return records;
}

SyncRecord SyncComparer::compare(const ClerkUser &user)
{
    const SchemaKind kind = m_snapshot.kind;
    const SyncTarget target = syncTargetOf(kind, user);
    SyncRecord record;
    record.clerkId = user.id;
    record.email = target.email;
    record.name = user.displayName();
    record.clerk = user;

    const auto row = m_byClerkId.constFind(user.id);
    const SyncDbUser *mine = nullptr;
    if (row != m_byClerkId.constEnd()) {
        m_seen[*row] = true;
        mine = &m_snapshot.users.at(*row);
        record.databaseRowId = mine->rowId;
        record.diffs = diffOf(kind, target, *mine);
        if (kind == SchemaKind::AkakoLms) {
            record.lacksDefaultRole = !mine->activeLearner;
            record.neverHadDefaultRole = !mine->everHadLearner;
        }
    }
    // A write of this email would hit User_email_key if another row holds it.
    const auto holder = m_byEmail.constFind(target.email);
    if (!target.email.isEmpty() && holder != m_byEmail.constEnd()) {
        const SyncDbUser &other = m_snapshot.users.at(*holder);
        if (other.clerkId != user.id) {
            record.status = SyncStatus::EmailConflict;
            record.conflictRowId = other.rowId;
            record.conflictClerkId = other.clerkId;
            return record;
        }
    }
    if (!mine)
        record.status = SyncStatus::MissingInDatabase;
    else if (!record.diffs.isEmpty())
        record.status = SyncStatus::Drifted;
    else if (record.lacksDefaultRole)
        record.status = SyncStatus::NoDefaultRole;
    else
        record.status = SyncStatus::InSync;
    return record;
}

QList<SyncRecord> SyncComparer::finish()
{
    QList<SyncRecord> records;
    if (m_finished)
        return records;
    m_finished = true;
    for (qsizetype i = 0; i < m_snapshot.users.size(); ++i) {
        if (m_seen.at(i))
            continue;
        const SyncDbUser &row = m_snapshot.users.at(i);
        SyncRecord record;
        record.clerkId = row.clerkId;
        record.databaseRowId = row.rowId;
        record.email = row.email;
        record.name = m_snapshot.kind == SchemaKind::SehatScan
                          ? row.name
                          : QString(row.firstName + QLatin1Char(' ') + row.lastName).trimmed();
        record.status = row.hasPassword ? SyncStatus::PasswordAccount : SyncStatus::Orphaned;
        records.append(std::move(record));
    }
    return records;
}

} // namespace rolecall
