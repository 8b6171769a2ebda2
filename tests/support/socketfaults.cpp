#include "support/socketfaults.h"

#include <QTcpSocket>
#include <QTimer>

#include <memory>

namespace rolecall::testing {

void trickle(QTcpSocket *socket, const QByteArray &bytes, int intervalMs)
{
    auto *timer = new QTimer(socket);
    auto position = std::make_shared<qsizetype>(0);
    QObject::connect(timer, &QTimer::timeout, socket, [socket, timer, bytes, position] {
        if (*position >= bytes.size()) {
            timer->stop();
            socket->disconnectFromHost();
            return;
        }
        socket->write(bytes.mid(*position, 1));
        ++*position;
    });
    timer->start(intervalMs);
}

} // namespace rolecall::testing
