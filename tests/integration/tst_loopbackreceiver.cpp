#include "auth/loopbackreceiver.h"

#include <QHostAddress>
#include <QNetworkInterface>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

#include <memory>
#include <vector>

using rolecall::auth::LoopbackReceiver;
using namespace std::chrono_literals;

namespace {

const QString state = QStringLiteral("st-8fK2_xQ");
const QString issuer = QStringLiteral("https://clerk.example.test");

QByteArray get(const QByteArray &target)
{
    return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: test\r\n\r\n";
}

QByteArray callback(const QByteArray &query)
{
    return get("/callback?" + query);
}

// A raw client: connects, sends bytes once connected, keeps what it receives.
// Assertions stay in the test bodies.
std::unique_ptr<QTcpSocket> send(const QHostAddress &host, quint16 port, const QByteArray &bytes)
{
    auto socket = std::make_unique<QTcpSocket>();
    QTcpSocket *raw = socket.get();
    QObject::connect(raw, &QTcpSocket::connected, raw, [raw, bytes] {
        if (!bytes.isEmpty())
            raw->write(bytes);
    });
    socket->connectToHost(host, port);
    return socket;
}

std::unique_ptr<QTcpSocket> send(const LoopbackReceiver &receiver, const QByteArray &bytes)
{
    return send(QHostAddress(QHostAddress::LocalHost),
                static_cast<quint16>(receiver.redirectUri().port()), bytes);
}

bool closed(const std::unique_ptr<QTcpSocket> &socket)
{
    return socket->state() == QAbstractSocket::UnconnectedState;
}

QByteArray statusLine(const QByteArray &response)
{
    return response.left(response.indexOf("\r\n"));
}

} // namespace

class TestLoopbackReceiver : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void redirectUriIsLoopbackLiteral();
    void notReachableOnOtherAddresses();
    void wrongOrMissingStateKeepsWaiting_data();
    void wrongOrMissingStateKeepsWaiting();
    void otherRequestsKeepWaiting_data();
    void otherRequestsKeepWaiting();
    void providerErrorEndsWait();
    void issuerMismatchEndsWait();
    void validCallbackClosesListener();
    void finishWithFailureSaysSo();
    void finishNeverCalled();
    void timesOut();
    void cancelCloses();
    void survivesHostileClients();
    void slowClientTimesOut();
};

void TestLoopbackReceiver::redirectUriIsLoopbackLiteral()
{
    LoopbackReceiver receiver;
    QString error;
    QVERIFY2(receiver.listen(&error), qPrintable(error));
    const QUrl uri = receiver.redirectUri();
    QCOMPARE(uri.scheme(), QStringLiteral("http"));
    QCOMPARE(uri.host(), QStringLiteral("127.0.0.1"));
    QVERIFY(uri.port() > 0);
    QCOMPARE(uri.path(), QStringLiteral("/callback"));
    QCOMPARE(uri.toString(), QStringLiteral("http://127.0.0.1:") % QString::number(uri.port()) %
                                 QStringLiteral("/callback"));
    QVERIFY(receiver.isListening());
}

void TestLoopbackReceiver::notReachableOnOtherAddresses()
{
    QHostAddress other;
    const QList<QHostAddress> addresses = QNetworkInterface::allAddresses();
    for (const QHostAddress &address : addresses) {
        if (address.protocol() == QAbstractSocket::IPv4Protocol && !address.isLoopback()) {
            other = address;
            break;
        }
    }
    if (other.isNull())
        QSKIP("This machine has no non-loopback IPv4 address to try");

    LoopbackReceiver receiver;
    QString error;
    QVERIFY2(receiver.listen(&error), qPrintable(error));
    receiver.expect(state, issuer);
    QSignalSpy codes(&receiver, &LoopbackReceiver::codeReceived);
    const auto client = send(other, static_cast<quint16>(receiver.redirectUri().port()),
                             callback("code=c&state=" + state.toLatin1()));
    QTRY_VERIFY(closed(client));
    QCOMPARE(client->error(), QAbstractSocket::ConnectionRefusedError);
    QCOMPARE(codes.size(), 0);
    QVERIFY(receiver.isListening());
}

