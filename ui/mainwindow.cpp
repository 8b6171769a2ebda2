#include "mainwindow.h"

#include "async/futurewatch.h"
#include "dialogs/aboutdialog.h"
#include "itemmodels/userstablemodel.h"
#include "screens/auditscreen.h"
#include "screens/grantsscreen.h"
#include "screens/overviewscreen.h"
#include "screens/syncscreen.h"
#include "screens/usersscreen.h"
#include "services/datasource.h"
#include "services/signinservice.h"
#include "widgets/accountwidget.h"
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

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(6, 6, 6, 0);

    m_banner = new QLabel(central);
    m_banner->setObjectName(QStringLiteral("banner"));
    m_banner->setWordWrap(true);
    m_banner->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_banner->setFrameShape(QFrame::StyledPanel);
    m_banner->setMargin(6);
    m_banner->setAccessibleName(tr("Problem"));
    m_banner->hide();
    layout->addWidget(m_banner);

    m_screens = new QTabWidget(central);
    m_screens->setObjectName(QStringLiteral("screens"));
    m_screens->setAccessibleName(tr("Screens"));
    m_screens->setDocumentMode(true);
    layout->addWidget(m_screens, 1);
    setCentralWidget(central);

    m_users = new UsersScreen(m_screens);
    addScreen(m_users, tr("&Users"));
    connect(m_users, &UsersScreen::loadingChanged, this,
            [this](bool loading) { m_busy->setVisible(loading); });
    connect(m_users, &UsersScreen::countChanged, this, &MainWindow::updateCountLabel);
    connect(m_users, &UsersScreen::errorOccurred, this, &MainWindow::showBanner);
    connect(m_users, &UsersScreen::pageLoaded, m_banner, &QWidget::hide);
    connect(m_users, &UsersScreen::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, 8000); });

    // The other screens read the data source only once shown (lazily): the
    // overview scans whole tables, and the users' first page comes first.
    auto *grants = new GrantsScreen(nullptr, m_screens);
    addScreen(grants, tr("&Grants"),
              [grants](DataSource *source) { grants->setDataSource(source); });
    auto *audit = new AuditScreen(nullptr, m_screens);
    addScreen(audit, tr("Aud&it"), [audit](DataSource *source) { audit->setDataSource(source); });
    auto *overview = new OverviewScreen(nullptr, m_screens);
    addScreen(overview, tr("&Overview"),
              [overview](DataSource *source) { overview->setDataSource(source); });
    // Sync compares Clerk with the database on its own service (a profile's
    // Clerk key), not the data source; the detail panel shows its verdicts.
    m_sync = new SyncScreen(m_screens);
    addScreen(m_sync, tr("S&ync"));
    m_users->detailPanel()->setSyncStatusModel(m_sync->model());
    connect(m_screens, &QTabWidget::currentChanged, this, &MainWindow::feedCurrentScreen);

    m_sourceLabel = new QLabel(this);
    m_schemaLabel = new QLabel(this);
    m_countLabel = new QLabel(this);
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

void MainWindow::addScreen(QWidget *screen, const QString &title,
                           std::function<void(DataSource *)> setSource)
{
    if (!screen)
        return;
    if (setSource)
        m_sourceSetters.insert(screen, std::move(setSource));
    if (screen->accessibleName().isEmpty())
        screen->setAccessibleName(QString(title).remove(QLatin1Char('&')));
    m_screens->addTab(screen, title);
    if (!m_savedScreen.isEmpty() && screen->objectName() == m_savedScreen)
        m_screens->setCurrentWidget(screen);
}

// Gives the current screen the window's data source if it has not got it yet.
void MainWindow::feedCurrentScreen()
{
    QWidget *screen = m_screens->currentWidget();
    const auto setter = m_sourceSetters.constFind(screen);
    if (setter == m_sourceSetters.constEnd() || m_fedScreens.contains(screen))
        return;
    m_fedScreens.insert(screen);
    (*setter)(m_source);
}

bool MainWindow::showScreen(const QString &objectName)
{
    for (int i = 0; i < m_screens->count(); ++i) {
        if (m_screens->widget(i)->objectName() == objectName) {
            m_screens->setCurrentIndex(i);
            return true;
        }
    }
    return false;
}

