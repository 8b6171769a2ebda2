#pragma once

#include "server/rolecallserver.h"
#include "server/serveroptions.h"
#include "support/testidp.h"

#include <QByteArray>
#include <QFuture>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMutex>
#include <QPair>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

namespace rolecall::testing {

// One HTTP exchange with rolecall-server, as a test makes it.
struct HttpCall
{
    QByteArray method = QByteArrayLiteral("GET");
    QString path; // under /api/rolecall/v1, with its query: "/users?limit=5"
    QByteArray bearer;
    QByteArray body; // sent as application/json when not empty
    QList<QPair<QByteArray, QByteArray>> headers;
};

struct HttpAnswer
{
    int status = 0; // 0: no answer (see error)
    QByteArray body;
    QHash<QByteArray, QByteArray> headers; // names in lower case
    QString error;
    qint64 milliseconds = 0;

    QJsonObject json() const;
};

// Makes `call` on a worker thread and waits for it while this thread's event
// loop keeps running (the test identity provider answers the server on it).
HttpAnswer request(quint16 port, const HttpCall &call);
// The same without waiting: the call runs on a worker thread.
QFuture<HttpAnswer> requestLater(quint16 port, const HttpCall &call);

// rolecall-server in this process, on a free port of 127.0.0.1, serving
// `database` of the shared test cluster, trusting a test identity provider
// whose current user is seed user 5 (the seeded ADMIN). Its access log is
// kept in memory for tests to read.
class ServerFixture
{
public:
    ServerFixture();
    ~ServerFixture();

    // `tweak` adjusts the options before the server starts.
    bool start(const QString &database, QString *error,
               const std::function<void(server::ServerOptions &)> &tweak = {});
    void stop();

    TestIdentityProvider &idp() { return m_idp; }
    quint16 port() const;
    server::ServerOptions options() const { return m_options; }

    // A JWT access token of seed user `n` (5: the ADMIN).
    QByteArray tokenOf(int n = 5);
    HttpAnswer get(const QString &path, const QByteArray &bearer);
    HttpAnswer post(const QString &path, const QByteArray &body, const QByteArray &bearer,
                    const QByteArray &idempotencyKey,
                    const QList<QPair<QByteArray, QByteArray>> &headers = {});

    QStringList logLines() const;
    // Arms a fault switch (faultswitches.h); `json` as the control request takes it.
    bool armFault(const QByteArray &json);

private:
    TestIdentityProvider m_idp;
    server::ServerOptions m_options;
    std::unique_ptr<server::RolecallServer> m_server;
    mutable QMutex m_logMutex;
    QStringList m_log;
};

} // namespace rolecall::testing
