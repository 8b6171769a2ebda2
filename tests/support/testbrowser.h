#pragma once

#include <QList>
#include <QObject>
#include <QStringList>
#include <QUrl>

class QNetworkAccessManager;

namespace rolecall::testing {

// A browser played in-process for sign-in tests: GET, follow redirects by hand
// (to the loopback listener too, as a real browser does), keep the last page.
class TestBrowser final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TestBrowser)

public:
    explicit TestBrowser(QNetworkAccessManager *network, QObject *parent = nullptr);

    void visit(const QUrl &url);

    QList<QUrl> opened;  // every URL visit() was first given
    QList<int> statuses; // of each final page
    QStringList pages;   // their bodies

private:
    void follow(const QUrl &url);

    QNetworkAccessManager *m_network;
};

} // namespace rolecall::testing
