#include "pg/pgrights.h"

#include "domain/cuid.h"
#include "domain/datasourceerror.h"
#include "domain/utctime.h"
#include "pg/pgrolewriter.h"
#include "pg/pgrolewriter_p.h"
#include "pg/pgschema.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace rolecall {

namespace {

QString resourceSql(const QString &path, const QString &schemaName)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw DataSourceError(DataSourceError::Kind::Query,
                              QStringLiteral("The SQL %1 is missing from this build.").arg(path));
    // The name also appears inside string literals: no quote may end them.
    if (schemaName.contains(QLatin1Char('\'')))
        throw DataSourceError(DataSourceError::Kind::Validation,
                              QStringLiteral("Rights cannot be installed in a schema whose name "
                                             "holds a single quote (%1).")
                                  .arg(schemaName));
    return QString::fromUtf8(file.readAll())
        .replace(QStringLiteral("@schema@"), quoteIdentifier(schemaName));
}

bool queryFlag(QSqlDatabase &db, const QString &sql, const QString &what)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    execSqlOrThrow(q, sql, what);
    return q.next() && q.value(0).toBool();
}

// The writer functions' errors: their SQLSTATE says which kind.
void execFunctionOrThrow(QSqlQuery &q, const QString &what)
{
    if (q.exec())
        return;
    const QSqlError error = q.lastError();
    const QString code = error.nativeErrorCode();
    const QString message = error.databaseText().simplified();
    if (code == QLatin1String("RC400"))
        throw DataSourceError(DataSourceError::Kind::Validation, message);
    if (code == QLatin1String("RC403"))
        throw DataSourceError(DataSourceError::Kind::NotPermitted, message);
    if (code == QLatin1String("RC409"))
        throw DataSourceError(DataSourceError::Kind::Conflict, message);
    if (code == QLatin1String("RC428"))
        throw DataSourceError(DataSourceError::Kind::SelfDemotion, message);
    execOrThrow(q, what);
}

void requireOwner(QSqlDatabase &db)
{
    if (!queryFlag(db, QStringLiteral(R"(SELECT pg_has_role(current_user, c.relowner, 'USAGE')
            FROM pg_class c WHERE c.relname = 'User' AND c.relnamespace = current_schema()::regnamespace)"),
                   QStringLiteral("find the owner of the tables")))
        throw DataSourceError(DataSourceError::Kind::NotPermitted,
                              QStringLiteral("Only the owner of the tables (the login the "
                                             "application's migrations run as) may change the "
                                             "database's rights."));
}

void runScript(QSqlDatabase &db, const QString &sql)
{
    writer::Transaction tx(db, QStringLiteral("120s"));
    const QStringList statements = splitSqlStatements(sql);
    for (const QString &statement : statements) {
        QSqlQuery q(db);
        if (!q.exec(statement))
            throw DataSourceError(DataSourceError::Kind::Query,
                                  QStringLiteral("Could not change the rights: %1")
                                      .arg(q.lastError().databaseText().simplified()));
    }
    tx.commit();
}

QVariant timestampOrNull(const QDateTime &instant)
{
    return utcLiteralOrNull(instant.isValid() ? truncatedUtc(instant) : QDateTime());
}

} // namespace

QString tablesSchema(QSqlDatabase &db)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.prepare(QStringLiteral("SELECT current_schema()")))
        execOrThrow(q, QStringLiteral("read the schema"));
    execOrThrow(q, QStringLiteral("read the schema"));
    return q.next() ? q.value(0).toString() : QString();
}

QStringList splitSqlStatements(const QString &sql)
{
    QStringList statements;
    QString current;
    const qsizetype n = sql.size();
    qsizetype i = 0;
    const auto flush = [&statements, &current]() {
        const QString statement = current.trimmed();
        // A chunk of comments only is no statement.
        bool onlyComments = true;
        const QStringList lines = statement.split(QLatin1Char('\n'));
        for (const QString &line : lines) {
            const QString t = line.trimmed();
            if (!t.isEmpty() && !t.startsWith(QLatin1String("--")))
                onlyComments = false;
        }
        if (!onlyComments)
            statements << statement;
        current.clear();
    };
    while (i < n) {
        const QChar c = sql.at(i);
        if (c == QLatin1Char('-') && i + 1 < n && sql.at(i + 1) == QLatin1Char('-')) {
            const qsizetype eol = sql.indexOf(QLatin1Char('\n'), i);
            const qsizetype stop = eol < 0 ? n : eol;
            current += sql.mid(i, stop - i);
            i = stop;
        } else if (c == QLatin1Char('\'') || c == QLatin1Char('"')) {
            // A doubled quote inside is two quoted runs back to back: same result.
            const qsizetype close = sql.indexOf(c, i + 1);
            const qsizetype stop = close < 0 ? n : close + 1;
            current += sql.mid(i, stop - i);
            i = stop;
        } else if (c == QLatin1Char('$')) {
            qsizetype j = i + 1;
            while (j < n && (sql.at(j).isLetterOrNumber() || sql.at(j) == QLatin1Char('_')))
                ++j;
            if (j < n && sql.at(j) == QLatin1Char('$')) {
                const QString tag = sql.mid(i, j - i + 1);
                const qsizetype close = sql.indexOf(tag, j + 1);
                const qsizetype stop = close < 0 ? n : close + tag.size();
                current += sql.mid(i, stop - i);
                i = stop;
            } else {
                current += c;
                ++i;
            }
        } else if (c == QLatin1Char(';')) {
            flush();
            ++i;
        } else {
            current += c;
            ++i;
        }
    }
    flush();
    return statements;
}

