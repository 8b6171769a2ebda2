#include "pg/pgsearchplan.h"

#include "pg/pgschema.h"

#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariant>

namespace rolecall {

namespace {

struct UsersTable
{
    bool keysetIndex = false; // a valid index on ("createdAt", "id", ...)
    double rows = -1;         // pg_class.reltuples: -1 or 0 before the first ANALYZE
};

UsersTable usersTable(QSqlDatabase &db)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    execSqlOrThrow(q, QStringLiteral(R"(SELECT t.reltuples, EXISTS (SELECT 1 FROM pg_index i
          WHERE i.indrelid = t.oid AND i.indisvalid
          AND i.indpred IS NULL AND i.indnkeyatts >= 2
          AND i.indkey[0] = (SELECT a.attnum FROM pg_attribute a
                             WHERE a.attrelid = t.oid AND a.attname = 'createdAt')
          AND i.indkey[1] = (SELECT a.attnum FROM pg_attribute a
                             WHERE a.attrelid = t.oid AND a.attname = 'id'))
        FROM pg_class t JOIN pg_namespace n ON n.oid = t.relnamespace
        WHERE n.nspname = current_schema() AND t.relname = 'User')"),
                   QStringLiteral("look for the users keyset index"));
    UsersTable table;
    if (q.next()) {
        table.rows = q.value(0).toDouble();
        table.keysetIndex = q.value(1).toBool();
    }
    return table;
}

} // namespace

SearchStart chooseSearchStart(QSqlDatabase &db, const PgStatement &matches, int pageRows,
                              int walkBudget)
{
    const UsersTable table = usersTable(db);
    if (!table.keysetIndex)
        return SearchStart::Planner;
    if (table.rows <= 0)
        return SearchStart::WalkFirst; // no statistics: nothing to judge by

    QSqlQuery q(db);
    PgStatement explain = matches;
    explain.sql = QStringLiteral("EXPLAIN ") + matches.sql;
    execStatement(q, explain, QStringLiteral("estimate the search's matches"));
    bool throughIndex = true;
    double estimated = -1;
    static const QRegularExpression rowsPattern(QStringLiteral(R"(\brows=(\d+))"));
    while (q.next()) {
        const QString line = q.value(0).toString();
        if (line.contains(QLatin1String("Seq Scan")))
            throughIndex = false;
        if (estimated < 0) {
            const QRegularExpressionMatch match = rowsPattern.match(line);
            if (match.hasMatch())
                estimated = match.captured(1).toDouble();
        }
    }
    if (!throughIndex || estimated < 0)
        return SearchStart::WalkFirst;
    const double expectedInWalk = estimated / table.rows * walkBudget;
    return expectedInWalk * 2 >= pageRows + 1 ? SearchStart::WalkFirst : SearchStart::Planner;
}

} // namespace rolecall
