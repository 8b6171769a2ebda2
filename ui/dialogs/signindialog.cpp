#include "dialogs/signindialog.h"

#include <QClipboard>
#include <QDialogButtonBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace rolecall {

namespace {

// A word-wrapped message in a frame; framing and the text both come from the
// palette and style, so it reads in light and dark themes alike.
QLabel *makeMessageLabel(QWidget *parent, const QString &objectName, const QString &accessibleName)
{
    auto *label = new QLabel(parent);
    label->setTextFormat(Qt::PlainText);
    label->setObjectName(objectName);
    label->setAccessibleName(accessibleName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setFrameShape(QFrame::StyledPanel);
    label->setMargin(label->fontMetrics().height() / 3);
    label->hide();
    return label;
}

QString issuerHost(const QString &issuer)
{
    const QUrl url(issuer);
    if (url.host().isEmpty())
        return issuer;
    return url.port() == -1 ? url.host()
                            : QString(url.host() % QLatin1Char(':') % QString::number(url.port()));
}

} // namespace

SignInDialog::SignInDialog(SignInService *service, const Profile &profile, QWidget *parent)
    : QDialog(parent)
    , m_service(service)
{
    const QString host = issuerHost(profile.issuer);
    setWindowTitle(tr("Sign in to %1").arg(profile.name));

    auto *heading = new QLabel(tr("Sign in to %1").arg(profile.name), this);
    heading->setTextFormat(Qt::PlainText);
    heading->setAccessibleName(tr("Profile"));
    QFont headingFont = heading->font();
    headingFont.setBold(true);
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.25);
    heading->setFont(headingFont);

    auto *intro = new QLabel(tr("Rolecall opens your web browser to sign in at %1. "
                                "Only an active ADMIN can change roles; everyone else "
                                "gets a read-only console.")
                                 .arg(host),
                             this);
    intro->setTextFormat(Qt::PlainText);
    intro->setAccessibleName(tr("About signing in"));
    intro->setWordWrap(true);

    m_notice = makeMessageLabel(this, QStringLiteral("noticeLabel"), tr("Notice"));
    m_error = makeMessageLabel(this, QStringLiteral("errorLabel"), tr("Sign-in problem"));
    // The error must stand out without a hard-coded colour: bold text in a frame.
    QFont errorFont = m_error->font();
    errorFont.setBold(true);
    m_error->setFont(errorFont);

    m_busy = new QProgressBar(this);
    m_busy->setRange(0, 0); // busy indicator
    m_busy->setTextVisible(false);
    m_busy->setAccessibleName(tr("Signing in"));
    m_status = new QLabel(this);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_status->setAccessibleName(tr("Sign-in status"));
    m_status->setWordWrap(true);

    m_urlField = new QLineEdit(this);
    m_urlField->setObjectName(QStringLiteral("urlField"));
    m_urlField->setAccessibleName(tr("Sign-in link"));
    m_urlField->setToolTip(tr("If no browser opened, copy this link into one."));
    m_urlField->setReadOnly(true);
    m_urlField->setMinimumWidth(fontMetrics().averageCharWidth() * 40);
    m_copy = new QPushButton(tr("&Copy Link"), this);
    m_copy->setObjectName(QStringLiteral("copyButton"));
    m_copy->setAccessibleName(tr("Copy link"));
    m_copy->setAutoDefault(false);
    m_openAgain = new QPushButton(tr("Open &Again"), this);
    m_openAgain->setObjectName(QStringLiteral("openAgainButton"));
    m_openAgain->setAccessibleName(tr("Open the link in the browser again"));
    m_openAgain->setAutoDefault(false);
    connect(m_copy, &QPushButton::clicked, this, &SignInDialog::copyLink);
    connect(m_openAgain, &QPushButton::clicked, this, [this] {
        if (m_url.isValid())
            Q_EMIT openUrlRequested(m_url);
    });

    m_linkRow = new QWidget(this);
    auto *linkLayout = new QHBoxLayout(m_linkRow);
    linkLayout->setContentsMargins(0, 0, 0, 0);
    linkLayout->addWidget(m_urlField, 1);
    linkLayout->addWidget(m_copy);
    linkLayout->addWidget(m_openAgain);

    m_progressPanel = new QWidget(this);
    auto *progressLayout = new QVBoxLayout(m_progressPanel);
    progressLayout->setContentsMargins(0, 0, 0, 0);
    progressLayout->addWidget(m_status);
    progressLayout->addWidget(m_busy);
    progressLayout->addWidget(m_linkRow);

