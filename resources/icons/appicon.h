#pragma once

#include <QIcon>

namespace rolecall::icons {

// The application icon at every rendered size (compiled in from the PNGs
// rolecall-iconrender made of resources/icons/rolecall.svg): the window and
// task bar show it, and the About dialog.
QIcon applicationIcon();

} // namespace rolecall::icons
