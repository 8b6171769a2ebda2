#include "domain/cuid.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace rolecall;

class TestCuid : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hasPrismasShape();
    void isUniqueOver100k();
    void prefixGrowsWithTime();
};

void TestCuid::hasPrismasShape()
{
    static const QRegularExpression shape(QStringLiteral("^c[0-9a-z]{24}$"));
    for (int i = 0; i < 1000; ++i) {
        const QString id = makeCuid();
        QVERIFY2(shape.match(id).hasMatch(), qPrintable(id));
    }
}

void TestCuid::isUniqueOver100k()
{
    constexpr int count = 100000;
    QSet<QString> seen;
    seen.reserve(count);
    for (int i = 0; i < count; ++i)
        seen.insert(makeCuid());
    QCOMPARE(seen.size(), count);
}

void TestCuid::prefixGrowsWithTime()
{
    // The 8 characters after 'c' are the time: never going back, and moving on
    // as the clock does.
    QString previous = makeCuid().mid(1, 8);
    for (int i = 0; i < 10000; ++i) {
        const QString prefix = makeCuid().mid(1, 8);
        QVERIFY2(prefix >= previous, qPrintable(prefix + QLatin1Char('<') + previous));
        previous = prefix;
    }
    const QString before = makeCuid().mid(1, 8);
    QTRY_VERIFY(makeCuid().mid(1, 8) > before);
    // The time part decodes to now.
    bool ok = false;
    const qint64 millis = makeCuid().mid(1, 8).toLongLong(&ok, 36);
    QVERIFY(ok);
    QVERIFY(qAbs(millis - QDateTime::currentMSecsSinceEpoch()) < 5000);
}

QTEST_GUILESS_MAIN(TestCuid)
#include "tst_cuid.moc"