void TestLoopbackReceiver::wrongOrMissingStateKeepsWaiting_data()
{
    QTest::addColumn<QByteArray>("query");
    QTest::newRow("wrong state") << QByteArray("code=c&state=st-8fK2_xR");
    QTest::newRow("missing state") << QByteArray("code=c");
    QTest::newRow("empty state") << QByteArray("code=c&state=");
    QTest::newRow("longer state") << QByteArray("code=c&state=st-8fK2_xQx");
    QTest::newRow("error with wrong state")
        << QByteArray("error=access_denied&error_description=no&state=other");
}

void TestLoopbackReceiver::wrongOrMissingStateKeepsWaiting()
{
    QFETCH(QByteArray, query);
    LoopbackReceiver receiver;
    QString error;
    QVERIFY2(receiver.listen(&error), qPrintable(error));
    receiver.expect(state, issuer);
    QSignalSpy codes(&receiver, &LoopbackReceiver::codeReceived);
    QSignalSpy failures(&receiver, &LoopbackReceiver::failed);

    const auto client = send(receiver, callback(query));
    QTRY_VERIFY(closed(client));
    const QByteArray response = client->readAll();
    QCOMPARE(statusLine(response), QByteArray("HTTP/1.1 400 Bad Request"));
    QVERIFY(response.contains("not the one Rolecall is waiting for"));
    QVERIFY(receiver.isListening());
    QCOMPARE(codes.size(), 0);
    QCOMPARE(failures.size(), 0);

    // The right one still gets through.
    const auto good = send(receiver, callback("code=abc&state=" + state.toLatin1()));
    QTRY_COMPARE(codes.size(), 1);
    QCOMPARE(codes.at(0).at(0).toString(), QStringLiteral("abc"));
}

void TestLoopbackReceiver::otherRequestsKeepWaiting_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<QByteArray>("status");
    QTest::newRow("other path") << get("/favicon.ico?code=c&state=" + state.toLatin1())
                                << QByteArray("HTTP/1.1 404 Not Found");
    QTest::newRow("POST") << QByteArray("POST /callback?code=c&state=" + state.toLatin1() +
                                        " HTTP/1.1\r\nContent-Length: 0\r\n\r\n")
                          << QByteArray("HTTP/1.1 404 Not Found");
    QTest::newRow("missing code") << callback("state=" + state.toLatin1())
                                  << QByteArray("HTTP/1.1 400 Bad Request");
    QTest::newRow("malformed") << QByteArray("GET /callback\r\n\r\n")
                               << QByteArray("HTTP/1.1 400 Bad Request");
}

void TestLoopbackReceiver::otherRequestsKeepWaiting()
{
    QFETCH(QByteArray, request);
    LoopbackReceiver receiver;
    QString error;
    QVERIFY2(receiver.listen(&error), qPrintable(error));
    receiver.expect(state, issuer);
    QSignalSpy codes(&receiver, &LoopbackReceiver::codeReceived);
    QSignalSpy failures(&receiver, &LoopbackReceiver::failed);

    const auto client = send(receiver, request);
    QTRY_VERIFY(closed(client));
    QTEST(statusLine(client->readAll()), "status");
    QVERIFY(receiver.isListening());
    QCOMPARE(codes.size(), 0);
    QCOMPARE(failures.size(), 0);
}

