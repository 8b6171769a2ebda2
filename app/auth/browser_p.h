#pragma once

#include <QStringList>
#include <QUrl>

// What browser.cpp shares with the platform files browser_unix.cpp,
// browser_mac.cpp and browser_win.cpp.
namespace rolecall::auth::detail {

// Starts `command` (program first, then its arguments) with the URL as the
// last argument, as a process of its own: no shell reads the URL.
bool startDetached(QStringList command, const QUrl &url, QString *error);

// Opens the URL with the platform's own opener (xdg-open, open, the Windows
// shell's association for https).
bool openWithSystemOpener(const QUrl &url, QString *error);

} // namespace rolecall::auth::detail
