#pragma once

#include "async/staleanswerguard.h"
#include "clerk/clerkuser.h"
#include "clerk/ratelimiter.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QThreadPool>
#include <QUrl>
#include <QUrlQuery>

#include <functional>
#include <memory>
#include <optional>

class QJsonArray;
class QNetworkAccessManager;
class QNetworkReply;

namespace rolecall {

struct ClerkApiSettings
{
    QUrl baseUrl = defaultBaseUrl();
    QByteArray secretKey; // sk_...: only ever in the Authorization header
    int rateLimit = 100;  // requests per window: development keys 100, production 1,000
    qint64 rateWindowMs = 10'000;
    // Clerk counts arrivals, the limiter counts sends: a little slack keeps
    // a request sent exactly one window later from arriving inside it.
    qint64 rateSlackMs = 150;
    int timeoutMs = 30'000;                   // every request, from send to the last byte
    int inactivityTimeoutMs = 15'000;         // silence within a request
    qint64 maxBodyBytes = 32LL * 1024 * 1024; // one answer; 500 users are about 1 MB
    int maxAttempts = 8;                      // per request, counting the first
    qint64 backoffStartMs = 500;
    qint64 backoffMaxMs = 60'000;
    int pageSize = 500; // Clerk's maximum
    // Pins the response shapes (Clerk-API-Version); what applies without it
    // is not documented.
    QByteArray apiVersion = QByteArrayLiteral("2026-05-12");

    static QUrl defaultBaseUrl() { return QUrl(QStringLiteral("https://api.clerk.com/v1")); }
};

// Walks every user of a Clerk instance through the Backend API, page by page.
//
//   start() ─▶ GET /users/count ────────────────────────▶ totalCountReady(n)
//          └─▶ GET /users?limit=500&starting_after=<last id> ─▶ parse (worker)
//                   ▲                                          │
//                   └── next page while a page is full ◀── pageReady(users)
//   each request: rate limiter ─▶ send (timeout) ─▶ 429: wait Retry-After
//                                                 ─▶ 5xx/network: backoff, again
//
// Pages come in created-at order with the starting_after cursor; if Clerk
// refuses the cursor (400/422) the walk goes on with offset. Every request
// waits for the limiter, so a run stays under the instance's rate limit on
// its own. cancel() stops everything at once. The secret key never appears
// in a message, a log line or a signal.
class ClerkApiClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClerkApiClient)

public:
    // `network` may be null: the client makes its own.
    ClerkApiClient(ClerkApiSettings settings, QNetworkAccessManager *network,
                   QObject *parent = nullptr);
    ~ClerkApiClient() override;

    void start();
    void cancel();
    // One user now (GET /users/{id}), apart from any walk: `done(user, {})`,
    // `done(nullopt, {})` when Clerk has no such user, `done(nullopt,
    // message)` when it could not be asked. On `context`'s thread.
    void fetchUser(const QString &id, QObject *context,
                   std::function<void(const std::optional<ClerkUser> &, const QString &)> done);
    bool isRunning() const { return m_running; }
    bool wasCancelled() const { return m_cancelled; }

    int requestsSent() const { return m_requestsSent; }
    int retries() const { return m_retries; }
    qint64 usersDelivered() const { return m_delivered; }
    bool usedOffsetFallback() const { return m_useOffset; }

Q_SIGNALS:
    void totalCountReady(qint64 total);
    void pageReady(const QList<rolecall::ClerkUser> &users);
    void finished();                     // the last page was delivered
    void failed(const QString &message); // also after cancel()
    void retrying(const QString &reason, qint64 delayMs);

private:
    struct Call
    {
        QString path; // below the base URL: "/users", "/users/count"
        QUrlQuery query;
        std::function<void(const QByteArray &)> onBody;
        int attempt = 0;
    };

    void requestCount();
    void requestPage();
    void onPageBody(const QByteArray &body);
    void convertPage(const QJsonArray &array);
    void schedule(const std::shared_ptr<Call> &call);
    // One GET with the key, the limits and no redirects; counted against the rate limit.
    QNetworkReply *get(const Call &call);
    void send(const std::shared_ptr<Call> &call);
    void onReply(const std::shared_ptr<Call> &call, QNetworkReply *reply);
    void retryLater(const std::shared_ptr<Call> &call, qint64 delayMs, const QString &reason);
    void fail(const QString &message);
    QUrl urlFor(const Call &call) const;
    static qint64 nowMs();

    ClerkApiSettings m_settings;
    QPointer<QNetworkAccessManager> m_network;
    QThreadPool m_convertPool;
    RateLimiter m_limiter;
    QList<QPointer<QNetworkReply>> m_inFlight;
    StaleAnswerGuard m_requests; // renewed by cancel() and fail(): late callbacks are dropped
    bool m_running = false;
    bool m_cancelled = false;
    bool m_useOffset = false;
    bool m_countDone = false;
    bool m_pagesDone = false;
    bool m_lastPageSeen = false;
    int m_converting = 0;        // pages parsed but not yet delivered
    QString m_lastId;            // cursor: the last user of the previous page
    QStringList m_lastPageIds;   // that page's users, for a cursor deleted mid-walk
    bool m_cursorWorked = false; // a page came back for a starting_after cursor
    int m_cursorRefusals = 0;
    qint64 m_delivered = 0;
    int m_requestsSent = 0;
    int m_retries = 0;
};

} // namespace rolecall
