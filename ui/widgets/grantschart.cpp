#include "widgets/grantschart.h"

#include <QEvent>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace rolecall {

namespace {

// A round step for the value axis: 1, 2 or 5 times a power of ten.
qint64 niceStep(qint64 maxValue, int ticks)
{
    const double raw = std::max(1.0, double(maxValue) / ticks);
    const double power = std::pow(10.0, std::floor(std::log10(raw)));
    for (const double factor : {1.0, 2.0, 5.0, 10.0}) {
        if (factor * power >= raw)
            return std::max<qint64>(1, qint64(factor * power));
    }
    return qint64(10 * power);
}

} // namespace

GrantsChart::GrantsChart(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("grantsChart"));
    setAccessibleName(tr("Active grants per role over the last 12 months"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);
}

GrantsChart::~GrantsChart() = default;

QColor GrantsChart::seriesColor(int index)
{
    static const QColor colors[] = {QColor(0x00, 0x72, 0xB2), QColor(0xE6, 0x9F, 0x00),
                                    QColor(0x00, 0x9E, 0x73), QColor(0xCC, 0x79, 0xA7),
                                    QColor(0x56, 0xB4, 0xE9), QColor(0xD5, 0x5E, 0x00)};
    return colors[index % int(std::size(colors))];
}

void GrantsChart::setData(const QList<QDate> &months, const Series &series)
{
    m_months = months;
    m_series = series;
    setAccessibleDescription(summary());
    setToolTip(summary());
    update();
}

bool GrantsChart::isEmpty() const
{
    return m_months.isEmpty() || m_series.isEmpty();
}

QString GrantsChart::summary() const
{
    if (isEmpty())
        return tr("No data.");
    QStringList lines;
    for (const auto &[role, values] : m_series) {
        QStringList points;
        for (int i = 0; i < values.size() && i < m_months.size(); ++i)
            points << QStringLiteral("%1 %2")
                          .arg(QLocale().toString(m_months[i], QStringLiteral("MMM yyyy")))
                          .arg(values[i]);
        lines << tr("%1: %2").arg(role, points.join(QStringLiteral(", ")));
    }
    return lines.join(QLatin1Char('\n'));
}

QSize GrantsChart::sizeHint() const
{
    const int em = fontMetrics().height();
    return {em * 36, em * 14};
}

QSize GrantsChart::minimumSizeHint() const
{
    const int em = fontMetrics().height();
    return {em * 20, em * 9};
}

void GrantsChart::changeEvent(QEvent *event)
{
    // A palette or font change (dark mode, a new DPI) redraws in the new look.
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        update();
    QWidget::changeEvent(event);
}

void GrantsChart::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette &pal = palette();
    const QFontMetrics fm = fontMetrics();
    const int em = fm.height();
    const QRect area = rect().adjusted(em / 2, em / 2, -em / 2, -em / 2);

    if (isEmpty()) {
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(area, Qt::AlignCenter | Qt::TextWordWrap, tr("No grants to chart yet."));
        return;
    }

    qint64 maxValue = 1;
    for (const auto &entry : std::as_const(m_series)) {
        for (const qint64 v : entry.second)
            maxValue = std::max(maxValue, v);
    }
    constexpr int ticks = 4;
    const qint64 step = niceStep(maxValue, ticks);
    const qint64 top = step * ((maxValue + step - 1) / step);

    // Legend on top, value labels on the left, month labels below.
    const int legendHeight = em + em / 2;
    int labelWidth = 0;
    for (qint64 v = 0; v <= top; v += step)
        labelWidth = std::max(labelWidth, fm.horizontalAdvance(QLocale().toString(v)));
    const QRectF plot(area.left() + labelWidth + em / 2, area.top() + legendHeight,
                      area.width() - labelWidth - em, area.height() - legendHeight - em * 2);
    if (plot.width() < em * 4 || plot.height() < em * 2)
        return; // too small to say anything legible

    // Legend: a short line in the series colour and its role.
    qreal x = plot.left();
    for (int i = 0; i < m_series.size(); ++i) {
        const QString &role = m_series[i].first;
        p.setPen(QPen(seriesColor(i), 3, Qt::SolidLine, Qt::RoundCap));
        p.drawLine(QPointF(x, area.top() + em / 2.0), QPointF(x + em, area.top() + em / 2.0));
        p.setPen(pal.color(QPalette::Text));
        p.drawText(QPointF(x + em * 1.3, area.top() + fm.ascent() - fm.descent() / 2.0), role);
        x += em * 2.5 + fm.horizontalAdvance(role);
    }

    // Grid lines and value labels.
    QColor grid = pal.color(QPalette::Text);
    grid.setAlphaF(0.18f);
    for (qint64 v = 0; v <= top; v += step) {
        const qreal y = plot.bottom() - plot.height() * double(v) / double(top);
        p.setPen(QPen(grid, 1));
        p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
        p.setPen(pal.color(QPalette::Text));
        p.drawText(QRectF(area.left(), y - em / 2.0, labelWidth, em),
                   Qt::AlignRight | Qt::AlignVCenter, QLocale().toString(v));
    }

    // Month labels: every month when they fit, else every second or third.
    const int count = int(m_months.size());
    const auto xAt = [&](int i) {
        return count == 1 ? plot.center().x() : plot.left() + plot.width() * i / (count - 1);
    };
    const int monthWidth = fm.horizontalAdvance(QStringLiteral("MMMM")) + em / 2;
    const int every = std::max(1, int(std::ceil(monthWidth * count / std::max(1.0, plot.width()))));
    p.setPen(pal.color(QPalette::Text));
    for (int i = 0; i < count; i += every) {
        const QString label = QLocale().toString(m_months[i], QStringLiteral("MMM"));
        const qreal w = fm.horizontalAdvance(label);
        const qreal left = std::clamp(xAt(i) - w / 2, qreal(area.left()), area.right() - w);
        // Below the lowest value label, which is centred on the plot's bottom.
        p.drawText(QPointF(left, plot.bottom() + em / 2.0 + fm.ascent()), label);
    }

    // One line per role, with a dot on each month.
    for (int s = 0; s < m_series.size(); ++s) {
        const QList<qint64> &values = m_series[s].second;
        QPainterPath path;
        for (int i = 0; i < values.size() && i < count; ++i) {
            const QPointF point(xAt(i),
                                plot.bottom() - plot.height() * double(values[i]) / double(top));
            if (i == 0)
                path.moveTo(point);
            else
                path.lineTo(point);
        }
        p.setPen(QPen(seriesColor(s), 2.5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.setBrush(Qt::NoBrush);
        p.drawPath(path);
        p.setBrush(seriesColor(s));
        p.setPen(Qt::NoPen);
        for (int i = 0; i < path.elementCount(); ++i)
            p.drawEllipse(QPointF(path.elementAt(i).x, path.elementAt(i).y), 3, 3);
    }
}

} // namespace rolecall
