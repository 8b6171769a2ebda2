#include "screens/usersactions.h"

#include "widgets/actionicons.h"

#include <QAction>

namespace rolecall {

UsersActions::UsersActions(QObject *parent)
    : QObject(parent)
{
    m_grant = new QAction(tr("&Grant Role…"), this);
    m_grant->setObjectName(QStringLiteral("grantRoleAction"));
    m_grant->setIcon(actionIcon(QStringLiteral("list-add")));
    m_grant->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_G));
    m_end = new QAction(tr("&End Grant…"), this);
    m_end->setObjectName(QStringLiteral("endGrantAction"));
    m_end->setIcon(actionIcon(QStringLiteral("list-remove")));
    m_bulk = new QAction(tr("&Bulk Grant…"), this);
    m_bulk->setObjectName(QStringLiteral("bulkGrantAction"));
    m_bulk->setIcon(actionIcon(QStringLiteral("system-users")));
    m_bulk->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_G));
    m_export = new QAction(tr("&Export Users to CSV…"), this);
    m_export->setObjectName(QStringLiteral("exportAction"));
    m_export->setIcon(actionIcon(QStringLiteral("document-save-as")));
    m_export->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_copy = new QAction(tr("&Copy Rows"), this);
    m_copy->setObjectName(QStringLiteral("copyAction"));
    m_copy->setIcon(actionIcon(QStringLiteral("edit-copy")));
    m_copy->setShortcut(QKeySequence::Copy);
    m_copy->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    update(State{});
}

UsersActions::~UsersActions() = default;

void UsersActions::update(const State &state)
{
    const bool writable = state.canWrite && state.hasRoles;
    const QString why =
        !state.hasRoles && state.started ? tr("This database has no roles.") : state.readOnlyReason;
    const auto offer = [&](QAction *action, bool enabled, const QString &tip) {
        action->setEnabled(writable && enabled);
        action->setToolTip(writable ? tip : why);
    };
    offer(m_grant, state.hasUser, tr("Grant a role to the selected user"));
    offer(m_end, state.hasGrant, tr("End the grant selected in the history"));
    offer(m_bulk, state.hasModel, tr("Grant a role to the selection or the filter"));
    m_export->setEnabled(state.hasModel);
    m_copy->setEnabled(state.hasSelection);
}

} // namespace rolecall
