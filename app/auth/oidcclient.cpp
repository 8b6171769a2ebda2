#include "auth/oidcclient.h"

#include "services/boundedreply.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

#include <algorithm>

Q_LOGGING_CATEGORY(lcAuth, "rolecall.auth", QtInfoMsg)

namespace rolecall::auth {

namespace {

constexpr qint64 maxDocumentSize = 256 * 1024;

ProviderError error(ProviderError::Kind kind, const QString &message)
{
    return ProviderError{kind, message};
}

// An endpoint from discovery: absolute, and https unless the issuer itself is
// a loopback development issuer.
QUrl endpoint(const QJsonObject &doc, const char *name, bool allowHttp)
{
    const QUrl url(doc.value(QLatin1String(name)).toString(), QUrl::StrictMode);
    if (!url.isValid() || url.isRelative() || url.host().isEmpty())
        return {};
    if (url.scheme() != QLatin1String("https") &&
        !(allowHttp && url.scheme() == QLatin1String("http")))
        return {};
    return url;
}

bool isLoopbackHttp(const QUrl &url)
{
    return url.scheme() == QLatin1String("http") &&
           (url.host() == QLatin1String("127.0.0.1") || url.host() == QLatin1String("::1") ||
            url.host() == QLatin1String("localhost"));
}

} // namespace

OidcClient::OidcClient(QString issuer, QString clientId, QNetworkAccessManager *network,
                       QObject *parent)
    : QObject(parent)
    , m_issuer(std::move(issuer))
    , m_clientId(std::move(clientId))
    , m_network(network)
{}

QString OidcClient::hostOf(const QUrl &url) const
{
    return url.host().isEmpty() ? m_issuer : url.host();
}

// Every answer: at most maxDocumentSize bytes (JWKS: its own limit), and a
// deadline for the whole request beside the inactivity timeout.
QNetworkReply *OidcClient::bounded(QNetworkReply *reply, qint64 maxBytes) const
{
    BoundedReply::watch(reply, {maxBytes, m_deadlineMs});
    return reply;
}

QString OidcClient::networkProblem(const QNetworkReply *reply)
{
    const BoundedReply *bounds = BoundedReply::of(reply);
    if (bounds && bounds->overrun() != BoundedReply::Overrun::None)
        return bounds->message();
    return reply->errorString();
}

QNetworkReply *OidcClient::get(const QUrl &url, qint64 maxBytes)
{
    QNetworkRequest request(url);
    request.setTransferTimeout(m_timeoutMs);
    request.setRawHeader("Accept", "application/json");
    return bounded(m_network->get(request), maxBytes);
}

QNetworkReply *OidcClient::postForm(const QUrl &url, const FormFields &form)
{
    // Encoded by hand: QUrlQuery leaves '+' alone, which a form decoder reads
    // as a space, and base64 tokens are full of them.
    QByteArray body;
    for (const auto &[key, value] : form) {
        if (!body.isEmpty())
            body += '&';
        body += QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value);
    }
    QNetworkRequest request(url);
    request.setTransferTimeout(m_timeoutMs);
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QByteArrayLiteral("application/x-www-form-urlencoded"));
    request.setRawHeader("Accept", "application/json");
    // A token endpoint that redirects is misconfigured; never resend a code.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    return bounded(m_network->post(request, body), maxDocumentSize);
}

