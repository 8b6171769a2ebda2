// macOS: LaunchServices through open(1).
#include "auth/browser_p.h"

namespace rolecall::auth::detail {

bool openWithSystemOpener(const QUrl &url, QString *error)
{
    return startDetached({QStringLiteral("open")}, url, error);
}

} // namespace rolecall::auth::detail
