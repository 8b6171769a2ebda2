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

// One sync action on a list of people: a dry-run preview of every one first
// (each its own transaction, rolled back), then, on Apply, the same for real
// with progress, a summary, and each person's failure in the table. Ending
// grants needs a reason before the preview.
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

public Q_SLOTS:
    void preview();
    void applyActions();

Q_SIGNALS:
    // The real run ended; `changed` people were written.
    void applied(int changed);

protected:
    void done(int result) override;

private:
    void runNext();
    void record(int row, const SyncActionResult &result);
    void recordFailure(int row, const QString &message);
    void finishStage();
    void updateButtons();

    QPointer<SyncService> m_service;
    Actor m_actor;
    QList<SyncAction> m_actions;
    QList<int> m_queue; // indexes into m_actions still to run in this stage
    QList<bool> m_wouldChange;
    Stage m_stage = Stage::Previewing;
    bool m_dryRun = true;
    int m_done = 0, m_changed = 0, m_failed = 0;
    quint64 m_generation = 0; // bumped when closed: late answers are dropped

    QLabel *m_intro;
    QLineEdit *m_reason;
    QTableWidget *m_results;
    QProgressBar *m_progress;
    QLabel *m_summary;
    QPushButton *m_previewButton;
    QPushButton *m_applyButton;
    QDialogButtonBox *m_buttons;
};

} // namespace rolecall
