#include "support/tabchain.h"

#include <QAbstractButton>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QRadioButton>
#include <QTest>
#include <QWidget>

namespace rolecall::testing {

TabWalk walkTabs(bool backwards, int maxSteps)
{
    TabWalk walk;
    QWidget *first = QApplication::focusWidget();
    if (!first)
        return walk;
    walk.visited << first;
    int sections = 0;
    for (int step = 0; step < maxSteps; ++step) {
        QWidget *focus = QApplication::focusWidget();
        if (!focus)
            break;
        QTest::keyClick(focus, backwards ? Qt::Key_Backtab : Qt::Key_Tab,
                        backwards ? Qt::ShiftModifier : Qt::NoModifier);
        QWidget *next = QApplication::focusWidget();
        if (next == first) {
            walk.cycled = true;
            break;
        }
        // A date field takes Tab to its next section first (day, month, …),
        // as Qt's date fields do everywhere, and leaves after the last one.
        if (next == focus && qobject_cast<QAbstractSpinBox *>(focus) && ++sections < 8)
            continue;
        if (!next || next == focus)
            break; // stuck: Tab was taken as input, or the focus went nowhere
        sections = 0;
        walk.visited << next;
    }
    return walk;
}

QList<QWidget *> tabbableWidgets(QWidget *root, QList<QList<QWidget *>> *groups)
{
    QList<QWidget *> widgets;
    QList<QWidget *> candidates = root->findChildren<QWidget *>();
    candidates.prepend(root);
    for (QWidget *widget : std::as_const(candidates)) {
        // Popups (a combo box's list) are windows of their own: not in the chain.
        if (widget->isWindow() || widget->window() != root->window() || !widget->isVisible() ||
            !widget->isEnabled() || !(widget->focusPolicy() & Qt::TabFocus) || widget->focusProxy())
            continue;
        auto *radio = qobject_cast<QRadioButton *>(widget);
        if (radio && radio->autoExclusive() && groups) {
            bool grouped = false;
            for (QList<QWidget *> &group : *groups)
                if (group.first()->parentWidget() == radio->parentWidget()) {
                    group << radio;
                    grouped = true;
                }
            if (!grouped)
                groups->append({radio});
            continue;
        }
        widgets << widget;
    }
    return widgets;
}

QStringList unreached(QWidget *root, const TabWalk &walk)
{
    QList<QList<QWidget *>> groups;
    QStringList missed;
    for (QWidget *widget : tabbableWidgets(root, &groups))
        if (!walk.visited.contains(widget))
            missed << nameOf(widget);
    for (const QList<QWidget *> &group : std::as_const(groups)) {
        const bool reached = std::any_of(group.begin(), group.end(), [&](QWidget *radio) {
            return walk.visited.contains(radio);
        });
        if (!reached)
            missed << nameOf(group.first());
    }
    return missed;
}

QString orderProblem(const TabWalk &walk, const QList<QWidget *> &expected)
{
    qsizetype at = -1;
    for (QWidget *widget : expected) {
        const qsizetype found = walk.visited.indexOf(widget, at + 1);
        if (found < 0)
            return QStringLiteral("%1 does not come after %2")
                .arg(nameOf(widget),
                     at >= 0 ? nameOf(walk.visited.at(at)) : QStringLiteral("the start"));
        at = found;
    }
    return {};
}

QString nameOf(const QWidget *widget)
{
    if (!widget)
        return QStringLiteral("(none)");
    return widget->objectName().isEmpty() ? QString::fromLatin1(widget->metaObject()->className())
                                          : widget->objectName();
}

QString namesOf(const QList<QWidget *> &widgets)
{
    QStringList names;
    for (const QWidget *widget : widgets)
        names << nameOf(widget);
    return names.join(QStringLiteral(" → "));
}

QString checkTabChain(QWidget *root, const QList<QWidget *> &expected)
{
    QWidget *start = QApplication::focusWidget();
    const TabWalk forwards = walkTabs();
    if (!forwards.cycled)
        return QStringLiteral("Tab does not come back (a trap): %1").arg(namesOf(forwards.visited));
    if (const QStringList missed = unreached(root, forwards); !missed.isEmpty())
        return QStringLiteral("Tab never reaches %1: %2")
            .arg(missed.join(QStringLiteral(", ")), namesOf(forwards.visited));
    if (const QString problem = orderProblem(forwards, expected); !problem.isEmpty())
        return QStringLiteral("%1: %2").arg(problem, namesOf(forwards.visited));
    if (QApplication::focusWidget() != start)
        return QStringLiteral("the walk ended away from its start");
    const TabWalk backwards = walkTabs(true);
    if (!backwards.cycled)
        return QStringLiteral("Shift+Tab does not come back (a trap): %1")
            .arg(namesOf(backwards.visited));
    if (backwards.visited.size() != forwards.visited.size())
        return QStringLiteral("Shift+Tab visits %1, Tab %2")
            .arg(namesOf(backwards.visited), namesOf(forwards.visited));
    return {};
}

} // namespace rolecall::testing