void TestLoopbackReceiver::providerErrorEndsWait()
{
    LoopbackReceiver receiver;
    QString error;
    QVERIFY2(receiver.listen(&error), qPrintable(error));
    receiver.expect(state, issuer);
    QSignalSpy codes(&receiver, &LoopbackReceiver::codeReceived);
    QSignalSpy failures(&receiver, &LoopbackReceiver::failed);

    const auto client = send(receiver, callback("error=access_denied&error_description=The+user+"
                                                "said+%3Cno%3E&state=" +
                                                state.toLatin1()));
    QTRY_COMPARE(failures.size(), 1);
    QCOMPARE(failures.at(0).at(0).value<LoopbackReceiver::Failure>(),
             LoopbackReceiver::Failure::ProviderError);
    QCOMPARE(failures.at(0).at(1).toString(), QStringLiteral("access_denied: The user said <no>"));
    QVERIFY(!receiver.isListening());
    QTRY_VERIFY(closed(client));
    const QByteArray response = client->readAll();
    QVERIFY(response.startsWith("HTTP/1.1 "));
    QVERIFY(response.contains("Sign-in failed"));
    QVERIFY(response.contains("access_denied: The user said &lt;no&gt;"));
    QCOMPARE(codes.size(), 0);
}

void TestLoopbackReceiver::issuerMismatchEndsWait()
{
    LoopbackReceiver receiver;
    QString error;
    QVERIFY2(receiver.listen(&error), qPrintable(error));
    receiver.expect(state, issuer);
    QSignalSpy codes(&receiver, &LoopbackReceiver::codeReceived);
    QSignalSpy failures(&receiver, &LoopbackReceiver::failed);

    const auto client =
        send(receiver, callback("code=c&iss=https%3A%2F%2Fevil.example&state=" + state.toLatin1()));
    QTRY_COMPARE(failures.size(), 1);
    QCOMPARE(failures.at(0).at(0).value<LoopbackReceiver::Failure>(),
             LoopbackReceiver::Failure::IssuerMismatch);
    QVERIFY(!receiver.isListening());
    QTRY_VERIFY(closed(client));
    QVERIFY(client->readAll().contains("Sign-in failed"));
    QCOMPARE(codes.size(), 0);

    // A matching iss is fine.
    LoopbackReceiver second;
    QVERIFY2(second.listen(&error), qPrintable(error));
    second.expect(state, issuer);
    QSignalSpy secondCodes(&second, &LoopbackReceiver::codeReceived);
    const auto good = send(
        second, callback("code=c&iss=https%3A%2F%2Fclerk.example.test&state=" + state.toLatin1()));
    QTRY_COMPARE(secondCodes.size(), 1);
}

void TestLoopbackReceiver::validCallbackClosesListener()
{
    LoopbackReceiver receiver;
    QString error;
    QVERIFY2(receiver.listen(&error), qPrintable(error));
    receiver.expect(state, issuer);
    QSignalSpy codes(&receiver, &LoopbackReceiver::codeReceived);
    QSignalSpy failures(&receiver, &LoopbackReceiver::failed);

    const auto browser =
        send(receiver, callback("code=a%2Bb%2Fc&scope=openid&state=" + state.toLatin1()));
    QTRY_COMPARE(codes.size(), 1);
    QCOMPARE(codes.at(0).at(0).toString(), QStringLiteral("a+b/c"));
    QVERIFY(!receiver.isListening());

    // Closed after the first valid callback: a second one is refused.
    const auto second = send(receiver, callback("code=other&state=" + state.toLatin1()));
    QTRY_VERIFY(closed(second));
    QCOMPARE(second->error(), QAbstractSocket::ConnectionRefusedError);

    // The browser is still waiting for the truth.
    QVERIFY(!closed(browser));
    receiver.finish(true, QStringLiteral("Welcome, Ada <ada@example.test>."));
    QTRY_VERIFY(closed(browser));
    const QByteArray response = browser->readAll();
    QCOMPARE(statusLine(response), QByteArray("HTTP/1.1 200 OK"));
    QVERIFY(response.contains("Signed in to Rolecall"));
    QVERIFY(response.contains("Welcome, Ada &lt;ada@example.test&gt;."));
    QVERIFY(!response.contains("Sign-in failed"));
    QCOMPARE(codes.size(), 1);
    QCOMPARE(failures.size(), 0);

    receiver.finish(false, QStringLiteral("late")); // nobody left to answer: a no-op
    receiver.cancel();                              // nothing under way: no signal
    QCOMPARE(failures.size(), 0);
}

