#include "server/problem.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace rolecall::server {

namespace {
const QString typeBase = QStringLiteral("https://rolecall.dev/problems/");
}

QByteArray Problem::toJson() const
{
    QJsonObject body{{QStringLiteral("type"), type},
                     {QStringLiteral("title"), title},
                     {QStringLiteral("status"), status},
                     {QStringLiteral("detail"), detail}};
    if (!reason.isEmpty())
        body.insert(QStringLiteral("reason"), reason);
    if (!errors.isEmpty()) {
        QJsonArray list;
        for (const auto &[field, message] : errors)
            list.append(QJsonObject{{QStringLiteral("field"), field},
                                    {QStringLiteral("message"), message}});
        body.insert(QStringLiteral("errors"), list);
    }
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

Problem Problem::make(int status, const QString &slug, const QString &title, const QString &detail)
{
    Problem p;
    p.status = status;
    p.type = typeBase + slug;
    p.title = title;
    p.detail = detail;
    return p;
}

Problem Problem::unauthorized(const QString &detail)
{
    return make(401, QStringLiteral("unauthorized"), QStringLiteral("Not signed in"), detail);
}

Problem Problem::notPermitted(const QString &reason)
{
    Problem p = make(403, QStringLiteral("not-permitted"), QStringLiteral("Not permitted"), reason);
    p.reason = reason;
    return p;
}

Problem Problem::notFound(const QString &detail)
{
    return make(404, QStringLiteral("not-found"), QStringLiteral("Not found"), detail);
}

Problem Problem::badRequest(const QString &detail)
{
    return make(400, QStringLiteral("bad-request"), QStringLiteral("Bad request"), detail);
}

Problem Problem::validation(const QString &detail, const QString &field)
{
    Problem p = make(422, QStringLiteral("validation"), QStringLiteral("Invalid input"), detail);
    if (!field.isEmpty())
        p.errors.append({field, detail});
    return p;
}

Problem Problem::stale(const QString &detail)
{
    return make(412, QStringLiteral("stale"), QStringLiteral("Changed since you looked"), detail);
}

Problem Problem::tooLarge(qint64 maxBytes)
{
    return make(413, QStringLiteral("too-large"), QStringLiteral("Request too large"),
                QStringLiteral("The request body is larger than %1 bytes.").arg(maxBytes));
}

Problem Problem::rateLimited(int retryAfterSeconds)
{
    Problem p =
        make(429, QStringLiteral("rate-limited"), QStringLiteral("Too many requests"),
             QStringLiteral("Too many requests; try again in %1 s.").arg(retryAfterSeconds));
    p.retryAfterSeconds = retryAfterSeconds;
    return p;
}

Problem Problem::internal(const QString &detail)
{
    return make(500, QStringLiteral("query"), QStringLiteral("Server error"), detail);
}

Problem problemFor(const DataSourceError &error, bool ifMatchSent)
{
    using Kind = DataSourceError::Kind;
    switch (error.kind()) {
    case Kind::Connection: {
        Problem p = Problem::make(503, QStringLiteral("connection"),
                                  QStringLiteral("Database unavailable"), error.message());
        p.retryAfterSeconds = 5;
        return p;
    }
    case Kind::Query:
        return Problem::internal(error.message());
    case Kind::Schema:
        // 501: this database cannot do it (a SehatScan schema has no roles),
        // whatever the client sends; documented in docs/server.md.
        return Problem::make(501, QStringLiteral("schema-without-roles"),
                             QStringLiteral("Not supported by this database"), error.message());
    case Kind::Validation:
        return Problem::validation(error.message());
    case Kind::Conflict:
        return ifMatchSent ? Problem::stale(error.message())
                           : Problem::make(409, QStringLiteral("conflict"),
                                           QStringLiteral("Conflict"), error.message());
    case Kind::NotPermitted:
        return Problem::notPermitted(error.message());
    case Kind::SelfDemotion:
        return Problem::make(409, QStringLiteral("self-demotion"),
                             QStringLiteral("Confirmation needed"), error.message());
    }
    return Problem::internal(error.message());
}

} // namespace rolecall::server
