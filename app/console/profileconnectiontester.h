#pragma once

#include "services/connectiontester.h"

#include <QNetworkAccessManager>
#include <QPointer>

#include <memory>

namespace rolecall {

// "Test connection" for the profile editor, on the code the console signs in
// and reads with:
//
//   test(profile) ─┬─▶ OidcClient::fetchMetadata (discovery document) ──┐
//                  ├─▶ PgDataSource: detectSchema ─▶ countUsers ────────┤
//                  └─▶ (API profile) ApiDataSource: GET /capabilities ──┴─▶ result
//
// Both checks run at once; the future finishes when both have answered (each
// has its own timeout), and never with an exception.
class ProfileConnectionTester final : public ConnectionTester
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileConnectionTester)

public:
    // `network` is not owned and must outlive the tests it runs.
    explicit ProfileConnectionTester(QNetworkAccessManager *network, QObject *parent = nullptr);
    ~ProfileConnectionTester() override;

    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds; }
    QFuture<ConnectionTestResult> test(const Profile &profile) override;

private:
    struct TestRun;
    void testApi(const Profile &profile, std::shared_ptr<TestRun> run);

    QPointer<QNetworkAccessManager> m_network;
    int m_timeoutMs = 15000;
};

} // namespace rolecall
