#include "icons/iconformats.h"

#include <QtEndian>

namespace rolecall::icons {

namespace {

void appendLe16(QByteArray &out, quint16 value)
{
    char bytes[2];
    qToLittleEndian(value, bytes);
    out.append(bytes, 2);
}

void appendLe32(QByteArray &out, quint32 value)
{
    char bytes[4];
    qToLittleEndian(value, bytes);
    out.append(bytes, 4);
}

void appendBe32(QByteArray &out, quint32 value)
{
    char bytes[4];
    qToBigEndian(value, bytes);
    out.append(bytes, 4);
}

struct IcnsType
{
    const char *code;
    int pixels;
};

// Apple's PNG-capable icon types and the pixel size each holds.
constexpr IcnsType icnsTypes[] = {
    {"icp4", 16},   {"icp5", 32}, {"icp6", 64}, {"ic07", 128}, {"ic08", 256}, {"ic09", 512},
    {"ic10", 1024}, {"ic11", 32}, {"ic12", 64}, {"ic13", 256}, {"ic14", 512},
};

} // namespace

QList<int> icoSizes()
{
    return {16, 20, 24, 32, 40, 48, 64, 256};
}

QList<int> icnsSizes()
{
    return {16, 32, 64, 128, 256, 512, 1024};
}

QByteArray encodeIco(const QList<PngImage> &images)
{
    QList<PngImage> stored;
    for (const PngImage &image : images) {
        if (image.size > 0 && image.size <= 256)
            stored.append(image);
    }
    QByteArray out;
    appendLe16(out, 0); // reserved
    appendLe16(out, 1); // type: icon
    appendLe16(out, quint16(stored.size()));
    quint32 offset = quint32(6 + 16 * stored.size());
    for (const PngImage &image : std::as_const(stored)) {
        const char side = char(image.size == 256 ? 0 : image.size); // 0 means 256
        out.append(side);
        out.append(side);
        out.append('\0');    // no palette
        out.append('\0');    // reserved
        appendLe16(out, 1);  // colour planes
        appendLe16(out, 32); // bits per pixel
        appendLe32(out, quint32(image.png.size()));
        appendLe32(out, offset);
        offset += quint32(image.png.size());
    }
    for (const PngImage &image : std::as_const(stored))
        out.append(image.png);
    return out;
}

QByteArray encodeIcns(const QList<PngImage> &images)
{
    QByteArray body;
    for (const IcnsType &type : icnsTypes) {
        for (const PngImage &image : images) {
            if (image.size != type.pixels)
                continue;
            body.append(type.code, 4);
            appendBe32(body, quint32(8 + image.png.size()));
            body.append(image.png);
            break;
        }
    }
    QByteArray out("icns", 4);
    appendBe32(out, quint32(8 + body.size()));
    out.append(body);
    return out;
}

} // namespace rolecall::icons
