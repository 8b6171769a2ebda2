#pragma once

#include <QLabel>
#include <QPointer>

namespace rolecall {

class SyncStatusModel;

// One person's sync status in a line, for the user detail panel: "Sync: in
// sync", "Sync: drifted (email)", or that no run has seen them yet. Read-only;
// follows `model` as a run streams in.
class SyncStatusBadge final : public QLabel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncStatusBadge)

public:
    // `model` is not owned and may be null (no sync status to show).
    explicit SyncStatusBadge(SyncStatusModel *model, const QString &clerkId = {},
                             QWidget *parent = nullptr);
    ~SyncStatusBadge() override;

    void setModel(SyncStatusModel *model);
    void setClerkId(const QString &clerkId);
    QString clerkId() const { return m_clerkId; }

private:
    void refresh();

    QPointer<SyncStatusModel> m_model;
    QString m_clerkId;
};

} // namespace rolecall
