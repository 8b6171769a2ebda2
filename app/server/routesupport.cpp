// Helpers the route files share: JSON answers, query parameters, bodies, ETags.
#include "server/servercore.h"

#include "api/apijson.h"
#include "domain/utctime.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QUrl>

namespace rolecall::server {

Answer jsonAnswer(int status, const QJsonObject &body, const QByteArray &etag)
{
    return jsonAnswer(status, QJsonDocument(body).toJson(QJsonDocument::Compact), etag);
}

QUrlQuery urlQueryOf(const httplib::Request &request)
{
    // cpp-httplib has decoded the values already; the codec reads them fully
    // decoded, so each goes in percent-encoded again ("50%" stays "50%").
    QUrlQuery query;
    for (const auto &[key, value] : request.params)
        query.addQueryItem(QString::fromStdString(key), QString::fromLatin1(QUrl::toPercentEncoding(
                                                            QString::fromStdString(value))));
    return query;
}

QJsonObject jsonBodyOf(const httplib::Request &request)
{
    QJsonParseError error{};
    const QJsonDocument document =
        QJsonDocument::fromJson(QByteArray::fromStdString(request.body), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        throw ProblemException{
            Problem::validation(QStringLiteral("The request body must be one JSON object.")),
        };
    return document.object();
}

void refuseInput(const QString &decodeError)
{
    // The codec says "field: what is wrong"; the field goes in `errors`.
    const qsizetype colon = decodeError.indexOf(QLatin1String(": "));
    if (colon <= 0)
        throw ProblemException{Problem::validation(decodeError)};
    Problem problem = Problem::validation(decodeError);
    problem.errors.append({decodeError.left(colon), decodeError.mid(colon + 2)});
    throw ProblemException{problem};
}

QByteArray etagOf(const RoleGrant &grant)
{
    return '"' + isoUtc(grant.updatedAt).toLatin1() + '"';
}

QDateTime ifMatchInstant(const httplib::Request &request)
{
    const QString value = QString::fromStdString(request.get_header_value("If-Match")).trimmed();
    if (value.isEmpty() || value == QLatin1String("*"))
        return {};
    QString text = value;
    if (text.startsWith(QLatin1String("W/")))
        text = text.mid(2);
    if (text.size() >= 2 && text.startsWith(QLatin1Char('"')) && text.endsWith(QLatin1Char('"')))
        text = text.mid(1, text.size() - 2);
    QDateTime at;
    if (!apijson::parseInstant(QJsonValue(text), &at) || !at.isValid())
        throw ProblemException{Problem::validation(
            QStringLiteral("If-Match must be a grant's ETag as the server sent it."),
            QStringLiteral("If-Match"))};
    return at;
}

} // namespace rolecall::server
