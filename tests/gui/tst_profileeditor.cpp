// The profile editor: problems show inline and keep the dialog open with the
// input intact; valid input is saved to the store.
#include "dialogs/profileeditor.h"
#include "services/profilestore.h"
#include "services/secretstore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
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
    p.issuer = QStringLiteral("https://example.clerk.accounts.dev");
    p.clientId = QStringLiteral("client-123");
    p.databaseUrl = QStringLiteral("postgresql://admin@db.example.com:5432/app?sslmode=require");
    return p;
}

QLineEdit *field(const QDialog &dialog, const char *name)
{
    return dialog.findChild<QLineEdit *>(QLatin1String(name));
}

void clickOk(const QDialog &dialog)
{
    auto *buttons = dialog.findChild<QDialogButtonBox *>();
    QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
}

void fill(const QDialog &dialog, const Profile &p)
{
    field(dialog, "nameField")->setText(p.name);
    field(dialog, "issuerField")->setText(p.issuer);
    field(dialog, "clientIdField")->setText(p.clientId);
    field(dialog, "databaseField")->setText(p.databaseUrl);
}

} // namespace

class TestProfileEditor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void rejectsInvalidInputInline_data();
    void rejectsInvalidInputInline();
    void addsAValidProfile();
    void defaultsScopes();
    void editsKeepTheName();
    void defaultCheckboxMovesTheDefault();
    void takesTheClerkApiUrlAndSecretKey();
    void offersTheDatabaseOrTheBackendApi();
    void saysWhichSecretsAChangeDeletesBeforeSaving_data();
    void saysWhichSecretsAChangeDeletesBeforeSaving();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<ProfileStore> m_store;
};

void TestProfileEditor::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_settings = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("rolecall.ini")),
                                             QSettings::IniFormat);
    m_store = std::make_unique<ProfileStore>(*m_settings);
}

void TestProfileEditor::cleanup()
{
    m_store.reset();
    m_settings.reset();
    m_dir.reset();
}

void TestProfileEditor::rejectsInvalidInputInline_data()
{
    QTest::addColumn<QString>("issuer");
    QTest::addColumn<QString>("clientId");
    QTest::addColumn<QString>("databaseUrl");
    QTest::addColumn<QString>("expected");

    const Profile ok = sampleProfile(QStringLiteral("prod"));
    QTest::newRow("http issuer") << QStringLiteral("http://example.com") << ok.clientId
                                 << ok.databaseUrl << QStringLiteral("https://");
    QTest::newRow("no client id") << ok.issuer << QString() << ok.databaseUrl
                                  << QStringLiteral("client ID is missing");
    QTest::newRow("password in database url")
        << ok.issuer << ok.clientId
        << QStringLiteral("postgresql://admin:hunter2@db.example.com/app")
        << QStringLiteral("password");
}

void TestProfileEditor::rejectsInvalidInputInline()
{
    QFETCH(QString, issuer);
    QFETCH(QString, clientId);
    QFETCH(QString, databaseUrl);
    QFETCH(QString, expected);

    ProfileEditor editor(*m_store, std::nullopt, nullptr);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    Profile p = sampleProfile(QStringLiteral("prod"));
    p.issuer = issuer;
    p.clientId = clientId;
    p.databaseUrl = databaseUrl;
    fill(editor, p);
    clickOk(editor);

    QVERIFY(editor.isVisible());
    QCOMPARE(editor.result(), int(QDialog::Rejected));
    QVERIFY2(editor.errorText().contains(expected, Qt::CaseInsensitive),
             qPrintable(editor.errorText()));
    auto *error = editor.findChild<QLabel *>(QStringLiteral("errorLabel"));
    QVERIFY(error->isVisible());
    QVERIFY(error->wordWrap());
    QVERIFY(!error->accessibleName().isEmpty());
    QVERIFY(m_store->profiles().isEmpty());
    // what was typed is still there
    QCOMPARE(field(editor, "nameField")->text(), p.name);
    QCOMPARE(field(editor, "issuerField")->text(), issuer);
    QCOMPARE(field(editor, "clientIdField")->text(), clientId);
    QCOMPARE(field(editor, "databaseField")->text(), databaseUrl);
}

