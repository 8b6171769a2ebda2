// Linux and the BSDs: the freedesktop opener.
#include "auth/browser_p.h"

#include <QStandardPaths>

namespace rolecall::auth::detail {

bool openWithSystemOpener(const QUrl &url, QString *error)
{
    if (QStandardPaths::findExecutable(QStringLiteral("xdg-open")).isEmpty()) {
        *error = QStringLiteral("No browser opener (xdg-open) on this machine.");
        return false;
    }
    return startDetached({QStringLiteral("xdg-open")}, url, error);
}

} // namespace rolecall::auth::detail
