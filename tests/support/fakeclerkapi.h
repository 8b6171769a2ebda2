#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>

#include <deque>
#include <optional>

class QTcpServer;
class QThread;
class QTcpSocket;

namespace rolecall::testing {

// A user as the fake Clerk holds it; serialised in Clerk's User object shape.
struct FakeClerkUser
{
    QString id; // user_...
    QStringList emails;
    int primaryEmail = 0; // index into emails; -1: no primary email
    bool emailVerified = true;
    std::optional<QString> firstName; // nullopt: JSON null
    std::optional<QString> lastName;
    QString publicRole; // public_metadata.role; empty: {}
    bool banned = false;
    qint64 createdAtMs = 0;
    qint64 updatedAtMs = 0;
};

// Clerk's Backend API users endpoints on 127.0.0.1, serving exactly the shapes
// Clerk documents: GET /v1/users answers a bare JSON array (limit 1..500,
// offset, starting_after in created-at order), GET /v1/users/count answers
// {"object":"total_count","total_count":N}, errors are ClerkErrors bodies,
// a missing or wrong "Bearer sk_..." is 401, and more than `rateLimit`
// requests in any `rateWindowMs` are 429 with Retry-After (seconds) for the
// rest of the block. `behaviour()` adds slow, failing and hanging pages.
// Everything runs on the event loop of the thread it lives in.
class FakeClerkApi : public QObject
{
    Q_OBJECT

public:
    struct Behaviour
    {
        int rateLimit = 100; // per window, as a development instance
        qint64 rateWindowMs = 10'000;
        int pageDelayMs = 0; // every /v1/users answer waits this long
        QSet<int> slowPages; // these list requests (0-based) wait slowPageDelayMs
        int slowPageDelayMs = 0;
        QHash<int, int> failPages;   // list request index -> how many 500s before it works
        QSet<int> hangPages;         // list request index: the first try never answers
        int forced429 = -1;          // this request (0-based, any path) gets a 429 ...
        int forced429RetryAfter = 1; // ... with this Retry-After
        bool refuseCursor = false;   // 422 for starting_after (an instance without it)
        // Faults (tests/integration/tst_clerkfaults.cpp):
        int storm429 = 0;                 // the first N requests (any path) get a 429 ...
        QByteArray stormRetryAfter = "0"; // ... with this Retry-After, verbatim
        QHash<int, QByteArray> rawPages;  // list page -> this body instead, 200, every time
        int oversizedPage = -1;           // this list page answers ...
        qint64 oversizedBytes = 0;        // ... a body this long (Content-Length says so)
        bool hideOversizedLength = false; // ... sent without Content-Length (chunk by chunk)
        int tricklePage = -1;             // this list page's answer comes a byte ...
        int trickleIntervalMs = 100;      // ... every this many ms
        // Users deleted and added while a walk pages: applied right after
        // the list request of that index (0-based) was answered.
        QHash<int, QStringList> deleteAfterList;
        QHash<int, QList<FakeClerkUser>> addAfterList;
    };

    explicit FakeClerkApi(QObject *parent = nullptr);
    ~FakeClerkApi() override;

    // Listens on 127.0.0.1:port (0: any free port).
    Q_INVOKABLE bool start(quint16 port = 0);
    // Serves from `thread` instead, as a remote server would: moves there,
    // starts the thread, listens on it (false when it cannot) and is deleted
    // when the thread finishes. Set it up (users, behaviour) before.
    bool startOnThread(QThread &thread, quint16 port = 0);
    quint16 port() const;
    QString baseUrl() const; // http://127.0.0.1:PORT/v1

    void setSecretKey(const QByteArray &key) { m_secretKey = key; }
    Behaviour &behaviour() { return m_behaviour; }

    // Users, kept in created-at order.
    void setUsers(QList<FakeClerkUser> users);
    void addUser(const FakeClerkUser &user);
    bool updateUser(const FakeClerkUser &user); // same id; false if unknown
    bool removeUser(const QString &id);
    const QList<FakeClerkUser> &users() const { return m_users; }
    // Serialises every user now, so a benchmark measures paging, not the
    // fake's first JSON encoding.
    void prepareAll();
    std::optional<FakeClerkUser> user(const QString &id) const;

    // Seed user N (1-based) as tests/support/testdata.h seeds the databases:
    // the same Clerk ID, email and names, created N seconds after 2024-01-01.
    static FakeClerkUser seedUser(int n);
    static QList<FakeClerkUser> seedUsers(int first, int last);

    // What was asked.
    int requestCount() const { return m_requestCount; }
    int listRequestCount() const { return m_listRequests; }
    int rateLimitedCount() const { return m_rateLimited; }
    int unauthorizedCount() const { return m_unauthorized; }
    int userRequestCount() const { return m_userRequests; }   // GET /v1/users/{id}
    QStringList listQueries() const { return m_listQueries; } // the query strings
    // The most requests that arrived in any window of rateWindowMs.
    int maxRequestsInWindow() const { return m_maxInWindow; }

private:
    struct Response
    {
        int status = 200;
        QByteArray body;
        QList<QPair<QByteArray, QByteArray>> headers;
    };

    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    void handle(QTcpSocket *socket, const QByteArray &method, const QByteArray &target,
                const QHash<QByteArray, QByteArray> &headers);
    Response listUsers(const QString &query, int listIndex);
    Response countUsers() const;
    static Response clerkError(int status, const char *code, const QString &message);
    void send(QTcpSocket *socket, const Response &response);
    void sendOversized(QTcpSocket *socket) const;
    void trickle(QTcpSocket *socket, const Response &response) const;
    QByteArray userJson(const FakeClerkUser &user);
    void reindex();

    QTcpServer *m_server = nullptr;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QByteArray m_secretKey = QByteArrayLiteral("sk_test_fakeclerkapi");
    Behaviour m_behaviour;
    QList<FakeClerkUser> m_users;
    QHash<QString, qsizetype> m_index;
    QHash<QString, QByteArray> m_json; // serialised users, dropped when one changes
    QHash<int, int> m_failuresServed;
    QSet<int> m_hung;
    std::deque<qint64> m_recent; // arrival times within the last window
    qint64 m_blockedUntil = 0;
    int m_requestCount = 0;
    int m_listRequests = 0;
    int m_rateLimited = 0;
    int m_unauthorized = 0;
    int m_userRequests = 0;
    int m_maxInWindow = 0;
    QStringList m_listQueries;
    QList<QTcpSocket *> m_hanging;
};

} // namespace rolecall::testing
