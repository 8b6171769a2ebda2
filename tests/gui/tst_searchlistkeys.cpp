// Down from a search field to the first result, Up from the first row back,
// Escape clearing the search or handed to the screen: SearchListKeys on a real
// line edit and list view.
#include "widgets/searchlistkeys.h"

#include <QApplication>
#include <QLineEdit>
#include <QListView>
#include <QStringListModel>
#include <QTest>
#include <QVBoxLayout>

using namespace rolecall;

class TestSearchListKeys : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void downGoesToTheFirstResult();
    void upOnTheFirstRowGoesBackToTheSearch();
    void escapeClearsThenHandsOver();
    void downWithoutResultsStays();

private:
    std::unique_ptr<QWidget> m_window;
    QLineEdit *m_search = nullptr;
    QListView *m_view = nullptr;
    QStringListModel *m_model = nullptr;
    SearchListKeys *m_keys = nullptr;
    int m_escapes = 0;
};

void TestSearchListKeys::init()
{
    m_window = std::make_unique<QWidget>();
    auto *layout = new QVBoxLayout(m_window.get());
    m_search = new QLineEdit(m_window.get());
    m_view = new QListView(m_window.get());
    m_model = new QStringListModel({QStringLiteral("a"), QStringLiteral("b")}, m_window.get());
    m_view->setModel(m_model);
    layout->addWidget(m_search);
    layout->addWidget(m_view);
    m_keys = new SearchListKeys(m_search, m_view, m_window.get());
    m_escapes = 0;
    m_keys->setOnEscape([this] {
        ++m_escapes;
        return m_escapes == 1; // the first time, something (a detail) was closed
    });
    m_window->show();
    QApplication::setActiveWindow(m_window.get());
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    m_search->setFocus();
}

void TestSearchListKeys::cleanup()
{
    m_window.reset();
}

void TestSearchListKeys::downGoesToTheFirstResult()
{
    QTest::keyClicks(m_search, QStringLiteral("x"));
    QTest::keyClick(m_search, Qt::Key_Down);
    QVERIFY(m_view->hasFocus());
    QCOMPARE(m_view->currentIndex().row(), 0);
    QVERIFY(m_view->selectionModel()->isRowSelected(0));
    QCOMPARE(m_search->text(), QStringLiteral("x"));
}

void TestSearchListKeys::upOnTheFirstRowGoesBackToTheSearch()
{
    QTest::keyClicks(m_search, QStringLiteral("xy"));
    QTest::keyClick(m_search, Qt::Key_Down);
    QTest::keyClick(m_view, Qt::Key_Down);
    QCOMPARE(m_view->currentIndex().row(), 1);
    QTest::keyClick(m_view, Qt::Key_Up);
    QCOMPARE(m_view->currentIndex().row(), 0);
    QVERIFY(m_view->hasFocus());
    QTest::keyClick(m_view, Qt::Key_Up);
    QVERIFY(m_search->hasFocus());
    QCOMPARE(m_search->selectedText(), QStringLiteral("xy"));
}

void TestSearchListKeys::escapeClearsThenHandsOver()
{
    QTest::keyClick(m_search, Qt::Key_Down);
    // In the list: the screen's Escape first (it closed a detail), the list keeps the focus.
    QTest::keyClick(m_view, Qt::Key_Escape);
    QCOMPARE(m_escapes, 1);
    QVERIFY(m_view->hasFocus());
    // Nothing more to close: back to the search.
    QTest::keyClick(m_view, Qt::Key_Escape);
    QCOMPARE(m_escapes, 2);
    QVERIFY(m_search->hasFocus());
    // In the search: clears the text first, and only then is handed over.
    QTest::keyClicks(m_search, QStringLiteral("abc"));
    QTest::keyClick(m_search, Qt::Key_Escape);
    QVERIFY(m_search->text().isEmpty());
    QCOMPARE(m_escapes, 2);
    QTest::keyClick(m_search, Qt::Key_Escape);
    QCOMPARE(m_escapes, 3);
}

void TestSearchListKeys::downWithoutResultsStays()
{
    m_model->setStringList({});
    QTest::keyClick(m_search, Qt::Key_Down);
    QVERIFY(m_search->hasFocus());
    QVERIFY(!m_keys->focusFirstRow());
}

QTEST_MAIN(TestSearchListKeys)
#include "tst_searchlistkeys.moc"
