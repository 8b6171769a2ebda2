#include "support/tcpfaultproxy.h"

#include <QHostAddress>
#include <QMutex>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <utility>

namespace rolecall::testing {

// Lives in its own thread; every socket is created and used there.
class TcpFaultProxyCore final : public QObject
{
public:
    TcpFaultProxyCore(QString host, int port)
        : m_host(std::move(host))
        , m_port(port)
    {}

    bool listen(QString *error)
    {
        bool ok = false;
        QMetaObject::invokeMethod(
            this,
            [this, &ok, error]() {
                m_server = new QTcpServer(this);
                QObject::connect(m_server, &QTcpServer::newConnection, this,
                                 [this]() { acceptAll(); });
                ok = m_server->listen(QHostAddress::LocalHost, 0);
                if (ok)
                    m_listenPort = m_server->serverPort();
                else if (error)
                    *error = m_server->errorString();
            },
            Qt::BlockingQueuedConnection);
        return ok;
    }

    void closeAll()
    {
        QMetaObject::invokeMethod(
            this,
            [this]() {
                int ended = 0;
                const auto pairs = findChildren<QTcpSocket *>();
                for (QTcpSocket *socket : pairs) {
                    if (socket->state() != QAbstractSocket::UnconnectedState)
                        ++ended;
                    socket->abort();
                }
                if (ended > 0)
                    ++m_faults;
            },
            Qt::BlockingQueuedConnection);
    }

    void shutDown()
    {
        QMetaObject::invokeMethod(
            this,
            [this]() {
                const auto sockets = findChildren<QTcpSocket *>();
                for (QTcpSocket *socket : sockets)
                    socket->abort();
                qDeleteAll(children());
                m_server = nullptr;
            },
            Qt::BlockingQueuedConnection);
    }

    int m_listenPort = 0;
    std::atomic<bool> m_refusing{false};
    std::atomic<int> m_delay{0};
    std::atomic<int> m_faults{0};
    std::atomic<bool> m_fired{false};
    QMutex m_cutMutex;
    QByteArray m_pattern; // empty: disarmed
    TcpFaultProxy::Cut m_when = TcpFaultProxy::Cut::BeforeSending;

private:
    void acceptAll()
    {
        while (m_server->hasPendingConnections()) {
            QTcpSocket *client = m_server->nextPendingConnection();
            client->setParent(this);
            if (m_refusing) {
                ++m_faults;
                client->abort();
                client->deleteLater();
                continue;
            }
            auto *server = new QTcpSocket(this);
            wire(client, server);
            server->connectToHost(m_host, quint16(m_port));
        }
    }

    // Forwards `data` to `to`, now or after the delay.
    void forward(const QPointer<QTcpSocket> &to, const QByteArray &data)
    {
        const int delay = m_delay;
        if (delay <= 0) {
            if (to)
                to->write(data);
            return;
        }
        QTimer::singleShot(delay, this, [to, data]() {
            if (to && to->state() == QAbstractSocket::ConnectedState)
                to->write(data);
        });
    }

    void cut(QTcpSocket *a, QTcpSocket *b)
    {
        ++m_faults;
        m_fired = true;
        a->abort();
        b->abort();
    }

