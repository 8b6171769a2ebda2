#include "dialogs/profileeditor.h"

#include "async/futurewatch.h"
#include "services/boundsecret.h"
#include "services/profilestore.h"
#include "services/secretstore.h"
#include "services/syncservice.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace rolecall {

namespace {

QLineEdit *makeField(QWidget *parent, const QString &objectName, const QString &accessibleName)
{
    auto *field = new QLineEdit(parent);
    field->setObjectName(objectName);
    field->setAccessibleName(accessibleName);
    return field;
}

} // namespace

ProfileEditor::ProfileEditor(ProfileStore &store, std::optional<Profile> existing, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_existing(std::move(existing))
{
    const bool editing = m_existing.has_value();
    setWindowTitle(editing ? tr("Edit Profile “%1”").arg(m_existing->name) : tr("Add Profile"));
    const Profile initial = m_existing.value_or(Profile{});

    m_name = makeField(this, QStringLiteral("nameField"), tr("Profile name"));
    m_name->setPlaceholderText(tr("e.g. production"));
    m_name->setText(initial.name);
    // The name keys the settings and the keychain entries, so it is fixed once saved.
    m_name->setReadOnly(editing);
    if (editing)
        m_name->setToolTip(tr("A profile's name cannot change; add a new profile instead."));

    m_issuer = makeField(this, QStringLiteral("issuerField"), tr("Issuer URL"));
    m_issuer->setPlaceholderText(QStringLiteral("https://example.clerk.accounts.dev"));
    m_issuer->setText(initial.issuer);
    // Long URLs must stay readable: size by characters, not pixels.
    m_issuer->setMinimumWidth(fontMetrics().averageCharWidth() * 60);

    m_clientId = makeField(this, QStringLiteral("clientIdField"), tr("Client ID"));
    m_clientId->setText(initial.clientId);

    m_scopes = makeField(this, QStringLiteral("scopesField"), tr("Scopes"));
    m_scopes->setToolTip(tr("Separated by spaces; must include openid."));
    m_scopes->setText(initial.scopes.join(QLatin1Char(' ')));

    m_database = makeField(this, QStringLiteral("databaseField"), tr("Database URL"));
    m_database->setPlaceholderText(
        QStringLiteral("postgresql://user@host:5432/db?sslmode=require"));
    m_database->setText(initial.databaseUrl);

    // A profile reads either a database directly or the application's backend API.
    m_source = new QComboBox(this);
    m_source->setObjectName(QStringLiteral("sourceCombo"));
    m_source->setAccessibleName(tr("Data source"));
    m_source->addItem(tr("Database"));
    m_source->addItem(tr("Backend API"));
    m_source->setToolTip(tr("Database: PostgreSQL directly, for a DBA. Backend API: the "
                            "application's admin API; no database credentials here."));
    m_api = makeField(this, QStringLiteral("apiField"), tr("API URL"));
    m_api->setPlaceholderText(QStringLiteral("https://admin.example.com/api/rolecall/v1"));
    m_api->setText(initial.apiBaseUrl);
    m_source->setCurrentIndex(initial.apiBaseUrl.isEmpty() ? 0 : 1);

    m_clerkApi = makeField(this, QStringLiteral("clerkApiField"), tr("Clerk API URL"));
    m_clerkApi->setPlaceholderText(QStringLiteral("https://api.clerk.com/v1"));
    m_clerkApi->setToolTip(tr("Clerk's Backend API, for the Sync screen. Empty: %1")
                               .arg(QStringLiteral("https://api.clerk.com/v1")));
    m_clerkApi->setText(initial.clerkApiUrl);

    // A password field: the key is never shown, and never read back from the keychain.
    m_clerkKey = makeField(this, QStringLiteral("clerkKeyField"), tr("Clerk secret key"));
    m_clerkKey->setEchoMode(QLineEdit::Password);
    m_clerkKey->setPlaceholderText(editing ? tr("unchanged (type a new key to replace it)")
                                           : QStringLiteral("sk_live_… / sk_test_…"));
    m_clerkKey->setToolTip(clerkSecretKeyGrantsText());
    auto *clerkKeyHint =
        new QLabel(tr("Only for the Sync screen. %1").arg(clerkSecretKeyGrantsText()), this);
    clerkKeyHint->setWordWrap(true);
    clerkKeyHint->setAccessibleName(tr("Clerk secret key hint"));

    auto *databaseHint =
        new QLabel(tr("No password here: it is read from PGPASSWORD or ~/.pgpass."), this);
    databaseHint->setWordWrap(true);
    databaseHint->setAccessibleName(tr("Database URL hint"));
    // A quiet hint in the palette's placeholder colour (not "disabled" to a screen reader).
    QPalette hintPalette = databaseHint->palette();
    hintPalette.setColor(QPalette::WindowText, hintPalette.color(QPalette::PlaceholderText));
    databaseHint->setPalette(hintPalette);
    clerkKeyHint->setPalette(hintPalette);

    m_makeDefault = new QCheckBox(tr("Make this the &default profile"), this);
    m_makeDefault->setObjectName(QStringLiteral("defaultCheck"));
    m_makeDefault->setAccessibleName(tr("Make this the default profile"));
    const QString currentDefault = store.defaultProfile();
    if (editing && currentDefault == m_existing->name) {
        // The store always has a default; moving it is done from another profile.
        m_makeDefault->setChecked(true);
        m_makeDefault->setEnabled(false);
        m_makeDefault->setToolTip(tr("This is the default profile. To change that, make "
                                     "another profile the default."));
    } else if (!editing && store.profiles().isEmpty()) {
        m_makeDefault->setChecked(true);
        m_makeDefault->setEnabled(false);
        m_makeDefault->setToolTip(tr("The first profile is always the default."));
    }

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Issuer URL:"), m_issuer);
    form->addRow(tr("&Client ID:"), m_clientId);
    form->addRow(tr("&Scopes:"), m_scopes);
    form->addRow(tr("Data &source:"), m_source);
    form->addRow(tr("&Database URL:"), m_database);
    form->addRow(QString(), databaseHint);
    form->addRow(tr("&API URL:"), m_api);
    const auto showSource = [form, this, databaseHint](int index) {
        form->setRowVisible(m_database, index == 0);
        form->setRowVisible(databaseHint, index == 0);
        form->setRowVisible(m_api, index == 1);
    };
    showSource(m_source->currentIndex());
    connect(m_source, &QComboBox::currentIndexChanged, this, showSource);
    form->addRow(tr("Cl&erk API URL:"), m_clerkApi);
    form->addRow(tr("Clerk secret &key:"), m_clerkKey);
    form->addRow(QString(), clerkKeyHint);
    form->addRow(QString(), m_makeDefault);

    m_error = new QLabel(this);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_error->setAccessibleName(tr("Problem"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setFrameShape(QFrame::StyledPanel);
    m_error->setMargin(fontMetrics().height() / 3);
    m_error->hide();

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(editing ? tr("Save") : tr("Add"));
    m_buttons->button(QDialogButtonBox::Ok)->setAccessibleName(editing ? tr("Save") : tr("Add"));
    m_buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));
    // Test connection: the issuer's discovery document and the database, as typed.
    m_test = m_buttons->addButton(tr("&Test Connection"), QDialogButtonBox::ActionRole);
    m_test->setObjectName(QStringLiteral("testButton"));
    m_test->setAccessibleName(tr("Test connection"));
    m_test->setToolTip(tr("Check the issuer's discovery document and the database as typed, "
                          "without saving"));
    m_test->hide(); // until a tester is set
    connect(m_test, &QPushButton::clicked, this, &ProfileEditor::testConnection);

    m_testResult = new QLabel(this);
    m_testResult->setObjectName(QStringLiteral("testResultLabel"));
    m_testResult->setAccessibleName(tr("Connection test result"));
    m_testResult->setWordWrap(true);
    m_testResult->setTextFormat(Qt::PlainText);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_testResult->hide();
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ProfileEditor::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ProfileEditor::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_testResult);
    layout->addStretch();
    layout->addWidget(m_buttons);
    layout->setSizeConstraint(QLayout::SetMinimumSize); // the error label may grow

    // Show long URLs from their start (setText leaves the cursor at the end).
    for (QLineEdit *field : {m_issuer, m_database, m_api, m_clerkApi})
        field->setCursorPosition(0);
    (editing ? m_issuer : m_name)->setFocus();
}

