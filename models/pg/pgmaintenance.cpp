#include "pg/pgmaintenance.h"

#include "domain/datasourceerror.h"
#include "pg/pgrolewriter.h"
#include "pg/pgrolewriter_p.h"
#include "pg/pgschema.h"
#include "pg/pgusersquery.h"

#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace rolecall {

namespace {

const QString indexPrefix = QStringLiteral("CREATE INDEX CONCURRENTLY IF NOT EXISTS ");
const QString trgmExtension = QStringLiteral("CREATE EXTENSION IF NOT EXISTS pg_trgm");

// The key columns of every valid, non-partial index of `table` in the current
// schema, in key order; an expression key is an empty name.
QList<QStringList> indexColumns(QSqlDatabase &db, const QString &table)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral(R"(SELECT array_to_string(ARRAY(
            SELECT coalesce(a.attname::text, '')
            FROM unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
            LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
            ORDER BY k.ord), chr(31))
        FROM pg_index i
        JOIN pg_class t ON t.oid = i.indrelid
        JOIN pg_namespace n ON n.oid = t.relnamespace
        WHERE n.nspname = current_schema() AND t.relname = :table
          AND i.indisvalid AND i.indpred IS NULL)"));
    q.bindValue(QStringLiteral(":table"), table);
    execOrThrow(q, QStringLiteral("read the indexes of %1").arg(table));
    QList<QStringList> indexes;
    while (q.next())
        indexes << q.value(0).toString().split(QChar(31));
    return indexes;
}

bool hasLeadingColumns(const QList<QStringList> &indexes, const QStringList &columns)
{
    for (const QStringList &keys : indexes) {
        if (keys.mid(0, columns.size()) == columns)
            return true;
    }
    return false;
}

// A valid index of this name in the current schema: how the expression and
// partial indexes below are recognised.
bool hasIndexNamed(QSqlDatabase &db, const QString &name)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral(R"(SELECT 1 FROM pg_index i
        JOIN pg_class c ON c.oid = i.indexrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = current_schema() AND c.relname = :name AND i.indisvalid)"));
    q.bindValue(QStringLiteral(":name"), name);
    execOrThrow(q, QStringLiteral("look for index %1").arg(name));
    return q.next();
}

// A valid GIN trigram index on `table` in the current schema.
bool hasTrigramIndex(QSqlDatabase &db, const QString &table)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral(R"(SELECT 1 FROM pg_index i
        JOIN pg_class c ON c.oid = i.indexrelid
        JOIN pg_class t ON t.oid = i.indrelid
        JOIN pg_namespace n ON n.oid = t.relnamespace
        JOIN pg_am am ON am.oid = c.relam
        WHERE n.nspname = current_schema() AND t.relname = :table AND i.indisvalid
          AND am.amname = 'gin' AND EXISTS (
              SELECT 1 FROM unnest(i.indclass::oid[]) AS k(opclass)
              JOIN pg_opclass o ON o.oid = k.opclass WHERE o.opcname = 'gin_trgm_ops'))"));
    q.bindValue(QStringLiteral(":table"), table);
    execOrThrow(q, QStringLiteral("look for a trigram index"));
    return q.next();
}

struct Trigram
{
    bool usable = false;
    QString opclass; // schema-qualified when installed
    bool needsExtension = false;
};

Trigram trigramSupport(QSqlDatabase &db)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral(R"(SELECT
        (SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
         WHERE e.extname = 'pg_trgm'),
        EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'))"));
    execOrThrow(q, QStringLiteral("look for pg_trgm"));
    Trigram trigram;
    if (!q.next())
        return trigram;
    if (!q.value(0).isNull()) {
        trigram.usable = true;
        trigram.opclass = quoteIdentifier(q.value(0).toString()) + QStringLiteral(".gin_trgm_ops");
    } else if (q.value(1).toBool()) {
        trigram.usable = true;
        trigram.needsExtension = true;
        trigram.opclass = QStringLiteral("gin_trgm_ops");
    }
    return trigram;
}

QString createIndex(const QString &name, const QString &table, const QString &keys)
{
    return indexPrefix + quoteIdentifier(name) + QStringLiteral(" ON ") + quoteIdentifier(table) +
           keys + QLatin1Char(';');
}

