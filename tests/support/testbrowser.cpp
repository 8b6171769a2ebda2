#include "support/testbrowser.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>

namespace rolecall::testing {

TestBrowser::TestBrowser(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network)
{}

void TestBrowser::visit(const QUrl &url)
{
    opened << url;
    follow(url);
}

void TestBrowser::follow(const QUrl &url)
{
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    QNetworkReply *reply = m_network->get(request);
    connect(reply, &QNetworkReply::finished, this, [this, reply, url] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QUrl location = reply->header(QNetworkRequest::LocationHeader).toUrl();
        if (status >= 300 && status < 400 && location.isValid()) {
            follow(url.resolved(location));
            return;
        }
        statuses << status;
        pages << QString::fromUtf8(reply->readAll());
    });
}

} // namespace rolecall::testing
