// The search box's filter: any of the chosen columns contains the text, in
// any case; other columns do not count; an empty search shows every row.
#include "widgets/columnsearchproxy.h"

#include <QAbstractItemModelTester>
#include <QStandardItemModel>
#include <QTest>

using namespace rolecall;

class TestColumnSearchProxy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keepsTheRowsThatMatch_data();
    void keepsTheRowsThatMatch();
};

void TestColumnSearchProxy::keepsTheRowsThatMatch_data()
{
    QTest::addColumn<QString>("search");
    QTest::addColumn<QStringList>("expected"); // first column of the rows kept
    QTest::newRow("empty") << QString()
                           << QStringList{QStringLiteral("user_a"), QStringLiteral("user_b"),
                                          QStringLiteral("user_c")};
    QTest::newRow("blank") << QStringLiteral("   ")
                           << QStringList{QStringLiteral("user_a"), QStringLiteral("user_b"),
                                          QStringLiteral("user_c")};
    QTest::newRow("first column") << QStringLiteral("user_b")
                                  << QStringList{QStringLiteral("user_b")};
    QTest::newRow("any case") << QStringLiteral("ADA@") << QStringList{QStringLiteral("user_a")};
    QTest::newRow("trimmed") << QStringLiteral("  grace ") << QStringList{QStringLiteral("user_c")};
    QTest::newRow("an unsearched column") << QStringLiteral("drifted") << QStringList{};
}

void TestColumnSearchProxy::keepsTheRowsThatMatch()
{
    QFETCH(QString, search);
    QFETCH(QStringList, expected);
    QStandardItemModel model;
    const QList<QStringList> rows{
        {QStringLiteral("user_a"), QStringLiteral("drifted"), QStringLiteral("ada@x.test")},
        {QStringLiteral("user_b"), QStringLiteral("in sync"), QStringLiteral("bob@x.test")},
        {QStringLiteral("user_c"), QStringLiteral("in sync"), QStringLiteral("grace@x.test")},
    };
    for (const QStringList &row : rows) {
        QList<QStandardItem *> items;
        for (const QString &text : row)
            items << new QStandardItem(text);
        model.appendRow(items);
    }
    ColumnSearchProxy proxy({0, 2}); // not the status column
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSearch(search);
    QStringList kept;
    for (int row = 0; row < proxy.rowCount(); ++row)
        kept << proxy.index(row, 0).data().toString();
    QCOMPARE(kept, expected);
    proxy.setSearch({});
    QCOMPARE(proxy.rowCount(), 3);
}

QTEST_GUILESS_MAIN(TestColumnSearchProxy)
#include "tst_columnsearchproxy.moc"