QString rightsInstallSql(const QString &schemaName)
{
    return resourceSql(QStringLiteral(":/sql/rights-install.sql"), schemaName);
}

QString rightsUninstallSql(const QString &schemaName)
{
    return resourceSql(QStringLiteral(":/sql/rights-uninstall.sql"), schemaName);
}

bool rightsFunctionsInstalled(QSqlDatabase &db)
{
    return queryFlag(db, QStringLiteral(R"(SELECT EXISTS (SELECT 1 FROM pg_proc p
            WHERE p.proname = 'rolecall_grant_role'
              AND p.pronamespace = current_schema()::regnamespace))"),
                     QStringLiteral("look for the rights functions"));
}

bool auditHasTriggerColumns(QSqlDatabase &db)
{
    return queryFlag(db, QStringLiteral(R"(SELECT EXISTS (SELECT 1 FROM pg_attribute a
            JOIN pg_class c ON c.oid = a.attrelid
            WHERE c.relname = 'RolecallAuditEvent' AND a.attname = 'recordedBy'
              AND NOT a.attisdropped AND c.relnamespace = current_schema()::regnamespace))"),
                     QStringLiteral("look for the audit trigger's columns"));
}

QString loginCanWriteSql(const SchemaInfo &schema)
{
    if (schema.kind == SchemaKind::SehatScan)
        return QStringLiteral(R"(COALESCE((SELECT has_table_privilege(c.oid, 'INSERT')
            FROM pg_class c WHERE c.relname = 'User'
              AND c.relnamespace = current_schema()::regnamespace), false))");
    return QStringLiteral(R"(COALESCE((SELECT has_table_privilege(c.oid, 'INSERT')
            OR EXISTS (SELECT 1 FROM pg_proc p WHERE p.proname = 'rolecall_grant_role'
                AND p.pronamespace = c.relnamespace AND has_function_privilege(p.oid, 'EXECUTE'))
        FROM pg_class c WHERE c.relname = 'UserRole'
          AND c.relnamespace = current_schema()::regnamespace), false))");
}

bool databaseLoginCanWrite(QSqlDatabase &db, const SchemaInfo &schema)
{
    return queryFlag(db, QStringLiteral("SELECT ") + loginCanWriteSql(schema),
                     QStringLiteral("read the login's rights"));
}

RightsStatus readRightsStatus(QSqlDatabase &db, const SchemaInfo &schema)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.prepare(QStringLiteral(R"(SELECT
        EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'rolecall_reader'),
        EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'rolecall_admin'),
        (SELECT count(DISTINCT p.proname) = 3 FROM pg_proc p
         WHERE p.pronamespace = current_schema()::regnamespace
           AND p.proname IN ('rolecall_grant_role', 'rolecall_end_grant', 'rolecall_bulk_grant')),
        EXISTS (SELECT 1 FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
                WHERE t.tgname = 'rolecall_audit' AND c.relname = 'UserRole'
                  AND c.relnamespace = current_schema()::regnamespace),
        COALESCE((SELECT NOT EXISTS (SELECT 1 FROM aclexplode(COALESCE(c.relacl,
                      acldefault('r', c.relowner))) a
                  WHERE a.grantee <> c.relowner
                    AND a.privilege_type IN ('UPDATE', 'DELETE', 'TRUNCATE'))
                  FROM pg_class c WHERE c.relname = 'RolecallAuditEvent'
                    AND c.relnamespace = current_schema()::regnamespace), false))")))
        execOrThrow(q, QStringLiteral("prepare the rights probe"));
    execOrThrow(q, QStringLiteral("read the rights"));
    RightsStatus status;
    if (q.next()) {
        status.readerRole = q.value(0).toBool();
        status.adminRole = q.value(1).toBool();
        status.writerFunctions = q.value(2).toBool();
        status.auditTrigger = q.value(3).toBool();
        status.auditAppendOnly = q.value(4).toBool();
    }
    status.loginCanWrite = databaseLoginCanWrite(db, schema);
    return status;
}