    void wire(QTcpSocket *client, QTcpSocket *server)
    {
        // Bytes the client sent before the server side connected.
        auto pending = std::make_shared<QByteArray>();
        auto cutOnAnswer = std::make_shared<bool>(false);
        const QPointer<QTcpSocket> toServer(server);
        const QPointer<QTcpSocket> toClient(client);

        QObject::connect(server, &QTcpSocket::connected, this, [this, server, pending]() {
            if (!pending->isEmpty())
                forward(QPointer<QTcpSocket>(server), std::exchange(*pending, {}));
        });
        QObject::connect(client, &QTcpSocket::readyRead, this,
                         [this, client, server, pending, cutOnAnswer, toServer]() {
                             QByteArray data = client->readAll();
                             {
                                 QMutexLocker lock(&m_cutMutex);
                                 const qsizetype at =
                                     m_pattern.isEmpty() ? -1 : data.indexOf(m_pattern);
                                 if (at >= 0) {
                                     const TcpFaultProxy::Cut when = m_when;
                                     const qsizetype half = at + m_pattern.size() / 2;
                                     m_pattern.clear();
                                     lock.unlock();
                                     if (when == TcpFaultProxy::Cut::BeforeSending) {
                                         cut(client, server);
                                         return;
                                     }
                                     if (when == TcpFaultProxy::Cut::MidStream) {
                                         server->write(data.left(half));
                                         server->flush();
                                         cut(client, server);
                                         return;
                                     }
                                     *cutOnAnswer = true;
                                 }
                             }
                             if (server->state() != QAbstractSocket::ConnectedState)
                                 pending->append(data);
                             else
                                 forward(toServer, data);
                         });
        QObject::connect(server, &QTcpSocket::readyRead, this,
                         [this, client, server, cutOnAnswer, toClient]() {
                             const QByteArray data = server->readAll();
                             if (*cutOnAnswer) {
                                 cut(client, server);
                                 return;
                             }
                             forward(toClient, data);
                         });
        // A side that hangs up after its last bytes (an HTTP server's
        // "Connection: close") is passed on once those bytes are through,
        // delayed ones included; only a real error aborts the other side.
        const auto closeBoth = [this, toClient, toServer]() {
            const auto close = [toClient, toServer]() {
                if (toClient)
                    toClient->disconnectFromHost();
                if (toServer)
                    toServer->disconnectFromHost();
            };
            const int delay = m_delay;
            if (delay > 0)
                QTimer::singleShot(delay, this, close);
            else
                close();
        };
        QObject::connect(client, &QTcpSocket::disconnected, this, closeBoth);
        QObject::connect(server, &QTcpSocket::disconnected, this, closeBoth);
        QObject::connect(server, &QTcpSocket::errorOccurred, this,
                         [toClient](QAbstractSocket::SocketError error) {
                             if (error != QAbstractSocket::RemoteHostClosedError && toClient)
                                 toClient->abort();
                         });
        // Both go once both have closed.
        QObject::connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
        QObject::connect(server, &QTcpSocket::disconnected, server, &QObject::deleteLater);
    }

    QString m_host;
    int m_port = 0;
    QTcpServer *m_server = nullptr;
};

TcpFaultProxy::TcpFaultProxy(QString targetHost, int targetPort)
    : m_core(std::make_unique<TcpFaultProxyCore>(std::move(targetHost), targetPort))
{}

TcpFaultProxy::~TcpFaultProxy()
{
    if (!m_thread)
        return;
    m_core->shutDown();
    m_thread->quit();
    m_thread->wait();
    // The thread has ended: the core handles no more events, so it may go here.
    m_core.reset();
}

bool TcpFaultProxy::start(QString *error)
{
    m_thread = std::make_unique<QThread>();
    m_core->moveToThread(m_thread.get());
    m_thread->start();
    return m_core->listen(error);
}

int TcpFaultProxy::port() const
{
    return m_core->m_listenPort;
}

void TcpFaultProxy::setRefusing(bool refusing)
{
    m_core->m_refusing = refusing;
}

void TcpFaultProxy::setDelay(int milliseconds)
{
    m_core->m_delay = milliseconds;
}

void TcpFaultProxy::armCut(const QByteArray &pattern, Cut when)
{
    QMutexLocker lock(&m_core->m_cutMutex);
    m_core->m_pattern = pattern;
    m_core->m_when = when;
    m_core->m_fired = false;
}

bool TcpFaultProxy::cutFired() const
{
    return m_core->m_fired;
}

void TcpFaultProxy::disarm()
{
    QMutexLocker lock(&m_core->m_cutMutex);
    m_core->m_pattern.clear();
}

void TcpFaultProxy::cutAll()
{
    m_core->closeAll();
}

int TcpFaultProxy::faultsInjected() const
{
    return m_core->m_faults;
}

} // namespace rolecall::testing
