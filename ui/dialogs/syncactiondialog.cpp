#include "dialogs/syncactiondialog.h"

#include "domain/ctlcommand.h"
#include "domain/datasourceerror.h"
#include "services/syncservice.h"
#include "sync/syncapplier.h"
#include "widgets/commandhistory.h"
#include "widgets/commandrow.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace rolecall {

namespace {

enum ResultColumn { PersonColumn, OutcomeColumn, DetailsColumn, ResultColumnCount };

QString changesText(const SyncActionResult &result)
{
    QStringList parts;
    for (const FieldDiff &diff : result.changes)
        parts << QObject::tr("%1: %2 → %3")
                     .arg(diff.field,
                          diff.databaseValue.isEmpty() ? QObject::tr("(empty)")
                                                       : diff.databaseValue,
                          diff.clerkValue.isEmpty() ? QObject::tr("(empty)") : diff.clerkValue);
    return parts.join(QStringLiteral("; "));
}

} // namespace

SyncActionDialog::SyncActionDialog(SyncService *service, const Actor &actor,
                                   QList<SyncAction> actions, const QString &title, QWidget *parent)
    : QDialog(parent)
    , m_service(service)
    , m_actor(actor)
    , m_actions(std::move(actions))
    , m_intro(new QLabel(this))
    , m_reason(new QLineEdit(this))
    , m_results(new QTableWidget(0, ResultColumnCount, this))
    , m_progress(new QProgressBar(this))
    , m_summary(new QLabel(this))
    , m_previewButton(new QPushButton(tr("Preview"), this))
    , m_applyButton(new QPushButton(tr("Apply"), this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Close, this))
{
    setObjectName(QStringLiteral("syncActionDialog"));
    setWindowTitle(title);
    setAccessibleName(title);
    resize(760, 460);
    const bool needsReason =
        !m_actions.isEmpty() && m_actions.first().kind == SyncAction::Kind::EndAllGrants;

    m_intro->setTextFormat(Qt::PlainText);
    m_summary->setTextFormat(Qt::PlainText); // outcomes quote the database and Clerk
    m_intro->setWordWrap(true);
    m_intro->setText(tr("People to act on: %1. A dry run checks each one first and writes "
                        "nothing; Apply then writes each person in its own transaction, recorded "
                        "in the audit trail. Nothing is deleted.")
                         .arg(m_actions.size()));
    m_intro->setAccessibleName(tr("What this action does"));
    m_reason->setObjectName(QStringLiteral("reasonField"));
    m_reason->setAccessibleName(tr("Reason for ending the grants"));
    m_reason->setPlaceholderText(tr("Why these grants end (recorded)"));
    m_reason->setMaxLength(1000);
    m_results->setObjectName(QStringLiteral("actionResults"));
    m_results->setTabKeyNavigation(false); // Tab leaves the table; arrows move in it
    m_results->setAccessibleName(tr("Outcome per person"));
    m_results->setHorizontalHeaderLabels({tr("Clerk ID"), tr("Outcome"), tr("Details")});
    m_results->horizontalHeader()->setStretchLastSection(true);
    m_results->setColumnWidth(PersonColumn, 230);
    m_results->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_results->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_results->verticalHeader()->hide();
    m_results->setRowCount(int(m_actions.size()));
    for (int row = 0; row < m_actions.size(); ++row)
        m_results->setItem(row, PersonColumn, new QTableWidgetItem(m_actions.at(row).clerkId));
    m_progress->setAccessibleName(tr("Action progress"));
    m_progress->setRange(0, std::max(1, int(m_actions.size())));
    m_progress->setValue(0);
    m_summary->setObjectName(QStringLiteral("actionSummary"));
    m_summary->setAccessibleName(tr("Action summary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_previewButton->setAccessibleName(tr("Preview (dry run)"));
    m_applyButton->setAccessibleName(tr("Apply the changes"));
    m_buttons->addButton(m_previewButton, QDialogButtonBox::ActionRole);
    m_buttons->addButton(m_applyButton, QDialogButtonBox::AcceptRole);
    m_buttons->button(QDialogButtonBox::Close)->setAccessibleName(tr("Close"));
    connect(m_previewButton, &QPushButton::clicked, this, &SyncActionDialog::preview);
    connect(m_applyButton, &QPushButton::clicked, this, &SyncActionDialog::applyActions);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_reason, &QLineEdit::textChanged, this, &SyncActionDialog::updateButtons);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    if (needsReason) {
        auto *form = new QFormLayout;
        form->addRow(tr("&Reason:"), m_reason);
        layout->addLayout(form);
    } else {
        m_reason->hide();
    }
    layout->addWidget(m_results, 1);
    layout->addWidget(m_progress);
    layout->addWidget(m_summary);
    // The same change from a script: rolecallctl sync apply for these people.
    m_command = new CommandRow(this);
    layout->addWidget(m_command);
    layout->addWidget(m_buttons);

    m_stage = needsReason ? Stage::NeedsReason : Stage::Previewing;
    updateButtons();
    if (!needsReason)
        QMetaObject::invokeMethod(this, &SyncActionDialog::preview, Qt::QueuedConnection);
}

SyncActionDialog::~SyncActionDialog() = default;

void SyncActionDialog::updateButtons()
{
    const bool reasonOk = m_reason->isHidden() || !m_reason->text().trimmed().isEmpty();
    m_reason->setEnabled(m_stage == Stage::NeedsReason || m_stage == Stage::Previewed);
    m_previewButton->setEnabled(reasonOk && !isRunning() &&
                                (m_stage == Stage::NeedsReason || m_stage == Stage::Previewed));
    m_applyButton->setEnabled(reasonOk && m_stage == Stage::Previewed && !m_stopped &&
                              m_wouldChange.contains(true));
    if (m_stage == Stage::NeedsReason)
        m_summary->setText(tr("Give a reason, then preview."));
    if (!m_command)
        return;
    QStringList people;
    for (const SyncAction &action : std::as_const(m_actions))
        people << action.clerkId;
    m_command->setCommand(
        ctl::syncApplyCommand(people, m_reason->isHidden() ? QString() : m_reason->text().trimmed(),
                              CommandHistory::instance()->profile()));
}

QString SyncActionDialog::commandText() const
{
    return m_command->command();
}

void SyncActionDialog::preview()
{
    if (!m_reason->isHidden() && m_reason->text().trimmed().isEmpty())
        return;
    m_stage = Stage::Previewing;
    m_dryRun = true;
    m_wouldChange = QList<bool>(m_actions.size(), false);
    QList<int> rows;
    for (int i = 0; i < m_actions.size(); ++i) {
        m_actions[i].reason = m_reason->text().trimmed();
        rows << i;
    }
    m_summary->setText(tr("Previewing (dry run)…"));
    runBatch(std::move(rows));
}

void SyncActionDialog::applyActions()
{
    if (m_stage != Stage::Previewed || m_stopped)
        return;
    m_stage = Stage::Applying;
    m_dryRun = false;
    QList<int> rows;
    for (int i = 0; i < m_actions.size(); ++i)
        if (m_wouldChange.at(i))
            rows << i;
    m_summary->setText(tr("Applying…"));
    runBatch(std::move(rows));
}

void SyncActionDialog::runBatch(QList<int> rows)
{
    dropBatch();
    m_rows = std::move(rows);
    m_answered = m_changed = m_failed = 0;
    m_stopped = false;
    m_progress->setRange(0, std::max(1, int(m_rows.size())));
    m_progress->setValue(0);
    QList<SyncAction> batch;
    batch.reserve(m_rows.size());
    for (const int row : std::as_const(m_rows))
        batch << m_actions.at(row);
    // The service knows the actor's Clerk user from its last run: none passed here.
    m_applier = new SyncApplier(
        [service = m_service](const Actor &actor, const std::optional<ClerkUser> &,
                              const SyncAction &action, bool dryRun) {
            if (!service)
                return QtFuture::makeExceptionalFuture<SyncActionResult>(std::make_exception_ptr(
                    DataSourceError(DataSourceError::Kind::Connection,
                                    tr("The sync service is gone (the profile was closed)."))));
            return service->apply(actor, action, dryRun);
        },
        this);
    // The applier answers for each action once, in order: the n-th answer is m_rows[n].
    connect(m_applier, &SyncApplier::actionDone, this,
            [this](const SyncActionResult &result) { record(m_rows.at(m_answered++), result); });
    connect(m_applier, &SyncApplier::actionFailed, this,
            [this](const QString &, const QString &message, bool notPermitted) {
                recordFailure(m_rows.at(m_answered++), message, notPermitted);
            });
    connect(m_applier, &SyncApplier::progress, m_progress, &QProgressBar::setValue);
    connect(m_applier, &SyncApplier::finished, this, &SyncActionDialog::finishStage);
    updateButtons();
    m_applier->start(m_actor, std::nullopt, batch, m_dryRun);
}

void SyncActionDialog::dropBatch()
{
    if (!m_applier)
        return;
    disconnect(m_applier, nullptr, this, nullptr);
    m_applier->cancel();
    m_applier->deleteLater(); // its action in flight finishes in the database, unseen
    m_applier = nullptr;
}

bool SyncActionDialog::isRunning() const
{
    return m_applier && m_applier->isRunning();
}

void SyncActionDialog::record(int row, const SyncActionResult &result)
{
    if (m_dryRun)
        m_wouldChange[row] = result.changed;
    m_changed += result.changed ? 1 : 0;
    QString outcome;
    if (!result.changed)
        outcome = tr("Nothing to do");
    else if (m_dryRun)
        outcome = result.created ? tr("Would create") : tr("Would change");
    else
        outcome = result.created ? tr("Created") : tr("Changed");
    m_results->setItem(row, OutcomeColumn, new QTableWidgetItem(outcome));
    const QString changes = changesText(result);
    // The writer words a dry run as done; say it is not (as rolecallctl does).
    const QString summary =
        m_dryRun && result.changed ? tr("Would: %1").arg(result.summary) : result.summary;
    m_results->setItem(row, DetailsColumn,
                       new QTableWidgetItem(
                           changes.isEmpty() ? summary : summary + QStringLiteral(" ") + changes));
}

void SyncActionDialog::recordFailure(int row, const QString &message, bool notPermitted)
{
    ++m_failed;
    const bool firstRefusal = notPermitted && !m_stopped;
    m_stopped = m_stopped || notPermitted;
    auto *outcome = new QTableWidgetItem(tr("Failed"));
    outcome->setForeground(QColor(0xb0, 0x00, 0x20));
    m_results->setItem(row, OutcomeColumn, outcome);
    m_results->setItem(row, DetailsColumn, new QTableWidgetItem(message));
    if (firstRefusal)
        Q_EMIT writeRefused(message);
}

void SyncActionDialog::finishStage()
{
    // After a refusal for everyone, the rest were never asked: say so on their rows.
    for (qsizetype i = m_answered; i < m_rows.size(); ++i) {
        m_results->setItem(m_rows.at(i), OutcomeColumn, new QTableWidgetItem(tr("Not tried")));
        m_results->setItem(m_rows.at(i), DetailsColumn, new QTableWidgetItem);
    }
    const QString stopped =
        tr("Stopped after %1 of %2: the database refused this account (see the table), and "
           "would refuse it for everyone else.")
            .arg(m_answered)
            .arg(m_rows.size());
    if (m_stage == Stage::Previewing) {
        m_stage = Stage::Previewed;
        m_summary->setText(
            m_stopped ? stopped + QLatin1Char(' ') + tr("Nothing was written.")
                      : tr("Dry run: %1 of %2 would change, %3 failed. Nothing was written; Apply "
                           "writes the %1.")
                            .arg(m_changed)
                            .arg(m_actions.size())
                            .arg(m_failed));
    } else if (m_stage == Stage::Applying) {
        m_stage = Stage::Applied;
        m_summary->setText(
            m_stopped
                ? stopped + QLatin1Char(' ') + tr("%n changed.", nullptr, m_changed)
                : tr("Done: %1 changed, %2 failed (see the table).").arg(m_changed).arg(m_failed));
        if (m_changed > 0)
            CommandHistory::instance()->add(windowTitle(), m_command->command());
        Q_EMIT applied(m_changed);
    }
    updateButtons();
}

void SyncActionDialog::done(int result)
{
    dropBatch();
    QDialog::done(result);
}

} // namespace rolecall