void execPlain(QSqlDatabase &db, const QString &sql, const QString &what)
{
    // DDL and SET cannot be prepared; these statements carry no values.
    QSqlQuery q(db);
    if (!q.exec(sql))
        throw DataSourceError(DataSourceError::Kind::Query,
                              QStringLiteral("Could not %1: %2")
                                  .arg(what, q.lastError().databaseText().simplified()));
}

// Drops the INVALID index `name` a failed concurrent build leaves behind.
void dropInvalidIndex(QSqlDatabase &db, const QString &name)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral(R"(SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname)
        FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = current_schema() AND c.relname = :name AND NOT i.indisvalid)"));
    q.bindValue(QStringLiteral(":name"), name);
    if (!q.exec() || !q.next())
        return;
    QSqlQuery drop(db);
    drop.exec(QStringLiteral("DROP INDEX CONCURRENTLY IF EXISTS ") + q.value(0).toString());
}

// The Grants screen's keyset index and one per kind of audit event, each on
// exactly the instant and event id its branch of pgauditquery.cpp orders by,
// so a page of either is an index walk from its cursor. Costs measured at
// 1,000,000 users and 911,001 grants (rolecall-bench, docs/performance.md).
QList<IndexAdvice> grantAndAuditAdvice(QSqlDatabase &db, const QList<QStringList> &roleIndexes)
{
    const QString userRole = QStringLiteral("UserRole");
    IndexAdvice grants;
    grants.name = QStringLiteral("UserRole_createdAt_id_idx");
    grants.purpose = QStringLiteral("keyset paging of the Grants screen");
    grants.cost = QStringLiteral("each grants page sorts all of UserRole (about 0.3 s per page at "
                                 "1M grants)");
    grants.sql = createIndex(grants.name, userRole, QStringLiteral(R"( ("createdAt", "id"))"));
    grants.present =
        hasLeadingColumns(roleIndexes, {QStringLiteral("createdAt"), QStringLiteral("id")});

    IndexAdvice granted;
    granted.name = QStringLiteral("UserRole_audit_granted_idx");
    granted.purpose = QStringLiteral("audit trail: granted and scheduled events, newest first");
    granted.cost = QStringLiteral("each audit page sorts all of UserRole (with the two indexes "
                                  "below missing too, about 1.2 s per page at 1M grants)");
    granted.sql = createIndex(
        granted.name, userRole,
        QStringLiteral(
            R"( ("createdAt", ("id" || ':' || CASE WHEN "effectiveStartDate" <= "createdAt" THEN 'granted' ELSE 'scheduled' END)))"));

    IndexAdvice ended;
    ended.name = QStringLiteral("UserRole_audit_ended_idx");
    ended.purpose = QStringLiteral("audit trail: ended grants by their end, newest first");
    ended.cost = QStringLiteral("each audit page scans all of UserRole for the ended grants");
    ended.sql = createIndex(
        ended.name, userRole,
        QStringLiteral(
            R"( ((COALESCE("effectiveEndDate", "updatedAt")), ("id" || ':ended')) WHERE NOT "isActive")"));

    IndexAdvice expired;
    expired.name = QStringLiteral("UserRole_audit_expired_idx");
    expired.purpose = QStringLiteral("audit trail: expired grants by their end date");
    expired.cost = QStringLiteral("each audit page scans all of UserRole for the expired grants");
    expired.sql = createIndex(
        expired.name, userRole,
        QStringLiteral(
            R"( ("effectiveEndDate", ("id" || ':expired')) WHERE "isActive" AND "effectiveEndDate" IS NOT NULL)"));

    QList<IndexAdvice> advice{grants, granted, ended, expired};
    for (qsizetype i = 1; i < advice.size(); ++i)
        advice[i].present = hasIndexNamed(db, advice[i].name);

    // Derived events the audit table also recorded are looked up by grant.
    if (auditTableExists(db)) {
        IndexAdvice recorded;
        recorded.name = QStringLiteral("RolecallAuditEvent_grantId_idx");
        recorded.purpose = QStringLiteral("audit trail: events the audit table recorded, by grant");
        recorded.cost =
            QStringLiteral("each audit page reads the whole audit table once per kind of "
                           "event");
        recorded.sql = createIndex(recorded.name, QStringLiteral("RolecallAuditEvent"),
                                   QStringLiteral(R"( ("grantId", "action"))"));
        recorded.present = hasLeadingColumns(indexColumns(db, QStringLiteral("RolecallAuditEvent")),
                                             {QStringLiteral("grantId")});
        advice << recorded;
    }
    return advice;
}

} // namespace

