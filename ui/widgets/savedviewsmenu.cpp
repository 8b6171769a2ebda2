#include "widgets/savedviewsmenu.h"

#include <QInputDialog>

namespace rolecall {

SavedViewsMenu::SavedViewsMenu(Hooks hooks, QWidget *parent)
    : QMenu(tr("Saved &Views"), parent)
    , m_hooks(std::move(hooks))
{
    setObjectName(QStringLiteral("savedViewsMenu"));
    connect(this, &QMenu::aboutToShow, this, &SavedViewsMenu::rebuild);
    rebuild();
}

SavedViewsMenu::~SavedViewsMenu() = default;

QStringList SavedViewsMenu::viewNames() const
{
    return SavedViewStore(m_hooks.profile()).names();
}

void SavedViewsMenu::rebuild()
{
    clear();
    QWidget *screen = m_hooks.currentScreen();
    QAction *save = addAction(tr("&Save Current View…"), this, &SavedViewsMenu::askForName);
    save->setObjectName(QStringLiteral("saveViewAction"));
    save->setEnabled(screen && !savedviews::filterNames(screen->objectName()).isEmpty());
    const QStringList names = viewNames();
    if (names.isEmpty())
        return;
    addSeparator();
    for (const QString &name : names)
        addAction(name, this, [this, name] { openView(name); });
    QMenu *remove = addMenu(tr("&Delete"));
    for (const QString &name : names)
        remove->addAction(name, this,
                          [this, name] { SavedViewStore(m_hooks.profile()).remove(name); });
}

void SavedViewsMenu::askForName()
{
    auto *dialog = new QInputDialog(parentWidget());
    dialog->setObjectName(QStringLiteral("saveViewDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Save View"));
    dialog->setLabelText(tr("Name of this view (its screen and filters):"));
    connect(dialog, &QInputDialog::textValueSelected, this,
            [this](const QString &name) { saveCurrentView(name); });
    dialog->open();
}

bool SavedViewsMenu::saveCurrentView(const QString &name)
{
    QWidget *screen = m_hooks.currentScreen();
    const QString trimmed = name.trimmed();
    if (!screen || trimmed.isEmpty())
        return false;
    const QStringList names = savedviews::filterNames(screen->objectName());
    if (names.isEmpty())
        return false;
    SavedViewStore(m_hooks.profile())
        .save({trimmed, screen->objectName(), savedviews::capture(screen, names)});
    return true;
}

bool SavedViewsMenu::openView(const QString &name)
{
    const std::optional<SavedView> view = SavedViewStore(m_hooks.profile()).view(name);
    if (!view)
        return false;
    QWidget *screen = m_hooks.showScreen(view->screen);
    if (!screen)
        return false;
    m_pendingScreen = screen;
    m_pending.clear();
    const QStringList notYet = savedviews::apply(screen, view->filters);
    for (const QString &key : notYet)
        m_pending.insert(key, view->filters.value(key));
    return true;
}

void SavedViewsMenu::retryPending()
{
    if (m_pending.isEmpty() || !m_pendingScreen)
        return;
    const QStringList notYet = savedviews::apply(m_pendingScreen, m_pending);
    QVariantMap still;
    for (const QString &key : notYet)
        still.insert(key, m_pending.value(key));
    m_pending = still;
}

} // namespace rolecall