void installRights(QSqlDatabase &db, const SchemaInfo &schema)
{
    writer::requireRoleSchema(schema);
    requireOwner(db);
    if (!auditTableExists(db))
        installAuditTable(db);
    runScript(db, rightsInstallSql(tablesSchema(db)));
}

void uninstallRights(QSqlDatabase &db, const SchemaInfo &schema)
{
    writer::requireRoleSchema(schema);
    requireOwner(db);
    runScript(db, rightsUninstallSql(tablesSchema(db)));
}

namespace rights {

RoleGrant grant(QSqlDatabase &db, const Actor &actor, const QString &userId, const QString &role,
                const QDateTime &start, const QDateTime &end, const QString &reason,
                const QString &notes)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT ") + writer::grantColumns(QStringLiteral("g")) +
              QStringLiteral(R"( FROM rolecall_grant_role(:actor, :actorEmail, :userId, :role,
            CAST(:start AS timestamp), CAST(:end AS timestamp), :reason, :notes, :id) g)"));
    q.bindValue(QStringLiteral(":actor"), actor.clerkId);
    q.bindValue(QStringLiteral(":actorEmail"), writer::textOrNull(actor.email));
    q.bindValue(QStringLiteral(":userId"), userId);
    q.bindValue(QStringLiteral(":role"), role);
    q.bindValue(QStringLiteral(":start"), timestampOrNull(start));
    q.bindValue(QStringLiteral(":end"), timestampOrNull(end));
    q.bindValue(QStringLiteral(":reason"), reason);
    q.bindValue(QStringLiteral(":notes"), writer::textOrNull(notes));
    q.bindValue(QStringLiteral(":id"), makeCuid());
    execFunctionOrThrow(q, QStringLiteral("write the grant"));
    q.next();
    return writer::readGrant(q, 0);
}

RoleGrant endGrant(QSqlDatabase &db, const Actor &actor, const EndRequest &request)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT ") + writer::grantColumns(QStringLiteral("g")) +
              QStringLiteral(R"( FROM rolecall_end_grant(:actor, :actorEmail, :id,
            CAST(:at AS timestamp), :reason, CAST(:expected AS timestamp), :confirm) g)"));
    q.bindValue(QStringLiteral(":actor"), actor.clerkId);
    q.bindValue(QStringLiteral(":actorEmail"), writer::textOrNull(actor.email));
    q.bindValue(QStringLiteral(":id"), request.grantId);
    q.bindValue(QStringLiteral(":at"), timestampOrNull(request.at));
    q.bindValue(QStringLiteral(":reason"), request.reason);
    q.bindValue(QStringLiteral(":expected"), utcLiteralOrNull(request.expectedUpdatedAt));
    q.bindValue(QStringLiteral(":confirm"), request.confirmSelfDemotion);
    execFunctionOrThrow(q, QStringLiteral("end the grant"));
    q.next();
    return writer::readGrant(q, 0);
}

QList<RoleGrant> bulkGrant(QSqlDatabase &db, const Actor &actor, const BulkGrantRequest &request,
                           const QDateTime &start, const QDateTime &end, const QStringList &userIds)
{
    QJsonArray targets;
    for (const QString &id : userIds)
        targets.append(
            QJsonObject{{QStringLiteral("id"), makeCuid()}, {QStringLiteral("userId"), id}});
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT ") + writer::grantColumns(QStringLiteral("g")) +
              QStringLiteral(R"( FROM rolecall_bulk_grant(:actor, :actorEmail, :role,
            CAST(:start AS timestamp), CAST(:end AS timestamp), :reason, :notes,
            CAST(:targets AS json)) g)"));
    q.bindValue(QStringLiteral(":actor"), actor.clerkId);
    q.bindValue(QStringLiteral(":actorEmail"), writer::textOrNull(actor.email));
    q.bindValue(QStringLiteral(":role"), request.role);
    q.bindValue(QStringLiteral(":start"), timestampOrNull(start));
    q.bindValue(QStringLiteral(":end"), timestampOrNull(end));
    q.bindValue(QStringLiteral(":reason"), request.reason);
    q.bindValue(QStringLiteral(":notes"), writer::textOrNull(request.notes));
    q.bindValue(QStringLiteral(":targets"),
                QString::fromUtf8(QJsonDocument(targets).toJson(QJsonDocument::Compact)));
    execFunctionOrThrow(q, QStringLiteral("write the grants"));
    QList<RoleGrant> grants;
    while (q.next())
        grants << writer::readGrant(q, 0);
    return grants;
}

} // namespace rights

} // namespace rolecall
