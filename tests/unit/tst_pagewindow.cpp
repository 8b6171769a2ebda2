// PageWindow: pages placed while appending and once counted, eviction that
// keeps memory bounded, row lookup, the cheapest read for each page (keyset
// from a neighbour, backwards from the end, OFFSET for a jump) and reset.
#include "itemmodels/pagewindow.h"

#include <QTest>

using namespace rolecall;

namespace {

QString idOf(int row)
{
    return QStringLiteral("u%1").arg(row);
}

QString keyOf(int row)
{
    return QStringLiteral("k%1").arg(row);
}

// `count` users standing in rows `first`..., as a data source would answer.
UserPage answer(int first, int count, bool atEnd = false)
{
    UserPage page;
    for (int row = first; row < first + count; ++row) {
        User user;
        user.id = idOf(row);
        page.users.append(user);
    }
    page.atEnd = atEnd;
    if (count > 0) {
        page.firstKey = keyOf(first);
        page.lastKey = keyOf(first + count - 1);
    }
    return page;
}

// A counted window of `rows` rows in pages of 10, with the given pages read.
PageWindow windowWithPages(int rows, const QList<int> &pages, int maxPages = 10)
{
    PageWindow window(10, maxPages);
    window.spanRows(rows);
    for (int page : pages)
        window.fillPage(page, answer(page * 10, window.rowsInPage(page)));
    return window;
}

QString idAt(const PageWindow &window, int row)
{
    const User *user = window.rowAt(row);
    return user ? user->id : QString();
}

} // namespace

class TestPageWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keepsItsLimitsSane();
    void appendsPagesInOrderUntilTheEnd();
    void anEmptyPageEndsAppending();
    void findsRows_data();
    void findsRows();
    void spansTheCountedRowsNeverFewer();
    void fillsOnlyThePlacesAPageHas();
    void evictsThePagesUsedLongestAgo();
    void keepsMemoryBoundedWhileScrollingThrough();
    void lowerLimitEvictsAtOnce();
    void readsEachPageTheCheapestWay_data();
    void readsEachPageTheCheapestWay();
    void jumpsToTheEndByReadingBackwards();
    void keepsFiltersAndOrderInTheQuery();
    void resetForgetsEverything();
};

void TestPageWindow::keepsItsLimitsSane()
{
    PageWindow window(0, 1);
    QCOMPARE(window.pageSize(), 1);
    QCOMPARE(window.maxPages(), 2); // the page on screen and the one being read
    window.reset(100000);
    QCOMPARE(window.pageSize(), 5000);
    window.setMaxPages(-3);
    QCOMPARE(window.maxPages(), 2);
}

void TestPageWindow::appendsPagesInOrderUntilTheEnd()
{
    PageWindow window(3);
    QCOMPARE(window.rowCount(), 0);
    window.appendPage(answer(0, 3));
    window.appendPage(answer(3, 3));
    QCOMPARE(window.rowCount(), 6);
    QCOMPARE(window.pageCount(), 2);
    QVERIFY(!window.isWindowed());
    QVERIFY(!window.isAtEnd());
    QCOMPARE(window.rowsInPage(5), 3); // while appending, any page may be full
    window.appendPage(answer(6, 2, true));
    QCOMPARE(window.rowCount(), 8);
    QVERIFY(window.isAtEnd());
    for (int row = 0; row < 8; ++row)
        QCOMPARE(idAt(window, row), idOf(row));
    QVERIFY(window.hasPage(2));
    QVERIFY(!window.hasPage(3));
}

void TestPageWindow::anEmptyPageEndsAppending()
{
    PageWindow window(3);
    window.appendPage(answer(0, 3));
    window.appendPage(answer(3, 0, true));
    QCOMPARE(window.rowCount(), 3);
    QCOMPARE(window.pageCount(), 1);
    QVERIFY(window.isAtEnd());
}

void TestPageWindow::findsRows_data()
{
    QTest::addColumn<int>("row");
    QTest::addColumn<QString>("id");
    QTest::newRow("before the first") << -1 << QString();
    QTest::newRow("first") << 0 << idOf(0);
    QTest::newRow("last of a page") << 9 << idOf(9);
    QTest::newRow("first of the next") << 10 << idOf(10);
    QTest::newRow("in a page not read") << 25 << QString();
    QTest::newRow("in a page read after a gap") << 47 << idOf(47);
    QTest::newRow("past the last row") << 50 << QString();
}