QList<IndexAdvice> adviseIndexes(QSqlDatabase &db, const SchemaInfo &schema)
{
    QList<IndexAdvice> advice;
    if (schema.kind != SchemaKind::AkakoLms && schema.kind != SchemaKind::SehatScan)
        return advice;
    const bool akako = schema.kind == SchemaKind::AkakoLms;
    const QString user = QStringLiteral("User");
    const QList<QStringList> userIndexes = indexColumns(db, user);

    if (akako) {
        const QString userRole = QStringLiteral("UserRole");
        // The columns that decide "held now" are included, so the Overview's
        // role holders are an index-only scan in ("userId", "role") order.
        // (It replaces the plain "userId" index advised before.)
        IndexAdvice roles;
        roles.name = QStringLiteral("UserRole_userId_role_idx");
        roles.purpose =
            QStringLiteral("active roles of a page, the role filters and the Overview's role "
                           "holders");
        roles.cost = QStringLiteral(
            "each users page scans all of UserRole (about 0.5 s per page at 1M users); with "
            "only a plain \"userId\" index the Overview's role holders take about 2 s instead "
            "of 1 s");
        roles.sql =
            createIndex(roles.name, userRole,
                        QStringLiteral(R"( ("userId", "role") INCLUDE ("effectiveStartDate", )"
                                       R"("effectiveEndDate", "isActive", "updatedAt"))"));
        const QList<QStringList> roleIndexes = indexColumns(db, userRole);
        roles.present = hasLeadingColumns(
            roleIndexes, {QStringLiteral("userId"), QStringLiteral("role"),
                          QStringLiteral("effectiveStartDate"), QStringLiteral("effectiveEndDate"),
                          QStringLiteral("isActive"), QStringLiteral("updatedAt")});
        advice << roles;
        advice << grantAndAuditAdvice(db, roleIndexes);
    }

    IndexAdvice paging;
    paging.name = QStringLiteral("User_createdAt_id_idx");
    paging.purpose = QStringLiteral("keyset paging of the users list");
    paging.cost = QStringLiteral("each page sorts the whole User table");
    paging.sql = createIndex(paging.name, user, QStringLiteral(" (\"createdAt\", \"id\")"));
    paging.present =
        hasLeadingColumns(userIndexes, {QStringLiteral("createdAt"), QStringLiteral("id")});
    advice << paging;

    const Trigram trigram = trigramSupport(db);
    if (trigram.usable) {
        const QString expression = userSearchExpression(schema.kind, QString());
        IndexAdvice search;
        search.name = QStringLiteral("User_search_trgm_idx");
        // The same expression the users search matches, so the planner uses it.
        search.purpose =
            QStringLiteral("substring search of users by name, email and Clerk ID (trigram GIN)");
        search.cost = QStringLiteral("each search scans the whole User table");
        search.sql = createIndex(search.name, user,
                                 QStringLiteral(" USING gin ((") + expression +
                                     QStringLiteral(") ") + trigram.opclass + QLatin1Char(')'));
        if (trigram.needsExtension)
            search.sql = trgmExtension + QStringLiteral(";\n") + search.sql;
        search.present = !trigram.needsExtension && hasTrigramIndex(db, user);
        advice << search;
    }
    return advice;
}