void OidcClient::fetchMetadata(Callback<ProviderMetadata> done)
{
    const QUrl issuerUrl(m_issuer, QUrl::StrictMode);
    QUrl url = issuerUrl;
    url.setPath(issuerUrl.path() + QStringLiteral("/.well-known/openid-configuration"));
    QNetworkReply *reply = get(url, maxDocumentSize);
    connect(reply, &QNetworkReply::finished, this, [this, reply, done, issuerUrl] {
        reply->deleteLater();
        if (reply->error() != QNetworkReply::NoError) {
            done(std::nullopt, error(ProviderError::Kind::Network,
                                     QStringLiteral("Cannot reach the sign-in provider %1: %2")
                                         .arg(m_issuer, networkProblem(reply))));
            return;
        }
        const QJsonObject doc = QJsonDocument::fromJson(reply->read(maxDocumentSize)).object();
        if (doc.isEmpty()) {
            done(std::nullopt, error(ProviderError::Kind::Protocol,
                                     QStringLiteral("%1 did not answer with an OpenID discovery "
                                                    "document. Is the issuer URL right?")
                                         .arg(m_issuer)));
            return;
        }
        ProviderMetadata metadata;
        metadata.issuer = doc.value(QLatin1String("issuer")).toString();
        // OIDC Discovery §4.3: the document must name exactly this issuer.
        if (metadata.issuer != m_issuer) {
            done(std::nullopt,
                 error(ProviderError::Kind::Protocol,
                       QStringLiteral("The discovery document names the issuer \"%1\", "
                                      "not \"%2\"; check the profile's issuer URL.")
                           .arg(metadata.issuer, m_issuer)));
            return;
        }
        const bool allowHttp = isLoopbackHttp(issuerUrl);
        metadata.authorizationEndpoint = endpoint(doc, "authorization_endpoint", allowHttp);
        metadata.tokenEndpoint = endpoint(doc, "token_endpoint", allowHttp);
        metadata.jwksUri = endpoint(doc, "jwks_uri", allowHttp);
        metadata.userinfoEndpoint = endpoint(doc, "userinfo_endpoint", allowHttp);
        metadata.revocationEndpoint = endpoint(doc, "revocation_endpoint", allowHttp);
        metadata.issParameterSupported =
            doc.value(QLatin1String("authorization_response_iss_parameter_supported")).toBool();
        if (metadata.authorizationEndpoint.isEmpty() || metadata.tokenEndpoint.isEmpty() ||
            metadata.jwksUri.isEmpty()) {
            done(std::nullopt, error(ProviderError::Kind::Protocol,
                                     QStringLiteral("The discovery document of %1 lacks a usable "
                                                    "authorization, token or JWKS endpoint.")
                                         .arg(m_issuer)));
            return;
        }
        const QJsonValue methods = doc.value(QLatin1String("code_challenge_methods_supported"));
        if (methods.isArray() && !methods.toArray().contains(QStringLiteral("S256"))) {
            done(std::nullopt, error(ProviderError::Kind::Protocol,
                                     QStringLiteral("%1 does not support PKCE with S256, which "
                                                    "Rolecall requires.")
                                         .arg(m_issuer)));
            return;
        }
        done(metadata, {});
    });
}

void OidcClient::fetchJwks(const QUrl &jwksUri, Callback<Jwks> done)
{
    QNetworkReply *reply = get(jwksUri, Jwks::maxDocumentSize);
    connect(reply, &QNetworkReply::finished, this, [this, reply, done, jwksUri] {
        reply->deleteLater();
        if (reply->error() != QNetworkReply::NoError) {
            done(std::nullopt, error(ProviderError::Kind::Network,
                                     QStringLiteral("Cannot fetch the provider's signing keys from "
                                                    "%1: %2")
                                         .arg(hostOf(jwksUri), networkProblem(reply))));
            return;
        }
        QString parseError;
        std::optional<Jwks> keys = Jwks::parse(reply->read(Jwks::maxDocumentSize + 1), &parseError);
        if (!keys) {
            done(std::nullopt, error(ProviderError::Kind::Protocol,
                                     QStringLiteral("The provider's signing keys are unusable: %1")
                                         .arg(parseError)));
            return;
        }
        done(keys, {});
    });
}

void OidcClient::exchangeCode(const QUrl &tokenEndpoint, const QString &code,
                              const QByteArray &verifier, const QUrl &redirectUri,
                              Callback<TokenResponse> done)
{
    FormFields form;
    form.append({QStringLiteral("grant_type"), QStringLiteral("authorization_code")});
    form.append({QStringLiteral("code"), code});
    form.append({QStringLiteral("redirect_uri"), redirectUri.toString()});
    form.append({QStringLiteral("client_id"), m_clientId});
    form.append({QStringLiteral("code_verifier"), QString::fromLatin1(verifier)});
    tokenRequest(tokenEndpoint, form, std::move(done));
}

