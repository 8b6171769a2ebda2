#pragma once

#include <QPalette>
#include <QString>

#include <optional>

namespace rolecall {

// The console's colours: the platform's own (System), or Fusion with a light
// or a dark palette, asked for with `rolecall --theme dark` or
// ROLECALL_THEME=dark (Qt 6.4 cannot read the desktop's dark setting). The
// widgets take every colour from the palette (badges, banners, the chart),
// so each scheme reads as well as the others.
enum class ColorScheme { System, Light, Dark };

// "system", "light" or "dark" (any letter case); nullopt for anything else.
std::optional<ColorScheme> colorSchemeFromName(const QString &name);
QStringList colorSchemeNames();

QPalette lightPalette();
QPalette darkPalette();

// Applies `scheme` to the running application; System leaves it as it is.
void applyColorScheme(ColorScheme scheme);

} // namespace rolecall
