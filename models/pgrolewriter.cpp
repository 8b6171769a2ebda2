#include "pgrolewriter.h"

#include "datasourceerror.h"

namespace rolecall {

namespace {
[[noreturn]] void notYet()
{
    throw DataSourceError(DataSourceError::Kind::Query, QStringLiteral("Not available yet."));
}
} // namespace

RoleGrant writeGrant(QSqlDatabase &, const SchemaInfo &, const Actor &, const GrantRequest &)
{
    notYet();
}

RoleGrant writeEndGrant(QSqlDatabase &, const SchemaInfo &, const Actor &, const EndRequest &)
{
    notYet();
}

BulkPlan planBulk(QSqlDatabase &, const SchemaInfo &, const Actor &, const BulkGrantRequest &)
{
    notYet();
}

QList<RoleGrant> writeBulkGrant(QSqlDatabase &, const SchemaInfo &, const Actor &,
                                const BulkGrantRequest &)
{
    notYet();
}

} // namespace rolecall
