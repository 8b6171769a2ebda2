#include "widgets/granttimelinedelegate.h"

#include "itemmodels/granttimelinemodel.h"

#include <QApplication>
#include <QPainter>
#include <QStyle>

namespace rolecall {

namespace {
constexpr int margin = 3;

bool endsSoon(const QModelIndex &index)
{
    return index.data(GrantTimelineModel::EndsSoonRole).toBool();
}
} // namespace

GrantTimelineDelegate::GrantTimelineDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{}

GrantTimelineDelegate::~GrantTimelineDelegate() = default;

QString GrantTimelineDelegate::badgeText(const QModelIndex &index)
{
    const QString state = index.data(GrantTimelineModel::StateRole).toString();
    if (state == QLatin1String("active"))
        return endsSoon(index) ? tr("active, ends soon") : tr("active");
    if (state == QLatin1String("future"))
        return tr("starts later");
    return tr("ended");
}

BadgeTone GrantTimelineDelegate::toneAt(const QModelIndex &index)
{
    return grantStateTone(index.data(GrantTimelineModel::StateRole).toString(), endsSoon(index));
}

void GrantTimelineDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                  const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    // The whole item's background, selection and focus frame first…
    QStyleOptionViewItem frame = opt;
    frame.text.clear();
    style->drawControl(QStyle::CE_ItemViewItem, &frame, painter, widget);

    // …then the badge on top and the grant's lines below it.
    const QString text = badgeText(index);
    const int badgeHeight = badgeSize(opt.fontMetrics, text).height();
    painter->save();
    painter->setFont(opt.font);
    paintBadge(painter,
               QRect(opt.rect.left() + margin, opt.rect.top() + margin,
                     opt.rect.width() - 2 * margin, badgeHeight),
               toneAt(index), text, opt.palette);
    painter->restore();

    QStyleOptionViewItem words = opt;
    words.rect.setTop(opt.rect.top() + 2 * margin + badgeHeight);
    words.state &= ~QStyle::State_HasFocus; // the frame above already shows it
    style->drawControl(QStyle::CE_ItemViewItem, &words, painter, widget);
}

QSize GrantTimelineDelegate::sizeHint(const QStyleOptionViewItem &option,
                                      const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    const QSize badge = badgeSize(option.fontMetrics, badgeText(index));
    size.setHeight(size.height() + badge.height() + 2 * margin);
    size.setWidth(std::max(size.width(), badge.width() + 2 * margin));
    return size;
}

} // namespace rolecall
