#pragma once

#include <QIcon>
#include <QString>

namespace rolecall {

// An icon for a toolbar button or menu action: the desktop theme's icon of
// that freedesktop name where the platform has a theme, else the one shipped
// in resources/icons/actions (":/icons/actions/<name>.svg"). Names:
// view-refresh, list-add, list-remove, system-users, document-save-as,
// edit-copy, help-contents, utilities-terminal.
QIcon actionIcon(const QString &name);

} // namespace rolecall
