// rolecall-iconrender: renders the SVG application icon at build time to the
// sizes every platform needs, so no rendered image is kept in the repository.
//
//   rolecall-iconrender SVG OUTPUT_DIR ICON_NAME SIZE...
//
// writes OUTPUT_DIR/hicolor/<N>x<N>/apps/ICON_NAME.png for each SIZE (the
// freedesktop sizes, also compiled into the program as its window icon),
// OUTPUT_DIR/ICON_NAME.ico (Windows) and OUTPUT_DIR/ICON_NAME.icns (macOS).
#include "icons/iconformats.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>

#include <cstdio>

using rolecall::icons::PngImage;

namespace {

QByteArray renderPng(QSvgRenderer &renderer, int size)
{
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        renderer.render(&painter, QRectF(0, 0, size, size));
    }
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return png;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return false;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size()) {
        std::fprintf(stderr, "rolecall-iconrender: cannot write %s\n", qUtf8Printable(path));
        return false;
    }
    return true;
}

QList<PngImage> render(QSvgRenderer &renderer, const QList<int> &sizes)
{
    QList<PngImage> images;
    for (const int size : sizes)
        images.append({size, renderPng(renderer, size)});
    return images;
}

} // namespace

int main(int argc, char *argv[])
{
    // Drawing into an image needs no screen.
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    const QStringList args = QGuiApplication::arguments();
    QList<int> hicolorSizes;
    for (const QString &arg : args.mid(4)) {
        bool isNumber = false;
        hicolorSizes.append(arg.toInt(&isNumber));
        if (!isNumber || hicolorSizes.last() <= 0)
            hicolorSizes.clear();
    }
    if (args.size() < 5 || hicolorSizes.size() != args.size() - 4) {
        std::fprintf(stderr, "usage: rolecall-iconrender SVG OUTPUT_DIR ICON_NAME SIZE...\n");
        return 2;
    }
    QSvgRenderer renderer(args.at(1));
    if (!renderer.isValid()) {
        std::fprintf(stderr, "rolecall-iconrender: %s is not a valid SVG\n",
                     qUtf8Printable(args.at(1)));
        return 1;
    }
    const QDir out(args.at(2));
    const QString name = args.at(3);

    bool ok = true;
    for (const PngImage &image : render(renderer, hicolorSizes)) {
        const QString folder = QStringLiteral("hicolor/%1x%1/apps/").arg(image.size);
        ok = writeFile(out.filePath(folder + name + QStringLiteral(".png")), image.png) && ok;
    }
    ok = writeFile(out.filePath(name + QStringLiteral(".ico")),
                   rolecall::icons::encodeIco(render(renderer, rolecall::icons::icoSizes()))) &&
         ok;
    ok = writeFile(out.filePath(name + QStringLiteral(".icns")),
                   rolecall::icons::encodeIcns(render(renderer, rolecall::icons::icnsSizes()))) &&
         ok;
    return ok ? 0 : 1;
}
