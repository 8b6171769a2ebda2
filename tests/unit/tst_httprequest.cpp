#include "auth/callbackpage.h"
#include "auth/httprequest.h"

#include <QTest>

using rolecall::auth::callbackPage;
using rolecall::auth::HttpParse;
using rolecall::auth::HttpRequestHead;
using rolecall::auth::httpResponse;
using rolecall::auth::parseHttpRequestHead;
using rolecall::auth::splitTarget;

class TestHttpRequest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesHeads_data();
    void parsesHeads();
    void keepsHeaderFields();
    void splitsTargets_data();
    void splitsTargets();
    void escapesPage_data();
    void escapesPage();
    void pageIsSelfContained();
    void buildsResponse();
};

namespace {

QByteArray manyHeaders(int count)
{
    QByteArray head = "GET / HTTP/1.1\r\n";
    for (int i = 0; i < count; ++i)
        head += "X-H" + QByteArray::number(i) + ": v\r\n";
    return head + "\r\n";
}

} // namespace

void TestHttpRequest::parsesHeads_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<HttpParse>("result");
    QTest::addColumn<QByteArray>("target");

    const QByteArray good = "GET /callback?code=a&state=b HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    QTest::newRow("good") << good << HttpParse::Complete << QByteArray("/callback?code=a&state=b");
    QTest::newRow("LF only") << QByteArray("GET /x HTTP/1.0\nHost: a\n\n") << HttpParse::Complete
                             << QByteArray("/x");
    QTest::newRow("no headers") << QByteArray("GET / HTTP/1.1\r\n\r\n") << HttpParse::Complete
                                << QByteArray("/");
    QTest::newRow("leading empty line")
        << QByteArray("\r\nGET / HTTP/1.1\r\n\r\n") << HttpParse::Complete << QByteArray("/");
    QTest::newRow("body ignored") << QByteArray("POST /p HTTP/1.1\r\n\r\nbody")
                                  << HttpParse::Complete << QByteArray("/p");
    QTest::newRow("100 headers") << manyHeaders(100) << HttpParse::Complete << QByteArray("/");

    QTest::newRow("empty") << QByteArray() << HttpParse::Incomplete << QByteArray();
    QTest::newRow("half request line")
        << QByteArray("GET /callback?co") << HttpParse::Incomplete << QByteArray();
    QTest::newRow("no blank line")
        << QByteArray("GET / HTTP/1.1\r\nHost: a\r\n") << HttpParse::Incomplete << QByteArray();
    QTest::newRow("truncated good") << good.chopped(1) << HttpParse::Incomplete << QByteArray();

    QTest::newRow("no version") << QByteArray("GET /\r\n\r\n") << HttpParse::Malformed
                                << QByteArray();
    QTest::newRow("HTTP/2") << QByteArray("GET / HTTP/2.0\r\n\r\n") << HttpParse::Malformed
                            << QByteArray();
    QTest::newRow("HTTP/1.x") << QByteArray("GET / HTTP/1.x\r\n\r\n") << HttpParse::Malformed
                              << QByteArray();
    QTest::newRow("two spaces") << QByteArray("GET  / HTTP/1.1\r\n\r\n") << HttpParse::Malformed
                                << QByteArray();
    QTest::newRow("extra field") << QByteArray("GET / HTTP/1.1 x\r\n\r\n") << HttpParse::Malformed
                                 << QByteArray();
    QTest::newRow("bad method") << QByteArray("G(T / HTTP/1.1\r\n\r\n") << HttpParse::Malformed
                                << QByteArray();
    QTest::newRow("tab in target")
        << QByteArray("GET /a\tb HTTP/1.1\r\n\r\n") << HttpParse::Malformed << QByteArray();
    QTest::newRow("NUL in target")
        << QByteArray("GET /a\0b HTTP/1.1\r\n\r\n", 22) << HttpParse::Malformed << QByteArray();
    QTest::newRow("DEL in target")
        << QByteArray("GET /a\x7f HTTP/1.1\r\n\r\n") << HttpParse::Malformed << QByteArray();
    QTest::newRow("8-bit target") << QByteArray("GET /\xc3\xa4 HTTP/1.1\r\n\r\n")
                                  << HttpParse::Malformed << QByteArray();
    QTest::newRow("header without colon")
        << QByteArray("GET / HTTP/1.1\r\nHost\r\n\r\n") << HttpParse::Malformed << QByteArray();
    QTest::newRow("empty header name")
        << QByteArray("GET / HTTP/1.1\r\n: v\r\n\r\n") << HttpParse::Malformed << QByteArray();
    QTest::newRow("space before colon")
        << QByteArray("GET / HTTP/1.1\r\nHost : a\r\n\r\n") << HttpParse::Malformed << QByteArray();
    QTest::newRow("folded header") << QByteArray("GET / HTTP/1.1\r\nA: b\r\n c\r\n\r\n")
                                   << HttpParse::Malformed << QByteArray();
    QTest::newRow("control in value")
        << QByteArray("GET / HTTP/1.1\r\nA: b\x01\r\n\r\n") << HttpParse::Malformed << QByteArray();
    QTest::newRow("binary") << QByteArray("\x16\x03\x01\x02\x00\x01\n\n", 8) << HttpParse::Malformed
                            << QByteArray();

    QTest::newRow("huge head") << ("GET / HTTP/1.1\r\nX: " + QByteArray(9000, 'a') + "\r\n\r\n")
                               << HttpParse::TooLarge << QByteArray();
    QTest::newRow("huge unfinished")
        << ("GET /" + QByteArray(8192, 'a')) << HttpParse::TooLarge << QByteArray();
    QTest::newRow("101 headers") << manyHeaders(101) << HttpParse::TooLarge << QByteArray();
}

