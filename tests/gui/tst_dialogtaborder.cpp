// Every dialog by keyboard alone (issue 16): it opens with the focus on its
// first field (or the one thing to do), Tab walks its fields in order and
// then its buttons, the default button among them, every enabled control is
// reached, and Tab and Shift+Tab come back where they started (no trap).
// Real Tab presses on the real dialogs.
#include "dialogs/bulkgrantdialog.h"
#include "dialogs/commandhistorydialog.h"
#include "dialogs/endgrantdialog.h"
#include "dialogs/grantroledialog.h"
#include "dialogs/profileeditor.h"
#include "dialogs/profilesdialog.h"
#include "dialogs/shortcutsdialog.h"
#include "dialogs/signindialog.h"
#include "pg/pgdatasource.h"
#include "services/profilestore.h"
#include "support/fakesigninservice.h"
#include "support/pgtestcluster.h"
#include "support/rolefixtures.h"
#include "support/tabchain.h"
#include "support/testdata.h"
#include "widgets/savedviewsmenu.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QInputDialog>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace rolecall;
using namespace rolecall::testing;

namespace {
const QStringList roles{QStringLiteral("LEARNER"), QStringLiteral("MENTOR"),
                        QStringLiteral("ADMIN")};

template <typename T = QWidget>
T *named(QWidget *root, const char *name)
{
    return root->findChild<T *>(QString::fromLatin1(name));
}

QPushButton *standard(QWidget *dialog, QDialogButtonBox::StandardButton which)
{
    for (auto *box : dialog->findChildren<QDialogButtonBox *>())
        if (QPushButton *button = box->button(which))
            return button;
    return nullptr;
}

Profile sampleProfile(const QString &name)
{
    Profile p;
    p.name = name;
    p.issuer = QStringLiteral("https://example.clerk.accounts.dev");
    p.clientId = QStringLiteral("client-123");
    p.databaseUrl = QStringLiteral("postgresql://admin@db.example.com:5432/app?sslmode=require");
    return p;
}

// Shows `dialog`, checks the focus starts on `initial`, then walks the chain
// from `order`'s first: `order` in that order, everything reached, no trap.
// (A button box orders its buttons as the platform does: only the fields'
// order and the first button are asked for where that differs.)
void checkDialog(QWidget *dialog, QWidget *initial, const QList<QWidget *> &order)
{
    dialog->show();
    QApplication::setActiveWindow(dialog);
    QVERIFY(QTest::qWaitForWindowActive(dialog));
    for (QWidget *widget : order)
        QVERIFY2(widget, "a widget of the expected order is missing");
    QTRY_VERIFY2(QApplication::focusWidget() == initial,
                 qPrintable(QStringLiteral("the focus starts on %1, not %2")
                                .arg(nameOf(QApplication::focusWidget()), nameOf(initial))));
    order.first()->setFocus(Qt::TabFocusReason);
    QTRY_VERIFY(order.first()->hasFocus());
    const QString problem = checkTabChain(dialog, order);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}
} // namespace

class TestDialogTabOrder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void grantRoleDialog();
    void endGrantDialog();
    void bulkGrantDialog();
    void profileEditor();
    void profilesDialog();
    void signInDialog();
    void saveViewDialog();
    void commandHistoryDialog();
    void shortcutsDialog();

private:
    PgTestCluster *m_cluster = nullptr;
    QString m_db;
    std::unique_ptr<PgDataSource> m_source;
    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<ProfileStore> m_store;
};

void TestDialogTabOrder::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_cluster = PgTestCluster::shared();
    QVERIFY2(m_cluster, qPrintable(PgTestCluster::startError()));
    QString error;
    m_db = m_cluster->createDatabase(Fixture::AkakoLms, &error);
    QVERIFY2(seedAkakoUsers(*m_cluster, m_db, 20, &error), qPrintable(error));
    m_source = std::make_unique<PgDataSource>(m_cluster->connection(m_db));
    QVERIFY(m_dir.isValid());
    m_settings = std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("rolecall.ini")),
                                             QSettings::IniFormat);
    m_store = std::make_unique<ProfileStore>(*m_settings);
    QVERIFY2(m_store->add(sampleProfile(QStringLiteral("prod")), &error), qPrintable(error));
    QVERIFY2(m_store->add(sampleProfile(QStringLiteral("staging")), &error), qPrintable(error));
}

void TestDialogTabOrder::grantRoleDialog()
{
    User user;
    user.id = QStringLiteral("row-3");
    user.clerkId = clerkIdOfSeedUser(3);
    user.email = emailOfSeedUser(3);
    GrantRoleDialog dialog(m_source.get(), admin(), user, roles);
    auto *reason = named<QLineEdit>(&dialog, "reasonField");
    reason->setText(QStringLiteral("Cohort")); // Grant is offered once there is a reason
    // The focus starts where the typing is (the role is chosen already).
    checkDialog(&dialog, reason,
                {named(&dialog, "roleBox"), named(&dialog, "startEdit"), reason,
                 named(&dialog, "notesField"), standard(&dialog, QDialogButtonBox::Ok),
                 standard(&dialog, QDialogButtonBox::Cancel)});
    QVERIFY(standard(&dialog, QDialogButtonBox::Ok)->isDefault());
}

