#include "console/consolecontroller.h"

#include "api/apidatasource.h"
#include "api/apisyncstore.h"
#include "auth/browser.h"
#include "auth/keychainsecretstore.h"
#include "auth/oidcsigninservice.h"
#include "console/profileconnectiontester.h"
#include "console/profilesyncservice.h"
#include "dialogs/profilesdialog.h"
#include "dialogs/signindialog.h"
#include "domain/connectionsettings.h"
#include "mainwindow.h"
#include "pg/pgdatasource.h"
#include "services/boundsecret.h"
#include "services/profilestore.h"

#include <QDesktopServices>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QStatusBar>

namespace rolecall {

namespace {

// The system browser, unless ROLECALL_BROWSER names another command.
auth::BrowserOpener guiBrowser()
{
    if (auth::BrowserOpener fromEnvironment = auth::browserFromEnvironment())
        return fromEnvironment;
    return [](const QUrl &url, QString *error) {
        if (QDesktopServices::openUrl(url))
            return true;
        *error = QObject::tr("No browser could be opened.");
        return false;
    };
}

} // namespace

ConsoleController::ConsoleController(MainWindow *window, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_settings(openAppSettings())
    , m_profiles(std::make_unique<ProfileStore>(*m_settings))
    , m_secrets(new KeychainSecretStore(this))
    , m_network(new QNetworkAccessManager(this))
{
    connect(window, &MainWindow::signInRequested, this, &ConsoleController::showSignIn);
    connect(window, &MainWindow::signOutRequested, this, &ConsoleController::signOut);
    connect(window, &MainWindow::profilesRequested, this, &ConsoleController::chooseProfile);
}

ConsoleController::~ConsoleController() = default;

void ConsoleController::start(const QString &name, bool signInNow)
{
    m_signInNow = signInNow;
    QString error;
    const std::optional<Profile> profile = m_profiles->resolve(name, &error);
    if (profile) {
        openProfile(*profile);
        return;
    }
    if (!name.isEmpty())
        m_window->statusBar()->showMessage(error, 10000);
    chooseProfile();
}

void ConsoleController::chooseProfile()
{
    auto *dialog = new ProfilesDialog(*m_profiles, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setCurrentProfile(m_profile.name);
    dialog->setConnectionTester(new ProfileConnectionTester(m_network, dialog));
    connect(dialog, &ProfilesDialog::profileRemoved, this, [this](const QString &name) {
        // Its session goes with it; nothing of it stays in the keychain.
        for (const QString &what : {SecretStore::sessionKind(), SecretStore::clerkSecretKeyKind()})
            m_secrets->remove(SecretStore::profileKey(name, what), this,
                              [](const SecretStore::Result &) {});
    });
    connect(dialog, &ProfilesDialog::secretsInvalidated, this,
            [this](const QString &name, const QStringList &kinds) {
                m_window->statusBar()->showMessage(invalidatedSecretsText(name, kinds), 15000);
                for (const QString &what : kinds)
                    m_secrets->remove(SecretStore::profileKey(name, what), this,
                                      [](const SecretStore::Result &) {});
            });
    connect(dialog, &ProfilesDialog::clerkSecretKeyEntered, this,
            [this](const QString &name, const QByteArray &key) {
                // Bound to the Clerk API the profile names now.
                const std::optional<Profile> profile = m_profiles->profile(name);
                const QByteArray entry =
                    packBoundSecret(key, clerkKeyOrigin(profile.value_or(Profile())));
                m_secrets->write(
                    SecretStore::profileKey(name, SecretStore::clerkSecretKeyKind()), entry, this,
                    [this, name](const SecretStore::Result &result) {
                        m_window->statusBar()->showMessage(
                            result.status == SecretStore::Status::Ok
                                ? tr("Clerk secret key for profile %1 kept in the "
                                     "OS keychain.")
                                      .arg(name)
                                : tr("The Clerk secret key was not stored: %1").arg(result.message),
                            15000);
                    });
            });
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        // Validated as on every other way in (--profile, the last one used).
        QString error;
        if (const std::optional<Profile> chosen =
                m_profiles->resolve(dialog->selectedProfile(), &error))
            openProfile(*chosen);
        else
            m_window->statusBar()->showMessage(error, 15000);
    });
    dialog->open();
}

void ConsoleController::openProfile(const Profile &profile)
{
    QString invalid;
    if (!profile.validate(&invalid)) {
        m_window->statusBar()->showMessage(
            tr("Profile %1 is not opened: %2").arg(profile.name, invalid), 15000);
        return;
    }
    m_profile = profile;
    if (m_dialog)
        m_dialog->close();
    m_window->setSignInService(nullptr);
    delete m_service;

    m_window->setDataSource(createDataSource());
    m_window->setWindowTitle(profile.name); // the platform appends " — Rolecall"
    m_window->setProfileName(profile.name);
    m_window->setSyncService(createSyncService(nullptr));

    m_service = new auth::OidcSignInService(profile, m_secrets, m_network, guiBrowser(), this);
    if (!profile.apiBaseUrl.isEmpty()) {
        // The API answers only with a token: read everything again once
        // there is one (a restored or a new session). Connected before the
        // window's own handler, which then looks up the person's roles on
        // the new source.
        connect(m_service, &SignInService::signedIn, this, [this] {
            m_window->setDataSource(createDataSource());
            m_window->setSyncService(createSyncService(nullptr));
        });
    }
    m_window->setSignInService(m_service);
    connect(m_service, &SignInService::notice, m_window,
            [this](const QString &message) { m_window->statusBar()->showMessage(message, 15000); });
    // Restoring is silent; only without a kept session does the dialog come up.
    connect(m_service, &SignInService::stateChanged, this, [this](SignInService::State state) {
        if (state == SignInService::State::SignedOut && !m_dialog && m_service &&
            !m_service->identity().isValid())
            showSignIn();
    });
    m_service->restore();
}

void ConsoleController::showTransportWarning(const QString &warning)
{
    if (warning.isEmpty()) {
        delete m_transportWarning;
        return;
    }
    if (!m_transportWarning) {
        m_transportWarning = new QLabel(m_window);
        m_transportWarning->setObjectName(QStringLiteral("transportWarning"));
        m_transportWarning->setTextFormat(Qt::PlainText);
        m_window->statusBar()->addPermanentWidget(m_transportWarning);
    }
    m_transportWarning->setText(warning);
}

void ConsoleController::showSignIn()
{
    if (!m_service || m_dialog)
        return;
    m_dialog = new SignInDialog(m_service, m_profile, m_window);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_dialog, &SignInDialog::openUrlRequested, this, [](const QUrl &url) {
        QString error;
        if (auth::BrowserOpener open = guiBrowser())
            open(url, &error);
    });
    connect(m_dialog, &QDialog::finished, this, [this](int result) {
        if (result == SignInDialog::OtherProfileResult)
            QMetaObject::invokeMethod(this, &ConsoleController::chooseProfile,
                                      Qt::QueuedConnection);
    });
    m_dialog->open();
    if (m_signInNow) {
        m_signInNow = false;
        m_service->signIn();
    }
}

