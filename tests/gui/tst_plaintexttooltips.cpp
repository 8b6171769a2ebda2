// PlainTextToolTips: tooltips Qt would take for HTML come up escaped, on
// widgets and on item views' cells; every other tooltip is left to Qt.
#include "widgets/plaintexttooltips.h"

#include <QApplication>
#include <QHelpEvent>
#include <QLabel>
#include <QStandardItemModel>
#include <QTableView>
#include <QTest>
#include <QToolTip>

using namespace rolecall;

namespace {
QString toolTipAt(QWidget *target, QPoint pos)
{
    QToolTip::hideText();
    QHelpEvent event(QEvent::ToolTip, pos, target->mapToGlobal(pos));
    QApplication::sendEvent(target, &event);
    return QToolTip::isVisible() ? QToolTip::text() : QString();
}
} // namespace

class TestPlainTextToolTips : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void markupOnAWidgetComesUpEscaped();
    void markupInACellComesUpEscaped();
    void comparisonsQtWouldTakeForATagAreEscaped();
    void plainTextIsLeftToQt();
    void withoutTheFilterQtRendersMarkup();
};

void TestPlainTextToolTips::markupOnAWidgetComesUpEscaped()
{
    QWidget owner;
    PlainTextToolTips::installFor(&owner);
    QLabel label(QStringLiteral("x"));
    label.setToolTip(QStringLiteral("<b>Bold</b>\nsecond line"));
    label.show();
    QVERIFY(QTest::qWaitForWindowExposed(&label));
    const QString shown = toolTipAt(&label, label.rect().center());
    QVERIFY2(shown.contains(QLatin1String("&lt;b&gt;Bold&lt;/b&gt;")), qPrintable(shown));
    QVERIFY(!shown.contains(QLatin1String("<b>")));
}

void TestPlainTextToolTips::markupInACellComesUpEscaped()
{
    QWidget owner;
    PlainTextToolTips::installFor(&owner);
    QStandardItemModel model(1, 1);
    model.setData(model.index(0, 0), QStringLiteral("name"));
    model.setData(model.index(0, 0), QStringLiteral("<img src=\"x\">Tag"), Qt::ToolTipRole);
    QTableView view;
    view.setModel(&model);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const QString shown = toolTipAt(view.viewport(), view.visualRect(model.index(0, 0)).center());
    QVERIFY2(shown.contains(QLatin1String("&lt;img")), qPrintable(shown));
}

void TestPlainTextToolTips::comparisonsQtWouldTakeForATagAreEscaped()
{
    // Qt's guess reads "< b and c >" as a <b> tag; a note may well say this.
    QWidget owner;
    PlainTextToolTips::installFor(&owner);
    QLabel label(QStringLiteral("x"));
    label.setToolTip(QStringLiteral("a < b and c > d"));
    label.show();
    QVERIFY(QTest::qWaitForWindowExposed(&label));
    const QString shown = toolTipAt(&label, label.rect().center());
    QVERIFY2(shown.contains(QLatin1String("&lt;")) && shown.contains(QLatin1String("&gt;")),
             qPrintable(shown));
}

void TestPlainTextToolTips::plainTextIsLeftToQt()
{
    QWidget owner;
    PlainTextToolTips::installFor(&owner);
    QLabel label(QStringLiteral("x"));
    label.setToolTip(QStringLiteral("Clerk ID: user_1 & co.\nsecond line"));
    label.show();
    QVERIFY(QTest::qWaitForWindowExposed(&label));
    QCOMPARE(toolTipAt(&label, label.rect().center()), label.toolTip());
}

void TestPlainTextToolTips::withoutTheFilterQtRendersMarkup()
{
    // Why the filter exists: without it, Qt takes the text for HTML as is.
    QLabel label(QStringLiteral("x"));
    label.setToolTip(QStringLiteral("<b>Bold</b>"));
    label.show();
    QVERIFY(QTest::qWaitForWindowExposed(&label));
    QCOMPARE(toolTipAt(&label, label.rect().center()), label.toolTip());
    QVERIFY(Qt::mightBeRichText(label.toolTip()));
}

QTEST_MAIN(TestPlainTextToolTips)
#include "tst_plaintexttooltips.moc"
