// The Audit screen on the offscreen platform against a real PostgreSQL: the
// trail fills with names beside IDs, filters (typed ones after a pause),
// a bad time range changes nothing, the details of the selected event,
// export and copy, and "not available" for a schema without roles.
#include "itemmodels/audittablemodel.h"
#include "pg/pgdatasource.h"
#include "screens/auditscreen.h"
#include "support/pgtestcluster.h"
#include "support/rolefixtures.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QFile>
#include <QLineEdit>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace rolecall;
using rolecall::testing::Fixture;

namespace {
constexpr int waitMs = 20000;
}

class TestAuditScreen : public QObject, private rolecall::testing::GrantStatesDatabase
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void showsTheTrailWithNames();
    void filtersByUserAfterTyping();
    void filtersByActorAndRole();
    void aBadTimeRangeChangesNothing();
    void showsTheSelectedEventsDetails();
    void exportsAndCopies();
    void everyControlHasAnAccessibleName();
    void sehatScanIsNotAvailable();
};

void TestAuditScreen::initTestCase()
{
    QString error;
    QVERIFY2(start(&error), qPrintable(error));
}

void TestAuditScreen::showsTheTrailWithNames()
{
    PgDataSource source(m_cluster->connection(m_db));
    AuditScreen screen(&source);
    QCOMPARE(screen.objectName(), QStringLiteral("auditScreen"));
    QAbstractItemModelTester tester(screen.model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(screen.isBusy());
    QTRY_VERIFY_WITH_TIMEOUT(screen.model()->rowCount() > 0 && !screen.isBusy(), waitMs);
    QVERIFY(screen.bannerText().isEmpty());
    const QModelIndex user = screen.model()->index(0, AuditTableModel::UserColumn);
    QVERIFY2(user.data().toString().contains(QLatin1Char('@')), qPrintable(user.data().toString()));
    QCOMPARE(screen.roleFilter()->count(), 4); // any + the enum's three
}

void TestAuditScreen::filtersByUserAfterTyping()
{
    PgDataSource source(m_cluster->connection(m_db));
    AuditScreen screen(&source);
    QTRY_VERIFY_WITH_TIMEOUT(screen.model()->rowCount() > 0 && !screen.isBusy(), waitMs);
    QTest::keyClicks(screen.userFilter(), QStringLiteral("user_alice"));
    // one query after the pause, not one per key
    QTRY_VERIFY_WITH_TIMEOUT(screen.model()->filter().user == QLatin1String("user_alice"), waitMs);
    QTRY_VERIFY_WITH_TIMEOUT(screen.model()->rowCount() == 2 && !screen.isBusy(), waitMs);
    for (int r = 0; r < 2; ++r)
        QCOMPARE(screen.model()->eventAt(r).targetClerkId, QStringLiteral("user_alice"));

    screen.userFilter()->setText(QStringLiteral("nobody@example.test"));
    screen.applyFilters();
    QTRY_VERIFY_WITH_TIMEOUT(screen.bannerText().contains(QLatin1String("nobody@example.test")),
                             waitMs);
}

void TestAuditScreen::filtersByActorAndRole()
{
    PgDataSource source(m_cluster->connection(m_db));
    AuditScreen screen(&source);
    QTRY_VERIFY_WITH_TIMEOUT(screen.model()->rowCount() > 0 && !screen.isBusy(), waitMs);
    screen.actorFilter()->setText(QStringLiteral("other@example.test"));
    screen.applyFilters();
    QTRY_VERIFY_WITH_TIMEOUT(screen.model()->rowCount() == 2 && !screen.isBusy(), waitMs);
    screen.actorFilter()->clear();
    screen.roleFilter()->setCurrentIndex(screen.roleFilter()->findText(QStringLiteral("MENTOR")));
    QTRY_VERIFY_WITH_TIMEOUT(
        !screen.isBusy() && screen.model()->filter().role == QLatin1String("MENTOR"), waitMs);
    QTRY_VERIFY_WITH_TIMEOUT(screen.model()->rowCount() > 0 && !screen.isBusy(), waitMs);
    for (int r = 0; r < screen.model()->rowCount(); ++r)
        QCOMPARE(screen.model()->eventAt(r).role, QStringLiteral("MENTOR"));
}

void TestAuditScreen::aBadTimeRangeChangesNothing()
{
    PgDataSource source(m_cluster->connection(m_db));
    AuditScreen screen(&source);
    QTRY_VERIFY_WITH_TIMEOUT(screen.model()->rowCount() > 0 && !screen.isBusy(), waitMs);

    // a sensible range: only events inside it
    screen.sinceField()->setDateTime(QDateTime::currentDateTime().addDays(-10));
    screen.untilField()->setDateTime(QDateTime::currentDateTime().addDays(1));
    screen.sinceCheck()->setChecked(true);
    screen.untilCheck()->setChecked(true);
    QVERIFY(screen.sinceField()->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(screen.model()->filter().until.isValid(), waitMs);
    QTRY_VERIFY_WITH_TIMEOUT(screen.model()->rowCount() > 0 && !screen.isBusy(), waitMs);
    for (int r = 0; r < screen.model()->rowCount(); ++r)
        QVERIFY(screen.model()->eventAt(r).at >= QDateTime::currentDateTimeUtc().addDays(-11));
    const int shown = screen.model()->rowCount();
    const AuditQuery applied = screen.model()->filter();

    // ending before it starts: said at once, and the table keeps what it shows
    screen.untilField()->setDateTime(QDateTime::currentDateTime().addDays(-20));
    screen.applyFilters();
    QVERIFY2(screen.bannerText().contains(QLatin1String("ends before it starts")),
             qPrintable(screen.bannerText()));
    QCOMPARE(screen.model()->rowCount(), shown);
    QCOMPARE(screen.model()->filter().until, applied.until);
}

void TestAuditScreen::showsTheSelectedEventsDetails()
{
    PgDataSource source(m_cluster->connection(m_db));
    AuditScreen screen(&source);
    screen.userFilter()->setText(QStringLiteral("bob@example.test"));
    screen.applyFilters();
    QTRY_VERIFY_WITH_TIMEOUT(screen.model()->rowCount() > 0 && !screen.isBusy(), waitMs);
    QVERIFY(screen.detailsText().isEmpty());
    int ended = -1;
    for (int r = 0; r < screen.model()->rowCount(); ++r) {
        if (screen.model()->eventAt(r).action == QLatin1String("ended"))
            ended = r;
    }
    QVERIFY(ended >= 0);
    screen.view()->selectRow(ended);
    QVERIFY2(screen.detailsText().contains(QLatin1String("Reason: term over")),
             qPrintable(screen.detailsText()));
    QVERIFY(screen.detailsText().contains(QLatin1String("Notes: Granted for the spring term")));
}

void TestAuditScreen::exportsAndCopies()
{
    PgDataSource source(m_cluster->connection(m_db));
    AuditScreen screen(&source);
    QTRY_VERIFY_WITH_TIMEOUT(screen.model()->rowCount() > 0 && !screen.isBusy(), waitMs);
    QTemporaryDir dir;
    QString error;
    QVERIFY2(screen.exportCsv(dir.filePath(QStringLiteral("audit.csv")), &error),
             qPrintable(error));
    QFile file(dir.filePath(QStringLiteral("audit.csv")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QStringList lines =
        QString::fromUtf8(file.readAll()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 1 + screen.model()->rowCount());
    QVERIFY(lines[0].startsWith(
        QLatin1String("\"When\",\"Action\",\"User\",\"User's Clerk ID\",\"Role\",\"By\"")));

    screen.view()->selectRow(0);
    const QString copied = screen.copySelectedRows();
    QCOMPARE(QApplication::clipboard()->text(), copied);
    QCOMPARE(copied.count(QLatin1Char('\n')), 2);
}

void TestAuditScreen::everyControlHasAnAccessibleName()
{
    AuditScreen screen(nullptr);
    const QList<QWidget *> widgets = screen.findChildren<QWidget *>();
    for (QWidget *w : widgets) {
        if (w->focusPolicy() == Qt::NoFocus || w->parentWidget() != &screen)
            continue; // labels and the parts of a control
        QVERIFY2(!w->accessibleName().isEmpty(), w->metaObject()->className());
    }
    QCOMPARE(screen.bannerText(), QStringLiteral("No database is open."));
}

void TestAuditScreen::sehatScanIsNotAvailable()
{
    QString error;
    const QString db = m_cluster->createDatabase(Fixture::SehatScan, &error);
    QVERIFY2(!db.isEmpty(), qPrintable(error));
    PgDataSource source(m_cluster->connection(db));
    AuditScreen screen(&source);
    QTRY_VERIFY_WITH_TIMEOUT(!screen.bannerText().isEmpty() && !screen.isBusy(), waitMs);
    QVERIFY2(screen.bannerText().startsWith(QLatin1String("Not available for this schema")),
             qPrintable(screen.bannerText()));
    // typing in a filter asks nothing
    screen.userFilter()->setText(QStringLiteral("x"));
    screen.applyFilters();
    QVERIFY(!screen.isBusy());
    QCOMPARE(screen.model()->rowCount(), 0);
}

QTEST_MAIN(TestAuditScreen)
#include "tst_auditscreen.moc"
