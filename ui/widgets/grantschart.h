#pragma once

#include <QDate>
#include <QList>
#include <QPair>
#include <QString>
#include <QWidget>

namespace rolecall {

// A small line chart: active grants per role at the end of each month, drawn
// with QPainter in the palette's colours (light or dark) and logical pixels
// (sharp on high-DPI screens). With no data it says so instead of drawing axes.
class GrantsChart final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GrantsChart)

public:
    using Series = QList<QPair<QString, QList<qint64>>>; // role, one value per month

    explicit GrantsChart(QWidget *parent = nullptr);
    ~GrantsChart() override;

    void setData(const QList<QDate> &months, const Series &series);
    void clear() { setData({}, {}); }
    bool isEmpty() const;
    // The figures as text, for screen readers and the tooltip.
    QString summary() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

    // Line colours that read on light and dark backgrounds alike (Okabe-Ito).
    static QColor seriesColor(int index);

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    QList<QDate> m_months;
    Series m_series;
};

} // namespace rolecall
