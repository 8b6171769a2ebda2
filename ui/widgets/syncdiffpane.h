#pragma once

#include "sync/syncstatus.h"

#include <QWidget>

class QLabel;
class QTableWidget;

namespace rolecall {

// The Sync screen's pane beside the table: for the one selected person, what
// their status means (their database row, the row that holds their email,
// the default role) and each field Clerk and the database hold differently;
// for nobody or several, a hint or how many.
class SyncDiffPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncDiffPane)

public:
    explicit SyncDiffPane(QWidget *parent = nullptr);
    ~SyncDiffPane() override;

    // Nobody or several people selected.
    void showCount(qsizetype selected);
    void showPerson(const SyncRecord &record);

    QString summaryText() const;
    QTableWidget *diffView() const { return m_diff; }

private:
    QLabel *m_summary;
    QTableWidget *m_diff;
};

} // namespace rolecall