DataSource *ConsoleController::createDataSource()
{
    showTransportWarning({});
    if (!m_profile.apiBaseUrl.isEmpty()) {
        // The backend API with the session's access token, refreshed once
        // after a 401 (see ApiClient).
        QPointer<ConsoleController> self(this);
        ApiTokenProvider tokens{
            [self] { return self && self->m_service ? self->m_service->accessToken() : QString(); },
            [self](std::function<void(bool)> done) {
                if (self && self->m_service)
                    self->m_service->refreshNow(std::move(done));
                else
                    done(false);
            }};
        auto *source = new ApiDataSource(QUrl(m_profile.apiBaseUrl), tokens, m_network);
        m_apiSource = source;
        return source;
    }
    ConnectionSettings settings;
    QString error;
    if (!m_profile.databaseUrl.isEmpty() &&
        ConnectionSettings::fromUrl(m_profile.databaseUrl, &settings, &error)) {
        showTransportWarning(settings.transportWarning());
        return new PgDataSource(settings);
    }
    return nullptr;
}

SyncService *ConsoleController::createSyncService(QObject *parent) const
{
    ClerkApiSettings clerk;
    if (!m_profile.clerkApiUrl.isEmpty())
        clerk.baseUrl = QUrl(m_profile.clerkApiUrl);
    if (!m_profile.apiBaseUrl.isEmpty()) {
        // The server compares with Clerk where it holds the key (GET
        // /sync/status); else Clerk is compared here with the profile's key.
        // Every write goes through the API, whose server checks it.
        if (!m_apiSource)
            return nullptr;
        return new ProfileSyncService(m_profile.name, new ApiSyncStore(m_apiSource), clerk,
                                      m_secrets, m_network, parent);
    }
    ConnectionSettings connection;
    QString error;
    if (m_profile.databaseUrl.isEmpty() ||
        !ConnectionSettings::fromUrl(m_profile.databaseUrl, &connection, &error))
        return nullptr;
    return new ProfileSyncService(m_profile.name, connection, clerk, m_secrets, m_network, parent);
}

void ConsoleController::signOut()
{
    if (m_service)
        m_service->signOut();
}

} // namespace rolecall
