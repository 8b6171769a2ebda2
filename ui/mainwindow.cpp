#include "mainwindow.h"

#include "accountwidget.h"
#include "datasource.h"
#include "futurewatch.h"
#include "signinservice.h"
#include "userstablemodel.h"

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
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

#include <memory>

namespace rolecall {

namespace {
constexpr int searchDebounceMs = 250;
}

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

    m_view = new QTableView(central);
    m_view->setObjectName(QStringLiteral("usersView"));
    m_view->setAccessibleName(tr("Users"));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->horizontalHeader()->setHighlightSections(false);
    m_view->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_view);
    setCentralWidget(central);

    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("searchField"));
    m_search->setPlaceholderText(tr("Search name, email or Clerk ID"));
    m_search->setAccessibleName(tr("Search users"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(320);

    m_searchDebounce = new QTimer(this);
    m_searchDebounce->setSingleShot(true);
    m_searchDebounce->setInterval(searchDebounceMs);
    connect(m_search, &QLineEdit::textChanged, m_searchDebounce, qOverload<>(&QTimer::start));
    connect(m_searchDebounce, &QTimer::timeout, this, [this] {
        if (m_model)
            m_model->setSearch(m_search->text());
    });

    m_sourceLabel = new QLabel(this);
    m_schemaLabel = new QLabel(this);
    m_countLabel = new QLabel(this);
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
    restoreSettings();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildActions()
{
    auto *fileMenu = menuBar()->addMenu(tr("&File"));
    auto *open = fileMenu->addAction(tr("&Open Database…"), this, &MainWindow::openDatabase);
    open->setShortcut(QKeySequence::Open);
    fileMenu->addSeparator();
    auto *quit = fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    auto *viewMenu = menuBar()->addMenu(tr("&View"));
    auto *reload = viewMenu->addAction(tr("&Refresh"), this, &MainWindow::refresh);
    reload->setShortcut(QKeySequence::Refresh);
    auto *find = viewMenu->addAction(tr("&Find User"), this, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });
    find->setShortcut(QKeySequence::Find);

    auto *accountMenu = menuBar()->addMenu(tr("&Account"));
    m_signInAction = accountMenu->addAction(tr("&Sign In…"), this, &MainWindow::signInRequested);
    m_signOutAction = accountMenu->addAction(tr("Sign &Out"), this, &MainWindow::signOutRequested);
    accountMenu->addSeparator();
    accountMenu->addAction(tr("&Profiles…"), this, &MainWindow::profilesRequested);
    updateAccountActions();

    auto *toolBar = addToolBar(tr("Search"));
    toolBar->setObjectName(QStringLiteral("searchToolBar"));
    toolBar->setMovable(false);
    toolBar->addWidget(m_search);
    toolBar->addAction(reload);
}

void MainWindow::setDataSource(DataSource *source)
{
    if (m_model) {
        m_view->setModel(nullptr);
        delete m_model;
        m_model = nullptr;
    }
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

    m_model = new UsersTableModel(source, this);
    m_view->setModel(m_model);
    connect(m_model, &UsersTableModel::loadingChanged, m_busy, &QWidget::setVisible);
    connect(m_model, &UsersTableModel::totalCountChanged, this, &MainWindow::updateCountLabel);
    connect(m_model, &UsersTableModel::pageLoaded, this, &MainWindow::updateCountLabel);
    connect(m_model, &UsersTableModel::errorOccurred, this, &MainWindow::showBanner);
    connect(m_model, &UsersTableModel::pageLoaded, m_banner, &QWidget::hide);

    // Remembered column widths win; otherwise fit the columns to the first page.
    QSettings settings;
    const bool restored = m_view->horizontalHeader()->restoreState(
        settings.value(QStringLiteral("mainWindow/usersHeader")).toByteArray());
    if (!restored) {
        auto fitOnce = std::make_shared<QMetaObject::Connection>();
        *fitOnce = connect(m_model, &UsersTableModel::pageLoaded, this, [this, fitOnce] {
            disconnect(*fitOnce);
            fitColumnsToContents();
        });
    }

    if (m_signIn && m_signIn->state() == SignInService::State::SignedIn)
        lookUpAccess(m_signIn->identity());

    m_busy->show();
    watchFuture(
        source->detectSchema(), m_model,
        [this](const SchemaInfo &schema) {
            m_busy->hide();
            showSchema(schema);
            if (schema.kind != SchemaKind::Unknown)
                m_model->setSearch(m_search->text());
        },
        [this](const QString &message) {
            m_busy->hide();
            showBanner(message);
        });
}

void MainWindow::fitColumnsToContents()
{
    const int em = m_view->fontMetrics().horizontalAdvance(QLatin1Char('M'));
    auto *header = m_view->horizontalHeader();
    for (int column = 0; column < UsersTableModel::ColumnCount - 1; ++column) {
        const QAbstractItemView *view = m_view; // QTableView hides the public overload
        const int wanted =
            std::max(view->sizeHintForColumn(column), header->sectionSizeHint(column));
        header->resizeSection(column, std::min(wanted + em, 30 * em));
    }
}

void MainWindow::setSignInService(SignInService *service)
{
    if (m_signIn)
        m_signIn->disconnect(this);
    m_signIn = service;
    m_canWrite = false;
    m_account->clear();
    if (service) {
        connect(service, &SignInService::signedIn, this, &MainWindow::lookUpAccess);
        connect(service, &SignInService::signedOut, this, [this] {
            m_canWrite = false;
            m_account->clear();
            updateAccountActions();
            Q_EMIT accessChanged(false);
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
        [this](const AccountAccess &access) {
            m_account->setAccess(access);
            m_canWrite = access.canWrite();
            Q_EMIT accessChanged(m_canWrite);
        },
        [this](const QString &message) {
            m_account->setAccess(std::nullopt, message);
            m_canWrite = false;
            Q_EMIT accessChanged(false);
        });
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
    if (!m_model)
        return;
    const QLocale locale;
    const qint64 total = m_model->totalCount();
    if (total < 0)
        m_countLabel->setText(tr("%1 users loaded").arg(locale.toString(m_model->rowCount())));
    else
        m_countLabel->setText(
            tr("%1 of %2 users loaded")
                .arg(locale.toString(m_model->rowCount()), locale.toString(total)));
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
    if (m_model)
        m_model->refresh();
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
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("mainWindow/state"), saveState());
    if (m_model)
        settings.setValue(QStringLiteral("mainWindow/usersHeader"),
                          m_view->horizontalHeader()->saveState());
    event->accept();
}

} // namespace rolecall
