#include "server/issuerfetch.h"

#include <httplib.h>

namespace rolecall::server {

namespace {
constexpr size_t maxBodyBytes = 256 * 1024;
}

FetchResult fetchFromIssuer(const QUrl &url, const QByteArray &bearerToken)
{
    FetchResult result;
    const QString origin = url.adjusted(QUrl::RemovePath | QUrl::RemoveQuery |
                                        QUrl::RemoveFragment | QUrl::RemoveUserInfo)
                               .toString();
    QString target = url.path(QUrl::FullyEncoded);
    if (target.isEmpty())
        target = QStringLiteral("/");
    if (url.hasQuery())
        target += QLatin1Char('?') + url.query(QUrl::FullyEncoded);

    httplib::Client client(origin.toStdString());
    if (!client.is_valid()) {
        result.error = QStringLiteral("cannot make a client for %1").arg(origin);
        return result;
    }
    client.enable_server_certificate_verification(true);
    client.set_connection_timeout(5, 0);
    client.set_read_timeout(10, 0);
    client.set_write_timeout(10, 0);
    client.set_follow_location(false);
    httplib::Headers headers{{"Accept", "application/json"}};
    if (!bearerToken.isEmpty())
        headers.emplace("Authorization", "Bearer " + bearerToken.toStdString());

    bool tooLarge = false;
    const httplib::Result answer =
        client.Get(target.toStdString(), headers, [&](const char *data, size_t length) {
            if (static_cast<size_t>(result.body.size()) + length > maxBodyBytes) {
                tooLarge = true;
                return false;
            }
            result.body.append(data, static_cast<qsizetype>(length));
            return true;
        });
    if (tooLarge) {
        result.error = QStringLiteral("the answer from %1 is larger than %2 KiB")
                           .arg(origin)
                           .arg(maxBodyBytes / 1024);
        result.body.clear();
        return result;
    }
    if (!answer) {
        result.error = QStringLiteral("%1: %2").arg(
            origin, QString::fromStdString(httplib::to_string(answer.error())));
        return result;
    }
    result.status = answer->status;
    return result;
}

} // namespace rolecall::server
