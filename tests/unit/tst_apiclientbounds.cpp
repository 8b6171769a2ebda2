// ApiClient under the shared network bounds (services/boundedreply.h): an
// answer larger than maxResponseBytes is aborted while it arrives, whether
// its Content-Length announces it or not, and an answer that trickles (a
// byte now and then, so the inactivity timeout never trips) is ended at the
// request's deadline, without asking again.
#include "api/apiclient.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <optional>

using namespace rolecall;

namespace {

enum class Answer {
    AnnouncedTooLarge, // Content-Length over the limit, then some of it
    StreamedTooLarge,  // no Content-Length; bytes until the client hangs up
    Trickle,           // one byte every 50 ms
};

// One raw HTTP/1.1 peer per test: reads a request, answers as told.
class RawPeer final : public QObject
{
public:
    explicit RawPeer(Answer answer)
        : m_answer(answer)
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                socket->setParent(this);
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { serve(socket); });
            }
        });
    }

    bool start() { return m_server.listen(QHostAddress::LocalHost); }
    QUrl baseUrl() const
    {
        return QUrl(
            QStringLiteral("http://127.0.0.1:%1/api/rolecall/v1").arg(m_server.serverPort()));
    }
    int requests() const { return m_requests; }

private:
    void serve(QTcpSocket *socket)
    {
        m_buffer += socket->readAll();
        if (!m_buffer.contains("\r\n\r\n"))
            return;
        m_buffer.clear();
        ++m_requests;
        switch (m_answer) {
        case Answer::AnnouncedTooLarge:
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                          "Content-Length: 1000000000000\r\n\r\n[");
            socket->write(QByteArray(4096, ' '));
            return;
        case Answer::StreamedTooLarge:
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                          "Connection: close\r\n\r\n[");
            pour(socket);
            return;
        case Answer::Trickle:
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                          "Content-Length: 100000\r\n\r\n");
            drip(socket);
            return;
        }
    }

    // 16 KiB every 10 ms until the client is gone.
    void pour(QTcpSocket *socket)
    {
        QPointer<QTcpSocket> alive(socket);
        QTimer::singleShot(10, this, [this, alive] {
            if (!alive || alive->state() != QAbstractSocket::ConnectedState)
                return;
            alive->write(QByteArray(16 * 1024, ' '));
            pour(alive);
        });
    }

    void drip(QTcpSocket *socket)
    {
        QPointer<QTcpSocket> alive(socket);
        QTimer::singleShot(50, this, [this, alive] {
            if (!alive || alive->state() != QAbstractSocket::ConnectedState)
                return;
            alive->write(" ");
            drip(alive);
        });
    }

    const Answer m_answer;
    QTcpServer m_server;
    QByteArray m_buffer;
    int m_requests = 0;
};

} // namespace

Q_DECLARE_METATYPE(Answer)

class TestApiClientBounds : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void anAnswerOverTheLimitIsAbortedWhileItArrives_data()
    {
        QTest::addColumn<Answer>("answer");
        QTest::newRow("announced by Content-Length") << Answer::AnnouncedTooLarge;
        QTest::newRow("streamed without a length") << Answer::StreamedTooLarge;
    }

    void anAnswerOverTheLimitIsAbortedWhileItArrives()
    {
        QFETCH(Answer, answer);
        RawPeer peer(answer);
        QVERIFY(peer.start());
        QNetworkAccessManager network;
        ApiClientOptions options;
        options.maxResponseBytes = 64 * 1024;
        options.maxAttempts = 1;
        ApiClient client(peer.baseUrl(), tokens(), &network, options);
        std::optional<DataSourceError> error;
        bool valued = false;
        client.send(
            usersCall(client), [&valued](const ApiResponse &) { valued = true; },
            [&error](const DataSourceError &e) { error = e; });
        QTRY_VERIFY_WITH_TIMEOUT(error.has_value() || valued, 15000);
        QVERIFY(!valued);
        QVERIFY2(error->message().contains(QLatin1String("larger than")),
                 qPrintable(error->message()));
        QCOMPARE(peer.requests(), 1);
    }

    void aTricklingAnswerEndsAtTheDeadline()
    {
        RawPeer peer(Answer::Trickle);
        QVERIFY(peer.start());
        QNetworkAccessManager network;
        ApiClientOptions options;
        options.timeoutMs = 2000; // a byte every 50 ms never trips it
        options.deadlineMs = 1000;
        options.maxAttempts = 3; // a trickle is not asked again
        ApiClient client(peer.baseUrl(), tokens(), &network, options);
        std::optional<DataSourceError> error;
        QElapsedTimer timer;
        timer.start();
        client.send(
            usersCall(client), [](const ApiResponse &) {},
            [&error](const DataSourceError &e) { error = e; });
        QTRY_VERIFY_WITH_TIMEOUT(error.has_value(), 15000);
        QCOMPARE(error->kind(), DataSourceError::Kind::Connection);
        QVERIFY2(error->message().contains(QLatin1String("did not finish answering")),
                 qPrintable(error->message()));
        QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(peer.requests(), 1);
    }

private:
    static ApiCall usersCall(const ApiClient &client)
    {
        ApiCall call;
        call.url = client.urlFor(QStringLiteral("/users"));
        return call;
    }

    static ApiTokenProvider tokens()
    {
        return ApiTokenProvider{[] { return QStringLiteral("token"); }, {}};
    }
};

QTEST_GUILESS_MAIN(TestApiClientBounds)
#include "tst_apiclientbounds.moc"
