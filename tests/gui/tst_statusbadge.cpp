// Status badges: every status has words and a tone; tones differ from each
// other; the palette's text stays readable on every fill in a light and in a
// dark palette; the delegate paints the words (never colour alone).
#include "widgets/colorscheme.h"
#include "widgets/statusbadge.h"

#include <QImage>
#include <QPainter>
#include <QPalette>
#include <QStandardItemModel>
#include <QTableView>
#include <QTest>

using namespace rolecall;

namespace {

QPalette plainLightPalette()
{
    QPalette p;
    p.setColor(QPalette::Base, Qt::white);
    p.setColor(QPalette::Text, Qt::black);
    p.setColor(QPalette::Highlight, QColor(0x30, 0x8c, 0xc6));
    p.setColor(QPalette::Mid, QColor(0xa0, 0xa0, 0xa0));
    return p;
}

QPalette plainDarkPalette()
{
    QPalette p;
    p.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    p.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
    p.setColor(QPalette::Highlight, QColor(0x2a, 0x82, 0xda));
    p.setColor(QPalette::Mid, QColor(0x50, 0x50, 0x50));
    return p;
}

// WCAG's relative luminance and contrast ratio.
double luminance(const QColor &c)
{
    const auto channel = [](double v) {
        return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

double contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

const QList<BadgeTone> tones = {BadgeTone::Good, BadgeTone::Info, BadgeTone::Warning,
                                BadgeTone::Bad, BadgeTone::Neutral};

} // namespace

class TestStatusBadge : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void givesEveryStatusATone();
    void readsInLightAndDark_data();
    void readsInLightAndDark();
    void paintsTheWords();
};

void TestStatusBadge::givesEveryStatusATone()
{
    QCOMPARE(syncStatusTone(SyncStatus::InSync), BadgeTone::Good);
    QCOMPARE(syncStatusTone(SyncStatus::Drifted), BadgeTone::Warning);
    QCOMPARE(syncStatusTone(SyncStatus::MissingInDatabase), BadgeTone::Bad);
    QCOMPARE(grantStateTone(QStringLiteral("active"), false), BadgeTone::Good);
    QCOMPARE(grantStateTone(QStringLiteral("active"), true), BadgeTone::Warning);
    QCOMPARE(grantStateTone(QStringLiteral("future"), false), BadgeTone::Info);
    QCOMPARE(grantStateTone(QStringLiteral("ended"), false), BadgeTone::Neutral);
}

void TestStatusBadge::readsInLightAndDark_data()
{
    QTest::addColumn<QPalette>("palette");
    QTest::newRow("light") << plainLightPalette();
    QTest::newRow("dark") << plainDarkPalette();
    // The palettes of `rolecall --theme light|dark`.
    QTest::newRow("light theme") << rolecall::lightPalette();
    QTest::newRow("dark theme") << rolecall::darkPalette();
}

void TestStatusBadge::readsInLightAndDark()
{
    QFETCH(QPalette, palette);
    QList<QRgb> fills;
    for (BadgeTone tone : tones) {
        const QColor fill = badgeFill(tone, palette);
        QVERIFY2(contrast(fill, palette.color(QPalette::Text)) >= 4.5,
                 qPrintable(QStringLiteral("tone %1: %2 on %3")
                                .arg(int(tone))
                                .arg(contrast(fill, palette.color(QPalette::Text)))
                                .arg(fill.name())));
        QVERIFY(!fills.contains(fill.rgb()));
        fills << fill.rgb();
    }
}

void TestStatusBadge::paintsTheWords()
{
    QStandardItemModel model(2, 1);
    model.setItem(0, 0, new QStandardItem(QStringLiteral("drifted")));
    model.setItem(1, 0, new QStandardItem(QStringLiteral("plain")));
    QTableView view;
    view.setModel(&model);
    auto *delegate = new StatusBadgeDelegate(
        [](const QModelIndex &index) -> std::optional<BadgeTone> {
            if (index.row() == 0)
                return BadgeTone::Warning;
            return std::nullopt;
        },
        &view,
        [](const QModelIndex &, const QString &text) -> QString {
            return text + QStringLiteral("!");
        });
    view.setItemDelegateForColumn(0, delegate);
    QCOMPARE(delegate->toneAt(model.index(0, 0)), std::optional(BadgeTone::Warning));
    QCOMPARE(delegate->toneAt(model.index(1, 0)), std::nullopt);
    // The badge is as wide as its words (and the suffix) need.
    QStyleOptionViewItem option;
    option.initFrom(&view);
    const int wide = delegate->sizeHint(option, model.index(0, 0)).width();
    QVERIFY(wide >= option.fontMetrics.horizontalAdvance(QStringLiteral("drifted!")));

    // Painted: the fill colour appears where the badge is.
    view.resize(300, 120);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const QImage image = view.viewport()->grab().toImage();
    const QRect cell = view.visualRect(model.index(0, 0));
    const QColor fill = badgeFill(BadgeTone::Warning, view.palette());
    bool found = false;
    for (int x = cell.left(); x < cell.right() && !found; ++x)
        for (int y = cell.top(); y < cell.bottom() && !found; ++y)
            found = std::abs(image.pixelColor(x, y).red() - fill.red()) <= 2 &&
                    std::abs(image.pixelColor(x, y).green() - fill.green()) <= 2 &&
                    std::abs(image.pixelColor(x, y).blue() - fill.blue()) <= 2;
    QVERIFY(found);
}

QTEST_MAIN(TestStatusBadge)
#include "tst_statusbadge.moc"
