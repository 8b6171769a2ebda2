#pragma once

#include <QByteArray>
#include <QList>

namespace rolecall::icons {

// One rendered size of the application icon, as PNG bytes.
struct PngImage
{
    int size = 0; // width and height in pixels
    QByteArray png;
};

// The sizes a Windows .ico and a macOS .icns hold (the freedesktop sizes are
// CMake's ROLECALL_ICON_SIZES).
QList<int> icoSizes();
QList<int> icnsSizes();

// A Windows .ico holding the images as PNG entries (read since Windows Vista).
// Sizes above 256 cannot be stored and are left out.
QByteArray encodeIco(const QList<PngImage> &images);

// A macOS .icns holding the images as PNG entries: each size under every
// type code Apple defines for it (16 and 32 px also as the @2x of the half
// size). Sizes without a type code are left out.
QByteArray encodeIcns(const QList<PngImage> &images);

} // namespace rolecall::icons
