#include "domain/cuid.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QDateTime>
#include <QRandomGenerator>
#include <QSysInfo>

namespace rolecall {

namespace {

// `value` in base36, cut or zero-padded on the left to exactly `width` digits.
QString base36(quint64 value, int width)
{
    QString digits = QString::number(value, 36);
    if (digits.size() > width)
        return digits.right(width);
    return QString(width - digits.size(), QLatin1Char('0')) + digits;
}

quint64 power36(int exponent)
{
    quint64 result = 1;
    for (int i = 0; i < exponent; ++i)
        result *= 36;
    return result;
}

// Tells two processes (or hosts) apart that mint ids in the same millisecond.
QString fingerprint()
{
    static const QString value = [] {
        const QByteArray host = QSysInfo::machineUniqueId() + QSysInfo::machineHostName().toUtf8();
        const quint64 seed = qHash(host) ^ quint64(QCoreApplication::applicationPid());
        return base36(seed % power36(4), 4);
    }();
    return value;
}

} // namespace

QString makeCuid()
{
    static QAtomicInteger<quint32> counter(QRandomGenerator::system()->bounded(1679616u));
    const quint64 millis = quint64(QDateTime::currentMSecsSinceEpoch());
    const quint64 count = counter.fetchAndAddRelaxed(1) % power36(4);
    const quint64 random = QRandomGenerator::system()->generate64() % power36(8);
    return QLatin1Char('c') + base36(millis, 8) + base36(count, 4) + fingerprint() +
           base36(random, 8);
}

} // namespace rolecall
