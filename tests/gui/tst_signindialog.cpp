// The sign-in dialog against a fake SignInService that records calls and
// lets the test drive its states and signals.
#include "dialogs/signindialog.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace rolecall;

namespace {

class FakeSignInService final : public SignInService
{
    Q_OBJECT

public:
    using SignInService::SignInService;

    State state() const override { return m_state; }
    Identity identity() const override { return m_identity; }
    QUrl authorizationUrl() const override { return m_url; }
    bool keychainAvailable() const override { return m_keychain; }

    void restore() override { ++restoreCalls; }
    void signIn() override { ++signInCalls; }
    void cancel() override { ++cancelCalls; }
    void signOut() override { ++signOutCalls; }

    void moveTo(State state)
    {
        m_state = state;
        Q_EMIT stateChanged(state);
    }
    void offerUrl(const QUrl &url)
    {
        m_url = url;
        Q_EMIT authorizationUrlReady(url);
    }
    void succeed(const Identity &identity)
    {
        m_identity = identity;
        moveTo(State::SignedIn);
        Q_EMIT signedIn(identity);
    }
    void setKeychainAvailable(bool available) { m_keychain = available; }

    int restoreCalls = 0;
    int signInCalls = 0;
    int cancelCalls = 0;
    int signOutCalls = 0;

private:
    State m_state = State::SignedOut;
    Identity m_identity;
    QUrl m_url;
    bool m_keychain = true;
};

Profile sampleProfile()
{
    Profile p;
    p.name = QStringLiteral("prod");
    p.issuer = QStringLiteral("https://example.clerk.accounts.dev");
    p.clientId = QStringLiteral("client-123");
    return p;
}

QPushButton *button(const QDialog &dialog, const char *objectName)
{
    return dialog.findChild<QPushButton *>(QLatin1String(objectName));
}

// Visible widgets other than plain containers that have no accessible name.
QStringList unnamedVisibleControls(const QWidget &root)
{
    QStringList unnamed;
    const QList<QWidget *> widgets = root.findChildren<QWidget *>();
    for (const QWidget *w : widgets) {
        if (!w->isVisible() || w->metaObject() == &QWidget::staticMetaObject ||
            w->inherits("QDialogButtonBox"))
            continue;
        if (w->accessibleName().isEmpty())
            unnamed.append(QString::fromLatin1(w->metaObject()->className()) % QLatin1Char('#') %
                           w->objectName());
    }
    return unnamed;
}

const QUrl authUrl(QStringLiteral("https://example.clerk.accounts.dev/oauth/authorize?client_id="
                                  "client-123&state=abc&code_challenge=xyz"));

} // namespace

class TestSignInDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsProfileAndIssuer();
    void signInCallsTheService();
    void showsTheLinkWhileWaiting();
    void cancelWhileWaitingCancels();
    void escapeWhenIdleCloses();
    void failureShowsMessageAndAllowsRetry();
    void showsNotices();
    void signedInAccepts();
    void choosingAnotherProfile();
    void everyControlHasAnAccessibleName();
};

void TestSignInDialog::showsProfileAndIssuer()
{
    FakeSignInService service;
    SignInDialog dialog(&service, sampleProfile());
    QCOMPARE(dialog.windowTitle(), QStringLiteral("Sign in to prod"));
    QCOMPARE(button(dialog, "signInButton")->text(),
             QStringLiteral("Sign in with example.clerk.accounts.dev"));
    QVERIFY(button(dialog, "signInButton")->isDefault());
}

void TestSignInDialog::signInCallsTheService()
{
    FakeSignInService service;
    SignInDialog dialog(&service, sampleProfile());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTest::mouseClick(button(dialog, "signInButton"), Qt::LeftButton);
    QCOMPARE(service.signInCalls, 1);
    service.moveTo(SignInService::State::WaitingForBrowser);
    QVERIFY(!button(dialog, "signInButton")->isEnabled());
    QCOMPARE(dialog.statusText(), QStringLiteral("Finish signing in in your browser."));
    QVERIFY(dialog.findChild<QProgressBar *>()->isVisible());
    QCOMPARE(dialog.findChild<QProgressBar *>()->maximum(), 0);
    service.moveTo(SignInService::State::Finishing);
    QCOMPARE(dialog.statusText(), QStringLiteral("Checking the sign-in…"));
    QVERIFY(dialog.authorizationUrlText().isEmpty());
}

void TestSignInDialog::showsTheLinkWhileWaiting()
{
    FakeSignInService service;
    SignInDialog dialog(&service, sampleProfile());
    QSignalSpy openRequests(&dialog, &SignInDialog::openUrlRequested);
    dialog.show();
    QTest::mouseClick(button(dialog, "signInButton"), Qt::LeftButton);
    service.moveTo(SignInService::State::WaitingForBrowser);
    service.offerUrl(authUrl);

    auto *urlField = dialog.findChild<QLineEdit *>(QStringLiteral("urlField"));
    QVERIFY(urlField->isVisible());
    QVERIFY(urlField->isReadOnly());
    QCOMPARE(dialog.authorizationUrlText(), authUrl.toString(QUrl::FullyEncoded));

    QGuiApplication::clipboard()->clear();
    QTest::mouseClick(button(dialog, "copyButton"), Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(), authUrl.toString(QUrl::FullyEncoded));

    QTest::mouseClick(button(dialog, "openAgainButton"), Qt::LeftButton);
    QCOMPARE(openRequests.count(), 1);
    QCOMPARE(openRequests.first().first().toUrl(), authUrl);
}

