// A server's per-field problems (RFC 9457 validation `errors`) in the write
// dialogs: each shows below the field it names, the rest in the error line,
// the focus goes to the first field named and what was typed stays. The
// dialogs write through ApiDataSource to the admin API contract on 127.0.0.1.
#include "api/apidatasource.h"
#include "dialogs/endgrantdialog.h"
#include "dialogs/grantroledialog.h"
#include "support/fakeadminapi.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QTest>

using namespace rolecall;
using namespace rolecall::testing;

namespace {

constexpr int waitMs = 15000;

// A 422 validation problem with `errors` for every POST; the rest as the contract.
FakeHttpResponse refusedWith(const QList<FieldError> &errors, const FakeAdminApi &api,
                             const FakeHttpRequest &request)
{
    if (request.method != "POST")
        return api.contractHandler(request);
    apijson::Problem problem =
        apijson::makeProblem(apijson::ProblemType::Validation, QStringLiteral("Check the grant."));
    problem.errors = errors;
    FakeHttpResponse response;
    response.status = 422;
    response.contentType = apijson::problemContentType;
    response.body = QJsonDocument(apijson::toJson(problem)).toJson(QJsonDocument::Compact);
    return response;
}

void clickOk(QDialog &dialog)
{
    QTest::mouseClick(dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok),
                      Qt::LeftButton);
}

} // namespace

class TestFieldErrors final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_api = std::make_unique<FakeAdminApi>();
        QVERIFY(m_api->start());
        m_api->setUsers(FakeAdminApi::sampleUsers(5));
        m_source = std::make_unique<ApiDataSource>(
            QUrl(m_api->baseUrl()), ApiTokenProvider{[] { return QStringLiteral("token"); }, {}},
            &m_network);
    }
    void cleanup()
    {
        m_source.reset();
        m_api.reset();
    }

    void theGrantDialogShowsEachProblemAtItsField()
    {
        m_api->setHandler([this](const FakeHttpRequest &request) {
            return refusedWith(
                {{QStringLiteral("reason"), QStringLiteral("must name a ticket")},
                 {QStringLiteral("effectiveEnd"), QStringLiteral("is past the term")},
                 {QStringLiteral("ticket"), QStringLiteral("is required")}},
                *m_api, request);
        });
        GrantRoleDialog dialog(m_source.get(), Actor{}, m_api->users().first(),
                               {QStringLiteral("LEARNER"), QStringLiteral("MENTOR")});
        dialog.show();
        QApplication::setActiveWindow(&dialog);
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        auto *reason = dialog.findChild<QLineEdit *>(QStringLiteral("reasonField"));
        QVERIFY(reason);
        reason->setText(QStringLiteral("Spring cohort"));
        QVERIFY(dialog.fieldErrorText(QStringLiteral("reason")).isEmpty());

        clickOk(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.errorText().isEmpty(), waitMs);
        QCOMPARE(dialog.fieldErrorText(QStringLiteral("reason")),
                 QStringLiteral("must name a ticket"));
        QCOMPARE(dialog.fieldErrorText(QStringLiteral("effectiveEnd")),
                 QStringLiteral("is past the term"));
        QVERIFY(dialog.fieldErrorText(QStringLiteral("role")).isEmpty());
        // A field the dialog does not have stays in the error line, named.
        QCOMPARE(dialog.errorText(), QStringLiteral("Check the grant.\nticket: is required"));
        auto *shown = dialog.findChild<QLabel *>(QStringLiteral("reasonFieldError"));
        QVERIFY(shown && shown->isVisible());
        QTRY_COMPARE(QApplication::focusWidget(), reason);
        QCOMPARE(reason->text(), QStringLiteral("Spring cohort"));
        QVERIFY(dialog.isVisible());

        // The next attempt starts clean; a problem without fields shows whole.
        m_api->setHandler([this](const FakeHttpRequest &request) {
            if (request.method == "POST")
                return FakeAdminApi::problem(apijson::ProblemType::Conflict,
                                             QStringLiteral("Changed meanwhile."));
            return m_api->contractHandler(request);
        });
        clickOk(dialog);
        QTRY_COMPARE_WITH_TIMEOUT(dialog.errorText(), QStringLiteral("Changed meanwhile."), waitMs);
        QVERIFY(dialog.fieldErrorText(QStringLiteral("reason")).isEmpty());
        QVERIFY(!shown->isVisible());
    }

    void theEndDialogShowsTheReasonsProblemAtTheReason()
    {
        m_api->setHandler([this](const FakeHttpRequest &request) {
            return refusedWith({{QStringLiteral("reason"), QStringLiteral("is too short")}}, *m_api,
                               request);
        });
        GrantView grant;
        grant.grant.id = QStringLiteral("grant-1");
        grant.grant.role = QStringLiteral("MENTOR");
        grant.grant.isActiveFlag = true;
        grant.userEmail = QStringLiteral("ada@example.test");
        EndGrantDialog dialog(m_source.get(), Actor{}, grant);
        dialog.show();
        auto *reason = dialog.findChild<QLineEdit *>(QStringLiteral("reasonField"));
        QVERIFY(reason);
        reason->setText(QStringLiteral("Left"));
        clickOk(dialog);
        QTRY_COMPARE_WITH_TIMEOUT(dialog.fieldErrorText(QStringLiteral("reason")),
                                  QStringLiteral("is too short"), waitMs);
        QCOMPARE(dialog.errorText(), QStringLiteral("Check the grant."));
        QCOMPARE(reason->text(), QStringLiteral("Left"));
    }

private:
    QNetworkAccessManager m_network;
    std::unique_ptr<FakeAdminApi> m_api;
    std::unique_ptr<ApiDataSource> m_source;
};

QTEST_MAIN(TestFieldErrors)
#include "tst_fielderrors.moc"
