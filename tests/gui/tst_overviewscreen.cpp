// The Overview screen and its chart on the offscreen platform against a real
// PostgreSQL: the figures, the per-role table and the chart's series; export
// and copy; each figure shows as its own query answers (the others held back
// by a lock on "UserRole"); SehatScan shows its user count and says roles are not available;
// the chart paints without data, at a high device-pixel ratio and in a dark
// palette.
#include "pg/pgdatasource.h"
#include "screens/overviewscreen.h"
#include "support/pgtestcluster.h"
#include "support/rolefixtures.h"
#include "support/testdata.h"
#include "widgets/grantschart.h"

#include <QAbstractButton>
#include <QAbstractItemModelTester>
#include <QApplication>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace rolecall;
using rolecall::testing::Fixture;

namespace {
constexpr int waitMs = 20000;

// Paints `chart` into an image at `ratio` and counts the pixels that differ
// from its background.
int paintedPixels(GrantsChart &chart, qreal ratio)
{
    QImage image(chart.size() * ratio, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(ratio);
    image.fill(chart.palette().color(QPalette::Base));
    chart.render(&image, {}, {}, QWidget::DrawChildren);
    const QRgb background = chart.palette().color(QPalette::Base).rgb();
    int differing = 0;
    for (int y = 0; y < image.height(); y += 2) {
        for (int x = 0; x < image.width(); x += 2)
            differing += image.pixel(x, y) != background;
    }
    return differing;
}
} // namespace

class TestOverviewScreen : public QObject, private rolecall::testing::GrantStatesDatabase
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void showsTheFigures();
    void showsEachFigureAsItsQueryAnswers();
    void exportsAndCopies();
    void sehatScanShowsUsersOnly();
    void noDataSource();
    void chartPaintsWithoutData();
    void chartPaintsSeriesAtHighDpiAndInTheDark();
};

void TestOverviewScreen::initTestCase()
{
    QString error;
    QVERIFY2(start(&error), qPrintable(error));
}

