#include "mainwindow.h"

#include "async/futurewatch.h"
#include "dialogs/aboutdialog.h"
#include "dialogs/commandhistorydialog.h"
#include "dialogs/shortcutsdialog.h"
#include "itemmodels/userstablemodel.h"
#include "screens/auditscreen.h"
#include "screens/datascreen.h"
#include "screens/grantsscreen.h"
#include "screens/overviewscreen.h"
#include "screens/syncscreen.h"
#include "screens/usersscreen.h"
#include "services/datasource.h"
#include "services/signinservice.h"
#include "widgets/accountwidget.h"
#include "widgets/actionicons.h"
#include "widgets/commandhistory.h"
#include "widgets/messagebanner.h"
#include "widgets/plaintexttooltips.h"
#include "widgets/savedviewsmenu.h"
#include "widgets/userdetailpanel.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QProgressBar>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

#include <memory>

namespace rolecall {

MainWindow::MainWindow(DataSourceFactory factory, QWidget *parent)
    : QMainWindow(parent)
    , m_factory(std::move(factory))
{
    setWindowTitle(tr("Rolecall"));
    // Tooltips carry names, emails and reasons: markup in them reads as typed.
    PlainTextToolTips::installFor(this);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(6, 6, 6, 0);

    m_banner = new MessageBanner(central);
    m_banner->setAccessibleName(tr("Problem"));
    m_banner->setAutoRetry(true); // the window recovers by itself when the database is back
    connect(m_banner, &MessageBanner::actionTriggered, this, [this] {
        if (const std::function<void()> retry = m_retry)
            retry();
    });
    layout->addWidget(m_banner);

    m_screens = new QTabWidget(central);
    m_screens->setObjectName(QStringLiteral("screens"));
    m_screens->setAccessibleName(tr("Screens"));
    m_screens->setDocumentMode(true);
    layout->addWidget(m_screens, 1);
    setCentralWidget(central);

    // The screen shown last time comes to the front again as it is added.
    m_savedScreen = QSettings().value(QStringLiteral("mainWindow/screen")).toString();
    m_users = new UsersScreen(m_screens);
    addScreen(m_users);
    connect(m_users, &UsersScreen::loadingChanged, this,
            [this](bool loading) { m_busy->setVisible(loading); });
    connect(m_users, &UsersScreen::countChanged, this, &MainWindow::updateCountLabel);
    connect(m_users, &UsersScreen::errorOccurred, this, [this](const QString &message) {
        showBanner(message, [this] { m_users->refresh(); });
    });
    connect(m_users, &UsersScreen::pageLoaded, m_banner, &QWidget::hide);
    connect(m_users, &UsersScreen::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, 8000); });
    // Refused although the access said yes (the ADMIN role ended meanwhile,
    // a server's 403): read-only with the writer's reason, as if read so.
    connect(m_users, &UsersScreen::writeRefused, this, &MainWindow::refuseWrites);

    // The other screens read the data source only once shown (lazily): the
    // overview scans whole tables, and the users' first page comes first.
    addScreen(new GrantsScreen(nullptr, m_screens));
    addScreen(new AuditScreen(nullptr, m_screens));
    addScreen(new OverviewScreen(nullptr, m_screens));
    // Sync compares Clerk with the database on its own service (a profile's
    // Clerk key), not the data source; the detail panel shows its verdicts.
    m_sync = new SyncScreen(m_screens);
    addScreen(m_sync);
    connect(m_sync, &SyncScreen::writeRefused, this, &MainWindow::refuseWrites);
    m_users->detailPanel()->setSyncStatusModel(m_sync->model());

    m_sourceLabel = new QLabel(this);
    m_sourceLabel->setTextFormat(Qt::PlainText);
    m_schemaLabel = new QLabel(this);
    m_schemaLabel->setTextFormat(Qt::PlainText);
    m_countLabel = new QLabel(this);
    m_countLabel->setTextFormat(Qt::PlainText);
    m_countLabel->setAccessibleName(tr("Users loaded"));
    m_busy = new QProgressBar(this);
    m_busy->setRange(0, 0); // busy indicator
    m_busy->setMaximumWidth(120);
    m_busy->setAccessibleName(tr("Loading"));
    m_busy->hide();
    statusBar()->addWidget(m_sourceLabel);
    statusBar()->addWidget(m_schemaLabel);
    m_account = new AccountWidget(this);
    statusBar()->addPermanentWidget(m_busy);
    statusBar()->addPermanentWidget(m_countLabel);
    statusBar()->addPermanentWidget(m_account);

    buildActions();
    connect(m_screens, &QTabWidget::currentChanged, this, [this] {
        feedCurrentScreen();
        offerExportOf(currentScreen());
    });
    offerExportOf(currentScreen());
    setAccess(false, {}, {});
    restoreSettings();
}