void TestProfileEditor::addsAValidProfile()
{
    ProfileEditor editor(*m_store, std::nullopt, nullptr);
    editor.show();
    const Profile p = sampleProfile(QStringLiteral("prod"));
    fill(editor, p);
    QSignalSpy accepted(&editor, &QDialog::accepted);
    clickOk(editor);
    QCOMPARE(accepted.count(), 1);
    QVERIFY(!editor.isVisible());
    QCOMPARE(editor.profile(), p);
    QCOMPARE(m_store->profile(QStringLiteral("prod")), std::optional<Profile>(p));
    QCOMPARE(m_store->defaultProfile(), QStringLiteral("prod"));

    // a second profile of the same name is refused inline
    ProfileEditor again(*m_store, std::nullopt, nullptr);
    again.show();
    fill(again, sampleProfile(QStringLiteral("PROD")));
    clickOk(again);
    QVERIFY(again.isVisible());
    QVERIFY(!again.errorText().isEmpty());
    QCOMPARE(m_store->profiles().size(), 1);
}

void TestProfileEditor::defaultsScopes()
{
    ProfileEditor editor(*m_store, std::nullopt, nullptr);
    QCOMPARE(field(editor, "scopesField")->text(), Profile::defaultScopes().join(QLatin1Char(' ')));
    QVERIFY(field(editor, "databaseField")
                ->placeholderText()
                .startsWith(QLatin1String("postgresql://")));
}

void TestProfileEditor::editsKeepTheName()
{
    QString error;
    const Profile original = sampleProfile(QStringLiteral("staging"));
    QVERIFY2(m_store->add(original, &error), qPrintable(error));

    ProfileEditor editor(*m_store, original, nullptr);
    editor.show();
    QVERIFY(field(editor, "nameField")->isReadOnly());
    QCOMPARE(field(editor, "issuerField")->text(), original.issuer);
    field(editor, "clientIdField")->setText(QStringLiteral("client-456"));
    field(editor, "scopesField")->setText(QStringLiteral("openid  email"));
    clickOk(editor);
    // A new client ID leaves the stored session behind: said first, OK again saves.
    QVERIFY2(editor.errorText().contains(QLatin1String("session")), qPrintable(editor.errorText()));
    clickOk(editor);
    QVERIFY2(!editor.isVisible(), qPrintable(editor.errorText()));

    const std::optional<Profile> stored = m_store->profile(QStringLiteral("staging"));
    QVERIFY(stored);
    QCOMPARE(stored->clientId, QStringLiteral("client-456"));
    QCOMPARE(stored->scopes, QStringList({QStringLiteral("openid"), QStringLiteral("email")}));
    QCOMPARE(editor.profile(), *stored);
}

void TestProfileEditor::defaultCheckboxMovesTheDefault()
{
    QString error;
    QVERIFY2(m_store->add(sampleProfile(QStringLiteral("alpha")), &error), qPrintable(error));
    QCOMPARE(m_store->defaultProfile(), QStringLiteral("alpha"));

    // unchecked: the default stays
    {
        ProfileEditor editor(*m_store, std::nullopt, nullptr);
        editor.show();
        auto *check = editor.findChild<QCheckBox *>(QStringLiteral("defaultCheck"));
        QVERIFY(check->isEnabled());
        QVERIFY(!check->isChecked());
        fill(editor, sampleProfile(QStringLiteral("beta")));
        clickOk(editor);
        QCOMPARE(m_store->defaultProfile(), QStringLiteral("alpha"));
    }
    // checked: the edited profile becomes the default
    {
        ProfileEditor editor(*m_store, m_store->profile(QStringLiteral("beta")), nullptr);
        editor.show();
        auto *check = editor.findChild<QCheckBox *>(QStringLiteral("defaultCheck"));
        QVERIFY(!check->isChecked());
        check->setChecked(true);
        clickOk(editor);
        QCOMPARE(m_store->defaultProfile(), QStringLiteral("beta"));
    }
    // the default profile's box is checked and cannot be unchecked
    ProfileEditor editor(*m_store, m_store->profile(QStringLiteral("beta")), nullptr);
    auto *check = editor.findChild<QCheckBox *>(QStringLiteral("defaultCheck"));
    QVERIFY(check->isChecked());
    QVERIFY(!check->isEnabled());
    QVERIFY(!check->toolTip().isEmpty());
}