void TestLoopbackReceiver::finishWithFailureSaysSo()
{
    LoopbackReceiver receiver;
    QString error;
    QVERIFY2(receiver.listen(&error), qPrintable(error));
    receiver.expect(state, issuer);
    QSignalSpy codes(&receiver, &LoopbackReceiver::codeReceived);

    const auto browser = send(receiver, callback("code=c&state=" + state.toLatin1()));
    QTRY_COMPARE(codes.size(), 1);
    receiver.finish(false, QStringLiteral("The token endpoint refused the code."));
    QTRY_VERIFY(closed(browser));
    const QByteArray response = browser->readAll();
    QVERIFY(response.contains("Sign-in failed"));
    QVERIFY(response.contains("The token endpoint refused the code."));
    QVERIFY(!response.contains("Signed in to Rolecall"));
}

void TestLoopbackReceiver::finishNeverCalled()
{
    LoopbackReceiver receiver;
    receiver.setFinishTimeout(200ms);
    QString error;
    QVERIFY2(receiver.listen(&error), qPrintable(error));
    receiver.expect(state, issuer);
    QSignalSpy codes(&receiver, &LoopbackReceiver::codeReceived);

    const auto browser = send(receiver, callback("code=c&state=" + state.toLatin1()));
    QTRY_COMPARE(codes.size(), 1);
    QTRY_VERIFY(closed(browser));
    const QByteArray response = browser->readAll();
    QVERIFY(response.contains("Rolecall did not complete the sign-in"));
    QVERIFY(!response.contains("Signed in to Rolecall"));
}

void TestLoopbackReceiver::timesOut()
{
    LoopbackReceiver receiver;
    QString error;
    QVERIFY2(receiver.listen(&error), qPrintable(error));
    QSignalSpy failures(&receiver, &LoopbackReceiver::failed);
    receiver.expect(state, issuer, 200ms);
    QTRY_COMPARE(failures.size(), 1);
    QCOMPARE(failures.at(0).at(0).value<LoopbackReceiver::Failure>(),
             LoopbackReceiver::Failure::TimedOut);
    QVERIFY(failures.at(0).at(1).toString().startsWith(
        QStringLiteral("No answer from the browser within")));
    QVERIFY(!receiver.isListening());

    const auto late = send(receiver, callback("code=c&state=" + state.toLatin1()));
    QTRY_VERIFY(closed(late));
    QCOMPARE(late->error(), QAbstractSocket::ConnectionRefusedError);
}

void TestLoopbackReceiver::cancelCloses()
{
    LoopbackReceiver receiver;
    QString error;
    QVERIFY2(receiver.listen(&error), qPrintable(error));
    receiver.expect(state, issuer);
    QSignalSpy failures(&receiver, &LoopbackReceiver::failed);
    const auto idle = send(receiver, QByteArray("GET /call"));
    QTRY_VERIFY(idle->state() == QAbstractSocket::ConnectedState);

    receiver.cancel();
    QCOMPARE(failures.size(), 1);
    QCOMPARE(failures.at(0).at(0).value<LoopbackReceiver::Failure>(),
             LoopbackReceiver::Failure::Cancelled);
    QCOMPARE(failures.at(0).at(1).toString(), QStringLiteral("Sign-in was cancelled."));
    QVERIFY(!receiver.isListening());
    QTRY_VERIFY(closed(idle));
    receiver.cancel();
    QCOMPARE(failures.size(), 1);
}

