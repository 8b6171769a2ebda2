// Exporting users to CSV in one stream against a real PostgreSQL: every row of
// the filter, RFC 4180 with the spreadsheet formula guard, no file on cancel.
#include "itemmodels/userscsvexport.h"
#include "pg/pgdatasource.h"
#include "support/pgtestcluster.h"
#include "support/testdata.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace rolecall;
using rolecall::testing::Fixture;
using rolecall::testing::PgTestCluster;

namespace {
constexpr int waitMs = 20000;
}

class TestUsersCsvExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void writesEveryMatchingRowWithTheFormulaGuard();
    void followsTheFilter();
    void cancelLeavesNoFile();
    void saysWhenTheFileCannotBeWritten();

private:
    QStringList linesOf(const QString &path);
    PgTestCluster *m_cluster = nullptr;
    QString m_db;
    std::unique_ptr<PgDataSource> m_source;
    QTemporaryDir m_dir;
};

void TestUsersCsvExport::initTestCase()
{
    m_cluster = PgTestCluster::shared();
    QVERIFY2(m_cluster, qPrintable(PgTestCluster::startError()));
    QString error;
    m_db = m_cluster->createDatabase(Fixture::AkakoLms, &error);
    QVERIFY2(testing::seedAkakoUsers(*m_cluster, m_db, 120, &error), qPrintable(error));
    // A name a spreadsheet would run as a formula, and one with a comma.
    QVERIFY2(m_cluster->exec(m_db,
                             QStringLiteral(R"(UPDATE "User" SET "firstName" = '=HYPERLINK("x")',
                                 "lastName" = 'Smith, Jr' WHERE "email" = 'user7@example.test')"),
                             &error),
             qPrintable(error));
    m_source = std::make_unique<PgDataSource>(m_cluster->connection(m_db));
    QVERIFY(m_dir.isValid());
}

QStringList TestUsersCsvExport::linesOf(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QByteArray bytes = file.readAll();
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes.remove(0, 3);
    QStringList lines = QString::fromUtf8(bytes).split(QStringLiteral("\r\n"));
    if (!lines.isEmpty() && lines.constLast().isEmpty())
        lines.removeLast();
    return lines;
}

void TestUsersCsvExport::writesEveryMatchingRowWithTheFormulaGuard()
{
    const QString path = m_dir.filePath(QStringLiteral("all.csv"));
    UsersCsvExport exporter(m_source.get());
    QSignalSpy finished(&exporter, &UsersCsvExport::finished);
    QSignalSpy progress(&exporter, &UsersCsvExport::progress);
    QSignalSpy total(&exporter, &UsersCsvExport::totalKnown);
    QVERIFY(exporter.start({}, path));
    QVERIFY(exporter.isRunning());
    QVERIFY(!QFile::exists(path)); // only once complete
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, waitMs);
    QCOMPARE(finished.first().first().toLongLong(), 120);
    QVERIFY(!progress.isEmpty()); // read in one stream: the last report is every row
    QCOMPARE(progress.constLast().first().toLongLong(), 120);
    QCOMPARE(total.size(), 1);
    QCOMPARE(total.first().first().toLongLong(), 120);

    const QStringList lines = linesOf(path);
    QCOMPARE(lines.size(), 121);
    QCOMPARE(lines.first(),
             QStringLiteral("\"Name\",\"Email\",\"Clerk ID\",\"Active roles\",\"Created "
                            "(UTC)\",\"User ID\""));
    QVERIFY2(lines.at(1).contains(QLatin1String("user120@example.test")), qPrintable(lines.at(1)));
    QString guarded;
    for (const QString &line : lines) {
        if (line.contains(QLatin1String("user7@example.test")))
            guarded = line;
    }
    QVERIFY2(guarded.startsWith(QLatin1String("\"'=HYPERLINK(\"\"x\"\") Smith, Jr\",")),
             qPrintable(guarded));
    QVERIFY(guarded.contains(QLatin1String(",\"LEARNER\",")));
}

void TestUsersCsvExport::followsTheFilter()
{
    const QString path = m_dir.filePath(QStringLiteral("norole.csv"));
    UsersCsvExport exporter(m_source.get());
    QSignalSpy finished(&exporter, &UsersCsvExport::finished);
    UserQuery query;
    query.noRole = true; // users 10, 20, ... 120 hold no role now
    QVERIFY(exporter.start(query, path));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, waitMs);
    const QStringList lines = linesOf(path);
    QCOMPARE(lines.size(), 1 + 12);
    for (const QString &line : lines.mid(1))
        QVERIFY2(line.contains(QLatin1String(",\"\",")), qPrintable(line)); // no roles
}

void TestUsersCsvExport::cancelLeavesNoFile()
{
    const QString path = m_dir.filePath(QStringLiteral("cancelled.csv"));
    UsersCsvExport exporter(m_source.get());
    QSignalSpy cancelled(&exporter, &UsersCsvExport::cancelled);
    QSignalSpy finished(&exporter, &UsersCsvExport::finished);
    QVERIFY(exporter.start({}, path));
    exporter.cancel();
    QCOMPARE(cancelled.size(), 1);
    QVERIFY(!exporter.isRunning());
    // A fixed wait: answers still on their way are dropped, and a dropped
    // answer sends no signal to wait on.
    QTest::qWait(300);
    QCOMPARE(finished.size(), 0);
    QVERIFY(!QFile::exists(path));
}

void TestUsersCsvExport::saysWhenTheFileCannotBeWritten()
{
    UsersCsvExport exporter(m_source.get());
    QString error;
    QVERIFY(!exporter.start({}, m_dir.filePath(QStringLiteral("missing/dir/x.csv")), &error));
    QVERIFY2(error.startsWith(QLatin1String("Cannot write")), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestUsersCsvExport)
#include "tst_userscsvexport.moc"