void TestPageWindow::findsRows()
{
    QFETCH(int, row);
    QFETCH(QString, id);
    const PageWindow window = windowWithPages(50, {0, 1, 4});
    QCOMPARE(idAt(window, row), id);
    QCOMPARE(window.isRowLoaded(row), !id.isEmpty());
    const User *used = window.useRow(row);
    QCOMPARE(used ? used->id : QString(), id);
}

void TestPageWindow::spansTheCountedRowsNeverFewer()
{
    PageWindow window(3);
    window.appendPage(answer(0, 3));
    window.appendPage(answer(3, 3));
    window.spanRows(1000);
    QVERIFY(window.isWindowed());
    QCOMPARE(window.rowCount(), 1000);
    QCOMPARE(idAt(window, 5), idOf(5)); // what was appended keeps its places
    QCOMPARE(window.rowsInPage(333), 1);
    QCOMPARE(window.rowsInPage(334), 0);

    PageWindow behind(3);
    behind.appendPage(answer(0, 3));
    behind.appendPage(answer(3, 3));
    behind.spanRows(4); // a count taken before rows were added
    QVERIFY(behind.isWindowed());
    QCOMPARE(behind.rowCount(), 6);
}

void TestPageWindow::fillsOnlyThePlacesAPageHas()
{
    PageWindow window(10);
    window.spanRows(25);
    QCOMPARE(window.fillPage(1, answer(10, 10)), 10);
    // Rows added since the count: the last page keeps only its 5 places.
    QCOMPARE(window.fillPage(2, answer(20, 8)), 5);
    QCOMPARE(idAt(window, 24), idOf(24));
    QCOMPARE(idAt(window, 25), QString());
    // A page whose rows are gone now holds nothing, but is held (not asked again).
    QCOMPARE(window.fillPage(0, answer(0, 0)), 0);
    QVERIFY(window.hasPage(0));
    QVERIFY(!window.isRowLoaded(0));
}

void TestPageWindow::evictsThePagesUsedLongestAgo()
{
    PageWindow window = windowWithPages(100, {0, 1, 2}, 3);
    QCOMPARE(window.pageCount(), 3);
    QVERIFY(window.useRow(5)); // page 0 painted again: now page 1 is the oldest
    window.fillPage(7, answer(70, 10));
    QCOMPARE(window.pageCount(), 3);
    QVERIFY(window.hasPage(0));
    QVERIFY(!window.hasPage(1));
    QVERIFY(window.hasPage(2));
    QVERIFY(window.hasPage(7));
    // Looking a row up without using it changes nothing.
    QVERIFY(window.rowAt(25));
    window.fillPage(8, answer(80, 10));
    QVERIFY(!window.hasPage(2));
    QVERIFY(window.hasPage(0));
}

void TestPageWindow::keepsMemoryBoundedWhileScrollingThrough()
{
    PageWindow window(10, 4);
    window.spanRows(1'000'000);
    for (int page = 0; page < 1000; ++page) {
        window.fillPage(page, answer(page * 10, 10));
        QVERIFY(window.useRow(page * 10));
        QVERIFY2(window.pageCount() <= 4, qPrintable(QString::number(window.pageCount())));
    }
    QCOMPARE(window.pageCount(), 4);
    for (int page = 996; page < 1000; ++page)
        QVERIFY(window.hasPage(page)); // the last ones seen
}

void TestPageWindow::lowerLimitEvictsAtOnce()
{
    PageWindow window = windowWithPages(100, {0, 1, 2, 3, 4});
    QVERIFY(window.useRow(15));
    QVERIFY(window.useRow(35));
    window.setMaxPages(2);
    QCOMPARE(window.pageCount(), 2);
    QVERIFY(window.hasPage(1));
    QVERIFY(window.hasPage(3));
}

void TestPageWindow::readsEachPageTheCheapestWay_data()
{
    // A counted list of 95 rows in pages of 10 (the last holds 5), pages 3
    // and 6 read.
    QTest::addColumn<int>("page");
    QTest::addColumn<bool>("backward");
    QTest::addColumn<QString>("afterKey");
    QTest::addColumn<QString>("afterId");
    QTest::addColumn<int>("offset");
    QTest::addColumn<int>("limit");
    QTest::newRow("the first page: from the top")
        << 0 << false << QString() << QString() << 0 << 10;
    QTest::newRow("after a page read: forward from its last row")
        << 4 << false << keyOf(39) << idOf(39) << 0 << 10;
    QTest::newRow("before a page read: backward from its first row")
        << 5 << true << keyOf(60) << idOf(60) << 0 << 10;
    QTest::newRow("between two read: forward wins")
        << 7 << false << keyOf(69) << idOf(69) << 0 << 10;
    QTest::newRow("the last page: backward from the end, as many as it holds")
        << 9 << true << QString() << QString() << 0 << 5;
    QTest::newRow("a jump into the unvisited middle: offset")
        << 1 << false << QString() << QString() << 10 << 10;
}

