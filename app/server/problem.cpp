#include "server/problem.h"

#include <QJsonDocument>

namespace rolecall::server {

using apijson::ProblemType;

QByteArray Problem::toJson() const
{
    apijson::Problem document{type, title, status, detail, {}, reason};
    for (const auto &[field, message] : errors)
        document.errors.append({field, message});
    return QJsonDocument(apijson::toJson(document)).toJson(QJsonDocument::Compact);
}

Problem Problem::of(ProblemType type, const QString &detail)
{
    const apijson::Problem made = apijson::makeProblem(type, detail);
    Problem p;
    p.status = made.status;
    p.type = made.type;
    p.title = made.title;
    p.detail = made.detail;
    return p;
}

Problem Problem::http(int status, const QString &detail)
{
    Problem p;
    p.status = status;
    p.type = QStringLiteral("about:blank");
    p.title = QStringLiteral("HTTP %1").arg(status);
    p.detail = detail;
    return p;
}

Problem Problem::busy(const QString &detail, int retryAfterSeconds)
{
    Problem p = http(503, detail);
    p.title = QStringLiteral("Service Unavailable");
    p.retryAfterSeconds = retryAfterSeconds;
    return p;
}

Problem Problem::unauthorized(const QString &detail)
{
    return of(ProblemType::Unauthorized, detail);
}

Problem Problem::notPermitted(const QString &reason)
{
    Problem p = of(ProblemType::NotPermitted, reason);
    p.reason = reason;
    return p;
}

Problem Problem::notFound(const QString &detail)
{
    return of(ProblemType::NotFound, detail);
}

Problem Problem::validation(const QString &detail, const QString &field)
{
    Problem p = of(ProblemType::Validation, detail);
    if (!field.isEmpty())
        p.errors.append({field, detail});
    return p;
}

Problem Problem::stale(const QString &detail)
{
    return of(ProblemType::Stale, detail);
}

Problem Problem::tooLarge(qint64 maxBytes)
{
    return of(ProblemType::PayloadTooLarge,
              QStringLiteral("The request body is larger than %1 bytes.").arg(maxBytes));
}

Problem Problem::rateLimited(int retryAfterSeconds)
{
    Problem p = of(ProblemType::RateLimited,
                   QStringLiteral("Too many requests; try again in %1 s.").arg(retryAfterSeconds));
    p.retryAfterSeconds = retryAfterSeconds;
    return p;
}

Problem Problem::internal(const QString &detail)
{
    return of(ProblemType::Query, detail);
}

Problem Problem::schemaWithoutRoles(const SchemaInfo &schema)
{
    if (schema.kind == SchemaKind::Unknown)
        return of(ProblemType::Schema, schema.describe());
    return of(ProblemType::SchemaWithoutRoles,
              QStringLiteral("This database's schema (%1) has no roles.")
                  .arg(schemaKindName(schema.kind)));
}

Problem problemFor(const DataSourceError &error, bool ifMatchSent)
{
    if (ifMatchSent && error.kind() == DataSourceError::Kind::Conflict)
        return Problem::stale(error.message());
    const apijson::Problem made = apijson::problemFromError(error);
    Problem p;
    p.status = made.status;
    p.type = made.type;
    p.title = made.title;
    p.detail = made.detail;
    p.reason = made.reason;
    for (const apijson::ProblemFieldError &e : made.errors)
        p.errors.append({e.field, e.message});
    if (error.kind() == DataSourceError::Kind::Connection)
        p.retryAfterSeconds = 5;
    return p;
}

} // namespace rolecall::server
