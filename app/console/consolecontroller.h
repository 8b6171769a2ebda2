#pragma once

#include "domain/profile.h"

#include <QObject>
#include <QPointer>

#include <memory>

class QLabel;
class QNetworkAccessManager;
class QSettings;

namespace rolecall {

class ApiDataSource;
class DataSource;
class MainWindow;
class ProfileStore;
class SecretStore;
class SignInDialog;
class SyncService;

namespace auth {
class OidcSignInService;
}

// What rolecall's main() hands the window to: one profile at a time, its data
// source and its sign-in. Opening a profile restores its session from the
// keychain; without one, the sign-in dialog comes up (or the profile chooser).
//
//   start(name) ─▶ profile found? ─ no ─▶ chooseProfile(): ProfilesDialog (open())
//                      │ yes                   └─ accepted ─▶ openProfile(chosen)
//                      ▼
//   openProfile ─▶ window: data source, Sync service, OidcSignInService
//               ─▶ restore() from the keychain (silent)
//                      ├─ signed in ─▶ the window looks up the person's roles
//                      └─ signed out, no identity ─▶ showSignIn(): SignInDialog (open())
//                             ├─ signed in ─▶ as above; the dialog closes
//                             └─ "other profile" ─▶ chooseProfile() (queued)
//   Account menu: signInRequested ─▶ showSignIn · signOutRequested ─▶ signOut
//                 profilesRequested ─▶ chooseProfile
class ConsoleController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConsoleController)

public:
    explicit ConsoleController(MainWindow *window, QObject *parent = nullptr);
    ~ConsoleController() override;

    // Opens `name` (empty: the default, else the only one, else the chooser).
    // `signInNow` starts the browser sign-in at once when no session is kept.
    void start(const QString &name, bool signInNow);
    // Validates first (https for the issuer and the APIs, the database URL):
    // an invalid profile is not opened, and the status bar says why.
    void openProfile(const Profile &profile);
    void chooseProfile();
    void showSignIn();
    void signOut();

    auth::OidcSignInService *signInService() const { return m_service; }
    SecretStore *secrets() const { return m_secrets; }
    // The Sync screen's service for the open profile (its Clerk API URL,
    // keychain secret key and database, or for an API profile the API's sync
    // resources); nullptr without either.
    SyncService *createSyncService(QObject *parent) const;

private:
    // PostgreSQL for a profile with a database URL, the backend API for one
    // with an API URL (its token from the profile's sign-in); nullptr else.
    DataSource *createDataSource();
    void showTransportWarning(const QString &warning);

    MainWindow *m_window;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<ProfileStore> m_profiles;
    SecretStore *m_secrets;
    QNetworkAccessManager *m_network;
    auth::OidcSignInService *m_service = nullptr;
    QPointer<SignInDialog> m_dialog;
    QPointer<ApiDataSource> m_apiSource; // the window's, for an API profile
    QPointer<QLabel> m_transportWarning; // in the status bar while the database URL asks for it
    Profile m_profile;
    bool m_signInNow = false;
};

} // namespace rolecall
