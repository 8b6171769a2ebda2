#include "clerk/clerkapiclient.h"

#include "services/boundedreply.h"
#include "services/boundsecret.h"

#include <QDateTime>
#include <QFutureWatcher>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cmath>

Q_LOGGING_CATEGORY(lcClerk, "rolecall.clerk", QtInfoMsg)

namespace rolecall {

namespace {

struct RawPage
{
    QJsonArray users;
    QStringList ids; // in page order: fallbacks for a cursor deleted mid-walk
    QString error;
};

struct ParsedPage
{
    QList<ClerkUser> users;
    QString error;
};

// Stops a request still under way. One that has already failed (a 401 whose
// finished() is still queued) is left alone: aborting it reports a second
// error, which Qt warns about; its finished() is dropped as stale.
void abortIfUnderway(QNetworkReply *reply)
{
    if (reply && reply->isRunning() && reply->error() == QNetworkReply::NoError)
        reply->abort();
}

// Retry-After is seconds (Clerk's docs); an HTTP date is accepted too. Either
// is clamped to [0, ceiling] before it becomes milliseconds: a hostile or
// broken answer cannot overflow the conversion or park the walk for days.
qint64 retryAfterMs(const QNetworkReply *reply, qint64 ceilingMs)
{
    const QByteArray value = reply->rawHeader("Retry-After").trimmed();
    const qint64 seconds = clampedNumber(value, 0, ceilingMs / 1000 + 1, -1);
    if (seconds >= 0)
        return std::min(seconds * 1000, ceilingMs);
    const QDateTime at = QDateTime::fromString(QString::fromLatin1(value), Qt::RFC2822Date);
    if (at.isValid())
        return std::clamp<qint64>(QDateTime::currentDateTimeUtc().msecsTo(at), 0, ceilingMs);
    return std::min<qint64>(1000, ceilingMs); // a 429 without the header: wait a second
}

} // namespace

ClerkApiClient::ClerkApiClient(ClerkApiSettings settings, QNetworkAccessManager *network,
                               QObject *parent)
    : QObject(parent)
    , m_settings(std::move(settings))
    , m_network(network ? network : new QNetworkAccessManager(this))
    , m_limiter(m_settings.rateLimit, m_settings.rateWindowMs + m_settings.rateSlackMs)
{
    // A copy of the key's bytes of our own, so the destructor wipes exactly
    // this one and never a buffer the caller still shares.
    m_settings.secretKey =
        QByteArray(m_settings.secretKey.constData(), m_settings.secretKey.size());
    m_settings.pageSize = std::clamp(m_settings.pageSize, 1, 500);
    m_convertPool.setMaxThreadCount(1); // one worker: pages stay in order
}

ClerkApiClient::~ClerkApiClient()
{
    m_requests.renew();
    for (const QPointer<QNetworkReply> &reply : std::as_const(m_inFlight))
        abortIfUnderway(reply);
    wipeSecret(m_settings.secretKey);
}

qint64 ClerkApiClient::nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

void ClerkApiClient::start()
{
    if (m_running)
        return;
    if (m_settings.secretKey.isEmpty()) {
        QTimer::singleShot(0, this, [this] {
            Q_EMIT failed(tr("No Clerk secret key: store one with 'rolecallctl profiles "
                             "set-secret NAME clerk-secret-key'."));
        });
        return;
    }
    m_running = true;
    m_cancelled = false;
    m_countDone = m_pagesDone = m_lastPageSeen = false;
    m_converting = 0;
    m_lastId.clear();
    m_lastPageIds.clear();
    m_cursorWorked = false;
    m_cursorRefusals = 0;
    m_delivered = 0;
    requestCount();
    requestPage();
}

void ClerkApiClient::cancel()
{
    if (!m_running)
        return;
    m_requests.renew();
    m_cancelled = true;
    m_running = false;
    const auto replies = std::exchange(m_inFlight, {});
    for (const QPointer<QNetworkReply> &reply : replies)
        abortIfUnderway(reply);
    Q_EMIT failed(tr("Cancelled."));
}

void ClerkApiClient::fetchUser(
    const QString &id, QObject *context,
    std::function<void(const std::optional<ClerkUser> &, const QString &)> done)
{
    Call call;
    call.path = QStringLiteral("/users/") + QString::fromLatin1(QUrl::toPercentEncoding(id));
    QNetworkReply *reply = get(call);
    connect(reply, &QNetworkReply::finished, context, [reply, done = std::move(done)] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status == 404) {
            done(std::nullopt, {});
            return;
        }
        const BoundedReply *bounds = BoundedReply::of(reply);
        if (reply->error() != QNetworkReply::NoError || status != 200) {
            const QString why = bounds && bounds->overrun() != BoundedReply::Overrun::None
                                    ? bounds->message()
                                : status == 0 ? reply->errorString()
                                              : tr("Clerk answered %1").arg(status);
            done(std::nullopt, why);
            return;
        }
        ClerkUser user;
        QString error;
        if (!parseClerkUser(QJsonDocument::fromJson(reply->readAll()).object(), &user, &error)) {
            done(std::nullopt, tr("Clerk's user could not be read: %1").arg(error));
            return;
        }
        done(user, {});
    });
}

