#include "widgets/statusbadge.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>
#include <QPalette>
#include <QPixmap>
#include <QStyle>

#include <cmath>

namespace rolecall {

namespace {

// The hue of each tone; Info follows the palette's own accent.
QColor toneHue(BadgeTone tone, const QPalette &palette)
{
    switch (tone) {
    case BadgeTone::Good:
        return QColor::fromHsv(130, 170, 175);
    case BadgeTone::Info:
        return palette.color(QPalette::Highlight);
    case BadgeTone::Warning:
        return QColor::fromHsv(38, 210, 235);
    case BadgeTone::Bad:
        return QColor::fromHsv(2, 190, 215);
    case BadgeTone::Neutral:
        break;
    }
    return palette.color(QPalette::Mid);
}

QColor mixed(const QColor &a, const QColor &b, qreal share)
{
    return QColor::fromRgbF(float(a.redF() * share + b.redF() * (1 - share)),
                            float(a.greenF() * share + b.greenF() * (1 - share)),
                            float(a.blueF() * share + b.blueF() * (1 - share)));
}

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightnessF() < 0.5;
}

} // namespace

BadgeTone syncStatusTone(SyncStatus status)
{
    switch (status) {
    case SyncStatus::InSync:
        return BadgeTone::Good;
    case SyncStatus::Drifted:
    case SyncStatus::NoDefaultRole:
        return BadgeTone::Warning;
    case SyncStatus::MissingInDatabase:
    case SyncStatus::Orphaned:
    case SyncStatus::EmailConflict:
        return BadgeTone::Bad;
    case SyncStatus::PasswordAccount:
        return BadgeTone::Info;
    }
    return BadgeTone::Neutral;
}

BadgeTone grantStateTone(const QString &state, bool endsSoon)
{
    if (state == QLatin1String("active"))
        return endsSoon ? BadgeTone::Warning : BadgeTone::Good;
    if (state == QLatin1String("future"))
        return BadgeTone::Info;
    return BadgeTone::Neutral;
}

QColor badgeFill(BadgeTone tone, const QPalette &palette)
{
    // Enough of the hue to tell tones apart, little enough that the palette's
    // text colour keeps its contrast on it.
    return mixed(toneHue(tone, palette), palette.color(QPalette::Base),
                 isDark(palette) ? 0.45 : 0.28);
}

QColor badgeOutline(BadgeTone tone, const QPalette &palette)
{
    return mixed(toneHue(tone, palette), palette.color(QPalette::Text), 0.75);
}

QIcon badgeSwatch(BadgeTone tone, const QPalette &palette, int size)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(badgeOutline(tone, palette), 1));
    painter.setBrush(badgeFill(tone, palette));
    painter.drawRoundedRect(QRectF(0.5, 0.5, size - 1, size - 1), size / 4.0, size / 4.0);
    return {pixmap};
}

namespace {
// The words' width, rounded up: elidedText() at exactly horizontalAdvance()
// can elide ("Acti…") where glyph widths are fractional.
int textWidth(const QFontMetrics &metrics, const QString &text)
{
    return int(std::ceil(QFontMetricsF(metrics).horizontalAdvance(text))) + 2;
}
} // namespace

QSize badgeSize(const QFontMetrics &metrics, const QString &text)
{
    return {textWidth(metrics, text) + metrics.height(), metrics.height() + 4};
}

void paintBadge(QPainter *painter, const QRect &area, BadgeTone tone, const QString &text,
                const QPalette &palette)
{
    const QFontMetrics metrics = painter->fontMetrics();
    const int padX = metrics.height() / 2;
    const int padY = std::max(1, (area.height() - metrics.height() - 4) / 2);
    const QRect pill(area.left(), area.top() + padY,
                     std::min(textWidth(metrics, text) + 2 * padX, area.width()),
                     area.height() - 2 * padY);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(badgeOutline(tone, palette), 1));
    painter->setBrush(badgeFill(tone, palette));
    const qreal radius = pill.height() / 2.0;
    painter->drawRoundedRect(QRectF(pill).adjusted(0.5, 0.5, -0.5, -0.5), radius, radius);
    painter->setPen(palette.color(QPalette::Text));
    painter->drawText(pill.adjusted(padX, 0, -padX, 0), Qt::AlignCenter,
                      metrics.elidedText(text, Qt::ElideRight, pill.width() - 2 * padX));
    painter->restore();
}

StatusBadgeDelegate::StatusBadgeDelegate(ToneOf toneOf, QObject *parent, TextOf textOf)
    : QStyledItemDelegate(parent)
    , m_toneOf(std::move(toneOf))
    , m_textOf(std::move(textOf))
{}

QString StatusBadgeDelegate::badgeText(const QModelIndex &index, const QString &text) const
{
    return m_textOf ? m_textOf(index, text) : text;
}

StatusBadgeDelegate::~StatusBadgeDelegate() = default;

void StatusBadgeDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                const QModelIndex &index) const
{
    const std::optional<BadgeTone> tone = m_toneOf(index);
    if (!tone) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = badgeText(index, opt.text);
    opt.text.clear();
    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget); // selection, focus

    painter->save();
    painter->setFont(opt.font);
    paintBadge(painter, opt.rect.adjusted(3, 0, -3, 0), *tone, text, opt.palette);
    painter->restore();
}

QSize StatusBadgeDelegate::sizeHint(const QStyleOptionViewItem &option,
                                    const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    if (m_toneOf(index)) {
        const QString text = index.data(Qt::DisplayRole).toString();
        size.setWidth(textWidth(option.fontMetrics, badgeText(index, text)) +
                      option.fontMetrics.height() + 12);
    }
    return size;
}

} // namespace rolecall
