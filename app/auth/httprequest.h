#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QUrlQuery>

#include <utility>

namespace rolecall::auth {

// The head of an HTTP/1.x request: request line and header fields. The
// loopback receiver only ever needs GET with a query, so there is no body.
struct HttpRequestHead
{
    QByteArray method, target, version;
    QList<std::pair<QByteArray, QByteArray>> headers; // names as sent, values trimmed
};

enum class HttpParse {
    Incomplete, // no blank line yet and still under the size limit: read more
    Complete,   // *out holds the head
    Malformed,  // answer 400
    TooLarge,   // over maxHeadSize bytes or over maxHttpHeaders fields: answer 431
};

inline constexpr qsizetype maxHttpHeaders = 100;

// Parses the request head at the start of buffer (CRLF or bare LF line ends).
// Pure: no I/O, no allocation beyond *out, safe on any bytes. Anything after
// the blank line is ignored.
HttpParse parseHttpRequestHead(QByteArrayView buffer, HttpRequestHead *out,
                               qsizetype maxHeadSize = 8192);

// Splits an origin-form target ("/path?query") into its percent-decoded path
// and its query (values fully decoded). Returns false for anything that is not
// origin-form (absolute URLs, "*", a fragment, an empty target).
bool splitTarget(const QByteArray &target, QString *path, QUrlQuery *query);

} // namespace rolecall::auth
