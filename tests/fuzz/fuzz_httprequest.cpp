// libFuzzer target: the loopback receiver's request-head parser and target
// splitter, which see whatever bytes any local process sends to the port.
#include "auth/httprequest.h"

#include <QByteArray>
#include <QString>
#include <QUrlQuery>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace rolecall::auth;
    const QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));

    // A small limit as well as the real one, so the TooLarge edges get hit.
    for (const qsizetype limit : {qsizetype(64), qsizetype(8192)}) {
        HttpRequestHead head;
        const HttpParse result = parseHttpRequestHead(bytes, &head, limit);
        if (result == HttpParse::Complete) {
            // What the parser promises for a complete head.
            if (head.method.isEmpty() || head.target.isEmpty() ||
                !head.version.startsWith("HTTP/1.") || head.headers.size() > maxHttpHeaders)
                std::abort();
            QString path;
            QUrlQuery query;
            if (splitTarget(head.target, &path, &query)) {
                (void)query.queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded);
                (void)query.queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded);
            }
        }
        if (result == HttpParse::Incomplete && bytes.size() >= limit)
            std::abort(); // a client must not be able to make us wait for more than the limit
    }

    // The splitter on raw bytes too: it must cope with anything.
    QString path;
    QUrlQuery query;
    if (splitTarget(bytes, &path, &query))
        (void)query.toString(QUrl::FullyDecoded);
    return 0;
}