MainWindow::~MainWindow() = default;

QTableView *MainWindow::usersView() const
{
    return m_users->view();
}

QLineEdit *MainWindow::searchField() const
{
    return m_users->searchField();
}

UsersTableModel *MainWindow::usersModel() const
{
    return m_users->model();
}

void MainWindow::addScreen(Screen *screen)
{
    if (!screen)
        return;
    QWidget *page = screen->widget();
    const QString title = screen->title();
    if (page->accessibleName().isEmpty())
        page->setAccessibleName(QString(title).remove(QLatin1Char('&')));
    m_screenList << screen;
    m_screens->addTab(page, title);
    // A saved view's role waits for the screen's schema: try again once it loaded.
    if (auto *dataScreen = qobject_cast<DataScreen *>(page))
        connect(dataScreen, &DataScreen::busyChanged, this, [this](bool busy) {
            if (!busy && m_savedViews)
                m_savedViews->retryPending();
        });
    if (!m_savedScreen.isEmpty() && page->objectName() == m_savedScreen)
        m_screens->setCurrentWidget(page);
}

Screen *MainWindow::currentScreen() const
{
    const QWidget *page = m_screens->currentWidget();
    for (Screen *screen : m_screenList)
        if (screen->widget() == page)
            return screen;
    return nullptr;
}

void MainWindow::feedScreen(Screen *screen)
{
    if (!screen || m_fedScreens.contains(screen))
        return;
    m_fedScreens.insert(screen);
    screen->setDataSource(m_source);
}

// Gives the current screen the window's data source if it has not got it yet.
void MainWindow::feedCurrentScreen()
{
    feedScreen(currentScreen());
}

// File and the toolbar offer the export of the screen in front (none: nothing).
void MainWindow::offerExportOf(Screen *screen)
{
    QAction *action = screen ? screen->exportAction() : nullptr;
    if (action == m_offeredExport)
        return;
    if (m_offeredExport) {
        m_fileMenu->removeAction(m_offeredExport);
        m_toolBar->removeAction(m_offeredExport);
        removeAction(m_offeredExport);
    }
    m_offeredExport = action;
    m_exportSeparator->setVisible(action != nullptr);
    if (!action)
        return;
    m_fileMenu->insertAction(m_beforeQuit, action);
    m_toolBar->addAction(action);
    addAction(action); // its shortcut works from any widget of the window
}

bool MainWindow::openView(const QString &name)
{
    return m_savedViews->openView(name);
}

bool MainWindow::showScreen(const QString &objectName)
{
    for (Screen *screen : std::as_const(m_screenList)) {
        if (screen->widget()->objectName() == objectName) {
            m_screens->setCurrentWidget(screen->widget());
            return true;
        }
    }
    return false;
}

