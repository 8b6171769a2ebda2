// The Grants screen on the offscreen platform against a real PostgreSQL: the
// list fills and pages, filters reload it, the expiring view, CSV export with
// the formula guard, copying rows, and calm messages for a schema without
// roles and for a database that is not there.
#include "itemmodels/grantstablemodel.h"
#include "pg/pgdatasource.h"
#include "screens/grantsscreen.h"
#include "support/pgtestcluster.h"
#include "support/rolefixtures.h"
#include "support/testdata.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace rolecall;
using rolecall::testing::Fixture;

namespace {
constexpr int waitMs = 20000;

const char formulaReasonSql[] =
    "UPDATE \"UserRole\" SET \"reason\" = '=HYPERLINK(\"http://evil.example\",\"x\")' "
    "WHERE \"id\" = 'g_active'";
const char guardedField[] = "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"";

bool settled(const TableScreen &screen)
{
    return !screen.isBusy();
}
} // namespace

class TestGrantsScreen : public QObject, private rolecall::testing::GrantStatesDatabase
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void listsGrantsWithRolesFromTheEnum();
    void filtersByStateAndRole();
    void expiringSoonView();
    void pagesAsTheTableScrolls();
    void exportsCsvWithTheFormulaGuard();
    void copiesSelectedRows();
    void everyControlHasAnAccessibleName();
    void sehatScanIsNotAvailable();
    void unreachableDatabaseShowsInTheScreen();
    void dataSourceMayGoAway();
};

void TestGrantsScreen::initTestCase()
{
    QString error;
    QVERIFY2(start(&error), qPrintable(error));
    // A reason a spreadsheet would run as a formula.
    const bool updated = m_cluster->exec(m_db, QString::fromUtf8(formulaReasonSql), &error);
    QVERIFY2(updated, qPrintable(error));
}

