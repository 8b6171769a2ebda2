#pragma once

#include "widgets/statusbadge.h"

#include <QStyledItemDelegate>

namespace rolecall {

// The user detail's grant history: each grant opens with its state as a
// badge (active, active and ending soon, starts later, ended) in the same
// words and palette tints as the Grants screen's badges, then its lines.
class GrantTimelineDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GrantTimelineDelegate)

public:
    explicit GrantTimelineDelegate(QObject *parent = nullptr);
    ~GrantTimelineDelegate() override;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // What the badge of the grant at `index` says, and its tone.
    static QString badgeText(const QModelIndex &index);
    static BadgeTone toneAt(const QModelIndex &index);
};

} // namespace rolecall
