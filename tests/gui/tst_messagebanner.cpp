// The message banner every screen and the main window show: hidden while
// empty, its kind drawn from the palette (no style sheet, no fixed colour),
// and an optional button that emits actionTriggered().
#include "widgets/messagebanner.h"

#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QVBoxLayout>

using namespace rolecall;

class TestMessageBanner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void isHiddenWhileEmpty();
    void takesItsColoursFromThePalette_data();
    void takesItsColoursFromThePalette();
    void followsAnotherPalette();
    void offersOneActionButton();
    void retriesByItselfWithBackoff();
    void startsOverOnceRecovered();
    void retriesOnlyErrorsThatOfferAnAction();
    void savesScreenshots();
};

void TestMessageBanner::retriesByItselfWithBackoff()
{
    QWidget window;
    auto *banner = new MessageBanner(&window);
    banner->setAutoRetry(true);
    banner->setRetryDelays(50, 400, 60000);
    window.show();
    QSignalSpy retried(banner, &MessageBanner::actionTriggered);
    const QString outage = QStringLiteral("Cannot reach the database.");
    banner->showMessage(outage, MessageBanner::Kind::Error, QStringLiteral("Retry"));
    QVERIFY(banner->isRetryScheduled());
    QVERIFY2(banner->retryNote().startsWith(QLatin1String("Retrying in")),
             qPrintable(banner->retryNote()));
    QTRY_COMPARE(retried.size(), 1);
    QCOMPARE(banner->nextRetryDelay(), 100); // doubled for the next failure
    // The retry failed: the same error again, a longer wait, and so on up to the longest.
    banner->showMessage(outage, MessageBanner::Kind::Error, QStringLiteral("Retry"));
    // The same outage reported twice does not start a second countdown.
    banner->showMessage(outage, MessageBanner::Kind::Error, QStringLiteral("Retry"));
    QTRY_COMPARE(retried.size(), 2);
    QCOMPARE(banner->nextRetryDelay(), 200);
    banner->showMessage(outage, MessageBanner::Kind::Error, QStringLiteral("Retry"));
    QTRY_COMPARE(retried.size(), 3);
    QCOMPARE(banner->nextRetryDelay(), 400);
    banner->showMessage(outage, MessageBanner::Kind::Error, QStringLiteral("Retry"));
    QTRY_COMPARE(retried.size(), 4);
    QCOMPARE(banner->nextRetryDelay(), 400); // the longest wait, not more
    // Clicking Retry now stops the countdown: the click is the retry.
    banner->showMessage(outage, MessageBanner::Kind::Error, QStringLiteral("Retry"));
    QTest::mouseClick(banner->actionButton(), Qt::LeftButton);
    QCOMPARE(retried.size(), 5);
    QVERIFY(!banner->isRetryScheduled());
    QVERIFY(banner->retryNote().isEmpty());
}

void TestMessageBanner::startsOverOnceRecovered()
{
    QWidget window;
    auto *banner = new MessageBanner(&window);
    banner->setAutoRetry(true);
    banner->setRetryDelays(50, 400, 100);
    window.show();
    QSignalSpy retried(banner, &MessageBanner::actionTriggered);
    const QString outage = QStringLiteral("Cannot reach the database.");
    banner->showMessage(outage, MessageBanner::Kind::Error, QStringLiteral("Retry"));
    QTRY_COMPARE(retried.size(), 1);
    // The retry worked: the banner goes away and stays away.
    banner->hide();
    QVERIFY(!banner->isRetryScheduled());
    QTest::qWait(150); // longer than the settle time given above
    banner->showMessage(outage, MessageBanner::Kind::Error, QStringLiteral("Retry"));
    QCOMPARE(banner->nextRetryDelay(), 50); // a new outage starts from the shortest wait
    // Hidden only briefly (a retry that cleared the banner first): the backoff holds.
    QTRY_COMPARE(retried.size(), 2);
    banner->clear();
    banner->showMessage(outage, MessageBanner::Kind::Error, QStringLiteral("Retry"));
    QCOMPARE(banner->nextRetryDelay(), 100);
}

void TestMessageBanner::retriesOnlyErrorsThatOfferAnAction()
{
    QWidget window;
    auto *banner = new MessageBanner(&window);
    banner->setRetryDelays(50, 400, 1000);
    window.show();
    banner->showMessage(QStringLiteral("x"), MessageBanner::Kind::Error, QStringLiteral("Retry"));
    QVERIFY(!banner->isRetryScheduled()); // auto-retry is off by default
    banner->setAutoRetry(true);
    banner->showMessage(QStringLiteral("x"), MessageBanner::Kind::Error);
    QVERIFY(!banner->isRetryScheduled());
    banner->showMessage(QStringLiteral("x"), MessageBanner::Kind::Warning, QStringLiteral("Go"));
    QVERIFY(!banner->isRetryScheduled());
    banner->showMessage(QStringLiteral("x"), MessageBanner::Kind::Error, QStringLiteral("Retry"));
    QVERIFY(banner->isRetryScheduled());
    banner->setAutoRetry(false);
    QVERIFY(!banner->isRetryScheduled());
}

