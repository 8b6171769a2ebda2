#include "auth/callbackpage.h"

namespace rolecall::auth {

namespace {

// toHtmlEscaped covers <, >, & and "; single quotes too, so the text is safe
// in any attribute as well as in element content.
QString escaped(const QString &text)
{
    return text.toHtmlEscaped().replace(QLatin1Char('\''), QLatin1String("&#39;"));
}

} // namespace

QByteArray callbackPage(bool success, const QString &title, const QString &message)
{
    const QString mark = success ? QStringLiteral("&#10003;") : QStringLiteral("&#10007;");
    const QString kind = success ? QStringLiteral("ok") : QStringLiteral("failed");
    const QString html =
        QLatin1String("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                      "<meta name=\"color-scheme\" content=\"light dark\">\n<title>") %
        escaped(title) %
        QLatin1String(
            " - Rolecall</title>\n<style>\n"
            ":root{color-scheme:light dark;--bg:#f6f7f9;--fg:#1d2125;--card:#fff;"
            "--ok:#1f7a3a;--failed:#b3261e;--muted:#5b636b}\n"
            "@media (prefers-color-scheme: dark){:root{--bg:#16181b;--fg:#e8eaed;--card:#23262a;"
            "--ok:#6fd08c;--failed:#ff8a80;--muted:#a9b0b7}}\n"
            "body{margin:0;min-height:100vh;display:flex;align-items:center;"
            "justify-content:center;background:var(--bg);color:var(--fg);"
            "font:16px/1.5 system-ui,-apple-system,\"Segoe UI\",sans-serif}\n"
            "main{max-width:32rem;margin:1rem;padding:2rem;background:var(--card);"
            "border-radius:12px;box-shadow:0 1px 4px rgba(0,0,0,.2)}\n"
            "h1{margin:0 0 .5rem;font-size:1.4rem}\n"
            ".ok h1{color:var(--ok)}.failed h1{color:var(--failed)}\n"
            "p{margin:.5rem 0;white-space:pre-wrap;overflow-wrap:anywhere}\n"
            ".hint{color:var(--muted);font-size:.9rem}\n"
            "</style>\n</head>\n<body>\n<main class=\"") %
        kind % QLatin1String("\">\n<h1><span aria-hidden=\"true\">") % mark %
        QLatin1String("</span> ") % escaped(title) % QLatin1String("</h1>\n<p>") %
        escaped(message) %
        QLatin1String("</p>\n<p class=\"hint\">You can close this tab and return to "
                      "Rolecall.</p>\n</main>\n</body>\n</html>\n");
    return html.toUtf8();
}

QByteArray httpResponse(int status, const QByteArray &reason, const QByteArray &html)
{
    QByteArray response = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\n";
    response += "Content-Type: text/html; charset=utf-8\r\n"
                "Content-Length: " +
                QByteArray::number(html.size()) +
                "\r\n"
                "Cache-Control: no-store\r\n"
                "Connection: close\r\n"
                "X-Content-Type-Options: nosniff\r\n"
                "Content-Security-Policy: default-src 'none'; style-src 'unsafe-inline'\r\n"
                "Referrer-Policy: no-referrer\r\n"
                "\r\n";
    response += html;
    return response;
}

} // namespace rolecall::auth