void TestGrantsScreen::listsGrantsWithRolesFromTheEnum()
{
    PgDataSource source(m_cluster->connection(m_db));
    GrantsScreen screen(&source);
    QCOMPARE(screen.objectName(), QStringLiteral("grantsScreen"));
    QAbstractItemModelTester tester(screen.model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    screen.show();
    QVERIFY(screen.isBusy()); // busy at once, never blocking
    QTRY_VERIFY_WITH_TIMEOUT(screen.model()->rowCount() > 0 && settled(screen), waitMs);
    QCOMPARE(screen.model()->rowCount(), 8 + rolecall::testing::tiedGrants);
    QVERIFY(screen.bannerText().isEmpty());
    QStringList roles;
    for (int i = 0; i < screen.roleFilter()->count(); ++i)
        roles << screen.roleFilter()->itemText(i);
    QCOMPARE(roles, (QStringList{QStringLiteral("Any role"), QStringLiteral("LEARNER"),
                                 QStringLiteral("MENTOR"), QStringLiteral("ADMIN")}));
    QVERIFY(!screen.daysField()->isEnabled()); // only for "expiring"
}

void TestGrantsScreen::filtersByStateAndRole()
{
    PgDataSource source(m_cluster->connection(m_db));
    GrantsScreen screen(&source);
    QAbstractItemModelTester tester(screen.model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_VERIFY_WITH_TIMEOUT(screen.model()->rowCount() > 0 && settled(screen), waitMs);

    screen.stateFilter()->setCurrentIndex(
        screen.stateFilter()->findData(int(GrantFilterState::Future)));
    QTRY_VERIFY_WITH_TIMEOUT(screen.model()->rowCount() == 1 && settled(screen), waitMs);
    QCOMPARE(screen.model()->grantAt(0).grant.id, QStringLiteral("g_future"));

    screen.stateFilter()->setCurrentIndex(
        screen.stateFilter()->findData(int(GrantFilterState::Expiring)));
    QVERIFY(screen.daysField()->isEnabled());
    screen.daysField()->setValue(7);
    QTRY_VERIFY_WITH_TIMEOUT(screen.model()->rowCount() == 1 && settled(screen), waitMs);
    QCOMPARE(screen.model()->grantAt(0).grant.id, QStringLiteral("g_expiring"));

    screen.stateFilter()->setCurrentIndex(0);
    screen.roleFilter()->setCurrentIndex(screen.roleFilter()->findText(QStringLiteral("MENTOR")));
    QTRY_VERIFY_WITH_TIMEOUT(screen.model()->rowCount() == 3 && settled(screen), waitMs);

    // nothing matches: said in the screen, not an empty grey table
    screen.roleFilter()->setCurrentIndex(screen.roleFilter()->findText(QStringLiteral("ADMIN")));
    screen.stateFilter()->setCurrentIndex(
        screen.stateFilter()->findData(int(GrantFilterState::Future)));
    QTRY_VERIFY_WITH_TIMEOUT(!screen.bannerText().isEmpty() && settled(screen), waitMs);
    QVERIFY2(screen.bannerText().contains(QLatin1String("No grant")),
             qPrintable(screen.bannerText()));
}

void TestGrantsScreen::expiringSoonView()
{
    PgDataSource source(m_cluster->connection(m_db));
    GrantsScreen screen(&source);
    QTRY_VERIFY_WITH_TIMEOUT(screen.model()->rowCount() > 0 && settled(screen), waitMs);
    screen.viewChooser()->setCurrentIndex(1);
    QVERIFY(!screen.roleFilter()->isEnabled());
    QVERIFY(screen.daysField()->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(screen.model()->isExpiringView() && screen.model()->rowCount() == 2 &&
                                 settled(screen),
                             waitMs);
    QCOMPARE(screen.model()->grantAt(0).grant.id, QStringLiteral("g_expiring")); // soonest first
    screen.daysField()->setValue(3);
    QTRY_VERIFY_WITH_TIMEOUT(screen.model()->rowCount() == 0 && settled(screen), waitMs);
    QTRY_VERIFY_WITH_TIMEOUT(screen.bannerText().contains(QLatin1String("3 day")), waitMs);
}

void TestGrantsScreen::pagesAsTheTableScrolls()
{
    PgDataSource source(m_cluster->connection(m_db));
    GrantsScreen screen(&source);
    screen.model()->setPageSize(5);
    screen.resize(900, 300);
    screen.show();
    QVERIFY(QTest::qWaitForWindowExposed(&screen));
    QTRY_VERIFY_WITH_TIMEOUT(screen.model()->rowCount() >= 5 && settled(screen), waitMs);
    const int loaded = screen.model()->rowCount();
    screen.view()->scrollToBottom();
    QTRY_VERIFY_WITH_TIMEOUT(screen.model()->rowCount() > loaded, waitMs);
}

void TestGrantsScreen::exportsCsvWithTheFormulaGuard()
{
    PgDataSource source(m_cluster->connection(m_db));
    GrantsScreen screen(&source);
    QTRY_VERIFY_WITH_TIMEOUT(screen.model()->isComplete() && settled(screen), waitMs);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("grants.csv"));
    QString error;
    QVERIFY2(screen.exportCsv(path, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString csv = QString::fromUtf8(file.readAll());
    const QStringList lines = csv.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 1 + screen.model()->rowCount());
    QVERIFY(lines[0].startsWith(QLatin1String("\"User\",\"Email\",\"Role\",\"State\",\"Starts\"")));
    QVERIFY2(csv.contains(QLatin1String(guardedField)), qPrintable(csv.left(2000)));
    QVERIFY(!csv.contains(QLatin1String(",=HYPERLINK")));
    // instants as UTC ISO 8601
    static const QRegularExpression isoInstant(
        QStringLiteral(",\"\\d{4}-\\d\\d-\\d\\dT[0-9:.]{12}Z\","));
    QVERIFY(csv.contains(isoInstant));

    QVERIFY(!screen.exportCsv(dir.filePath(QStringLiteral("no/such/dir/x.csv")), &error));
    QVERIFY(!error.isEmpty());
}

void TestGrantsScreen::copiesSelectedRows()
{
    PgDataSource source(m_cluster->connection(m_db));
    GrantsScreen screen(&source);
    QTRY_VERIFY_WITH_TIMEOUT(screen.model()->rowCount() > 3 && settled(screen), waitMs);
    screen.show();
    screen.view()->selectRow(0);
    screen.view()->setFocus();
    QTest::keySequence(screen.view(), QKeySequence::Copy);
    const QString copied = QApplication::clipboard()->text();
    const QStringList lines = copied.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    QVERIFY(lines[0].startsWith(QLatin1String("User\tEmail\tRole")));
    QVERIFY(lines[1].contains(screen.model()->grantAt(0).userEmail));
}

void TestGrantsScreen::everyControlHasAnAccessibleName()
{
    GrantsScreen screen(nullptr);
    const QList<QWidget *> widgets = screen.findChildren<QWidget *>();
    for (QWidget *w : widgets) {
        if (w->focusPolicy() == Qt::NoFocus || w->parentWidget() != &screen)
            continue; // parts of a control (spin box editors, viewports)
        QVERIFY2(!w->accessibleName().isEmpty(), w->metaObject()->className());
    }
    QVERIFY(!screen.accessibleName().isEmpty());
    QCOMPARE(screen.bannerText(), QStringLiteral("No database is open."));
}

void TestGrantsScreen::sehatScanIsNotAvailable()
{
    QString error;
    const QString db = m_cluster->createDatabase(Fixture::SehatScan, &error);
    QVERIFY2(!db.isEmpty(), qPrintable(error));
    PgDataSource source(m_cluster->connection(db));
    GrantsScreen screen(&source);
    QTRY_VERIFY_WITH_TIMEOUT(!screen.bannerText().isEmpty() && settled(screen), waitMs);
    QVERIFY2(screen.bannerText().startsWith(QLatin1String("Not available for this schema")),
             qPrintable(screen.bannerText()));
    QVERIFY(!screen.isAvailable());
    QVERIFY(screen.view()->isHidden()); // no empty table that reads as "no rows"
    QCOMPARE(screen.model()->rowCount(), 0);
    QVERIFY(screen.model()->lastError().isEmpty()); // never asked, never an error
}

void TestGrantsScreen::unreachableDatabaseShowsInTheScreen()
{
    ConnectionSettings nowhere = m_cluster->connection(m_db);
    nowhere.port = 1; // nothing listens there
    PgDataSource source(nowhere);
    GrantsScreen screen(&source);
    QTRY_VERIFY_WITH_TIMEOUT(!screen.bannerText().isEmpty() && settled(screen), waitMs);
    QVERIFY2(screen.bannerText().contains(QLatin1String("Cannot connect")),
             qPrintable(screen.bannerText()));
}

void TestGrantsScreen::dataSourceMayGoAway()
{
    auto *source = new PgDataSource(m_cluster->connection(m_db));
    GrantsScreen screen(source);
    QTRY_VERIFY_WITH_TIMEOUT(screen.model()->rowCount() > 0 && settled(screen), waitMs);
    screen.setDataSource(nullptr);
    delete source;
    QCOMPARE(screen.model()->rowCount(), 0);
    QCOMPARE(screen.bannerText(), QStringLiteral("No database is open."));
    screen.refresh();
    QVERIFY(!screen.isBusy());
}

QTEST_MAIN(TestGrantsScreen)
#include "tst_grantsscreen.moc"