void MainWindow::buildActions()
{
    auto *fileMenu = menuBar()->addMenu(tr("&File"));
    auto *open = fileMenu->addAction(tr("&Open Database…"), this, &MainWindow::openDatabase);
    open->setShortcut(QKeySequence::Open);
    fileMenu->addAction(m_users->exportAction());
    fileMenu->addSeparator();
    auto *quit = fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    auto *editMenu = menuBar()->addMenu(tr("&Edit"));
    editMenu->addAction(m_users->copyAction());

    auto *viewMenu = menuBar()->addMenu(tr("&View"));
    auto *reload = viewMenu->addAction(tr("&Refresh"), this, &MainWindow::refresh);
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
    helpMenu->addAction(tr("&About Rolecall"), this, [this] { AboutDialog::showFor(this); })
        ->setMenuRole(QAction::AboutRole);

    auto *toolBar = addToolBar(tr("Actions"));
    toolBar->setObjectName(QStringLiteral("actionsToolBar"));
    toolBar->setMovable(false);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toolBar->addAction(reload);
    toolBar->addSeparator();
    toolBar->addAction(m_users->grantAction());
    toolBar->addAction(m_users->endAction());
    toolBar->addAction(m_users->bulkGrantAction());
    toolBar->addSeparator();
    toolBar->addAction(m_users->exportAction());
    // Window-wide shortcuts live on the window, so they work from any widget.
    for (QAction *action :
         {m_users->grantAction(), m_users->bulkGrantAction(), m_users->exportAction()})
        addAction(action);
}

void MainWindow::setDataSource(DataSource *source)
{
    m_users->setDataSource(nullptr);
    for (auto it = m_sourceSetters.cbegin(); it != m_sourceSetters.cend(); ++it)
        if (m_fedScreens.contains(it.key()))
            it.value()(nullptr);
    m_fedScreens.clear();
    if (m_source)
        m_source->deleteLater();
    m_source = source;
    m_banner->hide();
    m_countLabel->clear();
    m_schemaLabel->clear();
    if (!source) {
        m_sourceLabel->setText(tr("No database open"));
        return;
    }
    source->setParent(this);
    m_sourceLabel->setText(source->displayName());
    setWindowTitle(tr("Rolecall — %1").arg(source->displayName()));
    m_users->setDataSource(source);
    feedCurrentScreen();

    if (m_signIn && m_signIn->state() == SignInService::State::SignedIn)
        lookUpAccess(m_signIn->identity());

    m_busy->show();
    watchFuture(
        source->detectSchema(), m_users->model(),
        [this](const SchemaInfo &schema) {
            m_busy->hide();
            showSchema(schema);
            if (schema.kind != SchemaKind::Unknown)
                m_users->start(schema);
        },
        [this](const QString &message) {
            m_busy->hide();
            showBanner(message);
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
    m_users->setAccess(canWrite, Actor{clerkId, email}, readOnlyReason());
    m_sync->setWriteAccess(canWrite, Actor{clerkId, email});
    Q_EMIT accessChanged(canWrite);
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
        showBanner(schema.describe());
}

void MainWindow::showBanner(const QString &message)
{
    m_banner->setText(message);
    m_banner->setStyleSheet(QStringLiteral("QLabel#banner { background: #fdecea; color: #611a15; "
                                           "border: 1px solid #f5c2c0; }"));
    m_banner->show();
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
    bool ok = false;
    const QString location = QInputDialog::getText(
        this, tr("Open Database"),
        tr("PostgreSQL URL (postgresql://user@host:port/database?sslmode=require).\n"
           "Leave the password out: it is read from PGPASSWORD or ~/.pgpass."),
        QLineEdit::Normal, QString(), &ok);
    if (!ok || location.trimmed().isEmpty())
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
    QWidget *screen = m_screens->currentWidget();
    if (screen && screen != m_users) {
        // Every screen has a refresh() slot; the users list stays as it is.
        QMetaObject::invokeMethod(screen, "refresh");
        return;
    }
    m_users->refresh();
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("mainWindow/geometry")).toByteArray())) {
        const QRect available = screen() ? screen()->availableGeometry() : QRect(0, 0, 1280, 800);
        resize(std::min(1240, available.width() * 9 / 10),
               std::min(760, available.height() * 9 / 10));
    }
    restoreState(settings.value(QStringLiteral("mainWindow/state")).toByteArray());
    m_users->restoreSettings();
    m_savedScreen = settings.value(QStringLiteral("mainWindow/screen")).toString();
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
