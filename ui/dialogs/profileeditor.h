#pragma once

#include "domain/profile.h"
#include "services/connectiontester.h"

#include <QDialog>
#include <QPointer>

#include <optional>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace rolecall {

class ProfileStore;

// Adds a profile to the store, or edits one (its name stays fixed: secrets
// and settings are keyed by it). OK validates and saves; a problem shows
// inline and the dialog stays open with everything typed intact.
class ProfileEditor final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileEditor)

public:
    explicit ProfileEditor(ProfileStore &store, std::optional<Profile> existing,
                           QWidget *parent = nullptr);
    ~ProfileEditor() override;

    Profile profile() const { return m_saved; } // what was saved, after accept
    QString errorText() const;                  // the inline problem; empty when none

    // Enables "Test connection" (not owned; nullptr hides the button).
    void setConnectionTester(ConnectionTester *tester);
    QString testResultText() const; // what the last test found; empty before one

    // The Clerk secret key typed in (empty: keep the stored one). The editor
    // never reads the keychain: the console stores it on
    // clerkSecretKeyEntered(). Cleared once emitted.
    bool hasClerkSecretKeyTyped() const;
    bool isTesting() const { return m_testing; }

public Q_SLOTS:
    void accept() override;
    void testConnection();

Q_SIGNALS:
    // After a successful save, when a key was typed; `key` is the secret.
    void clerkSecretKeyEntered(const QString &profile, const QByteArray &key);
    // After a successful save that changed the issuer, client ID or Clerk API
    // URL: the kinds of secret (SecretStore kinds) tied to the old values,
    // for the console to delete. The editor said so first and took a second
    // OK as the answer.
    void secretsInvalidated(const QString &profile, const QStringList &kinds);

private:
    Profile profileFromFields() const;
    void showError(const QString &message);

    ProfileStore &m_store;
    std::optional<Profile> m_existing; // set once the profile is in the store
    Profile m_saved;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_issuer = nullptr;
    QLineEdit *m_clientId = nullptr;
    QLineEdit *m_scopes = nullptr;
    QComboBox *m_source = nullptr; // Database or Backend API
    QLineEdit *m_database = nullptr;
    QLineEdit *m_api = nullptr;
    QLineEdit *m_clerkApi = nullptr;
    QLineEdit *m_clerkKey = nullptr;
    QCheckBox *m_makeDefault = nullptr;
    QLabel *m_error = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_test = nullptr;
    QLabel *m_testResult = nullptr;
    QPointer<ConnectionTester> m_tester;
    quint64 m_testRun = 0;
    bool m_testing = false;
    // The change whose secret deletion the person was told about; a second
    // OK with the same fields goes ahead.
    std::optional<Profile> m_warnedAbout;
};

} // namespace rolecall
