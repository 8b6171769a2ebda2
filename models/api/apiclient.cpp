#include "api/apiclient.h"

#include "api/apijson.h"
#include "services/boundedreply.h"

#include <QHostAddress>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTimer>
#include <QUuid>

#include <algorithm>

Q_LOGGING_CATEGORY(lcApi, "rolecall.api", QtInfoMsg)

namespace rolecall {

namespace {

using Kind = DataSourceError::Kind;

bool isLoopbackHost(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

bool isRetryableStatus(int status, const QByteArray &body)
{
    if (status == 502 || status == 503 || status == 504)
        return true;
    // A bare 500 (a proxy, a crash) may pass; a problem document says why
    // the query failed, and asking again gives the same answer.
    return status == 500 && !body.trimmed().startsWith('{');
}

QString megabytes(qint64 bytes)
{
    return QString::number(static_cast<double>(bytes) / (1024.0 * 1024.0), 'f', 1);
}

} // namespace

struct ApiClient::Attempt
{
    ApiCall call;
    OnValue onValue;
    OnError onError;
    QByteArray idempotencyKey; // one per write, kept over every retry
    int attempts = 0;
    int rateLimited = 0;
    bool refreshed = false;
};

ApiClient::ApiClient(const QUrl &baseUrl, ApiTokenProvider tokens, QNetworkAccessManager *network,
                     ApiClientOptions options, QObject *parent)
    : QObject(parent)
    , m_baseUrl(baseUrl)
    , m_tokens(std::move(tokens))
    , m_network(network)
    , m_options(options)
{
    const QString scheme = baseUrl.scheme().toLower();
    if (!baseUrl.isValid() || baseUrl.host().isEmpty() ||
        (scheme != QLatin1String("https") && scheme != QLatin1String("http")))
        m_urlProblem = tr("The API URL is not an absolute https:// URL.");
    else if (scheme == QLatin1String("http") && !isLoopbackHost(baseUrl.host()))
        m_urlProblem = tr("The API URL %1 uses plain http:// to another machine; use https:// "
                          "(plain http:// is allowed only to this machine: 127.0.0.1, ::1 or "
                          "localhost).")
                           .arg(baseUrl.toDisplayString());
    else if (!baseUrl.userInfo().isEmpty())
        m_urlProblem = tr("The API URL must not contain a user name or password.");
}

ApiClient::~ApiClient() = default; // replies are children: deleting them aborts them

QUrl ApiClient::urlFor(const QString &path, const QUrlQuery &query) const
{
    QUrl url = m_baseUrl;
    QString base = url.path(QUrl::FullyEncoded);
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    url.setPath(base + path, QUrl::StrictMode);
    if (!query.isEmpty())
        url.setQuery(query);
    return url;
}

QUrl ApiClient::originUrlFor(const QString &path) const
{
    QUrl url = m_baseUrl.adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment);
    url.setPath(path);
    return url;
}

void ApiClient::send(const ApiCall &call, OnValue onValue, OnError onError)
{
    auto attempt = std::make_shared<Attempt>();
    attempt->call = call;
    attempt->onValue = std::move(onValue);
    attempt->onError = std::move(onError);
    const auto failLater = [this, attempt](const DataSourceError &error) {
        QTimer::singleShot(0, this, [attempt, error] { attempt->onError(error); });
    };
    if (!m_urlProblem.isEmpty())
        return failLater(DataSourceError(Kind::Connection, m_urlProblem));
    if (call.body.size() > m_options.maxRequestBytes)
        return failLater(DataSourceError(Kind::Validation,
                                         tr("The request is larger than %1 MB; send less at once.")
                                             .arg(megabytes(m_options.maxRequestBytes))));
    if (call.write)
        attempt->idempotencyKey = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
    start(attempt);
}

void ApiClient::start(const std::shared_ptr<Attempt> &attempt)
{
    if (!m_network) {
        attempt->onError(DataSourceError(Kind::Connection, tr("The network is gone.")));
        return;
    }
    const ApiCall &call = attempt->call;
    ++attempt->attempts;
    QNetworkRequest request(call.url);
    request.setRawHeader("Accept", "application/json, application/problem+json");
    if (!call.body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    const QString token = m_tokens.accessToken ? m_tokens.accessToken() : QString();
    if (token.isEmpty() && call.authenticated) {
        attempt->onError(DataSourceError(
            Kind::NotPermitted,
            tr("You are not signed in; sign in to use %1.").arg(m_baseUrl.toDisplayString())));
        return;
    }
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    if (!attempt->idempotencyKey.isEmpty())
        request.setRawHeader("Idempotency-Key", attempt->idempotencyKey);
    if (!call.ifMatch.isEmpty())
        request.setRawHeader("If-Match", call.ifMatch);
    request.setTransferTimeout(m_options.timeoutMs);
    // A redirect could carry the token elsewhere: none is followed.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    if (call.url.scheme() == QLatin1String("https")) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setPeerVerifyMode(QSslSocket::VerifyPeer); // never switched off
        request.setSslConfiguration(tls);
    }

    QNetworkReply *reply = call.method == "GET"
                               ? m_network->get(request)
                               : m_network->sendCustomRequest(request, call.method, call.body);
    reply->setParent(this);
    BoundedReply::watch(reply, {m_options.maxResponseBytes, m_options.deadlineMs});
    connect(reply, &QNetworkReply::finished, this,
            [this, attempt, reply] { finished(attempt, reply); });
}

void ApiClient::finished(const std::shared_ptr<Attempt> &attempt, QNetworkReply *reply)
{
    reply->deleteLater();
    const ApiCall &call = attempt->call;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QString what = QString::fromLatin1(call.method) + QLatin1Char(' ') + call.url.path();
    qCDebug(lcApi) << what << "->" << status << reply->error();
    const bool mayRetry = attempt->attempts < m_options.maxAttempts;
    const int backoff = m_options.backoffMs * (1 << std::min(attempt->attempts - 1, 6));
    const BoundedReply *bounds = BoundedReply::of(reply);
    const auto overrun = bounds ? bounds->overrun() : BoundedReply::Overrun::None;

    const QByteArray body =
        overrun == BoundedReply::Overrun::None ? reply->readAll() : QByteArray();
    if (overrun == BoundedReply::Overrun::TooLarge || body.size() > m_options.maxResponseBytes) {
        attempt->onError(DataSourceError(
            Kind::Query, tr("The answer to %1 is larger than %2 MB; it was refused.")
                             .arg(what, megabytes(m_options.maxResponseBytes))));
        return;
    }
    if (overrun == BoundedReply::Overrun::Deadline) {
        // A trickle: asking again would only trickle again.
        attempt->onError(
            DataSourceError(Kind::Connection, tr("%1 did not finish answering %2 within %3 s.")
                                                  .arg(m_baseUrl.host(), what)
                                                  .arg(m_options.deadlineMs / 1000.0)));
        return;
    }
    // The connection lost in the middle of an answer (the status line came,
    // the body did not) fails like no answer at all, and is tried again.
    const QNetworkReply::NetworkError networkError = reply->error();
    const bool cutOff = status != 0 && networkError > QNetworkReply::NoError &&
                        networkError < QNetworkReply::ProxyConnectionRefusedError;
    if (status == 0 || cutOff) {
        const QNetworkReply::NetworkError code = networkError;
        const bool tls = code == QNetworkReply::SslHandshakeFailedError;
        const bool timedOut =
            code == QNetworkReply::OperationCanceledError || code == QNetworkReply::TimeoutError;
        if (!tls && mayRetry) {
            retryLater(attempt, backoff);
            return;
        }
        const QString message =
            timedOut ? tr("%1 did not answer within %2 s (%3).")
                           .arg(m_baseUrl.host())
                           .arg(m_options.timeoutMs / 1000.0)
                           .arg(what)
            : tls ? tr("The TLS certificate of %1 was not accepted: %2")
                        .arg(m_baseUrl.host(), reply->errorString())
                  : tr("Could not reach %1: %2").arg(m_baseUrl.host(), reply->errorString());
        attempt->onError(DataSourceError(Kind::Connection, message));
        return;
    }

    if ((status >= 200 && status < 300) || call.passStatuses.contains(status)) {
        ApiResponse response{status, body, reply->rawHeader("ETag"), {}};
        if (!body.trimmed().isEmpty() && status < 300) {
            QJsonParseError parseError{};
            const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
            if (parseError.error != QJsonParseError::NoError) {
                attempt->onError(DataSourceError(
                    Kind::Query,
                    tr("The answer to %1 is not JSON (%2).").arg(what, parseError.errorString())));
                return;
            }
            response.json =
                document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
        }
        attempt->onValue(response);
        return;
    }
    if (status == 401 && call.authenticated) {
        if (!attempt->refreshed && m_tokens.refresh) {
            attempt->refreshed = true;
            --attempt->attempts; // a refresh is not a failed try
            QPointer<ApiClient> self(this);
            // The session may live on another thread: come back to this one.
            m_tokens.refresh([self, attempt](bool refreshedOk) {
                if (!self)
                    return;
                QMetaObject::invokeMethod(
                    self.data(),
                    [self, attempt, refreshedOk] {
                        if (refreshedOk)
                            self->start(attempt);
                        else
                            attempt->onError(DataSourceError(
                                Kind::NotPermitted, tr("Your sign-in has expired and could not "
                                                       "be renewed; sign in again.")));
                    },
                    Qt::QueuedConnection);
            });
            return;
        }
        const DataSourceError refused = apijson::errorFromResponse(status, body);
        attempt->onError(
            DataSourceError(Kind::NotPermitted, tr("%1 refused your sign-in (%2); sign in again.")
                                                    .arg(m_baseUrl.host(), refused.message())));
        return;
    }
    if (status == 429) {
        if (attempt->rateLimited < m_options.maxRateLimitRetries) {
            ++attempt->rateLimited;
            --attempt->attempts;
            retryLater(attempt, retryAfterMs(reply));
            return;
        }
        attempt->onError(DataSourceError(Kind::Connection,
                                         tr("%1 is busy (too many requests); try again in %2 s.")
                                             .arg(m_baseUrl.host())
                                             .arg(retryAfterMs(reply) / 1000)));
        return;
    }
    if (isRetryableStatus(status, body) && mayRetry) {
        retryLater(attempt, backoff);
        return;
    }
    attempt->onError(apijson::errorFromResponse(status, body));
}

void ApiClient::retryLater(const std::shared_ptr<Attempt> &attempt, int delayMs)
{
    qCDebug(lcApi) << "retrying" << attempt->call.url.path() << "in" << delayMs << "ms";
    QTimer::singleShot(delayMs, this, [this, attempt] { start(attempt); });
}

int ApiClient::retryAfterMs(QNetworkReply *reply) const
{
    const QByteArray value = reply->rawHeader("Retry-After").trimmed();
    // Clamped before conversion: a run of digits is "a lot", never an overflow.
    qint64 seconds = clampedNumber(value, 1, m_options.maxRetryAfterSeconds, -1);
    if (seconds < 0) { // an HTTP date
        const QDateTime when = QDateTime::fromString(QString::fromLatin1(value), Qt::RFC2822Date);
        seconds = when.isValid() ? QDateTime::currentDateTimeUtc().secsTo(when) : 1;
    }
    return static_cast<int>(std::clamp<qint64>(seconds, 1, m_options.maxRetryAfterSeconds)) * 1000;
}

} // namespace rolecall
