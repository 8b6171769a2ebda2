#include "pg/pgcsv.h"

#include "pg/pgusersquery.h"

#include <QStringList>

namespace rolecall {

namespace {

// What QString::trimmed() takes away: every UTF-16 unit QChar::isSpace()
// calls space (asked of Qt, so the two agree whatever its Unicode version).
QString qtSpaces()
{
    static const QString spaces = [] {
        QString all;
        for (char32_t c = 0; c <= 0xffff; ++c) {
            if (QChar::isSpace(c))
                all += QChar(char16_t(c));
        }
        return all;
    }();
    return spaces;
}

// Epoch milliseconds of 0001-01-01T00:00:00Z and of 10000-01-01T00:00:00Z:
// isoUtc() writes the years in between, Qt nothing outside them.
constexpr qint64 firstIsoMillis = -62135596800000;
constexpr qint64 pastIsoMillis = 253402300800000;
constexpr qint64 msPerDay = 86400000;

} // namespace

QString csvFieldSql(const QString &textExpression)
{
    return QStringLiteral(R"(('"' || replace(regexp_replace(coalesce(%1, ''), :csvGuard, )"
                          R"(:csvGuardAs, 'g'), '"', '""') || '"'))")
        .arg(textExpression);
}

QVariantMap csvGuardValues()
{
    // A formula character where a cell starts: at the field's start or after
    // a character a spreadsheet may split cells at (the negative look-behind
    // of "not a splitter" holds at the start too). Each match is one
    // character, so a run of them is each guarded, as csvField() does.
    return {{QStringLiteral("csvGuard"), QStringLiteral("(?<![^,;\t\r\n])([=+@\t\r-])")},
            {QStringLiteral("csvGuardAs"), QStringLiteral("'\\1")}};
}

QString isoUtcSql(const QString &epochMillisExpression)
{
    // Whole days and the milliseconds of the day added as integers: exact,
    // where one interval of the full count would pass through a double.
    return QStringLiteral(R"((CASE WHEN %1 >= %2 AND %1 < %3 THEN to_char(
        timestamp '1970-01-01' + (%1 / %4) * interval '1 day' + (%1 % %4) * interval '1 millisecond',
        'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') ELSE '' END))")
        .arg(epochMillisExpression)
        .arg(firstIsoMillis)
        .arg(pastIsoMillis)
        .arg(msPerDay);
}

namespace {

// The SQL of one column's CSV field over the list's row "s".
QString columnFieldSql(UserCsvColumn column)
{
    // An instant's field holds digits, '-', ':', 'T', '.' and 'Z' only, and
    // starts with a digit: quoted, nothing to guard.
    const auto instant = [](const QString &millis) -> QString {
        return QStringLiteral(R"('"' || )") + isoUtcSql(millis) + QStringLiteral(R"( || '"')");
    };
    switch (column) {
    case UserCsvColumn::Id:
        return csvFieldSql(QStringLiteral(R"(s."id")"));
    case UserCsvColumn::ClerkId:
        return csvFieldSql(QStringLiteral(R"(s."clerkId")"));
    case UserCsvColumn::Email:
        return csvFieldSql(QStringLiteral(R"(s."email")"));
    case UserCsvColumn::FirstName:
        return csvFieldSql(QStringLiteral(R"(s."firstName")"));
    case UserCsvColumn::LastName:
        return csvFieldSql(QStringLiteral(R"(s."lastName")"));
    case UserCsvColumn::Name:
        // User::displayName(): both names joined by a space, trimmed.
        return csvFieldSql(QStringLiteral(R"(btrim(coalesce(s."firstName", '') || ' ' || )"
                                          R"(coalesce(s."lastName", ''), :nameSpaces))"));
    case UserCsvColumn::ActiveRoles:
        // The roles as the list reads them (joined by ','), joined anew.
        return csvFieldSql(QStringLiteral(R"(replace(s."roles", ',', :rolesSeparator))"));
    case UserCsvColumn::CreatedAt:
        return instant(QStringLiteral(R"(s."createdAtMs")"));
    case UserCsvColumn::UpdatedAt:
        return instant(QStringLiteral(R"(s."updatedAtMs")"));
    }
    return {};
}

} // namespace

PgStatement userCsvStatement(QSqlDatabase &db, const SchemaInfo &schema, const UserQuery &query,
                             const UserCsvLayout &layout)
{
    PgStatement list = userListStatement(db, schema, query);
    QStringList fields;
    for (const UserCsvColumn column : layout.columns)
        fields << columnFieldSql(column);
    const QString dir = query.ascending ? QStringLiteral(" ASC") : QStringLiteral(" DESC");
    PgStatement statement;
    // The outer ORDER BY is the inner one's: the planner keeps the inner order
    // and adds no sort, and the order no longer rests on a subquery's.
    statement.sql = QStringLiteral("SELECT ") + fields.join(QStringLiteral(" || ',' || ")) +
                    QStringLiteral(R"( || E'\r\n' FROM ()") + list.sql +
                    QStringLiteral(R"() s ORDER BY s."sortKey")") + dir +
                    QStringLiteral(R"(, s."id")") + dir;
    statement.values = list.values;
    statement.values.insert(csvGuardValues());
    statement.values.insert(QStringLiteral("nameSpaces"), qtSpaces());
    statement.values.insert(QStringLiteral("rolesSeparator"), layout.rolesSeparator);
    return statement;
}

} // namespace rolecall
