#pragma once

#include "domain/roles.h"
#include "screens/screen.h"
#include "services/syncservice.h"
#include "sync/syncrun.h"
#include "sync/syncstatus.h"

#include <QPointer>
#include <QWidget>

#include <array>

class QAbstractButton;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableView;
class QTableWidget;

namespace rolecall {

class ColumnSearchProxy;
class MessageBanner;
class SyncActionDialog;
class SyncCountsBar;
class SyncDiffPane;
class SyncStatusModel;

// The Sync screen: is every Clerk user in the database, up to date, with the
// default role? Counts per status (that filter the table), the table with a
// search over Clerk ID, email and name, the selected person's differences
// (SyncDiffPane), Start/Cancel with progress while partial results stream in,
// the actions (ADMIN only, each previewed as a dry run), CSV export and copy.
//
//   SyncService::startRun ─▶ runStarted(run) ─▶ SyncStatusModel::setRun
//                                           └─▶ progress, finished, failed
//   action buttons ─▶ chooseSyncActions ─▶ SyncActionDialog (preview, apply) ─▶ a new run
//                                            └▶ refused (not permitted) ─▶ writeRefused(reason)
class SyncScreen final : public QWidget, public Screen
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncScreen)

public:
    enum class Action { SyncSelected, SyncAllMissing, SyncAllDrifted, GrantDefaultRole, EndGrants };
    Q_ENUM(Action)

    explicit SyncScreen(QWidget *parent = nullptr);
    ~SyncScreen() override;

    // Screen: compares on its own service, not the window's data source.
    QWidget *widget() override { return this; }
    QString title() const override { return tr("S&ync"); }
    void setDataSource(DataSource *) override {}
    QAction *exportAction() const override { return m_exportAction; }

    // The screen takes `service` over (nullptr: nothing to compare with).
    void setService(SyncService *service);
    SyncService *service() const { return m_service; }
    // Writes need a signed-in active ADMIN; otherwise the actions stay
    // disabled and say why (`readOnlyReason`, the window's; a general one
    // when empty).
    void setWriteAccess(bool canWrite, const Actor &actor = {}, const QString &readOnlyReason = {});
    bool canWrite() const { return m_canWrite; }

    SyncStatusModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QLineEdit *searchField() const { return m_search; }
    QProgressBar *progressBar() const { return m_progress; }
    QPushButton *startButton() const { return m_start; }
    QPushButton *cancelButton() const { return m_cancel; }
    QAbstractButton *countButton(std::optional<SyncStatus> status) const; // nullopt: "All"
    QTableWidget *diffView() const;
    QPushButton *actionButton(Action action) const { return m_actions.at(std::size_t(action)); }
    QString messageText() const;
    QString progressText() const;
    QString selectedSummary() const;

    // The people the table shows now, as CSV (formula-guarded); false with
    // *error set when the file cannot be written.
    bool exportCsv(const QString &path, QString *error) const;

public Q_SLOTS:
    void startRun();
    void cancelRun();
    // F5 in the main window: compare again.
    void refresh() override { startRun(); }
    // The selected rows, tab-separated under a header line, to the clipboard.
    void copySelectedRows();
    void exportCsvInteractively();
    // Opens the action's preview dialog; nullptr (and a message) when there
    // is nobody to act on or no write access.
    SyncActionDialog *openAction(Action action);

Q_SIGNALS:
    void actionDialogOpened(rolecall::SyncActionDialog *dialog);
    // An action dialog's write was refused for this person (SyncActionDialog::writeRefused).
    void writeRefused(const QString &reason);

private:
    void buildActions(QHBoxLayout *layout);
    void followRun(SyncRun *run);
    void showMessage(const QString &message);
    void updateDiff();
    void updateActions();
    QString readOnlyReasonText() const;
    QList<SyncRecord> selectedRecords() const;

    QPointer<SyncService> m_service;
    QPointer<SyncRun> m_run;
    bool m_canWrite = false;
    QString m_readOnlyReason; // the window's, when it gave one
    bool m_running = false;
    Actor m_actor;
    SyncStatusModel *m_model;
    ColumnSearchProxy *m_proxy;

    QLabel *m_source;
    QPushButton *m_start;
    QPushButton *m_cancel;
    QProgressBar *m_progress;
    QLabel *m_progressLabel;
    MessageBanner *m_message;
    SyncCountsBar *m_counts;
    QLineEdit *m_search;
    QPushButton *m_export;
    QAction *m_exportAction; // File ▸ Export and the toolbar while Sync is in front
    QPushButton *m_copy;
    QTableView *m_table;
    SyncDiffPane *m_diffPane;
    std::array<QPushButton *, 5> m_actions{};
};

} // namespace rolecall
