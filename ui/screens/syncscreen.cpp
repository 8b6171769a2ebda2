#include "screens/syncscreen.h"

#include "dialogs/syncactiondialog.h"
#include "itemmodels/syncstatusmodel.h"
#include "screens/syncactionchoice.h"
#include "services/syncservice.h"
#include "sync/syncrun.h"
#include "widgets/actionicons.h"
#include "widgets/columnsearchproxy.h"
#include "widgets/csvexport.h"
#include "widgets/csvsaveflow.h"
#include "widgets/messagebanner.h"
#include "widgets/searchlistkeys.h"
#include "widgets/statusbadge.h"
#include "widgets/synccountsbar.h"
#include "widgets/syncdiffpane.h"
#include "widgets/tablecopy.h"

#include <QAbstractButton>
#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace rolecall {

namespace {

QString generalReadOnlyReason()
{
    return QObject::tr("Read-only: changing users needs a signed-in active ADMIN of this "
                       "database.");
}

} // namespace

SyncScreen::SyncScreen(QWidget *parent)
    : QWidget(parent)
    , m_model(new SyncStatusModel(this))
    // The search box: Clerk ID, email or name contain the text.
    , m_proxy(new ColumnSearchProxy({SyncStatusModel::ClerkIdColumn, SyncStatusModel::EmailColumn,
                                     SyncStatusModel::NameColumn},
                                    this))
    , m_source(new QLabel(this))
    , m_start(new QPushButton(tr("&Start"), this))
    , m_cancel(new QPushButton(tr("Ca&ncel"), this))
    , m_progress(new QProgressBar(this))
    , m_progressLabel(new QLabel(this))
    , m_message(new MessageBanner(this))
    , m_counts(new SyncCountsBar(m_model, this))
    , m_search(new QLineEdit(this))
    , m_export(new QPushButton(tr("&Export CSV…"), this))
    , m_exportAction(new QAction(tr("E&xport CSV…"), this))
    , m_copy(new QPushButton(tr("Cop&y rows"), this))
    , m_table(new QTableView(this))
    , m_diffPane(new SyncDiffPane(this))
{
    setObjectName(QStringLiteral("syncScreen"));
    setAccessibleName(tr("Sync status"));
    m_proxy->setSourceModel(m_model);

    // Text from Clerk, the provider or the database is never read as rich text.
    m_source->setTextFormat(Qt::PlainText);
    m_progressLabel->setTextFormat(Qt::PlainText);
    m_source->setAccessibleName(tr("Compared sources"));
    m_source->setText(tr("No Clerk instance to compare with: open a profile with a database."));
    m_start->setAccessibleName(tr("Start a sync status run"));
    m_start->setToolTip(tr("Compare every Clerk user with the database"));
    m_cancel->setAccessibleName(tr("Cancel the run"));
    m_progress->setAccessibleName(tr("Run progress"));
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_progressLabel->setAccessibleName(tr("Run state"));
    m_message->setObjectName(QStringLiteral("syncMessage"));
    m_message->setAccessibleName(tr("Sync message"));
    connect(m_start, &QPushButton::clicked, this, &SyncScreen::startRun);
    connect(m_cancel, &QPushButton::clicked, this, &SyncScreen::cancelRun);

    auto *top = new QHBoxLayout;
    top->addWidget(m_source, 1);
    top->addWidget(m_progressLabel);
    top->addWidget(m_progress);
    top->addWidget(m_start);
    top->addWidget(m_cancel);

    m_search->setObjectName(QStringLiteral("syncSearch"));
    m_search->setAccessibleName(tr("Search sync status"));
    m_search->setPlaceholderText(tr("Search Clerk ID, email or name"));
    m_search->setClearButtonEnabled(true);
    connect(m_search, &QLineEdit::textChanged, m_proxy, &ColumnSearchProxy::setSearch);
    m_export->setAccessibleName(tr("Export the shown rows as CSV"));
    m_copy->setAccessibleName(tr("Copy the selected rows"));
    // The window offers the same export in File and its toolbar (Ctrl+E), as on the other screens.
    m_exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_exportAction->setIcon(actionIcon(QStringLiteral("document-save-as")));
    connect(m_export, &QPushButton::clicked, m_exportAction, &QAction::trigger);
    connect(m_exportAction, &QAction::triggered, this, &SyncScreen::exportCsvInteractively);
    connect(m_copy, &QPushButton::clicked, this, &SyncScreen::copySelectedRows);
    auto *searchRow = new QHBoxLayout;
    searchRow->addWidget(m_search, 1);
    searchRow->addWidget(m_copy);
    searchRow->addWidget(m_export);

    m_table->setObjectName(QStringLiteral("syncTable"));
    m_table->setAccessibleName(tr("People and their sync status"));
    m_table->setModel(m_proxy);
    m_table->setItemDelegateForColumn(
        SyncStatusModel::StatusColumn,
        new StatusBadgeDelegate(
            [](const QModelIndex &index) -> std::optional<BadgeTone> {
                const std::optional<SyncStatus> status =
                    syncStatusFromName(index.data(SyncStatusModel::StatusRole).toString());
                return status ? std::optional(syncStatusTone(*status)) : std::nullopt;
            },
            m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setTabKeyNavigation(false);
    // Down from the search to the first person, Up from the first row back.
    new SearchListKeys(m_search, m_table, this);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(-1, Qt::AscendingOrder);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false); // one line per person: long differences show in the tooltip
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(SyncStatusModel::ClerkIdColumn, 240);
    m_table->setColumnWidth(SyncStatusModel::StatusColumn, 170);
    m_table->setColumnWidth(SyncStatusModel::EmailColumn, 200);
    m_table->setColumnWidth(SyncStatusModel::NameColumn, 150);
    m_table->setColumnWidth(SyncStatusModel::DifferencesColumn, 260);
    auto *copy = new QAction(tr("Copy rows"), m_table);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(copy, &QAction::triggered, this, &SyncScreen::copySelectedRows);
    m_table->addAction(copy);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        updateDiff();
        updateActions();
    });
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &SyncScreen::updateDiff);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_table);
    splitter->addWidget(m_diffPane);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);

    auto *actions = new QHBoxLayout;
    buildActions(actions);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_message);
    layout->addWidget(m_counts);
    layout->addLayout(searchRow);
    layout->addWidget(splitter, 1);
    layout->addLayout(actions);

    // Keyboard order: search ─▶ people ─▶ their differences ─▶ the actions on
    // them ─▶ copy, export ─▶ start, cancel ─▶ the status filters.
    QList<QWidget *> chain{m_search, m_table, m_diffPane->diffView()};
    for (QPushButton *button : m_actions)
        chain << button;
    chain << m_copy << m_export << m_start << m_cancel;
    for (QAbstractButton *button : m_counts->findChildren<QAbstractButton *>())
        chain << button;
    for (qsizetype i = 1; i < chain.size(); ++i)
        setTabOrder(chain.at(i - 1), chain.at(i));

    updateDiff();
    updateActions();
}

