#pragma once

#include <QString>
#include <QUrl>

#include <functional>

namespace rolecall::auth {

// Opens a URL for the person to sign in: returns false with *error when it
// could not even start.
using BrowserOpener = std::function<bool(const QUrl &url, QString *error)>;

// ROLECALL_BROWSER, if set, is run as a command with the URL as its last
// argument (headless machines, kiosks, tests); nullopt-like empty function
// when it is not set.
BrowserOpener browserFromEnvironment();

// For programs without a GUI: ROLECALL_BROWSER, else the platform's opener
// (xdg-open, open, or the Windows shell; see browser_unix/mac/win.cpp).
BrowserOpener commandLineBrowser();

} // namespace rolecall::auth
