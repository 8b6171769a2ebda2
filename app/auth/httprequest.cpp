#include "auth/httprequest.h"

#include <QUrl>

namespace rolecall::auth {

namespace {

// RFC 9110 §5.6.2 tchar.
bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    switch (c) {
    case '!':
    case '#':
    case '$':
    case '%':
    case '&':
    case '\'':
    case '*':
    case '+':
    case '-':
    case '.':
    case '^':
    case '_':
    case '`':
    case '|':
    case '~':
        return true;
    default:
        return false;
    }
}

bool isToken(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    for (const char c : text) {
        if (!isTokenChar(c))
            return false;
    }
    return true;
}

bool isControl(char c)
{
    const auto u = static_cast<unsigned char>(c);
    return u < 0x20 || u == 0x7f;
}

// A target is visible ASCII only: no spaces, no controls, no raw 8-bit bytes
// (a browser percent-encodes those).
bool isValidTarget(QByteArrayView target)
{
    if (target.isEmpty())
        return false;
    for (const char c : target) {
        const auto u = static_cast<unsigned char>(c);
        if (isControl(c) || u == ' ' || u >= 0x80)
            return false;
    }
    return true;
}

bool isValidVersion(QByteArrayView version)
{
    return version.size() == 8 && version.startsWith("HTTP/1.") && version.at(7) >= '0' &&
           version.at(7) <= '9';
}

// Field values may hold tabs and obs-text, but no other control characters.
bool isValidFieldValue(QByteArrayView value)
{
    for (const char c : value) {
        if (isControl(c) && c != '\t')
            return false;
    }
    return true;
}

QByteArrayView stripCr(QByteArrayView line)
{
    return line.endsWith('\r') ? line.chopped(1) : line;
}

QByteArrayView trimmed(QByteArrayView text)
{
    while (!text.isEmpty() && (text.front() == ' ' || text.front() == '\t'))
        text = text.sliced(1);
    while (!text.isEmpty() && (text.back() == ' ' || text.back() == '\t'))
        text.chop(1);
    return text;
}

HttpParse parseRequestLine(QByteArrayView line, HttpRequestHead *head)
{
    const qsizetype firstSpace = line.indexOf(' ');
    if (firstSpace <= 0)
        return HttpParse::Malformed;
    const qsizetype secondSpace = line.indexOf(' ', firstSpace + 1);
    if (secondSpace < 0 || line.indexOf(' ', secondSpace + 1) >= 0)
        return HttpParse::Malformed;
    const QByteArrayView method = line.first(firstSpace);
    const QByteArrayView target = line.sliced(firstSpace + 1, secondSpace - firstSpace - 1);
    const QByteArrayView version = line.sliced(secondSpace + 1);
    if (!isToken(method) || !isValidTarget(target) || !isValidVersion(version))
        return HttpParse::Malformed;
    head->method = method.toByteArray();
    head->target = target.toByteArray();
    head->version = version.toByteArray();
    return HttpParse::Complete;
}

} // namespace

HttpParse parseHttpRequestHead(QByteArrayView buffer, HttpRequestHead *out, qsizetype maxHeadSize)
{
    // The head ends at the first empty line; look only within the limit so a
    // client cannot make us scan (or keep) more than maxHeadSize bytes.
    const QByteArrayView window = buffer.first(qMin(buffer.size(), maxHeadSize));
    qsizetype end = -1;
    qsizetype lineStart = 0;
    QList<QByteArrayView> lines;
    while (lineStart < window.size()) {
        const qsizetype newline = window.indexOf('\n', lineStart);
        if (newline < 0)
            break;
        const QByteArrayView line = stripCr(window.sliced(lineStart, newline - lineStart));
        lineStart = newline + 1;
        if (line.isEmpty()) {
            // RFC 9112 §2.2: a server SHOULD ignore empty lines before the request line.
            if (lines.isEmpty())
                continue;
            end = lineStart;
            break;
        }
        // Headers plus the request line; one more than allowed is already too many.
        if (lines.size() > maxHttpHeaders)
            return HttpParse::TooLarge;
        lines.append(line);
    }
    if (end < 0)
        return buffer.size() >= maxHeadSize ? HttpParse::TooLarge : HttpParse::Incomplete;

    HttpRequestHead head;
    if (parseRequestLine(lines.front(), &head) != HttpParse::Complete)
        return HttpParse::Malformed;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArrayView line = lines.at(i);
        const qsizetype colon = line.indexOf(':');
        // No obsolete line folding (a leading space) and no space before the colon.
        if (colon <= 0 || !isToken(line.first(colon)))
            return HttpParse::Malformed;
        const QByteArrayView value = trimmed(line.sliced(colon + 1));
        if (!isValidFieldValue(value))
            return HttpParse::Malformed;
        head.headers.append({line.first(colon).toByteArray(), value.toByteArray()});
    }
    if (out)
        *out = std::move(head);
    return HttpParse::Complete;
}

bool splitTarget(const QByteArray &target, QString *path, QUrlQuery *query)
{
    if (!target.startsWith('/') || target.contains('#'))
        return false;
    const qsizetype mark = target.indexOf('?');
    const QByteArray rawPath = mark < 0 ? target : target.first(mark);
    const QByteArray rawQuery = mark < 0 ? QByteArray() : target.sliced(mark + 1);
    if (path)
        *path = QUrl::fromPercentEncoding(rawPath);
    if (query) {
        // QUrlQuery keeps "+" as is; form-encoded queries mean a space by it.
        QByteArray spaced = rawQuery;
        spaced.replace('+', "%20");
        query->setQuery(QString::fromLatin1(spaced));
    }
    return true;
}

} // namespace rolecall::auth
