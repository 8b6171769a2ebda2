#include "domain/profile.h"

#include "domain/connectionsettings.h"

#include <QHostAddress>
#include <QRegularExpression>
#include <QUrl>

namespace rolecall {

namespace {

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

bool isLoopbackHost(const QString &host)
{
    return QHostAddress(host).isLoopback() ||
           host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0;
}

bool hasSpaceOrControl(const QString &text)
{
    for (const QChar c : text) {
        if (c.isSpace() || c.category() == QChar::Other_Control)
            return true;
    }
    return false;
}

// RFC 6749 §3.3: scope-token = 1*( %x21 / %x23-5B / %x5D-7E )
bool isScopeToken(const QString &token)
{
    if (token.isEmpty())
        return false;
    for (const QChar c : token) {
        const char16_t u = c.unicode();
        if (u < 0x21 || u > 0x7e || u == 0x22 || u == 0x5c)
            return false;
    }
    return true;
}

// Issuer, API and Clerk URLs: absolute http(s) with a host and no user info
// (user info is where a password would hide, and settings hold no secret),
// https unless on loopback: each is sent a token, a session or a key.
bool checkHttpUrl(const QString &text, const QString &field, bool issuerRules, QString *error)
{
    if (hasSpaceOrControl(text))
        return fail(error,
                    QStringLiteral("The %1 contains spaces or control characters.").arg(field));
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.isRelative() || url.host().isEmpty())
        // Not echoed: a mistyped URL may carry a password.
        return fail(error, QStringLiteral("The %1 is not an absolute URL such as "
                                          "https://example.com.")
                               .arg(field));
    const QString scheme = url.scheme().toLower();
    if (scheme != QLatin1String("https") && scheme != QLatin1String("http"))
        return fail(error,
                    QStringLiteral("The %1 must start with https:// (it starts with \"%2:\").")
                        .arg(field, url.scheme()));
    if (!url.userInfo().isEmpty())
        return fail(error,
                    QStringLiteral("The %1 must not contain a user name or password.").arg(field));
    if (scheme == QLatin1String("http") && !isLoopbackHost(url.host()))
        return fail(error, QStringLiteral("The %1 must use https:// (plain http:// is allowed "
                                          "only for 127.0.0.1, ::1 or localhost).")
                               .arg(field));
    if (!issuerRules)
        return true;
    if (url.hasQuery() || url.hasFragment())
        return fail(error, QStringLiteral("The %1 must not have a query (?...) or a fragment "
                                          "(#...).")
                               .arg(field));
    if (text.endsWith(QLatin1Char('/')))
        return fail(error, QStringLiteral("The %1 must not end with a slash: OpenID Connect "
                                          "compares issuers exactly, so write %2.")
                               .arg(field, text.left(text.size() - 1)));
    return true;
}

} // namespace

bool checkServiceUrl(const QString &text, const QString &field, QString *error)
{
    return checkHttpUrl(text, field, false, error);
}

bool Profile::validate(QString *error) const
{
    static const QRegularExpression namePattern(QStringLiteral("^[A-Za-z0-9._-]{1,64}$"));
    if (!namePattern.match(name).hasMatch())
        return fail(error, QStringLiteral("The profile name \"%1\" must be 1 to 64 letters, "
                                          "digits, dots, underscores or hyphens.")
                               .arg(name));
    // "." and ".." would read as path segments in settings keys.
    if (name == QLatin1String(".") || name == QLatin1String(".."))
        return fail(error,
                    QStringLiteral("The profile name \"%1\" is reserved; pick another.").arg(name));

    if (issuer.isEmpty())
        return fail(error, QStringLiteral("The issuer is missing: give the OpenID provider's URL, "
                                          "e.g. https://example.clerk.accounts.dev."));
    if (!checkHttpUrl(issuer, QStringLiteral("issuer"), true, error))
        return false;

    if (clientId.isEmpty())
        return fail(error, QStringLiteral("The client ID is missing."));
    if (clientId.size() > 200)
        return fail(error, QStringLiteral("The client ID is longer than 200 characters."));
    if (hasSpaceOrControl(clientId))
        return fail(error, QStringLiteral("The client ID contains spaces or control characters."));

    if (scopes.isEmpty())
        return fail(error, QStringLiteral("The scopes are empty; they must include openid."));
    for (const QString &scope : scopes) {
        if (!isScopeToken(scope))
            return fail(error, QStringLiteral("The scope \"%1\" is not a valid scope token "
                                              "(printable ASCII, no spaces, quotes or "
                                              "backslashes).")
                                   .arg(scope));
    }
    if (!scopes.contains(QLatin1String("openid")))
        return fail(error, QStringLiteral("The scopes must include openid."));

    if (!databaseUrl.isEmpty()) {
        ConnectionSettings ignored;
        QString why;
        if (!ConnectionSettings::fromUrl(databaseUrl, &ignored, &why)) {
            // fromUrl's sentences mostly name the database URL already.
            if (why.contains(QLatin1String("database"), Qt::CaseInsensitive))
                return fail(error, why);
            return fail(error, QStringLiteral("The database URL is not valid: %1").arg(why));
        }
    }
    if (!databaseUrl.isEmpty() && !apiBaseUrl.isEmpty())
        return fail(error, QStringLiteral("A profile reads either a database (URL) or a backend "
                                          "API (URL), not both; clear one of them."));
    if (!apiBaseUrl.isEmpty() && !checkHttpUrl(apiBaseUrl, QStringLiteral("API URL"), false, error))
        return false;
    return clerkApiUrl.isEmpty() ||
           checkHttpUrl(clerkApiUrl, QStringLiteral("Clerk API URL"), false, error);
}

} // namespace rolecall