void TestProfileEditor::takesTheClerkApiUrlAndSecretKey()
{
    ProfileEditor editor(*m_store, std::nullopt, nullptr);
    editor.show();
    fill(editor, sampleProfile(QStringLiteral("prod")));
    QLineEdit *key = field(editor, "clerkKeyField");
    QVERIFY(key);
    QCOMPARE(key->echoMode(), QLineEdit::Password);
    QVERIFY(key->toolTip().contains(QLatin1String("Backend API"))); // says what it grants
    QSignalSpy entered(&editor, &ProfileEditor::clerkSecretKeyEntered);

    // A publishable key is refused inline; nothing is saved or handed on.
    key->setText(QStringLiteral("pk_test_abcdefgh"));
    clickOk(editor);
    QVERIFY(editor.isVisible());
    QVERIFY2(editor.errorText().contains(QLatin1String("sk_test_")),
             qPrintable(editor.errorText()));
    QVERIFY(!editor.errorText().contains(QLatin1String("pk_test_abcdefgh")));
    QVERIFY(m_store->profiles().isEmpty());
    QCOMPARE(entered.count(), 0);
    QCOMPARE(key->text(), QStringLiteral("pk_test_abcdefgh")); // kept for correction

    field(editor, "clerkApiField")->setText(QStringLiteral("http://127.0.0.1:8099/v1"));
    key->setText(QStringLiteral("sk_test_0123456789"));
    clickOk(editor);
    QVERIFY2(!editor.isVisible(), qPrintable(editor.errorText()));
    QCOMPARE(entered.count(), 1);
    QCOMPARE(entered.at(0).at(0).toString(), QStringLiteral("prod"));
    QCOMPARE(entered.at(0).at(1).toByteArray(), QByteArray("sk_test_0123456789"));
    QVERIFY(key->text().isEmpty());
    const std::optional<Profile> stored = m_store->profile(QStringLiteral("prod"));
    QVERIFY(stored);
    QCOMPARE(stored->clerkApiUrl, QStringLiteral("http://127.0.0.1:8099/v1"));
    // The key is in no setting.
    m_settings->sync();
    QFile ini(m_settings->fileName());
    QVERIFY(ini.open(QIODevice::ReadOnly));
    QVERIFY(!ini.readAll().contains("sk_test_0123456789"));

    // Editing without typing a key keeps the stored one (nothing handed on).
    ProfileEditor edit(*m_store, stored, nullptr);
    edit.show();
    QVERIFY(field(edit, "clerkKeyField")->placeholderText().contains(QLatin1String("unchanged")));
    QSignalSpy again(&edit, &ProfileEditor::clerkSecretKeyEntered);
    clickOk(edit);
    QVERIFY2(!edit.isVisible(), qPrintable(edit.errorText()));
    QCOMPARE(again.count(), 0);
}

void TestProfileEditor::saysWhichSecretsAChangeDeletesBeforeSaving_data()
{
    QTest::addColumn<QByteArray>("fieldName");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QStringList>("kinds");
    QTest::newRow("issuer") << QByteArray("issuerField") << "https://other.clerk.accounts.dev"
                            << QStringList{SecretStore::sessionKind()};
    QTest::newRow("client id") << QByteArray("clientIdField") << "client-456"
                               << QStringList{SecretStore::sessionKind()};
    QTest::newRow("clerk api url") << QByteArray("clerkApiField") << "https://proxy.example.com/v1"
                                   << QStringList{SecretStore::clerkSecretKeyKind()};
    QTest::newRow("database only")
        << QByteArray("databaseField") << "postgresql://admin@db.example.com:5432/other"
        << QStringList();
}