    auto *buttons = new QDialogButtonBox(this);
    m_signIn = buttons->addButton(tr("Sign in with %1").arg(host), QDialogButtonBox::ActionRole);
    m_signIn->setObjectName(QStringLiteral("signInButton"));
    m_signIn->setAccessibleName(tr("Sign in with %1").arg(host));
    m_signIn->setDefault(true);
    m_other = buttons->addButton(tr("Choose Another &Profile…"), QDialogButtonBox::ResetRole);
    m_other->setObjectName(QStringLiteral("otherProfileButton"));
    m_other->setAccessibleName(tr("Choose another profile"));
    m_other->setAutoDefault(false);
    m_cancel = buttons->addButton(QDialogButtonBox::Cancel);
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    m_cancel->setAccessibleName(tr("Cancel"));
    m_cancel->setAutoDefault(false);
    connect(m_signIn, &QPushButton::clicked, this, &SignInDialog::startSignIn);
    connect(m_other, &QPushButton::clicked, this, [this] {
        m_wantsOtherProfile = true;
        done(OtherProfileResult);
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &SignInDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addWidget(intro);
    layout->addWidget(m_notice);
    layout->addWidget(m_error);
    layout->addWidget(m_progressPanel);
    layout->addStretch();
    layout->addWidget(buttons);
    layout->setSizeConstraint(QLayout::SetMinimumSize); // messages come and go
    setMinimumWidth(fontMetrics().averageCharWidth() * 64);

    if (m_service) {
        connect(m_service, &SignInService::stateChanged, this, &SignInDialog::showState);
        connect(m_service, &SignInService::authorizationUrlReady, this, &SignInDialog::showUrl);
        connect(m_service, &SignInService::failed, this, &SignInDialog::showFailure);
        connect(m_service, &SignInService::notice, this, &SignInDialog::showNotice);
        connect(m_service, &SignInService::signedIn, this, &SignInDialog::accept);
        if (!m_service->keychainAvailable())
            showNotice(tr("The system keychain is not available: you stay signed in only "
                          "until Rolecall quits."));
        showUrl(m_service->authorizationUrl());
        showState(m_service->state());
    } else {
        showState(SignInService::State::SignedOut);
    }
    m_signIn->setFocus();
}

SignInDialog::~SignInDialog() = default;

QString SignInDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

QString SignInDialog::noticeText() const
{
    return m_notice->isHidden() ? QString() : m_notice->text();
}

QString SignInDialog::statusText() const
{
    return m_progressPanel->isHidden() ? QString() : m_status->text();
}

QString SignInDialog::authorizationUrlText() const
{
    return m_linkRow->isHidden() ? QString() : m_urlField->text();
}

bool SignInDialog::busy() const
{
    if (!m_service)
        return false;
    const SignInService::State state = m_service->state();
    return state == SignInService::State::Restoring ||
           state == SignInService::State::WaitingForBrowser ||
           state == SignInService::State::Finishing;
}

void SignInDialog::reject()
{
    if (busy()) {
        m_service->cancel(); // the service reports SignedOut; the dialog stays for a retry
        return;
    }
    QDialog::reject();
}

void SignInDialog::startSignIn()
{
    if (!m_service)
        return;
    m_error->hide();
    m_service->signIn();
}

void SignInDialog::showState(SignInService::State state)
{
    using State = SignInService::State;
    const bool waiting = state == State::WaitingForBrowser;
    const bool working = waiting || state == State::Finishing || state == State::Restoring;
    switch (state) {
    case State::Restoring:
        m_status->setText(tr("Looking for a saved session…"));
        break;
    case State::WaitingForBrowser:
        m_status->setText(tr("Finish signing in in your browser."));
        m_error->hide();
        break;
    case State::Finishing:
        m_status->setText(tr("Checking the sign-in…"));
        break;
    case State::SignedOut:
    case State::SignedIn:
        break;
    }
    m_progressPanel->setVisible(working);
    m_linkRow->setVisible(waiting && m_url.isValid());
    m_signIn->setEnabled(!working);
    m_other->setEnabled(!working);
    m_cancel->setToolTip(working ? tr("Stop this sign-in attempt")
                                 : tr("Close without signing in"));
    if (working && m_signIn->hasFocus())
        m_cancel->setFocus();
    else if (!working && !m_signIn->hasFocus())
        m_signIn->setFocus();
}

void SignInDialog::showUrl(const QUrl &url)
{
    m_url = url;
    m_urlField->setText(url.toString(QUrl::FullyEncoded));
    m_urlField->setCursorPosition(0);
    const bool waiting = m_service && m_service->state() == SignInService::State::WaitingForBrowser;
    m_linkRow->setVisible(waiting && url.isValid());
}

void SignInDialog::showFailure(const QString &message)
{
    m_error->setText(message);
    m_error->show();
    m_progressPanel->hide();
    m_signIn->setEnabled(true);
    m_other->setEnabled(true);
}

void SignInDialog::showNotice(const QString &message)
{
    m_notice->setText(message);
    m_notice->setVisible(!message.isEmpty());
}

void SignInDialog::copyLink()
{
    if (m_urlField->text().isEmpty())
        return;
    QGuiApplication::clipboard()->setText(m_urlField->text());
    m_status->setText(tr("Link copied. Paste it into your browser's address bar."));
}

} // namespace rolecall
