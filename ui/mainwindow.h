#pragma once

#include "domain/roles.h"

#include <QList>
#include <QMainWindow>
#include <QPointer>
#include <QSet>

#include <functional>

class QAction;
class QLabel;
class QLineEdit;
class QMenu;
class QProgressBar;
class QTabWidget;
class QTableView;
class QToolBar;

namespace rolecall {

class AccountWidget;
class DataSource;
class MessageBanner;
class SavedViewsMenu;
class Screen;
class SignInService;
class SyncScreen;
class SyncService;
class UsersScreen;
class UsersTableModel;
struct AccountAccess;
struct Identity;
struct SchemaInfo;

// The console's main window: one data source, its screens in tabs (Users
// first; others plug in with addScreen()), who is signed in and whether they
// may write, and the window-wide menus, shortcuts and remembered layout.
// It knows its screens only as Screen (screens/screen.h).
//
//   setDataSource(source) ─▶ Users screen gets it at once ─▶ detectSchema()
//        │                     ├─ schema ─▶ UsersScreen::start(schema): first page
//        │                     └─ error ──▶ banner, Retry detects again
//        └─▶ screen in front gets it; the others when first shown (feedCurrentScreen)
//   signed in ─▶ fetchAccount(subject) ─▶ setAccess(canWrite): screens, actions
//   Open Database… ─▶ input dialog, open() ─▶ textValueSelected ─▶ factory ─▶ setDataSource
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    // Makes a data source from what the person typed in "Open database…";
    // returns nullptr and sets *error when the input is not usable.
    using DataSourceFactory = std::function<DataSource *(const QString &location, QString *error)>;

    explicit MainWindow(DataSourceFactory factory, QWidget *parent = nullptr);
    ~MainWindow() override;

    // The profile the window shows (empty: none): the rolecallctl commands
    // of the write dialogs name it, and saved views are kept per profile.
    void setProfileName(const QString &name);
    QString profileName() const { return m_profileName; }

    // Shows `source` (the window takes ownership); nullptr shows nothing.
    void setDataSource(DataSource *source);

    // Follows who is signed in through `service` (not owned) and looks their
    // roles up in the data source; nullptr: nobody signs in (read-only).
    void setSignInService(SignInService *service);
    // The Sync screen's service for the open profile; the window takes it
    // over (nullptr: nothing to compare with).
    void setSyncService(SyncService *service);
    SyncScreen *syncScreen() const { return m_sync; }
    // True only for a signed-in active ADMIN of this data source.
    bool canWrite() const { return m_canWrite; }
    AccountWidget *accountWidget() const { return m_account; }

    QTableView *usersView() const;
    QLineEdit *searchField() const;
    UsersTableModel *usersModel() const;
    UsersScreen *usersScreen() const { return m_users; }
    QTabWidget *screens() const { return m_screens; }
    QString bannerText() const;

    // Adds a screen as a tab (the window takes ownership of its widget); its
    // objectName is what showScreen() and the remembered last screen go by.
    // The screen gets the window's data source (or nullptr) the first time it
    // is shown after the source changed; F5 calls its refresh() while it is in
    // front, and File and the toolbar offer its exportAction().
    void addScreen(Screen *screen);
    // Brings the screen with this objectName to the front (false, no change:
    // there is none).
    bool showScreen(const QString &objectName);
    Screen *currentScreen() const;
    // Opens the profile's saved view `name` (View ▸ Saved Views; `rolecall
    // --view NAME`): its screen in front with its filters. False: no such view.
    bool openView(const QString &name);
    SavedViewsMenu *savedViewsMenu() const { return m_savedViews; }
    // Why edits are off for the person signed in; empty while they may write.
    QString readOnlyReason() const;

public Q_SLOTS:
    void openDatabase();
    void refresh();

Q_SIGNALS:
    void signInRequested();
    void signOutRequested();
    void profilesRequested();
    // The signed-in person's access was (re)read: `canWrite` tells writes apart.
    void accessChanged(bool canWrite);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildActions();
    void detectSchema();
    void showSchema(const SchemaInfo &schema);
    // An error (with Retry when `retry` is given) or, `warning`, a warning.
    void showBanner(const QString &message, std::function<void()> retry = {}, bool warning = false);
    void openLocation(const QString &location);
    void updateCountLabel();
    void restoreSettings();
    void lookUpAccess(const Identity &identity);
    void updateAccountActions();
    void setAccess(bool canWrite, const QString &clerkId, const QString &email);
    // A write was refused although the access said yes (the ADMIN role ended
    // meanwhile, a server's 403): read-only with the writer's reason, as if
    // read so. From the Users screen's dialogs and the Sync screen's actions.
    void refuseWrites(const QString &reason);
    void feedScreen(Screen *screen);
    void feedCurrentScreen();
    void offerExportOf(Screen *screen);

    DataSourceFactory m_factory;
    QPointer<DataSource> m_source;
    MessageBanner *m_banner = nullptr;
    std::function<void()> m_retry; // what the banner's Retry does
    QTabWidget *m_screens = nullptr;
    UsersScreen *m_users = nullptr;
    SyncScreen *m_sync = nullptr;
    QLabel *m_sourceLabel = nullptr;
    QLabel *m_schemaLabel = nullptr;
    QLabel *m_countLabel = nullptr;
    QProgressBar *m_busy = nullptr;
    AccountWidget *m_account = nullptr;
    QPointer<SignInService> m_signIn;
    QAction *m_signInAction = nullptr;
    QAction *m_signOutAction = nullptr;
    QMenu *m_fileMenu = nullptr;
    QAction *m_beforeQuit = nullptr; // the File menu's separator above Quit
    QToolBar *m_toolBar = nullptr;
    SavedViewsMenu *m_savedViews = nullptr;
    QAction *m_exportSeparator = nullptr; // the toolbar's, shown with an export
    QPointer<QAction> m_offeredExport;    // the screen in front's, in File and the toolbar
    QString m_savedScreen;                // the screen shown last time, once it is added
    QList<Screen *> m_screenList;         // in tab order
    QSet<Screen *> m_fedScreens;          // screens holding the current data source
    QString m_profileName;
    Actor m_actor; // who writes, as setAccess() last said
    bool m_canWrite = false;
};

} // namespace rolecall