ProfileEditor::~ProfileEditor() = default;

bool ProfileEditor::hasClerkSecretKeyTyped() const
{
    return !m_clerkKey->text().isEmpty();
}

QString ProfileEditor::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

Profile ProfileEditor::profileFromFields() const
{
    // Start from the stored profile so fields this dialog does not show survive.
    Profile p = m_existing.value_or(Profile{});
    p.name = m_name->text().trimmed();
    p.issuer = m_issuer->text().trimmed();
    p.clientId = m_clientId->text().trimmed();
    p.scopes = m_scopes->text().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    const bool api = m_source->currentIndex() == 1;
    p.databaseUrl = api ? QString() : m_database->text().trimmed();
    p.apiBaseUrl = api ? m_api->text().trimmed() : QString();
    p.clerkApiUrl = m_clerkApi->text().trimmed();
    return p;
}

void ProfileEditor::showError(const QString &message)
{
    m_error->setText(message);
    m_error->show();
}

void ProfileEditor::setConnectionTester(ConnectionTester *tester)
{
    m_tester = tester;
    m_test->setVisible(tester != nullptr);
}

QString ProfileEditor::testResultText() const
{
    return m_testResult->isHidden() ? QString() : m_testResult->text();
}

void ProfileEditor::testConnection()
{
    if (!m_tester || m_testing)
        return;
    m_testing = true;
    m_test->setEnabled(false);
    m_testResult->setText(tr("Testing the issuer and the database…"));
    m_testResult->show();
    const quint64 run = ++m_testRun;
    const auto line = [](bool ok, const QString &what, const QString &message) {
        return (ok ? tr("✓ %1: %2") : tr("✗ %1: %2")).arg(what, message);
    };
    watchFuture(
        m_tester->test(profileFromFields()), this,
        [this, run, line](const ConnectionTestResult &result) {
            if (run != m_testRun)
                return;
            m_testing = false;
            m_test->setEnabled(true);
            m_testResult->setText(
                line(result.issuerOk, tr("Issuer"), result.issuerMessage) + QLatin1Char('\n') +
                line(result.databaseOk,
                     m_source->currentIndex() == 1 ? tr("Backend API") : tr("Database"),
                     result.databaseMessage));
        },
        [this, run](const QString &message) {
            if (run != m_testRun)
                return;
            m_testing = false;
            m_test->setEnabled(true);
            m_testResult->setText(tr("The test could not run: %1").arg(message));
        });
}