void TestMessageBanner::isHiddenWhileEmpty()
{
    QWidget window;
    auto *banner = new MessageBanner(&window);
    window.show();
    QVERIFY(banner->isHidden());
    QVERIFY(banner->text().isEmpty());
    banner->showMessage(QStringLiteral("No database is open."));
    QVERIFY(banner->isVisible());
    QCOMPARE(banner->text(), QStringLiteral("No database is open."));
    banner->clear();
    QVERIFY(banner->isHidden());
    QVERIFY(banner->text().isEmpty());
}

void TestMessageBanner::takesItsColoursFromThePalette_data()
{
    QTest::addColumn<MessageBanner::Kind>("kind");
    QTest::addColumn<QPalette::ColorRole>("background");
    QTest::addColumn<QPalette::ColorRole>("foreground");
    QTest::newRow("information") << MessageBanner::Kind::Information << QPalette::Window
                                 << QPalette::WindowText;
    QTest::newRow("warning") << MessageBanner::Kind::Warning << QPalette::ToolTipBase
                             << QPalette::ToolTipText;
    QTest::newRow("error") << MessageBanner::Kind::Error << QPalette::ToolTipBase
                           << QPalette::ToolTipText;
}

void TestMessageBanner::takesItsColoursFromThePalette()
{
    QFETCH(MessageBanner::Kind, kind);
    QFETCH(QPalette::ColorRole, background);
    QFETCH(QPalette::ColorRole, foreground);
    MessageBanner banner;
    banner.showMessage(QStringLiteral("Something to say"), kind);
    QCOMPARE(banner.kind(), kind);
    QCOMPARE(banner.backgroundRole(), background);
    QVERIFY(banner.autoFillBackground());
    auto *text = banner.findChild<QLabel *>(QStringLiteral("bannerText"));
    QVERIFY(text);
    QCOMPARE(text->foregroundRole(), foreground);
    QVERIFY(banner.styleSheet().isEmpty());
    QVERIFY(text->styleSheet().isEmpty());
    // The style's icon for the kind says it without colour.
    auto *icon = banner.findChild<QLabel *>(QStringLiteral("bannerIcon"));
    QVERIFY(icon);
    QVERIFY(!icon->pixmap().isNull());
    QVERIFY(!icon->accessibleName().isEmpty());
}

void TestMessageBanner::followsAnotherPalette()
{
    MessageBanner banner;
    banner.showMessage(QStringLiteral("Careful"), MessageBanner::Kind::Warning);
    QPalette dark = banner.palette();
    dark.setColor(QPalette::ToolTipBase, QColor(0x30, 0x30, 0x20));
    dark.setColor(QPalette::ToolTipText, QColor(0xf0, 0xf0, 0xe0));
    banner.setPalette(dark);
    banner.resize(300, 60);
    const QImage image = banner.grab().toImage();
    // Away from the frame and the text: the palette's tooltip base.
    QCOMPARE(image.pixelColor(image.width() - 4, image.height() / 2).rgb(),
             dark.color(QPalette::ToolTipBase).rgb());
}

void TestMessageBanner::offersOneActionButton()
{
    QWidget window;
    auto *banner = new MessageBanner(&window);
    window.show();
    QSignalSpy triggered(banner, &MessageBanner::actionTriggered);
    QVERIFY(!banner->actionButton()->accessibleName().isEmpty()); // even before it is used
    banner->showMessage(QStringLiteral("Cannot connect"), MessageBanner::Kind::Error,
                        QStringLiteral("Retry"));
    QVERIFY(banner->actionButton()->isVisible());
    QCOMPARE(banner->actionButton()->text(), QStringLiteral("Retry"));
    QCOMPARE(banner->actionButton()->accessibleName(), QStringLiteral("Retry"));
    QTest::mouseClick(banner->actionButton(), Qt::LeftButton);
    QCOMPARE(triggered.size(), 1);
    banner->showMessage(QStringLiteral("No grant matches these filters."));
    QVERIFY(banner->actionButton()->isHidden());
}

// Not a check: with ROLECALL_SCREENSHOTS_DIR set (and a real display, e.g.
// under xvfb-run), saves the three kinds one above the other, for people to look at.
void TestMessageBanner::savesScreenshots()
{
    const QString dir = qEnvironmentVariable("ROLECALL_SCREENSHOTS_DIR");
    if (dir.isEmpty())
        QSKIP("ROLECALL_SCREENSHOTS_DIR is not set");
    QWidget window;
    auto *layout = new QVBoxLayout(&window);
    auto *information = new MessageBanner(&window);
    information->showMessage(QStringLiteral("No grant matches these filters."));
    auto *warning = new MessageBanner(&window);
    warning->showMessage(QStringLiteral("Read-only: changing users needs a signed-in active "
                                        "ADMIN of this database."),
                         MessageBanner::Kind::Warning);
    auto *error = new MessageBanner(&window);
    error->showMessage(QStringLiteral("Cannot connect to the database: connection refused."),
                       MessageBanner::Kind::Error, QStringLiteral("Retry"));
    for (MessageBanner *banner : {information, warning, error})
        layout->addWidget(banner);
    window.resize(900, 160);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.grab().save(dir + QStringLiteral("/banners.png")));
}

QTEST_MAIN(TestMessageBanner)
#include "tst_messagebanner.moc"