void ClerkApiClient::requestCount()
{
    auto call = std::make_shared<Call>();
    call->path = QStringLiteral("/users/count");
    call->onBody = [this](const QByteArray &body) {
        const qint64 total = parseClerkTotalCount(body);
        if (total < 0) {
            fail(tr("Clerk's /users/count answer has no total_count."));
            return;
        }
        m_countDone = true;
        Q_EMIT totalCountReady(total);
        if (m_pagesDone) {
            m_running = false;
            Q_EMIT finished();
        }
    };
    schedule(call);
}

void ClerkApiClient::requestPage()
{
    auto call = std::make_shared<Call>();
    call->path = QStringLiteral("/users");
    call->query.addQueryItem(QStringLiteral("limit"), QString::number(m_settings.pageSize));
    // Oldest first: users created during the walk come at its end.
    call->query.addQueryItem(QStringLiteral("order_by"), QStringLiteral("created_at"));
    if (m_useOffset)
        call->query.addQueryItem(QStringLiteral("offset"), QString::number(m_delivered));
    else if (!m_lastId.isEmpty())
        call->query.addQueryItem(QStringLiteral("starting_after"), m_lastId);
    call->onBody = [this](const QByteArray &body) { onPageBody(body); };
    schedule(call);
}

void ClerkApiClient::onPageBody(const QByteArray &body)
{
    // 500 users are about 1 MB of JSON: parse off this (maybe the GUI)
    // thread, in two steps. The JSON itself first, which gives the cursor,
    // so the next page is on its way while this one becomes ClerkUsers (on
    // one worker, so pages come out in order).
    const quint64 ticket = m_requests.ticket();
    auto *watcher = new QFutureWatcher<RawPage>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, ticket] {
        watcher->deleteLater();
        if (!m_requests.isCurrent(ticket))
            return;
        const RawPage raw = watcher->result();
        if (!raw.error.isEmpty()) {
            fail(tr("Clerk's users list could not be read: %1.").arg(raw.error));
            return;
        }
        const qsizetype count = raw.users.size();
        if (count > 0) {
            m_lastPageIds = raw.ids;
            m_lastId = raw.ids.last();
        }
        if (!m_lastId.isEmpty() && !m_useOffset && count > 0)
            m_cursorWorked = m_cursorWorked || m_delivered > 0;
        m_delivered += count;
        const bool more = count >= m_settings.pageSize;
        if (more)
            requestPage();
        else
            m_lastPageSeen = true;
        convertPage(raw.users);
    });
    watcher->setFuture(QtConcurrent::run([body] {
        RawPage raw;
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
        if (parseError.error != QJsonParseError::NoError || !doc.isArray()) {
            raw.error = doc.isObject() ? QStringLiteral("the users list is an object, not an array")
                                       : QStringLiteral("the users list is not valid JSON");
            return raw;
        }
        raw.users = doc.array();
        raw.ids.reserve(raw.users.size());
        for (const QJsonValue &user : std::as_const(raw.users))
            raw.ids << user.toObject().value(QLatin1String("id")).toString();
        return raw;
    }));
}

