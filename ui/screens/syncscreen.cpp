#include "screens/syncscreen.h"

#include "dialogs/syncactiondialog.h"
#include "itemmodels/syncstatusmodel.h"
#include "services/syncservice.h"
#include "sync/syncrun.h"
#include "widgets/messagebanner.h"

#include <QAction>
#include <QButtonGroup>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace rolecall {

namespace {

// The search box: Clerk ID, email or name contain the text (any case).
class SyncSearchProxy final : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    void setSearch(const QString &text)
    {
        m_text = text.trimmed();
        invalidateFilter();
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        if (m_text.isEmpty())
            return true;
        for (const int column : {SyncStatusModel::ClerkIdColumn, SyncStatusModel::EmailColumn,
                                 SyncStatusModel::NameColumn})
            if (sourceModel()
                    ->index(row, column, parent)
                    .data()
                    .toString()
                    .contains(m_text, Qt::CaseInsensitive))
                return true;
        return false;
    }

private:
    QString m_text;
};

QString countLabel(SyncStatus status)
{
    switch (status) {
    case SyncStatus::InSync:
        return QObject::tr("In sync");
    case SyncStatus::MissingInDatabase:
        return QObject::tr("Missing in database");
    case SyncStatus::Orphaned:
        return QObject::tr("Orphaned");
    case SyncStatus::Drifted:
        return QObject::tr("Drifted");
    case SyncStatus::NoDefaultRole:
        return QObject::tr("No default role");
    case SyncStatus::EmailConflict:
        return QObject::tr("Email conflict");
    case SyncStatus::PasswordAccount:
        return QObject::tr("Password account");
    }
    return {};
}

QString readOnlyReason()
{
    return QObject::tr("Read-only: changing users needs a signed-in active ADMIN of this "
                       "database.");
}

} // namespace

SyncScreen::SyncScreen(QWidget *parent)
    : QWidget(parent)
    , m_model(new SyncStatusModel(this))
    , m_proxy(new SyncSearchProxy(this))
    , m_source(new QLabel(this))
    , m_start(new QPushButton(tr("&Start"), this))
    , m_cancel(new QPushButton(tr("Ca&ncel"), this))
    , m_progress(new QProgressBar(this))
    , m_progressLabel(new QLabel(this))
    , m_message(new MessageBanner(this))
    , m_countGroup(new QButtonGroup(this))
    , m_search(new QLineEdit(this))
    , m_export(new QPushButton(tr("&Export CSV…"), this))
    , m_copy(new QPushButton(tr("Cop&y rows"), this))
    , m_table(new QTableView(this))
    , m_selected(new QLabel(this))
    , m_diff(new QTableWidget(0, 3, this))
{
    setObjectName(QStringLiteral("syncScreen"));
    setAccessibleName(tr("Sync status"));
    m_proxy->setSourceModel(m_model);

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

    auto *counts = new QHBoxLayout;
    buildCounts(counts);

    m_search->setObjectName(QStringLiteral("syncSearch"));
    m_search->setAccessibleName(tr("Search sync status"));
    m_search->setPlaceholderText(tr("Search Clerk ID, email or name"));
    m_search->setClearButtonEnabled(true);
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        static_cast<SyncSearchProxy *>(m_proxy)->setSearch(text);
    });
    m_export->setAccessibleName(tr("Export the shown rows as CSV"));
    m_copy->setAccessibleName(tr("Copy the selected rows"));
    connect(m_export, &QPushButton::clicked, this, &SyncScreen::exportCsvInteractively);
    connect(m_copy, &QPushButton::clicked, this, &SyncScreen::copySelectedRows);
    auto *searchRow = new QHBoxLayout;
    searchRow->addWidget(m_search, 1);
    searchRow->addWidget(m_copy);
    searchRow->addWidget(m_export);

    m_table->setObjectName(QStringLiteral("syncTable"));
    m_table->setAccessibleName(tr("People and their sync status"));
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
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

    m_selected->setObjectName(QStringLiteral("syncSelected"));
    m_selected->setAccessibleName(tr("Selected person"));
    m_selected->setWordWrap(true);
    m_selected->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_diff->setObjectName(QStringLiteral("syncDiff"));
    m_diff->setAccessibleName(tr("Differences of the selected person"));
    m_diff->setHorizontalHeaderLabels({tr("Field"), tr("Clerk"), tr("Database")});
    m_diff->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_diff->setWordWrap(true);
    m_diff->verticalHeader()->hide();
    m_diff->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto *detail = new QWidget(this);
    auto *detailLayout = new QVBoxLayout(detail);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    detailLayout->addWidget(m_selected);
    detailLayout->addWidget(m_diff, 1);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_table);
    splitter->addWidget(detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);

    auto *actions = new QHBoxLayout;
    buildActions(actions);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_message);
    layout->addLayout(counts);
    layout->addLayout(searchRow);
    layout->addWidget(splitter, 1);
    layout->addLayout(actions);

    connect(m_model, &SyncStatusModel::countsChanged, this, &SyncScreen::updateCounts);
    updateCounts();
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

