#pragma once

#include "api/apijson.h"
#include "domain/domain.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QUrlQuery>

#include <functional>

class QTcpServer;
class QTcpSocket;

namespace rolecall::testing {

struct FakeHttpRequest
{
    QByteArray method;
    QString path; // percent-decoded
    QUrlQuery query;
    QHash<QByteArray, QByteArray> headers; // names lower-case
    QByteArray body;

    QByteArray header(const char *name) const { return headers.value(QByteArray(name)); }
};

struct FakeHttpResponse
{
    int status = 200;
    QByteArray body;
    QByteArray contentType = "application/json";
    QList<std::pair<QByteArray, QByteArray>> headers;
    int delayMs = 0;   // answer this much later
    bool drop = false; // close the connection without a word
    bool hang = false; // never answer
};

// The admin API contract on 127.0.0.1 for the client's tests, until (and
// beside) rolecall-server: one HTTP/1.1 request per connection, answered by
// the test's handler. contractHandler() serves a small user list through the
// same codec (apijson) and paging rules as the client's plain backend, with
// every feature; tests wrap it to inject faults.
class FakeAdminApi final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FakeAdminApi)

public:
    using Handler = std::function<FakeHttpResponse(const FakeHttpRequest &)>;

    explicit FakeAdminApi(QObject *parent = nullptr);
    ~FakeAdminApi() override;

    bool start();
    QString origin() const;  // http://127.0.0.1:PORT
    QString baseUrl() const; // origin() + /api/rolecall/v1

    void setHandler(Handler handler) { m_handler = std::move(handler); }
    const QList<FakeHttpRequest> &requests() const { return m_requests; }
    void clearRequests() { m_requests.clear(); }

    // The users contractHandler() serves.
    void setUsers(QList<User> users) { m_users = std::move(users); }
    const QList<User> &users() const { return m_users; }
    // Capabilities of contractHandler(); plain: /capabilities is 404 and the
    // seed's /api/admin/users and /api/user/profile answer instead.
    void setPlainBackend(bool plain) { m_plain = plain; }
    FakeHttpResponse contractHandler(const FakeHttpRequest &request) const;

    static FakeHttpResponse json(const QJsonValue &body, int status = 200);
    static FakeHttpResponse problem(apijson::ProblemType type, const QString &detail);
    static QList<User> sampleUsers(int count);

private:
    void read(QTcpSocket *socket);
    void answer(QTcpSocket *socket, const FakeHttpRequest &request);

    QTcpServer *m_server = nullptr;
    Handler m_handler;
    QList<FakeHttpRequest> m_requests;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QList<User> m_users;
    bool m_plain = false;
};

} // namespace rolecall::testing