void OidcClient::refresh(const QUrl &tokenEndpoint, const QString &refreshToken,
                         Callback<TokenResponse> done)
{
    FormFields form;
    form.append({QStringLiteral("grant_type"), QStringLiteral("refresh_token")});
    form.append({QStringLiteral("refresh_token"), refreshToken});
    form.append({QStringLiteral("client_id"), m_clientId});
    tokenRequest(tokenEndpoint, form, std::move(done));
}

void OidcClient::tokenRequest(const QUrl &tokenEndpoint, const FormFields &form,
                              Callback<TokenResponse> done)
{
    QNetworkReply *reply = postForm(tokenEndpoint, form);
    connect(reply, &QNetworkReply::finished, this, [this, reply, done, tokenEndpoint] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = reply->read(maxDocumentSize);
        const QJsonObject json = QJsonDocument::fromJson(body).object();
        if (status == 0 || reply->error() == QNetworkReply::OperationCanceledError) {
            done(std::nullopt, error(ProviderError::Kind::Network,
                                     QStringLiteral("Cannot reach the sign-in provider at %1: %2")
                                         .arg(hostOf(tokenEndpoint), networkProblem(reply))));
            return;
        }
        if (status != 200) {
            // RFC 6749 §5.2: {"error": "...", "error_description": "..."}
            const QString code = json.value(QLatin1String("error")).toString();
            const QString description = json.value(QLatin1String("error_description")).toString();
            if (code.isEmpty()) {
                done(std::nullopt,
                     error(ProviderError::Kind::Http,
                           QStringLiteral("The sign-in provider's token endpoint answered HTTP %1.")
                               .arg(status)));
                return;
            }
            const QString message =
                QStringLiteral("The sign-in provider refused: %1%2")
                    .arg(code, description.isEmpty() ? QString()
                                                     : QStringLiteral(" (%1)").arg(description));
            done(std::nullopt,
                 error(code == QLatin1String("invalid_grant") ? ProviderError::Kind::InvalidGrant
                                                              : ProviderError::Kind::Http,
                       message));
            return;
        }
        TokenResponse tokens;
        tokens.accessToken = json.value(QLatin1String("access_token")).toString();
        tokens.refreshToken = json.value(QLatin1String("refresh_token")).toString();
        tokens.idToken = json.value(QLatin1String("id_token")).toString().toUtf8();
        // Clamped: a day at most, so no arithmetic on it can overflow.
        tokens.expiresIn = int(std::clamp<qint64>(
            qint64(json.value(QLatin1String("expires_in")).toDouble()), 0, 24 * 3600));
        tokens.scope = json.value(QLatin1String("scope")).toString();
        const QString type = json.value(QLatin1String("token_type")).toString();
        if (tokens.accessToken.isEmpty() ||
            type.compare(QLatin1String("Bearer"), Qt::CaseInsensitive) != 0) {
            done(std::nullopt, error(ProviderError::Kind::Protocol,
                                     QStringLiteral("The sign-in provider's token answer has no "
                                                    "bearer access token.")));
            return;
        }
        done(tokens, {});
    });
}

void OidcClient::revoke(const QUrl &revocationEndpoint, const QString &token, const QString &hint,
                        Callback<bool> done)
{
    FormFields form;
    form.append({QStringLiteral("token"), token});
    form.append({QStringLiteral("token_type_hint"), hint});
    form.append({QStringLiteral("client_id"), m_clientId});
    QNetworkReply *reply = postForm(revocationEndpoint, form);
    connect(reply, &QNetworkReply::finished, this, [this, reply, done, revocationEndpoint] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status == 200) {
            done(true, {});
            return;
        }
        done(std::nullopt,
             error(status == 0 ? ProviderError::Kind::Network : ProviderError::Kind::Http,
                   QStringLiteral("Could not revoke the session at %1: %2")
                       .arg(hostOf(revocationEndpoint),
                            status == 0 ? reply->errorString()
                                        : QStringLiteral("HTTP %1").arg(status))));
    });
    qCDebug(lcAuth) << "revoking a" << hint << "at" << revocationEndpoint.host();
}

} // namespace rolecall::auth
