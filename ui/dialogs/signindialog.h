#pragma once

#include "domain/profile.h"
#include "services/signinservice.h"

#include <QDialog>
#include <QPointer>
#include <QUrl>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QWidget;

namespace rolecall {

// Signs in to one profile through a SignInService, showing where the flow is:
//
//   idle ──Sign in──▶ WaitingForBrowser ──redirect──▶ Finishing ──▶ signedIn: accept()
//     ▲                 │ Cancel/Esc: service->cancel()     │
//     └──── failed (message shown, Sign in again) ◀─────────┘
//
// The dialog never opens a browser itself: "Open again" asks the app.
class SignInDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignInDialog)

public:
    // done() code when the person asked for the profile chooser instead.
    static constexpr int OtherProfileResult = 2;

    SignInDialog(SignInService *service, const Profile &profile, QWidget *parent = nullptr);
    ~SignInDialog() override;

    bool wantsOtherProfile() const { return m_wantsOtherProfile; }
    QString errorText() const;
    QString noticeText() const;
    QString statusText() const;
    QString authorizationUrlText() const;

public Q_SLOTS:
    void reject() override; // while signing in: cancels the attempt, keeps the dialog

Q_SIGNALS:
    void openUrlRequested(const QUrl &url);

private:
    void startSignIn();
    void showState(SignInService::State state);
    void showUrl(const QUrl &url);
    void showFailure(const QString &message);
    void showNotice(const QString &message);
    void copyLink();
    bool busy() const;

    QPointer<SignInService> m_service;
    bool m_wantsOtherProfile = false;
    QUrl m_url;
    QLabel *m_notice = nullptr;
    QLabel *m_error = nullptr;
    QWidget *m_progressPanel = nullptr;
    QProgressBar *m_busy = nullptr;
    QLabel *m_status = nullptr;
    QWidget *m_linkRow = nullptr;
    QLineEdit *m_urlField = nullptr;
    QPushButton *m_copy = nullptr;
    QPushButton *m_openAgain = nullptr;
    QPushButton *m_signIn = nullptr;
    QPushButton *m_other = nullptr;
    QPushButton *m_cancel = nullptr;
};

} // namespace rolecall