void ProfileEditor::accept()
{
    const Profile p = profileFromFields();
    QString error;
    if (!p.validate(&error)) {
        showError(error);
        return;
    }
    QByteArray clerkKey = m_clerkKey->text().trimmed().toUtf8();
    if (!clerkKey.isEmpty() && !isClerkSecretKey(clerkKey)) {
        wipeSecret(clerkKey);
        showError(tr("That is not a Clerk secret key: those start with sk_test_ or sk_live_ "
                     "(a publishable key, pk_…, grants nothing). Nothing was saved."));
        m_clerkKey->setFocus();
        return;
    }
    QStringList invalidated = m_existing ? secretKindsInvalidated(*m_existing, p) : QStringList();
    if (!clerkKey.isEmpty()) // the new key replaces the old one anyway
        invalidated.removeAll(SecretStore::clerkSecretKeyKind());
    if (!invalidated.isEmpty() && m_warnedAbout != p) {
        // Say so first; OK again goes ahead.
        m_warnedAbout = p;
        wipeSecret(clerkKey);
        showError(invalidatedSecretsText(p.name, invalidated) + QLatin1Char(' ') +
                  tr("Press OK again to save."));
        return;
    }
    const bool saved = m_existing ? m_store.update(p, &error) : m_store.add(p, &error);
    if (!saved) {
        showError(error);
        return;
    }
    // From here on the profile exists: a retry after a failure below updates it.
    m_existing = p;
    m_saved = p;
    m_name->setReadOnly(true);
    if (m_makeDefault->isChecked() && m_store.defaultProfile() != p.name &&
        !m_store.setDefaultProfile(p.name, &error)) {
        showError(tr("The profile was saved, but could not become the default: %1").arg(error));
        return;
    }
    m_error->hide();
    if (!invalidated.isEmpty())
        Q_EMIT secretsInvalidated(p.name, invalidated);
    if (!clerkKey.isEmpty()) {
        m_clerkKey->clear();
        // The receivers get a copy of their own; this buffer is wiped.
        Q_EMIT clerkSecretKeyEntered(p.name, QByteArray(clerkKey.constData(), clerkKey.size()));
        wipeSecret(clerkKey);
    }
    QDialog::accept();
}

} // namespace rolecall
