#pragma once

// A TCP proxy that injects faults between a client (the console's data
// source) and a server (PostgreSQL): refuse connections, delay every chunk,
// cut every connection now, or cut the connection that sends a given byte
// pattern before it reaches the server, halfway through it, or after the
// server has answered it (the answer is lost).
//
//   client ──▶ 127.0.0.1:port() ──▶ [proxy thread: QTcpServer, sockets] ──▶ target
//                                     ▲ fault settings (any thread, locked)
//
// It runs its own thread and event loop, so a test may block on a QFuture
// while the proxy keeps forwarding.

#include <QByteArray>
#include <QString>

#include <memory>

class QThread;

namespace rolecall::testing {

class TcpFaultProxyCore;

class TcpFaultProxy
{
public:
    enum class Cut {
        BeforeSending, // the pattern never reaches the server
        MidStream,     // half of the pattern reaches it, then the connection ends
        AfterAnswer,   // the server gets it all; its answer is lost
    };

    TcpFaultProxy(QString targetHost, int targetPort);
    ~TcpFaultProxy();
    TcpFaultProxy(const TcpFaultProxy &) = delete;
    TcpFaultProxy &operator=(const TcpFaultProxy &) = delete;

    // Listens on 127.0.0.1, a free port; false with *error set.
    bool start(QString *error);
    int port() const;

    // New connections are accepted and closed at once while refusing.
    void setRefusing(bool refusing);
    // Every chunk, both ways, is held back this long (0: none).
    void setDelay(int milliseconds);
    // One shot: the next connection that sends `pattern` is cut as told.
    void armCut(const QByteArray &pattern, Cut when);
    bool cutFired() const;
    void disarm();
    // Ends every open connection now.
    void cutAll();

    // How many faults took effect (cuts, refused connections, cutAll()s that
    // ended at least one connection).
    int faultsInjected() const;

private:
    std::unique_ptr<QThread> m_thread;
    std::unique_ptr<TcpFaultProxyCore> m_core; // after m_thread: destroyed first
};

} // namespace rolecall::testing