void TestPageWindow::readsEachPageTheCheapestWay()
{
    QFETCH(int, page);
    QFETCH(bool, backward);
    QFETCH(QString, afterKey);
    QFETCH(QString, afterId);
    QFETCH(int, offset);
    QFETCH(int, limit);
    const PageWindow window = windowWithPages(95, {3, 6});
    const UserQuery query = window.queryFor(page, UserQuery());
    QCOMPARE(query.backward, backward);
    QCOMPARE(query.afterKey, afterKey);
    QCOMPARE(query.afterId, afterId);
    QCOMPARE(query.offset, offset);
    QCOMPARE(query.limit, limit);
}

void TestPageWindow::jumpsToTheEndByReadingBackwards()
{
    PageWindow window(200, 3);
    window.appendPage(answer(0, 200));
    window.spanRows(1'000'000); // the count arrived: the view may jump to the end
    const int last = window.pageOf(999'999);
    QCOMPARE(last, 4999);
    const UserQuery end = window.queryFor(last, UserQuery());
    QVERIFY(end.backward);
    QVERIFY(end.afterKey.isEmpty());
    QCOMPARE(end.limit, 200);
    QCOMPARE(end.offset, 0); // no OFFSET a million rows deep
    QCOMPARE(window.fillPage(last, answer(999'800, 200)), 200);
    QCOMPARE(idAt(window, 999'999), idOf(999'999));

    // Scrolling up from the end reads backwards by keyset.
    const UserQuery up = window.queryFor(last - 1, UserQuery());
    QVERIFY(up.backward);
    QCOMPARE(up.afterId, idOf(999'800));
    QCOMPARE(up.offset, 0);

    // Bounds outlive eviction: a page read long ago still gives its cursor.
    window.fillPage(100, answer(20'000, 200));
    window.fillPage(2000, answer(400'000, 200));
    window.fillPage(3000, answer(600'000, 200));
    QVERIFY(!window.hasPage(last));
    QCOMPARE(window.queryFor(last - 1, UserQuery()).afterId, idOf(999'800));
}

void TestPageWindow::keepsFiltersAndOrderInTheQuery()
{
    const PageWindow window = windowWithPages(95, {3});
    UserQuery list;
    list.search = QStringLiteral("ada");
    list.role = QStringLiteral("ADMIN");
    list.sortKey = UserSortKey::Email;
    list.ascending = true;
    list.offset = 42; // a cursor in the list's query is not the page's
    list.afterId = QStringLiteral("stale");
    const UserQuery query = window.queryFor(4, list);
    QCOMPARE(query.search, list.search);
    QCOMPARE(query.role, list.role);
    QCOMPARE(query.sortKey, UserSortKey::Email);
    QVERIFY(query.ascending);
    QCOMPARE(query.afterId, idOf(39));
    QCOMPARE(query.offset, 0);
    QCOMPARE(window.queryFor(0, list).afterId, QString());
}

void TestPageWindow::resetForgetsEverything()
{
    PageWindow window = windowWithPages(95, {3, 6});
    window.reset();
    QCOMPARE(window.rowCount(), 0);
    QCOMPARE(window.pageCount(), 0);
    QVERIFY(!window.isWindowed());
    QVERIFY(!window.isAtEnd());
    QCOMPARE(window.pageSize(), 10);
    QCOMPARE(window.queryFor(4, UserQuery()).offset, 40); // the bounds are gone too

    window.appendPage(answer(0, 3, true));
    window.reset(25); // pages cut differently
    QCOMPARE(window.pageSize(), 25);
    QVERIFY(!window.isAtEnd());
    QCOMPARE(window.rowCount(), 0);
    window.appendPage(answer(0, 25));
    QCOMPARE(window.pageOf(24), 0);
    QCOMPARE(idAt(window, 24), idOf(24));
}

QTEST_GUILESS_MAIN(TestPageWindow)
#include "tst_pagewindow.moc"
