#pragma once

#include "widgets/savedviews.h"

#include <QMenu>
#include <QPointer>

#include <functional>

namespace rolecall {

// View ▸ Saved Views: "Save Current View…" (a name, asked with open()), then
// one entry per saved view of the profile, and "Delete" for each. Opening a
// view brings its screen to the front and sets its filters; a filter the
// screen cannot take yet (a role before the schema is read) is set when the
// window calls retryPending() after the screen loaded.
class SavedViewsMenu final : public QMenu
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SavedViewsMenu)

public:
    struct Hooks
    {
        std::function<QWidget *()> currentScreen;             // the page in front
        std::function<QWidget *(const QString &)> showScreen; // brings it forward
        std::function<QString()> profile;
    };

    SavedViewsMenu(Hooks hooks, QWidget *parent);
    ~SavedViewsMenu() override;

    // Opens the saved view `name`; false when the profile has none of that name.
    bool openView(const QString &name);
    // Saves the filters of the screen in front as `name` (replacing one of that name).
    bool saveCurrentView(const QString &name);
    QStringList viewNames() const;

public Q_SLOTS:
    void retryPending();

private:
    void rebuild();
    void askForName();

    Hooks m_hooks;
    QPointer<QWidget> m_pendingScreen;
    QVariantMap m_pending;
};

} // namespace rolecall
