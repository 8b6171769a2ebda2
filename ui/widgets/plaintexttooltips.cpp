#include "widgets/plaintexttooltips.h"

#include <QAbstractItemView>
#include <QCoreApplication>
#include <QHeaderView>
#include <QHelpEvent>
#include <QTextDocument>
#include <QToolTip>

namespace rolecall {

PlainTextToolTips::PlainTextToolTips(QObject *parent)
    : QObject(parent)
{}

PlainTextToolTips::~PlainTextToolTips() = default;

void PlainTextToolTips::installFor(QObject *owner)
{
    if (QCoreApplication *app = QCoreApplication::instance())
        app->installEventFilter(new PlainTextToolTips(owner));
}

bool PlainTextToolTips::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::ToolTip || !watched->isWidgetType())
        return false;
    auto *widget = static_cast<QWidget *>(watched);
    const auto *help = static_cast<QHelpEvent *>(event);
    QString text;
    QRect area;
    auto *view = qobject_cast<QAbstractItemView *>(widget->parentWidget());
    if (view && view->viewport() == widget) {
        // Headers name columns in the console's own words; cells hold data.
        if (qobject_cast<QHeaderView *>(view))
            return false;
        const QModelIndex index = view->indexAt(help->pos());
        text = index.data(Qt::ToolTipRole).toString();
        area = view->visualRect(index);
    } else {
        text = widget->toolTip();
    }
    if (text.isEmpty() || !Qt::mightBeRichText(text))
        return false; // Qt shows it as plain text already (or has its own)
    QToolTip::showText(help->globalPos(), Qt::convertFromPlainText(text, Qt::WhiteSpacePre), widget,
                       area);
    return true;
}

} // namespace rolecall