void TestOverviewScreen::showsTheFigures()
{
    PgDataSource source(m_cluster->connection(m_db));
    OverviewScreen screen(&source);
    QCOMPARE(screen.objectName(), QStringLiteral("overviewScreen"));
    QAbstractItemModelTester tester(screen.rolesView()->model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(screen.isBusy());
    screen.show();
    QTRY_VERIFY_WITH_TIMEOUT(!screen.isBusy(), waitMs);
    QVERIFY2(screen.bannerText().isEmpty(), qPrintable(screen.bannerText()));
    QCOMPARE(screen.figureText(QStringLiteral("usersFigure")), QStringLiteral("7"));
    QCOMPARE(screen.figureText(QStringLiteral("withoutRoleFigure")), QStringLiteral("3"));
    QCOMPARE(screen.figureText(QStringLiteral("expiringFigure")), QStringLiteral("1"));
    const QAbstractItemModel *roles = screen.rolesView()->model();
    QCOMPARE(roles->rowCount(), 3);
    QCOMPARE(roles->index(0, 0).data().toString(), QStringLiteral("LEARNER"));
    QCOMPARE(roles->index(0, 1).data().toString(), QStringLiteral("3"));
    QCOMPARE(roles->index(2, 0).data().toString(), QStringLiteral("ADMIN"));
    QCOMPARE(roles->index(2, 1).data().toString(), QStringLiteral("1"));
    QVERIFY(!screen.chart()->isEmpty());
    QVERIFY(screen.chart()->summary().contains(QLatin1String("LEARNER: ")));
    QVERIFY(!screen.chart()->accessibleName().isEmpty());
    QVERIFY(!screen.chart()->accessibleDescription().isEmpty());

    // a refresh that another one overtakes leaves the newest answer
    screen.refresh();
    screen.refresh();
    QTRY_VERIFY_WITH_TIMEOUT(!screen.isBusy(), waitMs);
    QCOMPARE(screen.figureText(QStringLiteral("usersFigure")), QStringLiteral("7"));
}

void TestOverviewScreen::showsEachFigureAsItsQueryAnswers()
{
    PgDataSource source(m_cluster->connection(m_db));
    QVERIFY(source.answersOverviewInParts());
    source.detectSchema().waitForFinished(); // before "UserRole" is held

    // Another session holds "UserRole": every part but the user count waits.
    const ConnectionSettings settings = m_cluster->connection(m_db);
    const QString name = QStringLiteral("overview-blocker");
    {
        QSqlDatabase blocker = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        blocker.setHostName(settings.host);
        blocker.setPort(settings.port);
        blocker.setUserName(settings.user);
        blocker.setDatabaseName(settings.database);
        QVERIFY2(blocker.open(), qPrintable(blocker.lastError().text()));
        QVERIFY(blocker.transaction());
        QSqlQuery hold(blocker);
        QVERIFY2(hold.exec(QStringLiteral(R"(LOCK TABLE "UserRole" IN ACCESS EXCLUSIVE MODE)")),
                 qPrintable(hold.lastError().text()));

        OverviewScreen screen(&source);
        QAbstractItemModelTester tester(screen.rolesView()->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        screen.show();
        QTRY_COMPARE_WITH_TIMEOUT(screen.figureText(QStringLiteral("usersFigure")),
                                  QStringLiteral("7"), waitMs);
        QVERIFY(screen.isBusy());
        QCOMPARE(screen.figureText(QStringLiteral("withoutRoleFigure")), QStringLiteral("–"));
        QCOMPARE(screen.figureText(QStringLiteral("expiringFigure")), QStringLiteral("–"));
        QVERIFY(screen.chart()->isEmpty());

        QVERIFY(blocker.rollback()); // the other parts answer now
        QTRY_VERIFY_WITH_TIMEOUT(!screen.isBusy(), waitMs);
        QVERIFY2(screen.bannerText().isEmpty(), qPrintable(screen.bannerText()));
        QCOMPARE(screen.figureText(QStringLiteral("withoutRoleFigure")), QStringLiteral("3"));
        QCOMPARE(screen.figureText(QStringLiteral("expiringFigure")), QStringLiteral("1"));
        const QAbstractItemModel *roles = screen.rolesView()->model();
        QCOMPARE(roles->rowCount(), 3);
        QCOMPARE(roles->index(2, 0).data().toString(), QStringLiteral("ADMIN"));
        QCOMPARE(roles->index(2, 1).data().toString(), QStringLiteral("1"));
        QCOMPARE(roles->index(2, 2).data().toString(), QStringLiteral("1"));
        QVERIFY(!screen.chart()->isEmpty());
        // the same figures as the whole overview in one answer (the API's)
        const OverviewFigures whole = source.fetchOverview().result();
        QCOMPARE(screen.figures().users, whole.users);
        QCOMPARE(screen.figures().usersWithoutRole, whole.usersWithoutRole);
        QCOMPARE(screen.figures().grantsExpiringThisWeek, whole.grantsExpiringThisWeek);
        QCOMPARE(screen.figures().activePerRole.size(), whole.activePerRole.size());
        for (int i = 0; i < whole.activePerRole.size(); ++i) {
            QCOMPARE(screen.figures().activePerRole[i].role, whole.activePerRole[i].role);
            QCOMPARE(screen.figures().activePerRole[i].activeGrants,
                     whole.activePerRole[i].activeGrants);
            QCOMPARE(screen.figures().activePerRole[i].activeUsers,
                     whole.activePerRole[i].activeUsers);
        }
        QCOMPARE(screen.figures().months, whole.months);
        QCOMPARE(screen.figures().series, whole.series);
    }
    QSqlDatabase::removeDatabase(name);
}

void TestOverviewScreen::exportsAndCopies()
{
    PgDataSource source(m_cluster->connection(m_db));
    OverviewScreen screen(&source);
    QTRY_VERIFY_WITH_TIMEOUT(!screen.isBusy(), waitMs);
    QTemporaryDir dir;
    QString error;
    const QString path = dir.filePath(QStringLiteral("overview.csv"));
    QVERIFY2(screen.exportCsv(path, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString csv = QString::fromUtf8(file.readAll());
    QVERIFY(csv.contains(QLatin1String("\"Users\",\"7\"\r\n")));
    QVERIFY(csv.contains(QLatin1String("\"Users without a role\",\"3\"\r\n")));
    QVERIFY(csv.contains(QLatin1String("\"ADMIN\",\"1\",\"1\"\r\n")));
    QVERIFY(csv.contains(QLatin1String("\"Month\",\"LEARNER\",\"MENTOR\",\"ADMIN\"\r\n")));

    screen.rolesView()->selectRow(2);
    const QString copied = screen.copySelectedRows();
    QCOMPARE(copied, QStringLiteral("Role\tActive grants\tUsers\nADMIN\t1\t1\n"));
}

void TestOverviewScreen::sehatScanShowsUsersOnly()
{
    QString error;
    const QString db = m_cluster->createDatabase(Fixture::SehatScan, &error);
    QVERIFY2(!db.isEmpty(), qPrintable(error));
    QVERIFY2(testing::seedSehatScanUsers(*m_cluster, db, 25, &error), qPrintable(error));
    PgDataSource source(m_cluster->connection(db));
    OverviewScreen screen(&source);
    QTRY_VERIFY_WITH_TIMEOUT(!screen.isBusy(), waitMs);
    QCOMPARE(screen.figureText(QStringLiteral("usersFigure")), QStringLiteral("25"));
    QCOMPARE(screen.figureText(QStringLiteral("withoutRoleFigure")), QStringLiteral("–"));
    QVERIFY2(screen.bannerText().contains(QLatin1String("not available for this schema")),
             qPrintable(screen.bannerText()));
    QVERIFY(screen.chart()->isEmpty());
}

void TestOverviewScreen::noDataSource()
{
    OverviewScreen screen(nullptr);
    QCOMPARE(screen.bannerText(), QStringLiteral("No database is open."));
    QVERIFY(!screen.isBusy());
    QCOMPARE(screen.figureText(QStringLiteral("usersFigure")), QStringLiteral("–"));
    const QList<QWidget *> widgets = screen.findChildren<QWidget *>();
    for (QWidget *w : widgets) {
        if (w->focusPolicy() != Qt::NoFocus && qobject_cast<QAbstractButton *>(w))
            QVERIFY2(!w->accessibleName().isEmpty(), qPrintable(w->objectName()));
    }
}

void TestOverviewScreen::chartPaintsWithoutData()
{
    GrantsChart chart;
    chart.resize(400, 200);
    QVERIFY(chart.isEmpty());
    QCOMPARE(chart.summary(), QStringLiteral("No data."));
    QVERIFY(paintedPixels(chart, 1.0) > 0); // says "no grants to chart yet"
    // tiny, and months without series: no crash, no division by zero
    chart.resize(10, 10);
    paintedPixels(chart, 2.0);
    chart.setData({QDate(2026, 1, 1)}, {});
    QVERIFY(chart.isEmpty());
    chart.resize(300, 150);
    chart.setData({QDate(2026, 1, 1)}, {{QStringLiteral("ADMIN"), {0}}});
    QVERIFY(paintedPixels(chart, 1.0) > 0);
}

void TestOverviewScreen::chartPaintsSeriesAtHighDpiAndInTheDark()
{
    GrantsChart chart;
    chart.resize(600, 260);
    QList<QDate> months;
    for (int i = 0; i < 12; ++i)
        months << QDate(2025, 12, 1).addMonths(i);
    GrantsChart::Series series{{QStringLiteral("LEARNER"), {}}, {QStringLiteral("ADMIN"), {}}};
    for (int i = 0; i < 12; ++i) {
        series[0].second << 100 + i * 37;
        series[1].second << i % 3;
    }
    chart.setData(months, series);
    const int light = paintedPixels(chart, 1.0);
    QVERIFY(light > 500);
    QVERIFY(paintedPixels(chart, 2.0) > light); // four times the pixels at 2x
    QPalette dark = chart.palette();
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    dark.setColor(QPalette::Text, QColor(0xe8, 0xe8, 0xe8));
    chart.setPalette(dark);
    QVERIFY(paintedPixels(chart, 1.5) > 500);
    // the series colours differ from each other and from both backgrounds
    QVERIFY(GrantsChart::seriesColor(0) != GrantsChart::seriesColor(1));
    QVERIFY(GrantsChart::seriesColor(0) != QColor(Qt::white));
}

QTEST_MAIN(TestOverviewScreen)
#include "tst_overviewscreen.moc"
