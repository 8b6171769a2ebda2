#pragma once

#include "sync/syncstatus.h"

#include <QPointer>
#include <QWidget>

#include <array>
#include <optional>

class QAbstractButton;
class QButtonGroup;
class QToolButton;

namespace rolecall {

class SyncStatusModel;

// The Sync screen's counts: "Everyone N" and one button per status with its
// count, following `model` as a run streams in. Each is a filter on the
// model's rows; one is checked at a time.
class SyncCountsBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncCountsBar)

public:
    // `model` is not owned.
    explicit SyncCountsBar(SyncStatusModel *model, QWidget *parent = nullptr);
    ~SyncCountsBar() override;

    QAbstractButton *button(std::optional<SyncStatus> status) const; // nullopt: "Everyone"
    // A status in words, as its button names it: "Missing in database".
    static QString statusLabel(SyncStatus status);

private:
    QToolButton *makeButton(std::optional<SyncStatus> status);
    void updateCounts();

    QPointer<SyncStatusModel> m_model;
    QButtonGroup *m_group;
    QToolButton *m_everyone = nullptr;
    std::array<QToolButton *, syncStatusCount> m_buttons{};
};

} // namespace rolecall
