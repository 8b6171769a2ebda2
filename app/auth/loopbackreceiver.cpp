#include "auth/loopbackreceiver.h"

#include "auth/callbackpage.h"
#include "auth/httprequest.h"

#include <QHostAddress>
#include <QTcpSocket>
#include <QUrlQuery>

#include <utility>

namespace rolecall::auth {

namespace {

const QString notOurs = QStringLiteral("This sign-in link is not the one Rolecall is waiting for. "
                                       "Start the sign-in again from Rolecall.");

// Compares without an early exit, so the time taken says nothing about how
// much of the expected state a guess got right.
bool sameSecret(const QString &a, const QString &b)
{
    if (a.isEmpty() || a.size() != b.size())
        return false;
    char16_t difference = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        difference |= a.at(i).unicode() ^ b.at(i).unicode();
    return difference == 0;
}

QString describe(std::chrono::milliseconds duration)
{
    const qint64 ms = duration.count();
    if (ms % 60000 == 0)
        return ms == 60000 ? QStringLiteral("1 minute")
                           : QString::number(ms / 60000) + QStringLiteral(" minutes");
    if (ms % 1000 == 0)
        return ms == 1000 ? QStringLiteral("1 second")
                          : QString::number(ms / 1000) + QStringLiteral(" seconds");
    return QString::number(ms) + QStringLiteral(" milliseconds");
}

QString decoded(const QUrlQuery &query, const QString &key)
{
    return query.queryItemValue(key, QUrl::FullyDecoded);
}

} // namespace

LoopbackReceiver::LoopbackReceiver(QObject *parent)
    : QObject(parent)
{
    m_waitTimer.setSingleShot(true);
    m_finishTimer.setSingleShot(true);
    connect(&m_server, &QTcpServer::newConnection, this, &LoopbackReceiver::onNewConnection);
    connect(&m_waitTimer, &QTimer::timeout, this, [this] {
        fail(Failure::TimedOut, QStringLiteral("No answer from the browser within ") %
                                    describe(m_timeout) % QLatin1Char('.'));
    });
    connect(&m_finishTimer, &QTimer::timeout, this, [this] {
        // The app never said how the sign-in ended: say so rather than guess.
        if (QTcpSocket *socket = std::exchange(m_held, nullptr))
            answer(socket, 500, "Internal Server Error", false, QStringLiteral("Sign-in failed"),
                   QStringLiteral("Rolecall did not complete the sign-in. "
                                  "Return to Rolecall and try again."));
    });
}

LoopbackReceiver::~LoopbackReceiver()
{
    closeAll();
}

bool LoopbackReceiver::listen(QString *error)
{
    // A QHostAddress object, not the enum: the enum converts to a port number
    // in some Qt overloads. Port 0: the system picks a free one.
    if (m_server.isListening() || !m_server.listen(QHostAddress(QHostAddress::LocalHost), 0)) {
        const QString message =
            m_server.isListening()
                ? QStringLiteral("The sign-in listener is already running.")
                : QStringLiteral("Could not listen on 127.0.0.1: ") % m_server.errorString();
        if (error)
            *error = message;
        Q_EMIT failed(Failure::ListenFailed, message);
        return false;
    }
    m_server.setMaxPendingConnections(maxConnections);
    QUrl uri;
    uri.setScheme(QStringLiteral("http"));
    uri.setHost(QStringLiteral("127.0.0.1"));
    uri.setPort(m_server.serverPort());
    uri.setPath(QStringLiteral("/callback"));
    m_redirectUri = uri;
    return true;
}

void LoopbackReceiver::expect(const QString &state, const QString &issuer,
                              std::chrono::milliseconds timeout, bool issuerRequired)
{
    m_state = state;
    m_issuer = issuer;
    m_issuerRequired = issuerRequired;
    m_timeout = timeout;
    m_waiting = m_server.isListening();
    if (m_waiting)
        m_waitTimer.start(timeout);
}

void LoopbackReceiver::finish(bool success, const QString &message)
{
    m_finishTimer.stop();
    if (QTcpSocket *socket = std::exchange(m_held, nullptr)) {
        if (success)
            answer(socket, 200, "OK", true, QStringLiteral("Signed in to Rolecall"), message);
        else
            answer(socket, 200, "OK", false, QStringLiteral("Sign-in failed"), message);
    }
}

void LoopbackReceiver::cancel()
{
    if (!m_server.isListening() && !m_held)
        return;
    fail(Failure::Cancelled, QStringLiteral("Sign-in was cancelled."), m_held);
}

void LoopbackReceiver::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        if (m_connections.size() >= maxConnections) {
            // A browser needs one or two; more is a flood. Drop, don't queue.
            socket->abort();
            socket->deleteLater();
            continue;
        }
        // Qt buffers no more than the head we accept; the rest stays in the kernel.
        socket->setReadBufferSize(maxHeadSize);
        Connection connection;
        connection.timer = new QTimer(socket);
        connection.timer->setSingleShot(true);
        connect(connection.timer, &QTimer::timeout, this,
                [this, socket] { onConnectionTimeout(socket); });
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this,
                [this, socket] { dropConnection(socket); });
        connection.timer->start(m_connectionTimeout);
        m_connections.insert(socket, connection);
        if (socket->bytesAvailable() > 0)
            onReadyRead(socket);
    }
}

