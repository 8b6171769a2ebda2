#pragma once

#include "domain/profile.h"
#include "services/connectiontester.h"

#include <QDialog>
#include <QPointer>

#include <functional>
#include <optional>

class QDialogButtonBox;
class QLabel;
class QListWidget;
class QPushButton;

namespace rolecall {

class ProfileStore;

// Chooses the profile to open and manages the list: add, edit, remove, set
// the default. Removing only edits the store; the app deletes the profile's
// keychain session when profileRemoved() arrives.
class ProfilesDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfilesDialog)

public:
    // Asks a yes/no question without waiting for the answer (no nested event
    // loop); calls `answer(true)` for yes, `answer(false)` or nothing for no.
    // A seam so tests can answer.
    using Answer = std::function<void(bool yes)>;
    using Confirmation = std::function<void(const QString &question, Answer answer)>;

    explicit ProfilesDialog(ProfileStore &store, QWidget *parent = nullptr);
    ~ProfilesDialog() override;

    void setConfirmation(Confirmation confirm);
    // Offered to the profile editor as "Test connection" (not owned).
    void setConnectionTester(ConnectionTester *tester) { m_tester = tester; }

    QString selectedProfile() const { return m_selected; } // after accept
    QString currentProfile() const;                        // highlighted in the list
    void setCurrentProfile(const QString &name);
    QString errorText() const;

    QListWidget *list() const { return m_list; }

public Q_SLOTS:
    void accept() override; // opens the highlighted profile
    void addProfile();
    void editProfile();
    void removeProfile();
    void makeDefault();

Q_SIGNALS:
    void profileRemoved(const QString &name);
    // A Clerk secret key typed into the editor, for the console to keep in
    // the keychain.
    void clerkSecretKeyEntered(const QString &profile, const QByteArray &key);
    // Secrets an edit left tied to old values (ProfileEditor::secretsInvalidated).
    void secretsInvalidated(const QString &profile, const QStringList &kinds);

private:
    void openEditor(const std::optional<Profile> &existing);
    void remove(const QString &name);
    void reload(const QString &current);
    void updateButtons();
    void showError(const QString &message);

    ProfileStore &m_store;
    Confirmation m_confirm;
    QString m_selected;
    QListWidget *m_list = nullptr;
    QLabel *m_empty = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_edit = nullptr;
    QPushButton *m_remove = nullptr;
    QPushButton *m_default = nullptr;
    QPushButton *m_open = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPointer<ConnectionTester> m_tester;
};

} // namespace rolecall