void ClerkApiClient::convertPage(const QJsonArray &array)
{
    const quint64 ticket = m_requests.ticket();
    ++m_converting;
    auto *watcher = new QFutureWatcher<ParsedPage>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, ticket] {
        watcher->deleteLater();
        if (!m_requests.isCurrent(ticket))
            return;
        --m_converting;
        const ParsedPage page = watcher->result();
        if (!page.error.isEmpty()) {
            fail(tr("Clerk's users list could not be read: %1.").arg(page.error));
            return;
        }
        Q_EMIT pageReady(page.users);
        // A slot on pageReady may have cancelled the walk.
        if (!m_requests.isCurrent(ticket) || !m_lastPageSeen || m_converting > 0)
            return;
        m_pagesDone = true;
        if (m_countDone) {
            m_running = false;
            Q_EMIT finished();
        }
    });
    watcher->setFuture(QtConcurrent::run(&m_convertPool, [array] {
        ParsedPage page;
        page.users.reserve(array.size());
        for (const QJsonValue &value : array) {
            ClerkUser user;
            if (!parseClerkUser(value.toObject(), &user, &page.error))
                break;
            page.users.append(std::move(user));
        }
        return page;
    }));
}

QUrl ClerkApiClient::urlFor(const Call &call) const
{
    QUrl url = m_settings.baseUrl;
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path + call.path);
    url.setQuery(call.query);
    return url;
}

void ClerkApiClient::schedule(const std::shared_ptr<Call> &call)
{
    const qint64 delay = m_limiter.delayFor(nowMs());
    if (delay == 0) {
        send(call);
        return;
    }
    // Another request may have taken the token meanwhile: ask the limiter again.
    QTimer::singleShot(delay, this, m_requests.current([this, call] { schedule(call); }));
}

QNetworkReply *ClerkApiClient::get(const Call &call)
{
    m_limiter.spend(nowMs());
    ++m_requestsSent;
    QNetworkRequest request(urlFor(call));
    request.setRawHeader("Authorization", "Bearer " + m_settings.secretKey);
    request.setRawHeader("Accept", "application/json");
    if (!m_settings.apiVersion.isEmpty())
        request.setRawHeader("Clerk-API-Version", m_settings.apiVersion);
    // Never follow a redirect: it would carry the key to wherever it points.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    // Silence for the inactivity timeout, or the whole request over its
    // deadline, or a body over the limit: aborted, and retried or reported.
    request.setTransferTimeout(std::min(m_settings.timeoutMs, m_settings.inactivityTimeoutMs));
    QNetworkReply *reply = m_network->get(request);
    BoundedReply::watch(reply, {m_settings.maxBodyBytes, m_settings.timeoutMs});
    return reply;
}

void ClerkApiClient::send(const std::shared_ptr<Call> &call)
{
    ++call->attempt;
    QNetworkReply *reply = get(*call);
    m_inFlight.append(reply);
    const quint64 ticket = m_requests.ticket();
    connect(reply, &QNetworkReply::finished, this, [this, call, reply, ticket] {
        reply->deleteLater();
        m_inFlight.removeAll(reply);
        if (m_requests.isCurrent(ticket))
            onReply(call, reply);
    });
}

