#pragma once

#include "domain/datasourceerror.h"

#include <QByteArray>
#include <QJsonValue>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QUrl>
#include <QUrlQuery>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

namespace rolecall {

// Where the API client gets the bearer token: the console's or the CLI's
// signed-in session. `refresh` asks for a new access token once (after a
// 401) and calls `done(true)` when there is one.
struct ApiTokenProvider
{
    std::function<QString()> accessToken;
    std::function<void(std::function<void(bool)> done)> refresh;
};

// Limits of one request. The defaults suit a person at the console; tests
// shorten them.
struct ApiClientOptions
{
    int timeoutMs = 30'000;                       // no byte for this long: give up
    int deadlineMs = 120'000;                     // the whole request, first to last byte
    qint64 maxResponseBytes = 64LL * 1024 * 1024; // larger answers are refused
    qint64 maxRequestBytes = 16LL * 1024 * 1024;
    int maxAttempts = 3;           // network errors and 502/503/504, GETs and keyed writes
    int backoffMs = 400;           // doubled per attempt
    int maxRateLimitRetries = 2;   // 429s honoured before giving up
    int maxRetryAfterSeconds = 30; // Retry-After is clamped to 1..this
};

// One call to the API.
struct ApiCall
{
    QByteArray method = "GET";
    QUrl url;
    QByteArray body; // JSON; empty for GET
    QByteArray ifMatch;
    bool write = false;        // sends an Idempotency-Key, the same on every retry
    bool authenticated = true; // false: the token goes along only if there is one
    QList<int> passStatuses;   // non-2xx statuses handed to onValue (e.g. 404)
};

struct ApiResponse
{
    int status = 0;
    QByteArray body;
    QByteArray etag;
    QJsonValue json; // the parsed body; undefined when empty
};

// HTTP for the admin API over one injected QNetworkAccessManager, on the
// thread it lives in (no blocking, no nested loop):
//
//   send(call) ─▶ request (Bearer token, timeout, TLS verified, no redirects)
//        │  2xx ─────────────────────────────────────────────▶ onValue
//        │  401 ─▶ refresh token once ─▶ same request again; twice: "sign in again"
//        │  429 ─▶ wait Retry-After (clamped) ─▶ again, at most maxRateLimitRetries
//        │  502/503/504, network error, timeout ─▶ backoff ─▶ again (same
//        │       Idempotency-Key for a write), at most maxAttempts
//        └─ anything else ─▶ the problem document as a DataSourceError ─▶ onError
//
// Plain http:// is refused unless the host is a loopback address. Answers
// larger than maxResponseBytes are cut off while they arrive and refused, and
// an answer still arriving after deadlineMs (a trickle that never trips the
// inactivity timeout) is ended (BoundedReply, as for the provider and Clerk).
class ApiClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiClient)

public:
    using OnValue = std::function<void(const ApiResponse &)>;
    using OnError = std::function<void(const DataSourceError &)>;

    ApiClient(const QUrl &baseUrl, ApiTokenProvider tokens, QNetworkAccessManager *network,
              ApiClientOptions options = {}, QObject *parent = nullptr);
    ~ApiClient() override;

    const QUrl &baseUrl() const { return m_baseUrl; }
    const ApiClientOptions &options() const { return m_options; }
    // Empty when the base URL may be used; otherwise why not, in one sentence.
    const QString &urlProblem() const { return m_urlProblem; }

    // The base URL with `path` appended, or the origin's (plain backend) path.
    QUrl urlFor(const QString &path, const QUrlQuery &query = {}) const;
    QUrl originUrlFor(const QString &path) const;

    // Exactly one of onValue and onError runs, later, on this object's
    // thread; neither once this client is gone.
    void send(const ApiCall &call, OnValue onValue, OnError onError);

private:
    struct Attempt;
    void start(const std::shared_ptr<Attempt> &attempt);
    void finished(const std::shared_ptr<Attempt> &attempt, QNetworkReply *reply);
    void retryLater(const std::shared_ptr<Attempt> &attempt, int delayMs);
    int retryAfterMs(QNetworkReply *reply) const;

    const QUrl m_baseUrl;
    const ApiTokenProvider m_tokens;
    const QPointer<QNetworkAccessManager> m_network;
    const ApiClientOptions m_options;
    QString m_urlProblem;
};

} // namespace rolecall