void SyncScreen::buildCounts(QHBoxLayout *layout)
{
    const auto makeButton = [this, layout](std::optional<SyncStatus> status) {
        auto *button = new QToolButton(this);
        button->setCheckable(true);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        button->setAutoRaise(false);
        const QString what = status ? countLabel(*status) : tr("Everyone");
        button->setAccessibleName(tr("Show %1").arg(what));
        button->setToolTip(tr("Show only this status in the table"));
        m_countGroup->addButton(button);
        layout->addWidget(button);
        connect(button, &QToolButton::clicked, this, [this, status] {
            m_model->setStatusFilter(status);
            updateActions();
        });
        return button;
    };
    m_allButton = makeButton(std::nullopt);
    m_allButton->setChecked(true);
    for (const SyncStatus status : allSyncStatuses())
        m_countButtons[std::size_t(status)] = makeButton(status);
    m_countGroup->setExclusive(true);
    layout->addStretch(1);
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
    return status ? m_countButtons.at(std::size_t(*status)) : m_allButton;
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

void SyncScreen::setWriteAccess(bool canWrite, const Actor &actor)
{
    m_canWrite = canWrite && !actor.clerkId.isEmpty();
    m_actor = actor;
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
    return m_selected->text();
}

void SyncScreen::updateCounts()
{
    const QLocale locale;
    m_allButton->setText(tr("Everyone %1").arg(locale.toString(m_model->totalPeople())));
    for (const SyncStatus status : allSyncStatuses())
        m_countButtons[std::size_t(status)]->setText(
            tr("%1 %2").arg(countLabel(status), locale.toString(m_model->count(status))));
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
    m_diff->setRowCount(0);
    if (rows.size() != 1) {
        m_selected->setText(rows.isEmpty()
                                ? tr("Select a person to see what differs.")
                                : tr("%n person(s) selected.", nullptr, int(rows.size())));
        return;
    }
    const SyncRecord record = m_model->recordAt(m_proxy->mapToSource(rows.first()).row());
    QString text = tr("<b>%1</b> — %2")
                       .arg(record.clerkId.toHtmlEscaped(),
                            SyncStatusModel::statusText(record).toHtmlEscaped());
    QList<FieldDiff> rowsToShow = record.diffs;
    switch (record.status) {
    case SyncStatus::MissingInDatabase:
        text += tr("<br>In Clerk, never synced: no database row.");
        break;
    case SyncStatus::Orphaned:
        text += tr("<br>Database row %1 has no Clerk user any more.")
                    .arg(record.databaseRowId.toHtmlEscaped());
        break;
    case SyncStatus::EmailConflict:
        text +=
            tr("<br>Clerk's email already belongs to database row %1 (Clerk ID %2): a sync "
               "would break the unique email.")
                .arg(record.conflictRowId.toHtmlEscaped(), record.conflictClerkId.toHtmlEscaped());
        break;
    case SyncStatus::PasswordAccount:
        text += tr("<br>Made through the password sign-in: no Clerk user, not an orphan.");
        break;
    default:
        if (!record.databaseRowId.isEmpty())
            text += tr("<br>Database row %1.").arg(record.databaseRowId.toHtmlEscaped());
        break;
    }
    if (record.lacksDefaultRole)
        text += record.neverHadDefaultRole
                    ? tr("<br>Never had the default role (LEARNER).")
                    : tr("<br>Had the default role (LEARNER); none active now.");
    if (rowsToShow.isEmpty() && record.status == SyncStatus::MissingInDatabase)
        rowsToShow = {{QStringLiteral("email"), record.email, {}},
                      {QStringLiteral("name"), record.name, {}}};
    if (rowsToShow.isEmpty() && record.status != SyncStatus::EmailConflict &&
        record.status != SyncStatus::Orphaned)
        text += tr("<br>No field differs.");
    m_selected->setText(text);
    m_diff->setRowCount(int(rowsToShow.size()));
    for (int i = 0; i < rowsToShow.size(); ++i) {
        const FieldDiff &diff = rowsToShow.at(i);
        m_diff->setItem(i, 0, new QTableWidgetItem(diff.field));
        m_diff->setItem(i, 1, new QTableWidgetItem(diff.clerkValue));
        m_diff->setItem(i, 2, new QTableWidgetItem(diff.databaseValue));
    }
    m_diff->resizeRowsToContents();
}

void SyncScreen::updateActions()
{
    m_start->setEnabled(m_service && !m_running);
    m_cancel->setEnabled(m_service && m_running);
    const bool complete = m_run && m_run->isComplete() && !m_running;
    for (QPushButton *button : m_actions) {
        button->setEnabled(m_canWrite && complete && m_service);
        if (!m_canWrite)
            button->setToolTip(readOnlyReason());
        else if (!complete)
            button->setToolTip(tr("Available once a run has compared everyone."));
        else
            button->setToolTip(button->accessibleName());
    }
}

SyncActionDialog *SyncScreen::openAction(Action action)
{
    if (!m_canWrite || !m_service) {
        showMessage(readOnlyReason());
        return nullptr;
    }
    QList<SyncRecord> people;
    SyncAction::Kind kind = SyncAction::Kind::Sync;
    QString title;
    QString nobody;
    switch (action) {
    case Action::SyncSelected:
        title = tr("Sync the selected people from Clerk");
        nobody = tr("Select people who are missing, drifted or in an email conflict first.");
        for (const SyncRecord &record : selectedRecords())
            if (record.clerk && (record.status == SyncStatus::MissingInDatabase ||
                                 record.status == SyncStatus::Drifted ||
                                 record.status == SyncStatus::EmailConflict))
                people << record;
        break;
    case Action::SyncAllMissing:
    case Action::SyncAllDrifted: {
        const SyncStatus wanted =
            action == Action::SyncAllMissing ? SyncStatus::MissingInDatabase : SyncStatus::Drifted;
        title = action == Action::SyncAllMissing ? tr("Sync every user missing in the database")
                                                 : tr("Sync every drifted user");
        nobody = tr("Nobody has the status “%1”.").arg(countLabel(wanted));
        for (const SyncRecord &record : m_model->records())
            if (record.status == wanted && record.clerk)
                people << record;
        break;
    }
    case Action::GrantDefaultRole:
        kind = SyncAction::Kind::GrantDefaultRole;
        title = tr("Grant the default role (LEARNER)");
        nobody = tr("Select people in the database without the default role first.");
        for (const SyncRecord &record : selectedRecords())
            if (record.lacksDefaultRole && !record.databaseRowId.isEmpty())
                people << record;
        break;
    case Action::EndGrants:
        kind = SyncAction::Kind::EndAllGrants;
        title = tr("End all active grants of the selected orphans");
        nobody = tr("Select orphaned people first.");
        for (const SyncRecord &record : selectedRecords())
            if (record.status == SyncStatus::Orphaned)
                people << record;
        break;
    }
    if (people.isEmpty()) {
        showMessage(nobody);
        return nullptr;
    }
    showMessage({});
    QList<SyncAction> actions;
    actions.reserve(people.size());
    for (const SyncRecord &record : std::as_const(people))
        actions << SyncAction{kind, record.clerkId, record.clerk, {}};
    auto *dialog = new SyncActionDialog(m_service, m_actor, actions, title, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SyncActionDialog::applied, this, [this](int changed) {
        // What changed shows on a fresh comparison; the next run replaces this one.
        if (changed > 0)
            QMetaObject::invokeMethod(this, &SyncScreen::startRun, Qt::QueuedConnection);
    });
    dialog->open();
    Q_EMIT actionDialogOpened(dialog);
    return dialog;
}

} // namespace rolecall
