#pragma once

#include <QByteArray>
#include <QString>
#include <QUrl>

#include <functional>

namespace rolecall::server {

// One GET to the identity provider (discovery, JWKS, userinfo), blocking: the
// server calls it on its own worker threads, never on an event loop.
struct FetchResult
{
    int status = 0; // 0: no HTTP answer (see error)
    QByteArray body;
    QString error; // why there was no answer; never contains the bearer token
};

using IssuerFetch = std::function<FetchResult(const QUrl &url, const QByteArray &bearerToken)>;

// The real one, on cpp-httplib: certificate verification always on, 5 s to
// connect, 10 s to answer, no redirects, at most 256 KiB of body.
FetchResult fetchFromIssuer(const QUrl &url, const QByteArray &bearerToken);

} // namespace rolecall::server
