// The profile chooser: lists profiles with the default marked, explains the
// empty state, sets the default, removes only after confirmation, opens one.
#include "dialogs/profileeditor.h"
#include "dialogs/profilesdialog.h"
#include "services/profilestore.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace rolecall;

namespace {

Profile sampleProfile(const QString &name)
{
    Profile p;
    p.name = name;
    p.issuer = QStringLiteral("https://%1.clerk.accounts.dev").arg(name);
    p.clientId = QStringLiteral("client-123");
    return p;
}

QPushButton *button(const QDialog &dialog, const QString &accessibleName)
{
    const QList<QPushButton *> buttons = dialog.findChildren<QPushButton *>();
    for (QPushButton *b : buttons) {
        if (b->accessibleName() == accessibleName)
            return b;
    }
    return nullptr;
}

} // namespace

class TestProfilesDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void listsProfilesAndTheDefault();
    void explainsTheEmptyState();
    void setsTheDefault();
    void removesOnlyWhenConfirmed();
    void asksWithoutANestedEventLoop();
    void opensTheSelectedProfile();
    void addOpensTheEditor();

private:
    void addProfiles(const QStringList &names);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<ProfileStore> m_store;
};

void TestProfilesDialog::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_settings = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("rolecall.ini")),
                                             QSettings::IniFormat);
    m_store = std::make_unique<ProfileStore>(*m_settings);
}

void TestProfilesDialog::cleanup()
{
    m_store.reset();
    m_settings.reset();
    m_dir.reset();
}

void TestProfilesDialog::addProfiles(const QStringList &names)
{
    for (const QString &name : names) {
        QString error;
        QVERIFY2(m_store->add(sampleProfile(name), &error), qPrintable(error));
    }
}

void TestProfilesDialog::listsProfilesAndTheDefault()
{
    addProfiles({QStringLiteral("staging"), QStringLiteral("prod")});
    ProfilesDialog dialog(*m_store);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QListWidget *list = dialog.list();
    QVERIFY(list->isVisible());
    QCOMPARE(list->count(), 2);
    // sorted by name; the first added became the default
    QVERIFY(list->item(0)->text().startsWith(QLatin1String("prod\n")));
    QVERIFY(list->item(0)->text().contains(QLatin1String("https://prod.clerk.accounts.dev")));
    QVERIFY(!list->item(0)->text().contains(QLatin1String("(default)")));
    QVERIFY(list->item(1)->text().startsWith(QLatin1String("staging (default)")));
    QCOMPARE(dialog.currentProfile(), QStringLiteral("staging"));
    QVERIFY(!dialog.findChild<QLabel *>(QStringLiteral("emptyLabel"))->isVisible());
}

void TestProfilesDialog::explainsTheEmptyState()
{
    ProfilesDialog dialog(*m_store);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    auto *empty = dialog.findChild<QLabel *>(QStringLiteral("emptyLabel"));
    QVERIFY(empty->isVisible());
    QVERIFY(empty->text().startsWith(QLatin1String("No profiles yet.")));
    QVERIFY(!dialog.list()->isVisible());
    QPushButton *add = button(dialog, QStringLiteral("Add profile"));
    QVERIFY(add);
    QTRY_VERIFY(add->hasFocus());
    QVERIFY(!button(dialog, QStringLiteral("Open profile"))->isEnabled());
    QVERIFY(!button(dialog, QStringLiteral("Remove profile"))->isEnabled());
}

void TestProfilesDialog::setsTheDefault()
{
    addProfiles({QStringLiteral("alpha"), QStringLiteral("beta")});
    ProfilesDialog dialog(*m_store);
    dialog.show();
    QPushButton *makeDefault = button(dialog, QStringLiteral("Set as default profile"));
    QCOMPARE(dialog.currentProfile(), QStringLiteral("alpha"));
    QVERIFY(!makeDefault->isEnabled()); // already the default
    dialog.setCurrentProfile(QStringLiteral("beta"));
    QVERIFY(makeDefault->isEnabled());
    QTest::mouseClick(makeDefault, Qt::LeftButton);
    QCOMPARE(m_store->defaultProfile(), QStringLiteral("beta"));
    QVERIFY(dialog.list()->item(1)->text().startsWith(QLatin1String("beta (default)")));
    QVERIFY(!dialog.list()->item(0)->text().contains(QLatin1String("(default)")));
    QCOMPARE(dialog.currentProfile(), QStringLiteral("beta"));
}