void MainWindow::buildActions()
{
    m_fileMenu = menuBar()->addMenu(tr("&File"));
    auto *open = m_fileMenu->addAction(tr("&Open Database…"), this, &MainWindow::openDatabase);
    open->setShortcut(QKeySequence::Open);
    m_beforeQuit = m_fileMenu->addSeparator(); // the export of the screen in front goes above
    auto *quit = m_fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    auto *editMenu = menuBar()->addMenu(tr("&Edit"));
    editMenu->addAction(m_users->copyAction());

    auto *viewMenu = menuBar()->addMenu(tr("&View"));
    auto *reload = viewMenu->addAction(tr("&Refresh"), this, &MainWindow::refresh);
    reload->setIcon(actionIcon(QStringLiteral("view-refresh")));
    // F5 everywhere, plus the platform's own refresh keys (one entry per key:
    // the same key twice would be an ambiguous shortcut).
    QList<QKeySequence> reloadKeys = QKeySequence::keyBindings(QKeySequence::Refresh);
    if (!reloadKeys.contains(QKeySequence(Qt::Key_F5)))
        reloadKeys.prepend(QKeySequence(Qt::Key_F5));
    reload->setShortcuts(reloadKeys);
    auto *find = viewMenu->addAction(tr("&Find User"), this, [this] {
        showScreen(m_users->objectName());
        m_users->focusSearch();
    });
    find->setShortcut(QKeySequence::Find);
    viewMenu->addSeparator();
    auto *history = viewMenu->addAction(tr("Command &History"), this,
                                        [this] { CommandHistoryDialog::showFor(this); });
    history->setObjectName(QStringLiteral("commandHistoryAction"));
    history->setIcon(actionIcon(QStringLiteral("utilities-terminal")));
    m_savedViews =
        new SavedViewsMenu({[this]() -> QWidget * {
                                Screen *screen = currentScreen();
                                return screen ? screen->widget() : nullptr;
                            },
                            [this](const QString &name) -> QWidget * {
                                return showScreen(name) ? m_screens->currentWidget() : nullptr;
                            },
                            [this] { return m_profileName; }},
                           this);
    viewMenu->addMenu(m_savedViews);
    connect(m_users, &UsersScreen::pageLoaded, m_savedViews, &SavedViewsMenu::retryPending);

    auto *usersMenu = menuBar()->addMenu(tr("&Roles"));
    usersMenu->addAction(m_users->grantAction());
    usersMenu->addAction(m_users->endAction());
    usersMenu->addAction(m_users->bulkGrantAction());

    auto *accountMenu = menuBar()->addMenu(tr("&Account"));
    m_signInAction = accountMenu->addAction(tr("&Sign In…"), this, &MainWindow::signInRequested);
    m_signOutAction = accountMenu->addAction(tr("Sign &Out"), this, &MainWindow::signOutRequested);
    accountMenu->addSeparator();
    accountMenu->addAction(tr("&Profiles…"), this, &MainWindow::profilesRequested);
    updateAccountActions();

    auto *helpMenu = menuBar()->addMenu(tr("&Help"));
    auto *keys = helpMenu->addAction(tr("&Keyboard Shortcuts"), this,
                                     [this] { ShortcutsDialog::showFor(this); });
    keys->setObjectName(QStringLiteral("shortcutsAction"));
    keys->setIcon(actionIcon(QStringLiteral("help-contents")));
    keys->setShortcut(QKeySequence(Qt::Key_F1));
    helpMenu->addAction(tr("&About Rolecall"), this, [this] { AboutDialog::showFor(this); })
        ->setMenuRole(QAction::AboutRole);

    m_toolBar = addToolBar(tr("Actions"));
    m_toolBar->setObjectName(QStringLiteral("actionsToolBar"));
    m_toolBar->setMovable(false);
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->addAction(reload);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_users->grantAction());
    m_toolBar->addAction(m_users->endAction());
    m_toolBar->addAction(m_users->bulkGrantAction());
    m_exportSeparator = m_toolBar->addSeparator(); // then the export of the screen in front
    // Window-wide shortcuts live on the window, so they work from any widget.
    for (QAction *action : {m_users->grantAction(), m_users->bulkGrantAction()})
        addAction(action);
}

void MainWindow::setProfileName(const QString &name)
{
    m_profileName = name;
    CommandHistory::instance()->setProfile(name);
}

void MainWindow::setDataSource(DataSource *source)
{
    for (Screen *screen : std::as_const(m_screenList))
        if (m_fedScreens.contains(screen))
            screen->setDataSource(nullptr);
    m_fedScreens.clear();
    if (m_source)
        m_source->deleteLater();
    m_source = source;
    m_banner->clear();
    m_countLabel->clear();
    m_schemaLabel->clear();
    if (!source) {
        m_sourceLabel->setText(tr("No database open"));
        return;
    }
    source->setParent(this);
    m_sourceLabel->setText(source->displayName());
    // The platform appends " — Rolecall" (the application display name) itself.
    setWindowTitle(source->displayName());
    feedScreen(m_users); // at once, wherever the window is: its first page comes first
    feedCurrentScreen();

    if (m_signIn && m_signIn->state() == SignInService::State::SignedIn)
        lookUpAccess(m_signIn->identity());
    detectSchema();
}

void MainWindow::detectSchema()
{
    if (!m_source)
        return;
    m_busy->show();
    watchFuture(
        m_source->detectSchema(), m_users->model(),
        [this](const SchemaInfo &schema) {
            m_busy->hide();
            m_banner->clear();
            showSchema(schema);
            if (schema.kind != SchemaKind::Unknown)
                m_users->start(schema);
        },
        [this](const QString &message) {
            m_busy->hide();
            // The banner stays while it asks again, so a retry that fails
            // waits longer (MessageBanner's backoff).
            showBanner(message, [this] { detectSchema(); });
        });
}

void MainWindow::setSyncService(SyncService *service)
{
    m_sync->setService(service);
}

void MainWindow::setSignInService(SignInService *service)
{
    if (m_signIn)
        m_signIn->disconnect(this);
    m_signIn = service;
    m_account->clear();
    setAccess(false, {}, {});
    if (service) {
        connect(service, &SignInService::signedIn, this, &MainWindow::lookUpAccess);
        connect(service, &SignInService::signedOut, this, [this] {
            m_account->clear();
            updateAccountActions();
            setAccess(false, {}, {});
        });
        connect(service, &SignInService::stateChanged, this, &MainWindow::updateAccountActions);
        if (service->state() == SignInService::State::SignedIn)
            lookUpAccess(service->identity());
    }
    updateAccountActions();
}

