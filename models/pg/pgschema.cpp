#include "pg/pgschema.h"

#include "domain/datasourceerror.h"

#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace rolecall {

QString quoteIdentifier(const QString &name)
{
    QString quoted = name;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

namespace {

[[noreturn]] void throwQueryError(const QSqlQuery &query, const QString &what)
{
    const QSqlError error = query.lastError();
    const QString detail =
        error.databaseText().trimmed().isEmpty() ? error.text() : error.databaseText().simplified();
    // A statement or lock timeout (or a cancel) is the database not answering
    // in time, like a slow network: the caller keeps its input and may retry.
    const QString code = error.nativeErrorCode();
    if (code == QLatin1String("57014") || code == QLatin1String("55P03"))
        throw DataSourceError(
            DataSourceError::Kind::Connection,
            QStringLiteral("The database did not answer in time (%1): %2").arg(what, detail));
    throw DataSourceError(DataSourceError::Kind::Query,
                          QStringLiteral("Could not %1: %2").arg(what, detail));
}

} // namespace

void execOrThrow(QSqlQuery &query, const QString &what)
{
    if (!query.exec())
        throwQueryError(query, what);
}

void execSqlOrThrow(QSqlQuery &query, const QString &sql, const QString &what)
{
    if (!query.exec(sql))
        throwQueryError(query, what);
}

bool auditTableExists(QSqlDatabase &db)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    execSqlOrThrow(
        q,
        QStringLiteral(
            "SELECT EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = "
            "c.relnamespace WHERE c.relname = 'RolecallAuditEvent' "
            "AND n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm', 'f'))"),
        QStringLiteral("look for the audit table"));
    return q.next() && q.value(0).toBool();
}

namespace {

QStringList missingFrom(const QSet<QString> &have, const QStringList &needed)
{
    QStringList missing;
    for (const QString &column : needed) {
        if (!have.contains(column))
            missing << quoteIdentifier(column);
    }
    return missing;
}

} // namespace

SchemaInfo detectPgSchema(QSqlDatabase &db)
{
    SchemaInfo info;

    QSqlQuery schemaQuery(db);
    schemaQuery.prepare(QStringLiteral("SELECT current_schema(), current_database()"));
    execOrThrow(schemaQuery, QStringLiteral("read the current schema"));
    schemaQuery.next();
    info.searchPath = schemaQuery.value(0).toString();
    const QString database = schemaQuery.value(1).toString();
    if (info.searchPath.isEmpty()) {
        info.problem =
            QStringLiteral("the search_path of database \"%1\" names no existing schema.")
                .arg(database);
        return info;
    }

    QSqlQuery columns(db);
    columns.prepare(QStringLiteral("SELECT table_name, column_name FROM information_schema.columns "
                                   "WHERE table_schema = current_schema() "
                                   "AND table_name IN ('User', 'UserRole')"));
    execOrThrow(columns, QStringLiteral("read the table columns"));
    QSet<QString> userColumns;
    QSet<QString> userRoleColumns;
    while (columns.next()) {
        const QString table = columns.value(0).toString();
        (table == QLatin1String("User") ? userColumns : userRoleColumns)
            << columns.value(1).toString();
    }

    if (userColumns.isEmpty()) {
        info.problem = QStringLiteral("database \"%1\" has no \"User\" table in schema \"%2\". "
                                      "Is this the application's database? (Prisma's ?schema= "
                                      "option in the URL picks another schema.)")
                           .arg(database, info.searchPath);
        return info;
    }

    const QStringList baseUser = {QStringLiteral("id"), QStringLiteral("email"),
                                  QStringLiteral("createdAt"), QStringLiteral("updatedAt")};
    if (userColumns.contains(QStringLiteral("clerkId"))) {
        QStringList missing =
            missingFrom(userColumns, baseUser + QStringList{QStringLiteral("firstName"),
                                                            QStringLiteral("lastName")});
        if (userRoleColumns.isEmpty()) {
            missing << QStringLiteral("table \"UserRole\"");
        } else {
            const QStringList roleNeeded = {QStringLiteral("id"),
                                            QStringLiteral("userId"),
                                            QStringLiteral("role"),
                                            QStringLiteral("effectiveStartDate"),
                                            QStringLiteral("effectiveEndDate"),
                                            QStringLiteral("isActive"),
                                            QStringLiteral("assignedBy"),
                                            QStringLiteral("assignedByEmail"),
                                            QStringLiteral("reason"),
                                            QStringLiteral("adminNotes"),
                                            QStringLiteral("createdAt"),
                                            QStringLiteral("updatedAt")};
            const QStringList roleMissing = missingFrom(userRoleColumns, roleNeeded);
            for (const QString &column : roleMissing)
                missing << QStringLiteral("\"UserRole\".") + column;
        }
        QSqlQuery labels(db);
        labels.prepare(QStringLiteral(
            "SELECT e.enumlabel FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid "
            "JOIN pg_namespace n ON n.oid = t.typnamespace "
            "WHERE t.typname = 'Role' AND n.nspname = current_schema() ORDER BY e.enumsortorder"));
        execOrThrow(labels, QStringLiteral("read the Role enum"));
        while (labels.next())
            info.roles << labels.value(0).toString();
        if (info.roles.isEmpty())
            missing << QStringLiteral("enum type \"Role\"");
        if (!missing.isEmpty()) {
            info.roles.clear();
            info.problem =
                QStringLiteral("it looks like Akako LMS (\"User\".\"clerkId\") but lacks %1.")
                    .arg(missing.join(QStringLiteral(", ")));
            return info;
        }
        info.kind = SchemaKind::AkakoLms;
        return info;
    }

    if (userColumns.contains(QStringLiteral("password"))) {
        const QStringList missing =
            missingFrom(userColumns, baseUser + QStringList{QStringLiteral("name")});
        if (!missing.isEmpty()) {
            info.problem =
                QStringLiteral("it looks like SehatScan (\"User\".\"password\") but lacks %1.")
                    .arg(missing.join(QStringLiteral(", ")));
            return info;
        }
        info.kind = SchemaKind::SehatScan;
        return info;
    }

    info.problem = QStringLiteral("table \"User\" in database \"%1\" has neither \"clerkId\" "
                                  "(Akako LMS) nor \"password\" (SehatScan).")
                       .arg(database);
    return info;
}

} // namespace rolecall
