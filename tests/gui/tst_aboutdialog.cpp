// Help → About Rolecall: what the build is and where the program keeps what
// it keeps.
#include "buildinfo/buildinfo.h"
#include "dialogs/aboutdialog.h"
#include "icons/appicon.h"
#include "mainwindow.h"
#include "services/profilestore.h"

#include <QApplication>
#include <QClipboard>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>

using namespace rolecall;

class TestAboutDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void namesTheVersionTheLibrariesAndTheLicence();
    void namesWhereSettingsAndSecretsAreKept();
    void copiesTheDetails();
    void opensFromTheHelpMenu();
    void applicationIconHasEveryRenderedSize();
};

void TestAboutDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // settings paths under the test folders
    QApplication::setOrganizationName(QStringLiteral("Rolecall"));
    QApplication::setApplicationName(QStringLiteral("rolecall"));
}

void TestAboutDialog::namesTheVersionTheLibrariesAndTheLicence()
{
    AboutDialog dialog;
    const QString details = dialog.detailsText();
    QVERIFY(
        details.startsWith(QStringLiteral("Rolecall ") + buildinfo::version() + QLatin1Char('\n')));
    const QStringList rows = {QStringLiteral("Version: ") + buildinfo::version(),
                              QStringLiteral("Build: commit ") + buildinfo::commit(),
                              QStringLiteral("Qt: ") + QString::fromLatin1(qVersion()),
                              QStringLiteral("OpenSSL: ") + buildinfo::openSslVersion(),
                              QStringLiteral("QtKeychain: ") + buildinfo::keychainVersion(),
                              QStringLiteral("Licence: Not yet chosen")};
    for (const QString &expected : rows)
        QVERIFY2(details.contains(expected),
                 qPrintable(expected + QStringLiteral(" in\n") + details));
}

void TestAboutDialog::namesWhereSettingsAndSecretsAreKept()
{
    AboutDialog dialog;
    const QString details = dialog.detailsText();
    QVERIFY2(details.contains(QStringLiteral("Profiles: ") + openAppSettings()->fileName()),
             qPrintable(details));
    QVERIFY2(details.contains(QStringLiteral("Window layout: ") + QSettings().fileName()),
             qPrintable(details));
    QVERIFY(details.contains(QStringLiteral("Keychain: service \"rolecall\"")));
    QVERIFY(details.contains(QStringLiteral("Messages: standard error")));
}

void TestAboutDialog::copiesTheDetails()
{
    AboutDialog dialog;
    auto *copy = dialog.findChild<QPushButton *>(QStringLiteral("copyDetails"));
    QVERIFY(copy);
    copy->click();
    QCOMPARE(QApplication::clipboard()->text(), dialog.detailsText());
}

void TestAboutDialog::opensFromTheHelpMenu()
{
    MainWindow window({});
    QAction *about = nullptr;
    const QList<QAction *> menus = window.menuBar()->actions();
    for (QAction *menu : menus) {
        if (!menu->menu())
            continue;
        const QList<QAction *> items = menu->menu()->actions();
        for (QAction *item : items) {
            if (item->menuRole() == QAction::AboutRole)
                about = item;
        }
    }
    QVERIFY(about);
    QCOMPARE(about->text(), QStringLiteral("&About Rolecall"));
    about->trigger();
    auto *dialog = window.findChild<AboutDialog *>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    dialog->close();
    QTRY_VERIFY(!window.findChild<AboutDialog *>()); // deletes itself when closed
}

void TestAboutDialog::applicationIconHasEveryRenderedSize()
{
    const QList<QSize> sizes = icons::applicationIcon().availableSizes();
    for (const int side : {16, 22, 24, 32, 48, 64, 128, 256, 512})
        QVERIFY2(sizes.contains(QSize(side, side)), qPrintable(QString::number(side)));
}

QTEST_MAIN(TestAboutDialog)
#include "tst_aboutdialog.moc"