void MainWindow::lookUpAccess(const Identity &identity)
{
    m_account->setIdentity(identity);
    updateAccountActions();
    if (!m_source) {
        m_account->setAccess(std::nullopt, tr("No database is open."));
        return;
    }
    // The database decides what this person may do: their own active roles.
    watchFuture(
        m_source->fetchAccount(identity.subject), m_account,
        [this, identity](const AccountAccess &access) {
            m_account->setAccess(access);
            setAccess(access.canWrite(), identity.subject,
                      access.user.email.isEmpty() ? identity.email : access.user.email);
        },
        [this](const QString &message) {
            m_account->setAccess(std::nullopt, message);
            setAccess(false, {}, {});
        });
}

void MainWindow::setAccess(bool canWrite, const QString &clerkId, const QString &email)
{
    m_canWrite = canWrite;
    m_actor = Actor{clerkId, email};
    m_users->setAccess(canWrite, m_actor, readOnlyReason());
    m_sync->setWriteAccess(canWrite, m_actor, readOnlyReason());
    Q_EMIT accessChanged(canWrite);
}

void MainWindow::refuseWrites(const QString &reason)
{
    m_account->refuseWrites(reason);
    setAccess(false, m_actor.clerkId, m_actor.email);
}

QString MainWindow::readOnlyReason() const
{
    if (m_canWrite)
        return {};
    const QString reason = m_account->readOnlyReason();
    if (!reason.isEmpty())
        return tr("Read-only: %1").arg(reason);
    return tr("Read-only: sign in as an active ADMIN to change roles.");
}

void MainWindow::updateAccountActions()
{
    const bool signedIn = m_signIn && m_signIn->state() == SignInService::State::SignedIn;
    m_signInAction->setEnabled(m_signIn && !signedIn);
    m_signOutAction->setEnabled(signedIn);
}

void MainWindow::showSchema(const SchemaInfo &schema)
{
    m_schemaLabel->setText(schema.kind == SchemaKind::Unknown ? tr("Schema not recognised")
                                                              : schema.describe());
    if (schema.kind == SchemaKind::Unknown)
        showBanner(schema.describe(), {}, true);
}

void MainWindow::showBanner(const QString &message, std::function<void()> retry, bool warning)
{
    m_retry = std::move(retry);
    m_banner->showMessage(message,
                          warning ? MessageBanner::Kind::Warning : MessageBanner::Kind::Error,
                          m_retry ? tr("Retry") : QString());
}

QString MainWindow::bannerText() const
{
    return m_banner->isVisible() ? m_banner->text() : QString();
}

void MainWindow::updateCountLabel()
{
    const UsersTableModel *model = m_users->model();
    if (!model)
        return;
    const QLocale locale;
    const qint64 total = model->totalCount();
    // Counted, the list spans every match (pages load as they come into view).
    if (total < 0)
        m_countLabel->setText(tr("%Ln user(s) so far, counting…", nullptr, model->rowCount()));
    else
        m_countLabel->setText(tr("%Ln user(s)", nullptr, int(std::min<qint64>(total, INT_MAX))));
}

void MainWindow::openDatabase()
{
    auto *dialog = new QInputDialog(this);
    dialog->setObjectName(QStringLiteral("openDatabaseDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Open Database"));
    dialog->setLabelText(
        tr("PostgreSQL URL (postgresql://user@host:port/database?sslmode=require).\n"
           "Leave the password out: it is read from PGPASSWORD or ~/.pgpass."));
    dialog->setInputMode(QInputDialog::TextInput);
    connect(dialog, &QInputDialog::textValueSelected, this, &MainWindow::openLocation);
    dialog->open(); // not exec(): the window keeps running while it asks
}

void MainWindow::openLocation(const QString &location)
{
    if (location.trimmed().isEmpty())
        return;
    QString error;
    DataSource *source = m_factory ? m_factory(location, &error) : nullptr;
    if (!source) {
        showBanner(error);
        return;
    }
    setDataSource(source);
}

void MainWindow::refresh()
{
    if (Screen *screen = currentScreen())
        screen->refresh();
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    const QRect available = screen() ? screen()->availableGeometry() : QRect(0, 0, 1280, 800);
    if (!restoreGeometry(settings.value(QStringLiteral("mainWindow/geometry")).toByteArray())) {
        resize(std::min(1240, available.width() * 9 / 10),
               std::min(760, available.height() * 9 / 10));
    } else if (!isMaximized() && (width() > available.width() || height() > available.height())) {
        // Remembered from a larger screen: shrink to this one, and onto it.
        resize(std::min(width(), available.width() * 9 / 10),
               std::min(height(), available.height() * 9 / 10));
        move(available.topLeft());
    }
    restoreState(settings.value(QStringLiteral("mainWindow/state")).toByteArray());
    m_users->restoreSettings();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("mainWindow/state"), saveState());
    settings.setValue(QStringLiteral("mainWindow/screen"),
                      m_screens->currentWidget() ? m_screens->currentWidget()->objectName()
                                                 : QString());
    m_users->saveSettings();
    event->accept();
}

} // namespace rolecall
