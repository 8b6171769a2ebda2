#include "widgets/synccountsbar.h"

#include "itemmodels/syncstatusmodel.h"
#include "widgets/statusbadge.h"

#include <QButtonGroup>
#include <QHBoxLayout>
#include <QLocale>
#include <QToolButton>

namespace rolecall {

SyncCountsBar::SyncCountsBar(SyncStatusModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_group(new QButtonGroup(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_everyone = makeButton(std::nullopt);
    m_everyone->setChecked(true);
    layout->addWidget(m_everyone);
    for (const SyncStatus status : allSyncStatuses()) {
        m_buttons[std::size_t(status)] = makeButton(status);
        layout->addWidget(m_buttons[std::size_t(status)]);
    }
    m_group->setExclusive(true);
    layout->addStretch(1);
    connect(model, &SyncStatusModel::countsChanged, this, &SyncCountsBar::updateCounts);
    updateCounts();
}

SyncCountsBar::~SyncCountsBar() = default;

QString SyncCountsBar::statusLabel(SyncStatus status)
{
    SyncRecord record;
    record.status = status;
    return SyncStatusModel::statusText(record);
}

QToolButton *SyncCountsBar::makeButton(std::optional<SyncStatus> status)
{
    auto *button = new QToolButton(this);
    button->setCheckable(true);
    // A status's button carries its badge colour beside the words and count.
    if (status) {
        const int size = fontMetrics().height() * 3 / 4;
        button->setIcon(badgeSwatch(syncStatusTone(*status), palette(), size));
        button->setIconSize(QSize(size, size));
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    } else {
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    }
    button->setAutoRaise(false);
    const QString what = status ? statusLabel(*status) : tr("Everyone");
    button->setAccessibleName(tr("Show %1").arg(what));
    button->setToolTip(tr("Show only this status in the table"));
    m_group->addButton(button);
    connect(button, &QToolButton::clicked, this, [this, status] {
        if (m_model)
            m_model->setStatusFilter(status);
    });
    return button;
}

QAbstractButton *SyncCountsBar::button(std::optional<SyncStatus> status) const
{
    return status ? m_buttons.at(std::size_t(*status)) : m_everyone;
}

void SyncCountsBar::updateCounts()
{
    if (!m_model)
        return;
    const QLocale locale;
    m_everyone->setText(tr("Everyone %1").arg(locale.toString(m_model->totalPeople())));
    for (const SyncStatus status : allSyncStatuses())
        m_buttons[std::size_t(status)]->setText(
            tr("%1 %2").arg(statusLabel(status), locale.toString(m_model->count(status))));
}

} // namespace rolecall
