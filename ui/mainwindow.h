#pragma once

#include <QMainWindow>
#include <QPointer>

#include <functional>

class QAction;
class QLabel;
class QLineEdit;
class QProgressBar;
class QTableView;
class QTimer;

namespace rolecall {

class AccountWidget;
class DataSource;
class SignInService;
class UsersTableModel;
struct AccountAccess;
struct Identity;
struct SchemaInfo;

// The console's main window: the users of one data source, searchable on the
// server, loaded page by page as the table scrolls.
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

    // Shows `source` (the window takes ownership); nullptr shows nothing.
    void setDataSource(DataSource *source);

    // Follows who is signed in through `service` (not owned) and looks their
    // roles up in the data source; nullptr: nobody signs in (read-only).
    void setSignInService(SignInService *service);
    // True only for a signed-in active ADMIN of this data source.
    bool canWrite() const { return m_canWrite; }
    AccountWidget *accountWidget() const { return m_account; }

    QTableView *usersView() const { return m_view; }
    QLineEdit *searchField() const { return m_search; }
    UsersTableModel *usersModel() const { return m_model; }
    QString bannerText() const;

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
    void fitColumnsToContents();
    void showSchema(const SchemaInfo &schema);
    void showBanner(const QString &message);
    void updateCountLabel();
    void restoreSettings();
    void lookUpAccess(const Identity &identity);
    void updateAccountActions();

    DataSourceFactory m_factory;
    QPointer<DataSource> m_source;
    UsersTableModel *m_model = nullptr;
    QLabel *m_banner = nullptr;
    QLineEdit *m_search = nullptr;
    QTableView *m_view = nullptr;
    QTimer *m_searchDebounce = nullptr;
    QLabel *m_sourceLabel = nullptr;
    QLabel *m_schemaLabel = nullptr;
    QLabel *m_countLabel = nullptr;
    QProgressBar *m_busy = nullptr;
    AccountWidget *m_account = nullptr;
    QPointer<SignInService> m_signIn;
    QAction *m_signInAction = nullptr;
    QAction *m_signOutAction = nullptr;
    bool m_canWrite = false;
};

} // namespace rolecall
