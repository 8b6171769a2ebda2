// Windows: the shell's association for the URL's scheme, asked directly.
// Never through `cmd /c start`: cmd would read the & in the query string as
// a command separator and cut the sign-in URL short.
#include "auth/browser_p.h"

#include <qt_windows.h>
#include <shellapi.h>

namespace rolecall::auth::detail {

bool openWithSystemOpener(const QUrl &url, QString *error)
{
    const QString target = url.toString(QUrl::FullyEncoded);
    const HINSTANCE result =
        ShellExecuteW(nullptr, L"open", reinterpret_cast<LPCWSTR>(target.utf16()), nullptr, nullptr,
                      SW_SHOWNORMAL);
    // ShellExecute reports success as a value above 32.
    if (reinterpret_cast<quintptr>(result) <= 32) {
        *error = QStringLiteral("Windows could not open the browser (ShellExecute error %1).")
                     .arg(reinterpret_cast<quintptr>(result));
        return false;
    }
    return true;
}

} // namespace rolecall::auth::detail
