#pragma once

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QString>
#include <QTcpServer>
#include <QTimer>
#include <QUrl>

#include <chrono>

class QTcpSocket;

namespace rolecall::auth {

// The redirect target of the authorization code flow (RFC 8252 §7.3): a
// one-shot HTTP listener on 127.0.0.1 and an ephemeral port. We do not use
// QOAuthHttpServerReplyHandler: on Qt 6.4 it answers every callback with the
// same page whatever happened, has no timeout, stays open and, with the
// obvious constructor call, listens on all interfaces.
//
//   Idle --listen()--> Listening --expect()--> Waiting <---+  wrong or missing state, no
//                                                |   |       |  code, other path, bad or
//                                                |   +-------+  slow request: 400/404/408/431
//                                                |              page, and keep waiting
//       timeout, cancel(), error=,               |
//       iss mismatch: close all, error    <------+------> valid callback: close the server,
//       page, failed()                                    keep this socket, codeReceived()
//              |                                                 |
//              |                                                 v
//              |                                              Holding
//              |              finish(): the truthful page;       |
//              |              60 s without finish(): "did not    |
//              |              complete"; cancel(): failed()      |
//              v                                                 v
//            Done <-----------------------------------------------+
//
// Everything is event driven; nothing blocks. Neither the code nor the state
// is ever logged.
class LoopbackReceiver final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LoopbackReceiver)

public:
    enum class Failure { ProviderError, IssuerMismatch, TimedOut, Cancelled, ListenFailed };
    Q_ENUM(Failure)

    static constexpr qsizetype maxHeadSize = 8 * 1024;
    static constexpr int maxConnections = 8;

    explicit LoopbackReceiver(QObject *parent = nullptr);
    ~LoopbackReceiver() override;

    // Binds 127.0.0.1 (never all interfaces) on a port the system picks. On
    // failure sets *error, emits failed(ListenFailed) and returns false.
    bool listen(QString *error);
    bool isListening() const { return m_server.isListening(); }

    // http://127.0.0.1:<port>/callback, an IP literal as RFC 8252 §8.3 asks;
    // invalid before listen().
    QUrl redirectUri() const { return m_redirectUri; }

    // Starts the wait for the callback of the request sent with state. A
    // non-empty issuer is compared with the RFC 9207 iss parameter when the
    // response carries one; `issuerRequired` (the provider's discovery
    // advertises authorization_response_iss_parameter_supported) refuses a
    // response without it, as a mix-up attack would send.
    void expect(const QString &state, const QString &issuer,
                std::chrono::milliseconds timeout = std::chrono::minutes(5),
                bool issuerRequired = false);

    // Answers the browser that delivered the code with the outcome of the
    // token exchange and closes that connection. Does nothing when no browser
    // is waiting for an answer.
    void finish(bool success, const QString &message);

    // Closes the listener and every connection; emits failed(Cancelled) if a
    // sign-in was under way.
    void cancel();

    // Tuning, mostly for tests: how long a connection may take to send its
    // request head (default 10 s) and how long the browser waits for finish()
    // (default 60 s).
    void setConnectionTimeout(std::chrono::milliseconds timeout) { m_connectionTimeout = timeout; }
    void setFinishTimeout(std::chrono::milliseconds timeout) { m_finishTimeout = timeout; }

Q_SIGNALS:
    void codeReceived(const QString &code);
    void failed(rolecall::auth::LoopbackReceiver::Failure failure, const QString &message);

private:
    struct Connection
    {
        QByteArray buffer;
        QTimer *timer = nullptr; // child of the socket
        bool answered = false;
    };

    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    void onConnectionTimeout(QTcpSocket *socket);
    void handleRequest(QTcpSocket *socket, const QByteArray &method, const QByteArray &target);
    void answer(QTcpSocket *socket, int status, const QByteArray &reason, bool success,
                const QString &title, const QString &message);
    void dropConnection(QTcpSocket *socket);
    void closeAll(QTcpSocket *keep = nullptr);
    void fail(Failure failure, const QString &message, QTcpSocket *socket = nullptr);

    QTcpServer m_server;
    QUrl m_redirectUri;
    QString m_state, m_issuer;
    bool m_issuerRequired = false;
    bool m_waiting = false;
    std::chrono::milliseconds m_timeout{std::chrono::minutes(5)};
    std::chrono::milliseconds m_connectionTimeout{std::chrono::seconds(10)};
    std::chrono::milliseconds m_finishTimeout{std::chrono::seconds(60)};
    QTimer m_waitTimer;
    QTimer m_finishTimer;
    QHash<QTcpSocket *, Connection> m_connections;
    QTcpSocket *m_held = nullptr; // delivered the code; waits for finish()
};

} // namespace rolecall::auth