void TestHttpRequest::parsesHeads()
{
    QFETCH(QByteArray, input);
    QFETCH(HttpParse, result);
    HttpRequestHead head;
    QCOMPARE(parseHttpRequestHead(input, &head), result);
    if (result == HttpParse::Complete)
        QTEST(head.target, "target");
}

void TestHttpRequest::keepsHeaderFields()
{
    HttpRequestHead head;
    QCOMPARE(parseHttpRequestHead("GET /a HTTP/1.1\r\nHost:  127.0.0.1:5 \t\r\nX-Empty:\r\n"
                                  "User-Agent: Test/1.0 (x)\r\n\r\n",
                                  &head),
             HttpParse::Complete);
    QCOMPARE(head.method, QByteArray("GET"));
    QCOMPARE(head.version, QByteArray("HTTP/1.1"));
    QCOMPARE(head.headers.size(), 3);
    QCOMPARE(head.headers.at(0).first, QByteArray("Host"));
    QCOMPARE(head.headers.at(0).second, QByteArray("127.0.0.1:5"));
    QCOMPARE(head.headers.at(1).second, QByteArray());
    QCOMPARE(head.headers.at(2).second, QByteArray("Test/1.0 (x)"));
}

void TestHttpRequest::splitsTargets_data()
{
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("state");

    QTest::newRow("plain") << QByteArray("/callback?code=abc&state=xyz") << true << "/callback"
                           << "abc"
                           << "xyz";
    QTest::newRow("no query") << QByteArray("/callback") << true << "/callback"
                              << ""
                              << "";
    QTest::newRow("percent") << QByteArray("/call%62ack?code=a%2Bb%26c%3Dd&state=%C3%A4%20x")
                             << true << "/callback"
                             << "a+b&c=d"
                             << "ä x";
    QTest::newRow("plus is space") << QByteArray("/callback?code=a+b") << true << "/callback"
                                   << "a b"
                                   << "";
    QTest::newRow("absolute") << QByteArray("http://127.0.0.1/callback?code=a") << false << ""
                              << ""
                              << "";
    QTest::newRow("asterisk") << QByteArray("*") << false << ""
                              << ""
                              << "";
    QTest::newRow("fragment") << QByteArray("/callback#code=a") << false << ""
                              << ""
                              << "";
}