void LoopbackReceiver::onReadyRead(QTcpSocket *socket)
{
    const auto it = m_connections.find(socket);
    if (it == m_connections.end() || it->answered || socket == m_held) {
        socket->skip(socket->bytesAvailable()); // nothing more to say to this client
        return;
    }
    it->buffer += socket->read(maxHeadSize - it->buffer.size());
    HttpRequestHead head;
    switch (parseHttpRequestHead(it->buffer, &head, maxHeadSize)) {
    case HttpParse::Incomplete:
        return;
    case HttpParse::Malformed:
        answer(socket, 400, "Bad Request", false, QStringLiteral("Bad request"),
               QStringLiteral("Rolecall could not read this request."));
        return;
    case HttpParse::TooLarge:
        answer(socket, 431, "Request Header Fields Too Large", false, QStringLiteral("Bad request"),
               QStringLiteral("The request is too large."));
        return;
    case HttpParse::Complete:
        it->buffer.clear();
        handleRequest(socket, head.method, head.target);
        return;
    }
}

void LoopbackReceiver::onConnectionTimeout(QTcpSocket *socket)
{
    const auto it = m_connections.constFind(socket);
    if (it == m_connections.cend())
        return;
    if (it->answered)
        socket->abort(); // the client does not read its answer; give up on it
    else
        answer(socket, 408, "Request Timeout", false, QStringLiteral("Bad request"),
               QStringLiteral("The request took too long."));
}

void LoopbackReceiver::handleRequest(QTcpSocket *socket, const QByteArray &method,
                                     const QByteArray &target)
{
    QString path;
    QUrlQuery query;
    if (method != "GET" || !splitTarget(target, &path, &query) ||
        path != QLatin1String("/callback")) {
        answer(socket, 404, "Not Found", false, QStringLiteral("Not found"),
               QStringLiteral("There is nothing here."));
        return;
    }
    // Before expect() and after the end, no state matches. A wrong state is
    // somebody else's link (or a CSRF attempt): refuse it, keep waiting.
    if (!m_waiting || !sameSecret(decoded(query, QStringLiteral("state")), m_state)) {
        answer(socket, 400, "Bad Request", false, QStringLiteral("Sign-in failed"), notOurs);
        return;
    }
    // RFC 9207: a different issuer means a mix-up attack; the attempt is spoilt.
    if (!m_issuer.isEmpty() && query.hasQueryItem(QStringLiteral("iss")) &&
        decoded(query, QStringLiteral("iss")) != m_issuer) {
        fail(Failure::IssuerMismatch,
             QStringLiteral("The sign-in answer came from an unexpected issuer."), socket);
        return;
    }
    // ... and so does a missing one from a provider that promised to send it.
    if (m_issuerRequired && !query.hasQueryItem(QStringLiteral("iss"))) {
        fail(Failure::IssuerMismatch,
             QStringLiteral("The sign-in answer did not say which issuer sent it, though the "
                            "provider promises to (RFC 9207)."),
             socket);
        return;
    }
    if (query.hasQueryItem(QStringLiteral("error"))) {
        const QString error = decoded(query, QStringLiteral("error"));
        const QString description = decoded(query, QStringLiteral("error_description"));
        fail(Failure::ProviderError,
             description.isEmpty() ? error : error % QStringLiteral(": ") % description, socket);
        return;
    }
    const QString code = decoded(query, QStringLiteral("code"));
    if (code.isEmpty()) {
        answer(socket, 400, "Bad Request", false, QStringLiteral("Sign-in failed"),
               QStringLiteral("The sign-in answer has no authorization code."));
        return;
    }
    // The one valid callback: nobody else gets to connect from now on. This
    // socket stays open until finish() can tell the truth about the outcome.
    m_waiting = false;
    m_waitTimer.stop();
    m_held = socket;
    m_connections[socket].timer->stop();
    closeAll(socket);
    m_finishTimer.start(m_finishTimeout);
    Q_EMIT codeReceived(code);
}

void LoopbackReceiver::answer(QTcpSocket *socket, int status, const QByteArray &reason,
                              bool success, const QString &title, const QString &message)
{
    const auto it = m_connections.find(socket);
    if (it == m_connections.end() || it->answered)
        return;
    it->answered = true;
    it->buffer.clear();
    it->timer->start(m_connectionTimeout); // bounds how long closing may take
    socket->write(httpResponse(status, reason, callbackPage(success, title, message)));
    socket->disconnectFromHost(); // after the answer has been written
}

void LoopbackReceiver::dropConnection(QTcpSocket *socket)
{
    if (m_connections.remove(socket) == 0)
        return;
    if (socket == m_held) {
        // The browser went away before finish(); there is no one left to tell.
        m_held = nullptr;
        m_finishTimer.stop();
    }
    socket->disconnect(this);
    socket->deleteLater();
}

void LoopbackReceiver::closeAll(QTcpSocket *keep)
{
    m_server.close();
    const QList<QTcpSocket *> sockets = m_connections.keys();
    for (QTcpSocket *socket : sockets) {
        if (socket == keep)
            continue;
        m_connections.remove(socket);
        socket->disconnect(this);
        socket->abort();
        socket->deleteLater();
    }
    if (!keep) {
        m_held = nullptr;
        m_finishTimer.stop();
    }
}

void LoopbackReceiver::fail(Failure failure, const QString &message, QTcpSocket *socket)
{
    m_waiting = false;
    m_waitTimer.stop();
    m_finishTimer.stop();
    if (socket == m_held)
        m_held = nullptr;
    closeAll(socket);
    // The one connection that caused (or was waiting for) the end hears why.
    if (socket)
        answer(socket, 200, "OK", false, QStringLiteral("Sign-in failed"), message);
    Q_EMIT failed(failure, message);
}

} // namespace rolecall::auth
