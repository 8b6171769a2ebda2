#include "domain/domain.h"

namespace rolecall {

QString User::displayName() const
{
    const QString joined = QStringList{firstName, lastName}.join(QLatin1Char(' ')).trimmed();
    return joined;
}

bool RoleGrant::isActiveAt(const QDateTime &instant) const
{
    return isActiveFlag && effectiveStart <= instant &&
           (!effectiveEnd.isValid() || effectiveEnd > instant);
}

QString schemaKindName(SchemaKind kind)
{
    switch (kind) {
    case SchemaKind::AkakoLms:
        return QStringLiteral("Akako LMS");
    case SchemaKind::SehatScan:
        return QStringLiteral("SehatScan");
    case SchemaKind::Unknown:
        return QStringLiteral("unknown");
    }
    return {};
}

QString SchemaInfo::describe() const
{
    switch (kind) {
    case SchemaKind::AkakoLms:
        return QStringLiteral("Akako LMS schema (roles: %1)").arg(roles.join(QStringLiteral(", ")));
    case SchemaKind::SehatScan:
        return QStringLiteral("SehatScan schema (no roles)");
    case SchemaKind::Unknown:
        return QStringLiteral("Not a recognised schema: %1").arg(problem);
    }
    return {};
}

QString AccountAccess::readOnlyReason() const
{
    if (!serverReadOnlyReason.isEmpty())
        return serverReadOnlyReason;
    if (!userFound)
        return QStringLiteral(
            "You have no user record in this database, so the console is read-only.");
    if (!rolesSupported)
        return QStringLiteral("This database has no roles, so the console is read-only.");
    if (databaseReadOnly)
        return QStringLiteral(
            "The database login has read rights only, so the console is read-only.");
    if (!canWrite())
        return QStringLiteral("Only an active ADMIN may change anything; your active roles: %1.")
            .arg(activeRoles.isEmpty() ? QStringLiteral("none")
                                       : activeRoles.join(QStringLiteral(", ")));
    return {};
}

} // namespace rolecall