void TestSignInDialog::cancelWhileWaitingCancels()
{
    FakeSignInService service;
    SignInDialog dialog(&service, sampleProfile());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    service.moveTo(SignInService::State::WaitingForBrowser);
    service.offerUrl(authUrl);

    QTest::mouseClick(button(dialog, "cancelButton"), Qt::LeftButton);
    QCOMPARE(service.cancelCalls, 1);
    QVERIFY(dialog.isVisible()); // the dialog stays for another try

    QTest::keyClick(&dialog, Qt::Key_Escape);
    QCOMPARE(service.cancelCalls, 2);
    QVERIFY(dialog.isVisible());

    service.moveTo(SignInService::State::SignedOut);
    QVERIFY(button(dialog, "signInButton")->isEnabled());
    QVERIFY(dialog.statusText().isEmpty());
}

void TestSignInDialog::escapeWhenIdleCloses()
{
    FakeSignInService service;
    SignInDialog dialog(&service, sampleProfile());
    QSignalSpy rejected(&dialog, &QDialog::rejected);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    QTest::keyClick(&dialog, Qt::Key_Escape);
    QCOMPARE(rejected.count(), 1);
    QCOMPARE(service.cancelCalls, 0);
    QVERIFY(!dialog.isVisible());
}

void TestSignInDialog::failureShowsMessageAndAllowsRetry()
{
    FakeSignInService service;
    SignInDialog dialog(&service, sampleProfile());
    dialog.show();
    QTest::mouseClick(button(dialog, "signInButton"), Qt::LeftButton);
    service.moveTo(SignInService::State::WaitingForBrowser);
    const QString message = QStringLiteral("The sign-in was denied: access_denied.");
    Q_EMIT service.failed(message);
    service.moveTo(SignInService::State::SignedOut);

    QCOMPARE(dialog.errorText(), message);
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("errorLabel"))->isVisible());
    QVERIFY(button(dialog, "signInButton")->isEnabled());
    QVERIFY(dialog.isVisible());

    QTest::mouseClick(button(dialog, "signInButton"), Qt::LeftButton);
    QCOMPARE(service.signInCalls, 2);
    QVERIFY(dialog.errorText().isEmpty()); // a new attempt clears the old problem
}

void TestSignInDialog::showsNotices()
{
    FakeSignInService service;
    service.setKeychainAvailable(false);
    SignInDialog dialog(&service, sampleProfile());
    dialog.show();
    QVERIFY(dialog.noticeText().contains(QLatin1String("keychain")));

    const QString notice = QStringLiteral("Your session is kept in memory only.");
    Q_EMIT service.notice(notice);
    QCOMPARE(dialog.noticeText(), notice);
    QVERIFY(dialog.errorText().isEmpty()); // a notice is not an error
}

void TestSignInDialog::signedInAccepts()
{
    FakeSignInService service;
    SignInDialog dialog(&service, sampleProfile());
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    dialog.show();
    service.moveTo(SignInService::State::Finishing);
    Identity identity;
    identity.profile = QStringLiteral("prod");
    identity.subject = QStringLiteral("user_123");
    identity.email = QStringLiteral("ada@example.com");
    service.succeed(identity);
    QCOMPARE(accepted.count(), 1);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(!dialog.isVisible());
}

void TestSignInDialog::choosingAnotherProfile()
{
    FakeSignInService service;
    SignInDialog dialog(&service, sampleProfile());
    QSignalSpy finished(&dialog, &QDialog::finished);
    dialog.show();
    QTest::mouseClick(button(dialog, "otherProfileButton"), Qt::LeftButton);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.first().first().toInt(), SignInDialog::OtherProfileResult);
    QVERIFY(dialog.wantsOtherProfile());
}

void TestSignInDialog::everyControlHasAnAccessibleName()
{
    FakeSignInService service;
    service.setKeychainAvailable(false);
    SignInDialog dialog(&service, sampleProfile());
    dialog.show();

    service.moveTo(SignInService::State::WaitingForBrowser);
    service.offerUrl(authUrl);
    QStringList unnamed = unnamedVisibleControls(dialog);
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QLatin1Char(' '))));
    QVERIFY(dialog.findChild<QLineEdit *>(QStringLiteral("urlField"))->isVisible());

    Q_EMIT service.failed(QStringLiteral("Could not reach the provider."));
    service.moveTo(SignInService::State::SignedOut);
    unnamed = unnamedVisibleControls(dialog);
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QLatin1Char(' '))));
}

QTEST_MAIN(TestSignInDialog)
#include "tst_signindialog.moc"