SyncScreen::~SyncScreen()
{
    // The service goes first, while the widgets its run reports to still exist.
    if (m_run)
        disconnect(m_run, nullptr, this, nullptr);
    if (m_service) {
        disconnect(m_service, nullptr, this, nullptr);
        delete m_service.data();
    }
}

void SyncScreen::buildActions(QHBoxLayout *layout)
{
    const std::array<QString, 5> labels{tr("S&ync selected"), tr("Sync all &missing"),
                                        tr("Sync all &drifted"), tr("&Grant default role"),
                                        tr("End grants of &orphans…")};
    const std::array<QString, 5> names{
        tr("Sync the selected people from Clerk"), tr("Sync every user missing in the database"),
        tr("Sync every drifted user"), tr("Grant the default role to the selected people"),
        tr("End all active grants of the selected orphans")};
    for (std::size_t i = 0; i < labels.size(); ++i) {
        auto *button = new QPushButton(labels.at(i), this);
        button->setAccessibleName(names.at(i));
        m_actions[i] = button;
        layout->addWidget(button);
        connect(button, &QPushButton::clicked, this, [this, i] { openAction(Action(i)); });
    }
    layout->addStretch(1);
}

QAbstractButton *SyncScreen::countButton(std::optional<SyncStatus> status) const
{
    return m_counts->button(status);
}

QTableWidget *SyncScreen::diffView() const
{
    return m_diffPane->diffView();
}

void SyncScreen::setService(SyncService *service)
{
    if (m_service == service)
        return;
    if (m_service) {
        m_service->cancelRun();
        m_service->deleteLater();
    }
    m_service = service;
    m_model->setRun(nullptr);
    m_running = false;
    showMessage({});
    if (service) {
        service->setParent(this);
        m_source->setText(service->displayName());
        connect(service, &SyncService::runStarted, this, &SyncScreen::followRun);
        connect(service, &SyncService::runRefused, this, [this](const QString &message, bool) {
            m_running = false;
            m_progress->setRange(0, 1);
            m_progress->setValue(0);
            m_progressLabel->setText(tr("Not started"));
            showMessage(message);
            updateActions();
        });
    } else {
        m_source->setText(tr("No Clerk instance to compare with: open a profile with a database."));
    }
    m_progressLabel->setText(service ? tr("Not run yet") : QString());
    updateActions();
}

void SyncScreen::setWriteAccess(bool canWrite, const Actor &actor, const QString &readOnlyReason)
{
    m_canWrite = canWrite && !actor.clerkId.isEmpty();
    m_actor = actor;
    m_readOnlyReason = readOnlyReason;
    updateActions();
}

void SyncScreen::startRun()
{
    if (!m_service || m_running)
        return;
    showMessage({});
    m_running = true;
    m_progress->setRange(0, 0); // busy until Clerk's count is in
    m_progressLabel->setText(tr("Reading the Clerk secret key…"));
    updateActions();
    m_service->startRun();
}

void SyncScreen::cancelRun()
{
    if (m_service)
        m_service->cancelRun();
}

