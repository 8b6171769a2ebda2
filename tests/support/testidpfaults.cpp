// The test identity provider's faults (Behaviour: down, garbage, slow,
// trickling paths), kept apart from the protocol it speaks when healthy.
#include "support/testidp.h"

#include "support/socketfaults.h"

#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

namespace rolecall::testing {

bool TestIdentityProvider::injectFault(QTcpSocket *socket, const Request &request)
{
    const QString path = request.url.path();
    if (m_behaviour.downPaths.contains(path)) {
        socket->abort(); // as a crashed server or a dropped connection
        return true;
    }
    if (const auto it = m_behaviour.garbage.constFind(path); it != m_behaviour.garbage.constEnd()) {
        reply(socket, request, Response{200, QByteArrayLiteral("application/json"), *it, {}});
        return true;
    }
    if (path == m_behaviour.tricklePath) {
        const QByteArray body = "{\"issuer\":\"" + issuer().toUtf8() + "\"}";
        const QByteArray out =
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
            QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
        trickle(socket, out, m_behaviour.trickleIntervalMs);
        return true;
    }
    const int delay = m_behaviour.pathDelayMs.value(path, 0);
    if (delay > 0 && !m_delayedDispatch) {
        QPointer<QTcpSocket> guard(socket);
        QTimer::singleShot(delay, this, [this, guard, request] {
            if (!guard)
                return;
            m_delayedDispatch = true;
            dispatch(guard, request);
            m_delayedDispatch = false;
        });
        return true;
    }
    return false;
}

} // namespace rolecall::testing