void TestHttpRequest::splitsTargets()
{
    QFETCH(QByteArray, target);
    QFETCH(bool, ok);
    QString path;
    QUrlQuery query;
    QCOMPARE(splitTarget(target, &path, &query), ok);
    if (!ok)
        return;
    QTEST(path, "path");
    QTEST(query.queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded), "code");
    QTEST(query.queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded), "state");
}

void TestHttpRequest::escapesPage_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("escaped");

    QTest::newRow("script") << "<script>alert(1)</script>"
                            << QByteArray("&lt;script&gt;alert(1)&lt;/script&gt;");
    QTest::newRow("double quote") << "a\"b" << QByteArray("a&quot;b");
    QTest::newRow("single quote") << "a'b" << QByteArray("a&#39;b");
    QTest::newRow("ampersand") << "a&b" << QByteArray("a&amp;b");
    QTest::newRow("unicode") << "Jürgen ✓" << QByteArray("J\xc3\xbcrgen \xe2\x9c\x93");
}

void TestHttpRequest::escapesPage()
{
    QFETCH(QString, text);
    QFETCH(QByteArray, escaped);
    const QByteArray page = callbackPage(false, text, text);
    QVERIFY(page.contains(escaped));
    QVERIFY(!page.contains("<script"));
    QVERIFY(!page.contains("a\"b"));
    QVERIFY(!page.contains("a'b"));
}

void TestHttpRequest::pageIsSelfContained()
{
    for (const bool success : {true, false}) {
        const QByteArray page = callbackPage(success, QStringLiteral("Signed in to Rolecall"),
                                             QStringLiteral("Welcome, Ada."));
        QVERIFY(page.startsWith("<!DOCTYPE html>"));
        QVERIFY(page.contains("<meta charset=\"utf-8\">"));
        QVERIFY(page.contains("prefers-color-scheme: dark"));
        QVERIFY(page.contains("Welcome, Ada."));
        // No resource of any kind: no URL, no link, no image, no script.
        QVERIFY(!page.contains("http"));
        QVERIFY(!page.contains("//"));
        QVERIFY(!page.contains("url("));
        QVERIFY(!page.contains("@import"));
        QVERIFY(!page.contains("<link"));
        QVERIFY(!page.contains("<img"));
        QVERIFY(!page.contains("<script"));
        QVERIFY(!page.contains("src="));
    }
}

void TestHttpRequest::buildsResponse()
{
    const QByteArray html = callbackPage(true, QStringLiteral("t"), QStringLiteral("m"));
    const QByteArray response = httpResponse(200, "OK", html);
    QVERIFY(response.startsWith("HTTP/1.1 200 OK\r\n"));
    const qsizetype split = response.indexOf("\r\n\r\n");
    QVERIFY(split > 0);
    const QByteArray head = response.first(split + 2);
    QCOMPARE(response.sliced(split + 4), html);
    QVERIFY(head.contains("\r\nContent-Type: text/html; charset=utf-8\r\n"));
    QVERIFY(head.contains(
        QByteArray("\r\nContent-Length: " + QByteArray::number(html.size()) + "\r\n")));
    QVERIFY(head.contains("\r\nCache-Control: no-store\r\n"));
    QVERIFY(head.contains("\r\nConnection: close\r\n"));
    QVERIFY(head.contains("\r\nX-Content-Type-Options: nosniff\r\n"));
    QVERIFY(head.contains(
        "\r\nContent-Security-Policy: default-src 'none'; style-src 'unsafe-inline'\r\n"));
}

QTEST_GUILESS_MAIN(TestHttpRequest)
#include "tst_httprequest.moc"
