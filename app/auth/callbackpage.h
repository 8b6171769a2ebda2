#pragma once

#include <QByteArray>
#include <QString>

namespace rolecall::auth {

// The page the browser shows after the redirect: a complete HTML5 document
// with inline CSS only (no script, no external resource, so nothing leaks the
// URL with the code to a third party), light and dark. title and message are
// plain text; both are HTML-escaped, quotes included.
QByteArray callbackPage(bool success, const QString &title, const QString &message);

// A complete HTTP/1.1 response carrying html: no caching, no sniffing, a
// Content-Security-Policy that allows nothing but the inline style, and
// Connection: close (the receiver answers once per connection).
QByteArray httpResponse(int status, const QByteArray &reason, const QByteArray &html);

} // namespace rolecall::auth
