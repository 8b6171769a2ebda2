// limitMallocArenas (app/server/mallocarenas.h): rolecall-server caps glibc's
// malloc arenas unless the operator set MALLOC_ARENA_MAX.
#include "server/mallocarenas.h"

#include <QTest>

using rolecall::server::limitMallocArenas;

class TestMallocArenas : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void capsTheArenasUnlessMallocArenaMaxIsSet();
};

void TestMallocArenas::capsTheArenasUnlessMallocArenaMaxIsSet()
{
    QProcessEnvironment set;
    set.insert(QStringLiteral("MALLOC_ARENA_MAX"), QStringLiteral("4"));
    QVERIFY(!limitMallocArenas(2, set));
    QVERIFY(!limitMallocArenas(0, QProcessEnvironment()));
#if defined(__GLIBC__) && !defined(__SANITIZE_ADDRESS__)
    QVERIFY(limitMallocArenas(2, QProcessEnvironment()));
#else
    QVERIFY(!limitMallocArenas(2, QProcessEnvironment())); // not glibc's malloc: nothing to cap
#endif
}

QTEST_GUILESS_MAIN(TestMallocArenas)
#include "tst_mallocarenas.moc"