void SyncScreen::followRun(SyncRun *run)
{
    if (m_run) // a replaced run's last words are not about this one
        disconnect(m_run, nullptr, this, nullptr);
    m_run = run;
    m_model->setRun(run);
    m_running = true;
    m_progressLabel->setText(tr("Loading the database and the first Clerk page…"));
    connect(run, &SyncRun::progress, this, [this](qint64 seen, qint64 total) {
        const QLocale locale;
        if (total >= 0) {
            // QProgressBar counts in int; scale a huge instance down.
            const int divisor = total > 1'000'000'000 ? 1000 : 1;
            m_progress->setRange(0, int(std::max<qint64>(1, total / divisor)));
            m_progress->setValue(int(std::min(seen, total) / divisor));
        }
        m_progressLabel->setText(total >= 0
                                     ? tr("Compared %1 of %2 Clerk users")
                                           .arg(locale.toString(seen), locale.toString(total))
                                     : tr("Compared %1 Clerk users").arg(locale.toString(seen)));
    });
    connect(run, &SyncRun::finished, this, [this, run] {
        m_running = false;
        m_progress->setRange(0, 1);
        m_progress->setValue(1);
        const QLocale locale;
        m_progressLabel->setText(
            tr("Done: %1 Clerk users, %2 database rows")
                .arg(locale.toString(run->clerkSeen()), locale.toString(run->databaseRows())));
        updateActions();
    });
    connect(run, &SyncRun::failed, this, [this](const QString &message) {
        m_running = false;
        m_progress->setRange(0, 1);
        m_progress->setValue(0);
        m_progressLabel->setText(tr("Stopped"));
        showMessage(tr("The sync status run did not complete: %1 The rows shown are what came "
                       "in before; nobody is called orphaned until every Clerk page is in.")
                        .arg(message));
        updateActions();
    });
    updateActions();
}

void SyncScreen::showMessage(const QString &message)
{
    m_message->showMessage(message, MessageBanner::Kind::Warning);
}

QString SyncScreen::messageText() const
{
    return m_message->text();
}

QString SyncScreen::progressText() const
{
    return m_progressLabel->text();
}

QString SyncScreen::selectedSummary() const
{
    return m_diffPane->summaryText();
}

QList<SyncRecord> SyncScreen::selectedRecords() const
{
    QList<SyncRecord> records;
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    for (const QModelIndex &index : rows)
        records << m_model->recordAt(m_proxy->mapToSource(index).row());
    return records;
}

void SyncScreen::updateDiff()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.size() == 1)
        m_diffPane->showPerson(m_model->recordAt(m_proxy->mapToSource(rows.first()).row()));
    else
        m_diffPane->showCount(rows.size());
}

QString SyncScreen::readOnlyReasonText() const
{
    return m_readOnlyReason.isEmpty() ? generalReadOnlyReason() : m_readOnlyReason;
}

void SyncScreen::updateActions()
{
    m_start->setEnabled(m_service && !m_running);
    m_cancel->setEnabled(m_service && m_running);
    const bool complete = m_run && m_run->isComplete() && !m_running;
    for (QPushButton *button : m_actions) {
        button->setEnabled(m_canWrite && complete && m_service);
        if (!m_canWrite)
            button->setToolTip(readOnlyReasonText());
        else if (!complete)
            button->setToolTip(tr("Available once a run has compared everyone."));
        else
            button->setToolTip(button->accessibleName());
    }
}

SyncActionDialog *SyncScreen::openAction(Action action)
{
    if (!m_canWrite || !m_service) {
        showMessage(readOnlyReasonText());
        return nullptr;
    }
    const SyncActionChoice choice = chooseSyncActions(
        action,
        action == Action::SyncAllMissing || action == Action::SyncAllDrifted ? QList<SyncRecord>()
                                                                             : selectedRecords(),
        m_model->records());
    if (choice.actions.isEmpty()) {
        showMessage(choice.nobody);
        return nullptr;
    }
    showMessage({});
    auto *dialog = new SyncActionDialog(m_service, m_actor, choice.actions, choice.title, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SyncActionDialog::applied, this, [this](int changed) {
        // What changed shows on a fresh comparison; the next run replaces this one.
        if (changed > 0)
            QMetaObject::invokeMethod(this, &SyncScreen::startRun, Qt::QueuedConnection);
    });
    connect(dialog, &SyncActionDialog::writeRefused, this, &SyncScreen::writeRefused);
    dialog->open();
    Q_EMIT actionDialogOpened(dialog);
    return dialog;
}

void SyncScreen::copySelectedRows()
{
    rolecall::copySelectedRows(m_table);
}

bool SyncScreen::exportCsv(const QString &path, QString *error) const
{
    return writeModelCsv(m_proxy, path, error);
}

void SyncScreen::exportCsvInteractively()
{
    chooseCsvFile(this, tr("Export sync status"), QStringLiteral("sync-status.csv"),
                  [this](const QString &path) {
                      QString error;
                      if (!exportCsv(path, &error))
                          showMessage(error);
                  });
}

} // namespace rolecall