void TestDialogTabOrder::endGrantDialog()
{
    GrantView grant;
    grant.grant.id = QStringLiteral("g1");
    grant.grant.role = QStringLiteral("LEARNER");
    grant.grant.effectiveStart = QDateTime::currentDateTimeUtc().addDays(-3);
    grant.userClerkId = clerkIdOfSeedUser(3);
    grant.userEmail = emailOfSeedUser(3);
    EndGrantDialog dialog(m_source.get(), admin(), grant);
    auto *reason = named<QLineEdit>(&dialog, "reasonField");
    reason->setText(QStringLiteral("Left"));
    checkDialog(&dialog, reason,
                {reason, standard(&dialog, QDialogButtonBox::Ok),
                 standard(&dialog, QDialogButtonBox::Cancel)});
    QVERIFY(standard(&dialog, QDialogButtonBox::Ok)->isDefault());
}

void TestDialogTabOrder::bulkGrantDialog()
{
    BulkGrantDialog dialog(m_source.get(), admin(), roles,
                           {clerkIdOfSeedUser(3), clerkIdOfSeedUser(4)}, UserQuery{},
                           QStringLiteral("everyone"));
    auto *reason = named<QLineEdit>(&dialog, "reasonField");
    reason->setText(QStringLiteral("Cohort"));
    checkDialog(&dialog, named(&dialog, "useSelectionButton"),
                {named(&dialog, "useSelectionButton"), named(&dialog, "roleBox"), reason,
                 named(&dialog, "notesField"), named(&dialog, "previewButton"),
                 standard(&dialog, QDialogButtonBox::Cancel)});
}

void TestDialogTabOrder::profileEditor()
{
    ProfileEditor editor(*m_store, std::nullopt, nullptr);
    checkDialog(&editor, named(&editor, "nameField"),
                {named(&editor, "nameField"), named(&editor, "issuerField"),
                 named(&editor, "clientIdField"), named(&editor, "databaseField"),
                 named(&editor, "defaultCheck"), standard(&editor, QDialogButtonBox::Ok),
                 standard(&editor, QDialogButtonBox::Cancel)});
    QVERIFY(standard(&editor, QDialogButtonBox::Ok)->isDefault());
}

void TestDialogTabOrder::profilesDialog()
{
    ProfilesDialog dialog(*m_store);
    auto *open = dialog.findChild<QPushButton *>();
    for (QPushButton *button : dialog.findChildren<QPushButton *>())
        if (button->isDefault())
            open = button;
    QVERIFY(open && open->isDefault());
    auto *list = dialog.findChild<QListWidget *>(QStringLiteral("profileList"));
    checkDialog(&dialog, list, {list, open, standard(&dialog, QDialogButtonBox::Cancel)});
}

void TestDialogTabOrder::signInDialog()
{
    FakeSignInService service;
    SignInDialog dialog(&service, sampleProfile(QStringLiteral("prod")));
    auto *signIn = named<QPushButton>(&dialog, "signInButton");
    QVERIFY(signIn->isDefault());
    // The buttons in the platform's order; every one reached.
    checkDialog(&dialog, signIn, {signIn});
    QVERIFY(named(&dialog, "otherProfileButton")->isVisible());
}

void TestDialogTabOrder::saveViewDialog()
{
    QWidget window;
    window.setObjectName(QStringLiteral("usersScreen")); // a screen with filters to save
    auto *menu = new SavedViewsMenu({[&window]() -> QWidget * { return &window; },
                                     [](const QString &) { return nullptr; },
                                     [] { return QStringLiteral("prod"); }},
                                    &window);
    window.show();
    menu->findChild<QAction *>(QStringLiteral("saveViewAction"))->trigger();
    auto *dialog = window.findChild<QInputDialog *>(QStringLiteral("saveViewDialog"));
    QVERIFY(dialog);
    auto *name = dialog->findChild<QLineEdit *>();
    name->setText(QStringLiteral("Mine"));
    checkDialog(
        dialog, name,
        {name, standard(dialog, QDialogButtonBox::Ok), standard(dialog, QDialogButtonBox::Cancel)});
    QVERIFY(standard(dialog, QDialogButtonBox::Ok)->isDefault());
}

void TestDialogTabOrder::commandHistoryDialog()
{
    CommandHistoryDialog dialog;
    auto *text = named<QPlainTextEdit>(&dialog, "commandHistoryText");
    checkDialog(&dialog, text, {text, standard(&dialog, QDialogButtonBox::Close)});
}

void TestDialogTabOrder::shortcutsDialog()
{
    ShortcutsDialog dialog;
    auto *table = named<QTableWidget>(&dialog, "shortcutsTable");
    checkDialog(&dialog, table, {table, standard(&dialog, QDialogButtonBox::Close)});
    // The list shows where the focus is.
    QVERIFY(table->currentIndex().isValid());
}

QTEST_MAIN(TestDialogTabOrder)
#include "tst_dialogtaborder.moc"
