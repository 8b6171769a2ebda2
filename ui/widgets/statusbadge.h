#pragma once

#include "sync/syncstatus.h"

#include <QColor>
#include <QIcon>
#include <QModelIndex>
#include <QStyledItemDelegate>

#include <functional>

class QFontMetrics;
class QPainter;
class QPalette;

namespace rolecall {

// Status at a glance: a status as a badge, its words on a tinted pill. The
// words always show (never colour alone); the tint is a hue mixed into the
// palette's base colour and the text keeps the palette's text colour, so the
// badge reads in light and dark palettes alike.
enum class BadgeTone {
    Good,    // in sync, active
    Info,    // future, a password account
    Warning, // drifted, no default role, expiring soon
    Bad,     // missing, orphaned, email conflict
    Neutral, // ended
};

BadgeTone syncStatusTone(SyncStatus status);
// `state` as grantStateName() gives it; an active grant ending soon warns.
BadgeTone grantStateTone(const QString &state, bool endsSoon);
// The pill's fill and its outline for `tone` on `palette`.
QColor badgeFill(BadgeTone tone, const QPalette &palette);
QColor badgeOutline(BadgeTone tone, const QPalette &palette);
// A small swatch of the tone, for buttons that filter by status.
QIcon badgeSwatch(BadgeTone tone, const QPalette &palette, int size);
// The pill's size for `text` in `metrics`' font.
QSize badgeSize(const QFontMetrics &metrics, const QString &text);
// Paints `text` on a pill of `tone` at the left of `area` (vertically
// centred, at most as wide as `area`); the painter's font is used.
void paintBadge(QPainter *painter, const QRect &area, BadgeTone tone, const QString &text,
                const QPalette &palette);

// Paints one column's cells as badges: `toneOf` says each cell's tone from
// its index (nullopt: a plain cell); the text is the cell's own, or what
// `textOf` makes of it (say, "active, ends soon").
class StatusBadgeDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatusBadgeDelegate)

public:
    using ToneOf = std::function<std::optional<BadgeTone>(const QModelIndex &)>;
    using TextOf = std::function<QString(const QModelIndex &, const QString &text)>;
    StatusBadgeDelegate(ToneOf toneOf, QObject *parent, TextOf textOf = {});
    ~StatusBadgeDelegate() override;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    std::optional<BadgeTone> toneAt(const QModelIndex &index) const { return m_toneOf(index); }

private:
    QString badgeText(const QModelIndex &index, const QString &text) const;

    ToneOf m_toneOf;
    TextOf m_textOf;
};

} // namespace rolecall