void TestProfileEditor::saysWhichSecretsAChangeDeletesBeforeSaving()
{
    QFETCH(QByteArray, fieldName);
    QFETCH(QString, value);
    QFETCH(QStringList, kinds);
    QString error;
    QVERIFY(m_store->add(sampleProfile(QStringLiteral("prod")), &error));
    ProfileEditor editor(*m_store, m_store->profile(QStringLiteral("prod")), nullptr);
    editor.show();
    QSignalSpy invalidated(&editor, &ProfileEditor::secretsInvalidated);
    field(editor, fieldName.constData())->setText(value);
    clickOk(editor);
    if (kinds.isEmpty()) {
        QVERIFY2(!editor.isVisible(), qPrintable(editor.errorText()));
        QCOMPARE(invalidated.count(), 0);
        return;
    }
    // Said first; nothing saved, nothing deleted yet.
    QVERIFY(editor.isVisible());
    QVERIFY2(editor.errorText().contains(QLatin1String("deleted")) &&
                 editor.errorText().contains(QLatin1String("OK again")),
             qPrintable(editor.errorText()));
    QCOMPARE(invalidated.count(), 0);
    QCOMPARE(m_store->profile(QStringLiteral("prod")), sampleProfile(QStringLiteral("prod")));
    // OK again: saved, and the console is told which secrets to delete.
    clickOk(editor);
    QVERIFY2(!editor.isVisible(), qPrintable(editor.errorText()));
    QCOMPARE(invalidated.count(), 1);
    QCOMPARE(invalidated.first().at(0).toString(), QStringLiteral("prod"));
    QCOMPARE(invalidated.first().at(1).toStringList(), kinds);
}

void TestProfileEditor::offersTheDatabaseOrTheBackendApi()
{
    ProfileEditor editor(*m_store, std::nullopt, nullptr);
    editor.show();
    fill(editor, sampleProfile(QStringLiteral("api")));
    auto *source = editor.findChild<QComboBox *>(QStringLiteral("sourceCombo"));
    QVERIFY(source);
    QCOMPARE(source->currentText(), QStringLiteral("Database"));
    QVERIFY(field(editor, "databaseField")->isVisible());
    QVERIFY(!field(editor, "apiField")->isVisible());

    source->setCurrentIndex(1); // Backend API
    QVERIFY(!field(editor, "databaseField")->isVisible());
    QVERIFY(field(editor, "apiField")->isVisible());
    // Plain http:// to another machine would carry the token in the clear.
    field(editor, "apiField")->setText(QStringLiteral("http://admin.example.com/api"));
    clickOk(editor);
    QVERIFY(editor.isVisible());
    QVERIFY2(editor.errorText().contains(QLatin1String("https://")),
             qPrintable(editor.errorText()));

    field(editor, "apiField")->setText(QStringLiteral("https://admin.example.com/api/rolecall/v1"));
    clickOk(editor);
    QVERIFY(!editor.isVisible());
    const std::optional<Profile> saved = m_store->profile(QStringLiteral("api"));
    QVERIFY(saved);
    QCOMPARE(saved->apiBaseUrl, QStringLiteral("https://admin.example.com/api/rolecall/v1"));
    QVERIFY(saved->databaseUrl.isEmpty()); // one data source per profile

    ProfileEditor editing(*m_store, saved, nullptr);
    QCOMPARE(editing.findChild<QComboBox *>(QStringLiteral("sourceCombo"))->currentIndex(), 1);
}

QTEST_MAIN(TestProfileEditor)
#include "tst_profileeditor.moc"
