#include "domain/userlist.h"
#include "itemmodels/tableexport.h"

#include <QTest>

using namespace rolecall;

// The users file of a bulk grant: a plain list, or Rolecall's own CSV export.
class TestUserList : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsAPlainList();
    void readsTheClerkIdColumnOfAnExport();
    void readsWhatTheCsvWriterWrote_data();
    void readsWhatTheCsvWriterWrote();
    void saysWhenACsvNamesNobody();
    void survivesAnOpenQuote();
};

void TestUserList::readsAPlainList()
{
    QString error;
    const QStringList names = parseUserList("# admins to be, one per line, commas allowed here\n "
                                            "user_1 \n\nzoe@example.com\r\nuser_1\n",
                                            &error);
    QCOMPARE(names, (QStringList{QStringLiteral("user_1"), QStringLiteral("zoe@example.com")}));
    QVERIFY(error.isEmpty());
}

void TestUserList::readsTheClerkIdColumnOfAnExport()
{
    const QString csv =
        csvRecord({QStringLiteral("id"), QStringLiteral("clerkId"), QStringLiteral("email")}) +
        csvRecord({QStringLiteral("row1"), QStringLiteral("user_1"), QStringLiteral("a@x")}) +
        csvRecord({QStringLiteral("row2"), QStringLiteral("user_2"), QStringLiteral("b,\"c\"@x")});
    QString error;
    QCOMPARE(parseUserList(csv.toUtf8(), &error),
             (QStringList{QStringLiteral("user_1"), QStringLiteral("user_2")}));
    // A grants export names people by userEmail when it has no clerkId column.
    const QString grants = csvRecord({QStringLiteral("id"), QStringLiteral("userEmail")}) +
                           csvRecord({QStringLiteral("g1"), QStringLiteral("-dash@x")});
    QCOMPARE(parseUserList(grants.toUtf8(), &error), QStringList{QStringLiteral("-dash@x")});
}

void TestUserList::readsWhatTheCsvWriterWrote_data()
{
    QTest::addColumn<QStringList>("fields");
    QTest::newRow("plain") << QStringList{QStringLiteral("a"), QStringLiteral("b")};
    QTest::newRow("empty") << QStringList{QString(), QString()};
    QTest::newRow("quotes and commas")
        << QStringList{QStringLiteral("say \"hi\", then"), QStringLiteral(",")};
    QTest::newRow("line breaks") << QStringList{QStringLiteral("a\r\nb"), QStringLiteral("\n")};
    QTest::newRow("guarded") << QStringList{QStringLiteral("=1+1"), QStringLiteral("@x")};
}

void TestUserList::readsWhatTheCsvWriterWrote()
{
    QFETCH(QStringList, fields);
    const QList<QStringList> records = parseCsvRecords(csvRecord(fields) + csvRecord(fields));
    QCOMPARE(records.size(), 2);
    QStringList unguarded;
    for (const QString &field : records.first())
        unguarded << unguardCsvField(field);
    QCOMPARE(unguarded, fields);
}

void TestUserList::saysWhenACsvNamesNobody()
{
    QString error;
    QVERIFY(parseUserList("\"name\",\"role\"\r\n\"Zoë\",\"ADMIN\"\r\n", &error).isEmpty());
    QVERIFY2(error.contains(QLatin1String("clerkId")), qPrintable(error));
}

void TestUserList::survivesAnOpenQuote()
{
    const QList<QStringList> records = parseCsvRecords(QStringLiteral("\"a,b\n\"c"));
    QCOMPARE(records.size(), 1);
    QCOMPARE(records.first(), QStringList{QStringLiteral("a,b\nc")});
}

QTEST_GUILESS_MAIN(TestUserList)
#include "tst_userlist.moc"
