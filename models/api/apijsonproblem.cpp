// The codec's RFC 9457 problem documents (apijson.h).
#include "api/apijson.h"
#include "api/apijson_p.h"

#include <QJsonDocument>

#include <iterator>

namespace rolecall::apijson {

using namespace detail;

namespace {

using Kind = DataSourceError::Kind;

struct ProblemSpec
{
    ProblemType type;
    const char *id;
    int status;
    Kind kind;
    const char *title;
};

// The stable list: ids, statuses and kinds never change within API v1.
// last-admin and not-found map to Validation as PostgreSQL mode raises them.
constexpr ProblemSpec problemSpecs[] = {
    {ProblemType::Validation, "validation", 422, Kind::Validation, "The request is not valid"},
    {ProblemType::NotFound, "not-found", 404, Kind::Validation, "Nothing matches"},
    {ProblemType::NotPermitted, "not-permitted", 403, Kind::NotPermitted, "Not permitted"},
    {ProblemType::Unauthorized, "unauthorized", 401, Kind::NotPermitted, "Sign in again"},
    {ProblemType::Conflict, "conflict", 409, Kind::Conflict, "Changed meanwhile"},
    {ProblemType::Stale, "stale", 412, Kind::Conflict, "The view is stale"},
    {ProblemType::LastAdmin, "last-admin", 409, Kind::Validation, "The last admin stays"},
    {ProblemType::SelfDemotion, "self-demotion", 409, Kind::SelfDemotion,
     "Confirm ending your own ADMIN role"},
    {ProblemType::SchemaWithoutRoles, "schema-without-roles", 409, Kind::Schema,
     "This database has no roles"},
    {ProblemType::Schema, "schema", 409, Kind::Schema, "The database cannot answer this"},
    {ProblemType::Unsupported, "unsupported", 501, Kind::Schema, "Not offered by this server"},
    {ProblemType::IdempotencyKeyReused, "idempotency-key-reused", 422, Kind::Validation,
     "Idempotency-Key used for another request"},
    {ProblemType::PayloadTooLarge, "payload-too-large", 413, Kind::Validation,
     "The request is too large"},
    {ProblemType::RateLimited, "rate-limited", 429, Kind::Connection, "Too many requests"},
    {ProblemType::Connection, "connection", 503, Kind::Connection, "The database is unreachable"},
    {ProblemType::Query, "query", 500, Kind::Query, "The query failed"},
};

const ProblemSpec &specOf(ProblemType type)
{
    for (const ProblemSpec &spec : problemSpecs) {
        if (spec.type == type)
            return spec;
    }
    return problemSpecs[std::size(problemSpecs) - 1];
}

QString uriPrefix()
{
    return QStringLiteral("https://rolecall.dev/problems/");
}

} // namespace

QString problemTypeId(ProblemType type)
{
    return QString::fromLatin1(specOf(type).id);
}

QString problemTypeUri(ProblemType type)
{
    return uriPrefix() + problemTypeId(type);
}

std::optional<ProblemType> problemTypeFromUri(const QString &uri)
{
    if (!uri.startsWith(uriPrefix()))
        return std::nullopt;
    const QString id = uri.mid(uriPrefix().size());
    for (const ProblemSpec &spec : problemSpecs) {
        if (id == QLatin1String(spec.id))
            return spec.type;
    }
    return std::nullopt;
}

int problemStatus(ProblemType type)
{
    return specOf(type).status;
}

QString problemTitle(ProblemType type)
{
    return QString::fromLatin1(specOf(type).title);
}

QList<ProblemType> allProblemTypes()
{
    QList<ProblemType> out;
    for (const ProblemSpec &spec : problemSpecs)
        out.append(spec.type);
    return out;
}

DataSourceError::Kind problemKind(ProblemType type)
{
    return specOf(type).kind;
}

DataSourceError::Kind kindForStatus(int status)
{
    switch (status) {
    case 400:
    case 404:
    case 413:
    case 422:
        return Kind::Validation;
    case 401:
    case 403:
        return Kind::NotPermitted;
    case 409:
    case 412:
        return Kind::Conflict;
    case 501:
        return Kind::Schema;
    case 429:
    case 502:
    case 503:
    case 504:
        return Kind::Connection;
    default:
        return Kind::Query;
    }
}

QJsonObject toJson(const Problem &problem)
{
    QJsonObject out{{QStringLiteral("type"), problem.type},
                    {QStringLiteral("title"), problem.title},
                    {QStringLiteral("status"), problem.status},
                    {QStringLiteral("detail"), problem.detail}};
    if (!problem.errors.isEmpty()) {
        QJsonArray errors;
        for (const ProblemFieldError &e : problem.errors)
            errors.append(QJsonObject{{QStringLiteral("field"), e.field},
                                      {QStringLiteral("message"), e.message}});
        out.insert(QStringLiteral("errors"), errors);
    }
    if (!problem.reason.isEmpty())
        out.insert(QStringLiteral("reason"), problem.reason);
    return out;
}

bool fromJson(const QJsonValue &json, Problem *out, QString *error)
{
    return decodeInto(out, error, [&json](Problem &p) {
        const ObjectReader r(json, {});
        p.type = r.string("type");
        if (p.type.isEmpty())
            p.type = QStringLiteral("about:blank"); // RFC 9457 §4.2.1
        p.title = r.string("title");
        p.status = static_cast<int>(r.integer("status"));
        p.detail = r.string("detail");
        p.errors = r.list<ProblemFieldError>(
            "errors", [](const QJsonValue &v, const QString &path, ProblemFieldError &e) {
                const ObjectReader item(v, path);
                e.field = item.string("field");
                e.message = item.string("message", true);
            });
        p.reason = r.string("reason");
    });
}

Problem makeProblem(ProblemType type, const QString &detail)
{
    return Problem{problemTypeUri(type), problemTitle(type), problemStatus(type), detail, {}, {}};
}

Problem problemFromError(const DataSourceError &error)
{
    ProblemType type = ProblemType::Query;
    switch (error.kind()) {
    case Kind::Connection:
        type = ProblemType::Connection;
        break;
    case Kind::Query:
        type = ProblemType::Query;
        break;
    case Kind::Schema:
        type = ProblemType::Schema;
        break;
    case Kind::Validation:
        type = ProblemType::Validation;
        break;
    case Kind::Conflict:
        type = ProblemType::Conflict;
        break;
    case Kind::NotPermitted:
        type = ProblemType::NotPermitted;
        break;
    case Kind::SelfDemotion:
        type = ProblemType::SelfDemotion;
        break;
    }
    Problem problem = makeProblem(type, error.summary());
    problem.errors = error.fieldErrors();
    if (type == ProblemType::NotPermitted)
        problem.reason = error.message();
    return problem;
}

DataSourceError errorFromProblem(const Problem &problem)
{
    const std::optional<ProblemType> type = problemTypeFromUri(problem.type);
    const Kind kind = type ? problemKind(*type) : kindForStatus(problem.status);
    QString message = problem.detail.isEmpty() ? problem.title : problem.detail;
    if (!problem.reason.isEmpty() && !message.contains(problem.reason))
        message = message.isEmpty() ? problem.reason : message + QLatin1Char(' ') + problem.reason;
    if (message.isEmpty() && problem.errors.isEmpty())
        message = QStringLiteral("The server answered HTTP %1.").arg(problem.status);
    return {kind, message, problem.errors};
}

DataSourceError errorFromResponse(int status, const QByteArray &body)
{
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    Problem problem;
    if (parseError.error == QJsonParseError::NoError && document.isObject()) {
        const QJsonObject object = document.object();
        if (object.contains(QStringLiteral("type")) || object.contains(QStringLiteral("detail"))) {
            if (fromJson(object, &problem, nullptr)) {
                if (problem.status == 0)
                    problem.status = status;
                return errorFromProblem(problem);
            }
        }
        // The plain backend's NextResponse.json({error: "Forbidden"}).
        problem.detail = object.value(QStringLiteral("error")).toString().left(500);
    }
    problem.status = status;
    return errorFromProblem(problem);
}

} // namespace rolecall::apijson