void ClerkApiClient::onReply(const std::shared_ptr<Call> &call, QNetworkReply *reply)
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const BoundedReply *bounds = BoundedReply::of(reply);
    const auto overrun = bounds ? bounds->overrun() : BoundedReply::Overrun::None;
    const bool timedOut = overrun == BoundedReply::Overrun::Deadline ||
                          reply->error() == QNetworkReply::TimeoutError ||
                          reply->error() == QNetworkReply::OperationCanceledError;
    if (overrun == BoundedReply::Overrun::TooLarge) {
        // Not retried: the same request would bring the same answer.
        fail(tr("Clerk's answer to GET %1 was refused: %2").arg(call->path, bounds->message()));
        return;
    }
    const QByteArray body = timedOut ? QByteArray() : reply->read(m_settings.maxBodyBytes);
    if (!timedOut && reply->error() == QNetworkReply::NoError && status == 200) {
        call->onBody(body);
        return;
    }
    const QString what = call->path;
    if (timedOut) {
        retryLater(call, -1,
                   tr("GET %1 timed out after %2 s").arg(what).arg(m_settings.timeoutMs / 1000.0));
        return;
    }
    if (status == 429) {
        const qint64 wait = retryAfterMs(reply, m_settings.backoffMaxMs);
        m_limiter.blockUntil(nowMs() + wait); // the block holds for every request
        retryLater(call, wait, tr("Clerk's rate limit was reached (429)"));
        return;
    }
    if (status >= 500 || status == 0) {
        const QString reason =
            status == 0 ? reply->errorString() : tr("Clerk answered %1").arg(status);
        retryLater(call, -1, tr("GET %1 failed: %2").arg(what, reason));
        return;
    }
    if ((status == 400 || status == 422) &&
        call->query.hasQueryItem(QStringLiteral("starting_after")) && !m_useOffset) {
        // Either the cursor's user was deleted during the walk, or this
        // instance pages by offset only. Going on after the user before the
        // cursor tells them apart: it skips no one and repeats no one, where
        // paging by offset after a deletion would skip whoever moved up.
        const QString refused = call->query.queryItemValue(QStringLiteral("starting_after"));
        m_lastPageIds.removeAll(refused);
        const bool cursorUnsupported = !m_cursorWorked && m_cursorRefusals++ > 0;
        if (!cursorUnsupported && !m_lastPageIds.isEmpty()) {
            qCInfo(lcClerk) << "the cursor was refused; going on after the user before it";
            m_lastId = m_lastPageIds.last();
            requestPage();
            return;
        }
        if (m_cursorWorked) {
            fail(tr("Clerk's users changed under the walk: every user of the last page was "
                    "deleted, so where to go on is unknown. Nothing was decided; run it again."));
            return;
        }
    }
    if ((status == 400 || status == 422) &&
        call->query.hasQueryItem(QStringLiteral("starting_after")) && !m_useOffset) {
        qCInfo(lcClerk) << "the starting_after cursor was refused; paging by offset";
        m_useOffset = true;
        requestPage();
        return;
    }
    const QString detail = clerkErrorText(body);
    QString message = tr("Clerk refused GET %1 with %2").arg(what).arg(status);
    if (!detail.isEmpty())
        message += QStringLiteral(" (") + detail + QLatin1Char(')');
    if (status == 401 || status == 403)
        message += tr(". Check the profile's Clerk secret key and Clerk API URL.");
    else
        message += QLatin1Char('.');
    fail(message);
}

void ClerkApiClient::retryLater(const std::shared_ptr<Call> &call, qint64 delayMs,
                                const QString &reason)
{
    if (call->attempt >= m_settings.maxAttempts) {
        fail(tr("%1; gave up after %2 attempts.").arg(reason).arg(call->attempt));
        return;
    }
    if (delayMs < 0) {
        // Exponential backoff (x1.5 from 0.5 s, at most 60 s), as Clerk's SDKs do.
        const double factor = std::pow(1.5, call->attempt - 1);
        delayMs = std::min<qint64>(m_settings.backoffMaxMs,
                                   qint64(double(m_settings.backoffStartMs) * factor));
    }
    ++m_retries;
    qCInfo(lcClerk).noquote() << reason << "- retrying in" << delayMs << "ms";
    Q_EMIT retrying(reason, delayMs);
    QTimer::singleShot(delayMs, this, m_requests.current([this, call] { schedule(call); }));
}

void ClerkApiClient::fail(const QString &message)
{
    if (!m_running)
        return;
    m_requests.renew();
    m_running = false;
    const auto replies = std::exchange(m_inFlight, {});
    for (const QPointer<QNetworkReply> &reply : replies)
        abortIfUnderway(reply);
    Q_EMIT failed(message);
}

} // namespace rolecall
