#include "icons/appicon.h"

#include <QDir>

namespace rolecall::icons {

QIcon applicationIcon()
{
    // :/icons/app/<size>.png, one per size CMake had rendered.
    QIcon icon;
    const QDir images(QStringLiteral(":/icons/app"));
    const QStringList files = images.entryList({QStringLiteral("*.png")}, QDir::Files);
    for (const QString &file : files) {
        const int size = QFileInfo(file).completeBaseName().toInt();
        icon.addFile(images.filePath(file), QSize(size, size));
    }
    return icon;
}

} // namespace rolecall::icons
