#pragma once

#include <QList>
#include <QString>

class QWidget;

namespace rolecall::testing {

// Keyboard reach of a window, walked with real Tab key presses.
struct TabWalk
{
    QList<QWidget *> visited; // from the widget that had the focus, in order
    bool cycled = false;      // the focus came back to the first: no trap
};

// Presses Tab (Shift+Tab with `backwards`) on the focused widget until the
// focus is back where it started, at most `maxSteps` times.
TabWalk walkTabs(bool backwards = false, int maxSteps = 80);

// The widgets of `root` a keyboard must reach: shown, enabled and taking Tab
// focus. Exclusive radio buttons count as one stop (Tab enters the group at
// its checked button, arrows move inside): `groups` gets each group.
QList<QWidget *> tabbableWidgets(QWidget *root, QList<QList<QWidget *>> *groups = nullptr);

// What of `root` the walk missed (a radio group counts when one of it was
// visited), as names; empty when everything was reached.
QStringList unreached(QWidget *root, const TabWalk &walk);

// The first of `expected` met out of order in `walk` (or not met), as a
// sentence; empty when they come in that order.
QString orderProblem(const TabWalk &walk, const QList<QWidget *> &expected);

// objectName, else class name, for messages.
QString nameOf(const QWidget *widget);
QString namesOf(const QList<QWidget *> &widgets);

// Walks `root`'s window from its focused widget forwards and backwards and
// checks it cycles, reaches every control of `root`, and meets `expected` in
// order. Empty when it all holds; else what failed, with the chain.
QString checkTabChain(QWidget *root, const QList<QWidget *> &expected);

} // namespace rolecall::testing
