#include "pgrolesquery.h"

#include "datasourceerror.h"

namespace rolecall {

namespace {
[[noreturn]] void notYet()
{
    throw DataSourceError(DataSourceError::Kind::Query, QStringLiteral("Not available yet."));
}
} // namespace

QList<GrantView> fetchGrantViews(QSqlDatabase &, const SchemaInfo &, const QString &,
                                 const QDateTime &)
{
    notYet();
}

QList<GrantView> fetchExpiringGrants(QSqlDatabase &, const SchemaInfo &, int)
{
    notYet();
}

AuditPage fetchAuditPage(QSqlDatabase &, const SchemaInfo &, const AuditQuery &)
{
    notYet();
}

} // namespace rolecall
