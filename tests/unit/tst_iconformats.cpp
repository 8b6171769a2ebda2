// The Windows .ico and macOS .icns encoders the build renders the icon with.
#include "icons/iconformats.h"

#include <QTest>
#include <QtEndian>

using rolecall::icons::PngImage;

namespace {

// Stand-ins for PNG data: distinct bytes per size, so offsets can be checked.
QList<PngImage> images(const QList<int> &sizes)
{
    QList<PngImage> result;
    for (const int size : sizes)
        result.append(
            {size, QByteArray("\x89PNG") + QByteArray(size % 97 + 3, char('a' + size % 26))});
    return result;
}

quint16 le16(const QByteArray &bytes, int at)
{
    return qFromLittleEndian<quint16>(bytes.constData() + at);
}

quint32 le32(const QByteArray &bytes, int at)
{
    return qFromLittleEndian<quint32>(bytes.constData() + at);
}

quint32 be32(const QByteArray &bytes, int at)
{
    return qFromBigEndian<quint32>(bytes.constData() + at);
}

} // namespace

class TestIconFormats : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void icoListsEachImageAndPointsAtItsBytes();
    void icoLeavesOutWhatItCannotHold();
    void icnsHoldsEachSizeUnderEveryTypeCode();
};

void TestIconFormats::icoListsEachImageAndPointsAtItsBytes()
{
    const QList<PngImage> input = images({16, 32, 256});
    const QByteArray ico = rolecall::icons::encodeIco(input);
    QCOMPARE(le16(ico, 0), quint16(0));
    QCOMPARE(le16(ico, 2), quint16(1)); // an icon, not a cursor
    QCOMPARE(le16(ico, 4), quint16(3));
    for (int i = 0; i < input.size(); ++i) {
        const int entry = 6 + 16 * i;
        const int side = quint8(ico.at(entry));
        QCOMPARE(side, input.at(i).size == 256 ? 0 : input.at(i).size); // 0 stands for 256
        QCOMPARE(quint8(ico.at(entry + 1)), quint8(side));
        QCOMPARE(le16(ico, entry + 6), quint16(32));
        const quint32 length = le32(ico, entry + 8);
        const quint32 offset = le32(ico, entry + 12);
        QCOMPARE(length, quint32(input.at(i).png.size()));
        QCOMPARE(ico.mid(int(offset), int(length)), input.at(i).png);
    }
    QCOMPARE(ico.size(),
             6 + 16 * 3 + input.at(0).png.size() + input.at(1).png.size() + input.at(2).png.size());
}

void TestIconFormats::icoLeavesOutWhatItCannotHold()
{
    const QByteArray ico = rolecall::icons::encodeIco(images({16, 512, 1024}));
    QCOMPARE(le16(ico, 4), quint16(1));
}

void TestIconFormats::icnsHoldsEachSizeUnderEveryTypeCode()
{
    const QList<PngImage> input = images({16, 32, 64, 128, 256, 512, 1024, 20});
    const QByteArray icns = rolecall::icons::encodeIcns(input);
    QCOMPARE(icns.left(4), QByteArray("icns"));
    QCOMPARE(be32(icns, 4), quint32(icns.size()));
    QMap<QByteArray, QByteArray> entries;
    for (int at = 8; at < icns.size();) {
        const quint32 length = be32(icns, at + 4);
        QVERIFY(length > 8 && at + int(length) <= icns.size());
        entries.insert(icns.mid(at, 4), icns.mid(at + 8, int(length) - 8));
        at += int(length);
    }
    const auto png = [&](int size) {
        for (const PngImage &image : input) {
            if (image.size == size)
                return image.png;
        }
        return QByteArray();
    };
    QCOMPARE(entries.value("icp4"), png(16));
    QCOMPARE(entries.value("icp5"), png(32));
    QCOMPARE(entries.value("ic11"), png(32)); // 16 pt @2x
    QCOMPARE(entries.value("ic07"), png(128));
    QCOMPARE(entries.value("ic13"), png(256)); // 128 pt @2x
    QCOMPARE(entries.value("ic10"), png(1024));
    QCOMPARE(entries.size(), 11); // 20 px has no type code
}

QTEST_GUILESS_MAIN(TestIconFormats)
#include "tst_iconformats.moc"