void TestLoopbackReceiver::survivesHostileClients()
{
    LoopbackReceiver receiver;
    QString error;
    QVERIFY2(receiver.listen(&error), qPrintable(error));
    receiver.expect(state, issuer);
    QSignalSpy codes(&receiver, &LoopbackReceiver::codeReceived);
    QSignalSpy failures(&receiver, &LoopbackReceiver::failed);

    const auto garbage = send(receiver, QByteArray("\x16\x03\x01\x00\xa5\x01\x00\x00\xa1\x03\x03"
                                                   "\r\n\r\n\0\0\xff\xfe",
                                                   17));
    QTRY_VERIFY(closed(garbage));
    QCOMPARE(statusLine(garbage->readAll()), QByteArray("HTTP/1.1 400 Bad Request"));

    // 100 KB of header: answered 431 after 8 KiB (the reset may eat the answer).
    const auto huge =
        send(receiver, "GET /callback HTTP/1.1\r\nX-Big: " + QByteArray(100 * 1024, 'x'));
    QTRY_VERIFY(closed(huge));
    const QByteArray hugeResponse = huge->readAll();
    QVERIFY(hugeResponse.isEmpty() || hugeResponse.startsWith("HTTP/1.1 431 "));

    // A slow client that never finishes its request holds one slot, no more.
    const auto slow = send(receiver, QByteArray("GET /callback?code=c&st"));
    QTRY_VERIFY(slow->state() == QAbstractSocket::ConnectedState);

    // A flood: the extras are dropped, nothing crashes.
    std::vector<std::unique_ptr<QTcpSocket>> flood;
    flood.reserve(50);
    for (int i = 0; i < 50; ++i)
        flood.push_back(send(receiver, QByteArray()));
    QTRY_VERIFY(std::count_if(flood.cbegin(), flood.cend(), [](const auto &s) {
                    return s->state() == QAbstractSocket::ConnectedState ||
                           s->state() == QAbstractSocket::UnconnectedState;
                }) == 50);
    QTRY_VERIFY(std::count_if(flood.cbegin(), flood.cend(), closed) >=
                50 - LoopbackReceiver::maxConnections);
    flood.clear(); // the clients go away...
    // ...and the receiver notices: it answers a newcomer again.
    const auto answersANewcomer = [&receiver] {
        const auto probe = send(receiver, get("/favicon.ico"));
        return QTest::qWaitFor([&probe] { return closed(probe); }, 1000) &&
               statusLine(probe->readAll()) == "HTTP/1.1 404 Not Found";
    };
    QTRY_VERIFY(answersANewcomer());
    QVERIFY(receiver.isListening());
    QCOMPARE(failures.size(), 0);

    const auto browser = send(receiver, callback("code=finally&state=" + state.toLatin1()));
    QTRY_COMPARE(codes.size(), 1);
    QCOMPARE(codes.at(0).at(0).toString(), QStringLiteral("finally"));
    QTRY_VERIFY(closed(slow)); // closed with everything else after the valid callback
    receiver.finish(true, QStringLiteral("ok"));
    QTRY_VERIFY(closed(browser));
    QVERIFY(browser->readAll().contains("Signed in to Rolecall"));
    QCOMPARE(failures.size(), 0);
}

void TestLoopbackReceiver::slowClientTimesOut()
{
    LoopbackReceiver receiver;
    receiver.setConnectionTimeout(300ms);
    QString error;
    QVERIFY2(receiver.listen(&error), qPrintable(error));
    receiver.expect(state, issuer);
    const auto slow = send(receiver, QByteArray("GET /callback?code=c&st"));
    QTRY_VERIFY(closed(slow));
    QCOMPARE(statusLine(slow->readAll()), QByteArray("HTTP/1.1 408 Request Timeout"));
    QVERIFY(receiver.isListening());
}

QTEST_GUILESS_MAIN(TestLoopbackReceiver)
#include "tst_loopbackreceiver.moc"