void TestProfilesDialog::removesOnlyWhenConfirmed()
{
    addProfiles({QStringLiteral("alpha"), QStringLiteral("beta")});
    ProfilesDialog dialog(*m_store);
    QStringList questions;
    bool answer = false;
    dialog.setConfirmation([&](const QString &question, const ProfilesDialog::Answer &reply) {
        questions.append(question);
        reply(answer);
    });
    QSignalSpy removed(&dialog, &ProfilesDialog::profileRemoved);
    dialog.show();
    dialog.setCurrentProfile(QStringLiteral("beta"));
    QPushButton *remove = button(dialog, QStringLiteral("Remove profile"));

    QTest::mouseClick(remove, Qt::LeftButton);
    QCOMPARE(questions.size(), 1);
    QVERIFY(questions.first().contains(QLatin1String("beta")));
    QVERIFY(questions.first().contains(QLatin1String("keychain")));
    QCOMPARE(m_store->profiles().size(), 2);
    QCOMPARE(removed.count(), 0);

    answer = true;
    QTest::mouseClick(remove, Qt::LeftButton);
    QCOMPARE(questions.size(), 2);
    QVERIFY(!m_store->contains(QStringLiteral("beta")));
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.first().first().toString(), QStringLiteral("beta"));
    QCOMPARE(dialog.list()->count(), 1);

    // removing the last one leaves the empty state
    QTest::mouseClick(remove, Qt::LeftButton);
    QCOMPARE(removed.count(), 2);
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("emptyLabel"))->isVisible());
}

void TestProfilesDialog::asksWithoutANestedEventLoop()
{
    addProfiles({QStringLiteral("alpha"), QStringLiteral("beta")});
    ProfilesDialog dialog(*m_store);
    QSignalSpy removed(&dialog, &ProfilesDialog::profileRemoved);
    dialog.show();
    dialog.setCurrentProfile(QStringLiteral("beta"));
    // The click returns with the question open (window-modal), nothing removed yet.
    QTest::mouseClick(button(dialog, QStringLiteral("Remove profile")), Qt::LeftButton);
    auto *box = dialog.findChild<QMessageBox *>();
    QVERIFY(box);
    QVERIFY(box->isVisible());
    QVERIFY(box->text().contains(QLatin1String("beta")));
    QCOMPARE(removed.count(), 0);
    box->button(QMessageBox::No)->click();
    QTRY_VERIFY(!dialog.findChild<QMessageBox *>());
    QVERIFY(m_store->contains(QStringLiteral("beta")));

    QTest::mouseClick(button(dialog, QStringLiteral("Remove profile")), Qt::LeftButton);
    box = dialog.findChild<QMessageBox *>();
    QVERIFY(box);
    box->button(QMessageBox::Yes)->click();
    QCOMPARE(removed.count(), 1);
    QVERIFY(!m_store->contains(QStringLiteral("beta")));
}

void TestProfilesDialog::opensTheSelectedProfile()
{
    addProfiles({QStringLiteral("alpha"), QStringLiteral("beta")});
    {
        ProfilesDialog dialog(*m_store);
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        dialog.setCurrentProfile(QStringLiteral("beta"));
        QTest::keyClick(dialog.list(), Qt::Key_Return);
        QCOMPARE(accepted.count(), 1);
        QCOMPARE(dialog.selectedProfile(), QStringLiteral("beta"));
    }
    {
        ProfilesDialog dialog(*m_store);
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        dialog.show();
        QTest::mouseClick(button(dialog, QStringLiteral("Open profile")), Qt::LeftButton);
        QCOMPARE(accepted.count(), 1);
        QCOMPARE(dialog.selectedProfile(), QStringLiteral("alpha"));
    }
}

void TestProfilesDialog::addOpensTheEditor()
{
    ProfilesDialog dialog(*m_store);
    dialog.show();
    QTest::mouseClick(button(dialog, QStringLiteral("Add profile")), Qt::LeftButton);
    ProfileEditor *editor = nullptr;
    QTRY_VERIFY((editor = dialog.findChild<ProfileEditor *>()) && editor->isVisible());
    editor->findChild<QLineEdit *>(QStringLiteral("nameField"))->setText(QStringLiteral("dev"));
    editor->findChild<QLineEdit *>(QStringLiteral("issuerField"))
        ->setText(QStringLiteral("http://127.0.0.1:9000"));
    editor->findChild<QLineEdit *>(QStringLiteral("clientIdField"))->setText(QStringLiteral("x"));
    editor->accept();
    QTRY_COMPARE(dialog.list()->count(), 1);
    QCOMPARE(dialog.currentProfile(), QStringLiteral("dev"));
    QVERIFY(dialog.list()->isVisible());
}

QTEST_MAIN(TestProfilesDialog)
#include "tst_profilesdialog.moc"