void requireSchemaRights(QSqlDatabase &db, const std::optional<Actor> &actor)
{
    if (actor) {
        QSqlQuery roles(db);
        if (roles.exec(QStringLiteral(R"(SELECT to_regclass('"UserRole"') IS NOT NULL)")) &&
            roles.next() && !roles.value(0).toBool())
            throw DataSourceError(DataSourceError::Kind::NotPermitted,
                                  QStringLiteral("This database has no roles, so nobody is its "
                                                 "ADMIN; use --as-owner with the login that "
                                                 "owns the tables."));
        writer::requireAdmin(db, *actor, false);
        return;
    }
    QSqlQuery owner(db);
    owner.prepare(QStringLiteral(R"(SELECT pg_has_role(session_user, c.relowner, 'USAGE')
        FROM pg_class c WHERE c.oid = to_regclass('"User"'))"));
    if (!owner.exec() || !owner.next() || !owner.value(0).toBool())
        throw DataSourceError(
            DataSourceError::Kind::NotPermitted,
            QStringLiteral("--as-owner: the database login %1 does not own the "
                           "tables; sign in as an active ADMIN instead.")
                .arg(db.userName().isEmpty() ? QStringLiteral("in use") : db.userName()));
}

void runIndexStatement(QSqlDatabase &db, const QString &sql, const std::optional<Actor> &actor)
{
    QStringList statements;
    const QStringList lines = sql.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const QString &line : lines) {
        QString statement = line.trimmed();
        if (statement.endsWith(QLatin1Char(';')))
            statement.chop(1);
        if (statement.isEmpty())
            continue;
        if (statement != trgmExtension &&
            (!statement.startsWith(indexPrefix) || statement.contains(QLatin1Char(';'))))
            throw DataSourceError(
                DataSourceError::Kind::Validation,
                QStringLiteral("Only CREATE INDEX CONCURRENTLY IF NOT EXISTS statements (and "
                               "CREATE EXTENSION IF NOT EXISTS pg_trgm) can run here, not: %1")
                    .arg(statement));
        statements << statement;
    }

    // Held until the last statement is done: ending an ADMIN grant takes this
    // lock exclusively, so the check below stays true for the whole build.
    execPlain(db, QStringLiteral("SELECT pg_advisory_lock_shared(hashtext('rolecall-admins'))"),
              QStringLiteral("wait for other role changes"));
    const auto unlock = [&db]() {
        QSqlQuery q(db);
        q.exec(QStringLiteral("SELECT pg_advisory_unlock_shared(hashtext('rolecall-admins'))"));
    };
    try {
        writer::Transaction tx(db, QStringLiteral("60s"));
        requireSchemaRights(db, actor);
        tx.commit();
    } catch (...) {
        unlock();
        throw;
    }

    // A big table takes longer than the session's statement timeout.
    QSqlQuery show(db);
    const QString timeout = show.exec(QStringLiteral("SHOW statement_timeout")) && show.next()
                                ? show.value(0).toString()
                                : QStringLiteral("60s");
    execPlain(db, QStringLiteral("SET statement_timeout = 0"), QStringLiteral("lift the timeout"));
    const auto restoreTimeout = [&db, &timeout]() {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("SELECT set_config('statement_timeout', :value, false)"));
        q.bindValue(QStringLiteral(":value"), timeout);
        q.exec();
    };

    static const QRegularExpression namePattern(
        QStringLiteral(R"re(^CREATE INDEX CONCURRENTLY IF NOT EXISTS "((?:[^"]|"")+)" ON )re"));
    try {
        for (const QString &statement : std::as_const(statements)) {
            const QRegularExpressionMatch match = namePattern.match(statement);
            const QString name =
                match.hasMatch()
                    ? match.captured(1).replace(QStringLiteral("\"\""), QStringLiteral("\""))
                    : QString();
            // IF NOT EXISTS would keep an INVALID leftover of an earlier run.
            if (!name.isEmpty())
                dropInvalidIndex(db, name);
            QSqlQuery q(db);
            if (!q.exec(statement)) {
                const QString message = q.lastError().databaseText().simplified();
                if (!name.isEmpty())
                    dropInvalidIndex(db, name);
                throw DataSourceError(
                    DataSourceError::Kind::Query,
                    name.isEmpty()
                        ? QStringLiteral("Could not install pg_trgm: %1").arg(message)
                        : QStringLiteral("Could not create index %1: %2").arg(name, message));
            }
        }
    } catch (...) {
        restoreTimeout();
        unlock();
        throw;
    }
    restoreTimeout();
    unlock();
}

bool installAuditTableAs(QSqlDatabase &db, const SchemaInfo &schema,
                         const std::optional<Actor> &actor)
{
    writer::requireRoleSchema(schema);
    // Thrown out of the transaction when the table is there: rolled back.
    struct AlreadyThere
    {};
    try {
        installAuditTable(db, [&actor](QSqlDatabase &tx) {
            requireSchemaRights(tx, actor);
            if (auditTableExists(tx))
                throw AlreadyThere();
        });
    } catch (const AlreadyThere &) {
        return false;
    }
    return true;
}

} // namespace rolecall
