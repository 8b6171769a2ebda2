#pragma once

#include "domain/roles.h"
#include "services/syncservice.h"
#include "sync/syncaction.h"

#include <QDialog>
#include <QPointer>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace rolecall {

class CommandRow;
class SyncApplier;

// One sync action on a list of people: a dry-run preview of every one first
// (each its own transaction, rolled back), then, on Apply, the same for real
// for those the preview would change, with progress, a summary, and each
// person's outcome in the table. Both runs are a batch of SyncApplier, the
// one runner of sync actions:
//
//   (opened) ──────────────────────────┐
//   NeedsReason ── reason, preview() ──┤   (ending grants: a reason first)
//                                      ▼
//                                 Previewing ── SyncApplier, dry run ──▶ Previewed
//   Previewed ── preview() ──▶ Previewing
//   Previewed ── applyActions(), someone would change ──▶ Applying
//   Applying ── SyncApplier, for real ──▶ Applied ──▶ applied(changed)
//
// A not-permitted refusal stops a batch (it holds for everyone): the people
// after it are "not tried", Apply stays off, and writeRefused(reason) tells
// the window to turn read-only (the reason typed stays). Any other failure shows on
// that person's row and the batch goes on. Closing drops the batch: the
// action in flight commits or rolls back in the database, unseen.
class SyncActionDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncActionDialog)

public:
    enum class Stage { NeedsReason, Previewing, Previewed, Applying, Applied };
    Q_ENUM(Stage)

    // `actions` all of one kind; `service` is not owned.
    SyncActionDialog(SyncService *service, const Actor &actor, QList<SyncAction> actions,
                     const QString &title, QWidget *parent = nullptr);
    ~SyncActionDialog() override;

    Stage stage() const { return m_stage; }
    QTableWidget *resultsView() const { return m_results; }
    QProgressBar *progressBar() const { return m_progress; }
    QLabel *summaryLabel() const { return m_summary; }
    QLineEdit *reasonField() const { return m_reason; }
    QPushButton *previewButton() const { return m_previewButton; }
    QPushButton *applyButton() const { return m_applyButton; }
    int failures() const { return m_failed; }
    // `rolecallctl sync apply` for the same people (and reason).
    QString commandText() const;

public Q_SLOTS:
    void preview();
    void applyActions();

Q_SIGNALS:
    // The real run ended; `changed` people were written.
    void applied(int changed);
    // The writer refused this person (NotPermitted: no longer an active
    // ADMIN, a server's 403 with its reason): the window turns read-only.
    void writeRefused(const QString &reason);

protected:
    void done(int result) override;

private:
    void runBatch(QList<int> rows);
    void dropBatch();
    bool isRunning() const;
    void record(int row, const SyncActionResult &result);
    void recordFailure(int row, const QString &message, bool notPermitted);
    void finishStage();
    void updateButtons();

    QPointer<SyncService> m_service;
    Actor m_actor;
    QList<SyncAction> m_actions;
    SyncApplier *m_applier = nullptr; // this stage's batch; replaced, or dropped on close
    QList<int> m_rows;                // the batch's people, as indexes into m_actions
    int m_answered = 0;               // how many of m_rows have answered
    QList<bool> m_wouldChange;
    Stage m_stage = Stage::Previewing;
    bool m_dryRun = true;
    bool m_stopped = false; // not permitted: the rest of the batch was not tried
    int m_changed = 0, m_failed = 0;

    QLabel *m_intro;
    QLineEdit *m_reason;
    QTableWidget *m_results;
    QProgressBar *m_progress;
    QLabel *m_summary;
    CommandRow *m_command = nullptr;
    QPushButton *m_previewButton;
    QPushButton *m_applyButton;
    QDialogButtonBox *m_buttons;
};

} // namespace rolecall
