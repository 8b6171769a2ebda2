#include "dialogs/profilesdialog.h"

#include "dialogs/profileeditor.h"
#include "services/profilestore.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>

namespace rolecall {

namespace {
constexpr int nameRole = Qt::UserRole;

QPushButton *makeButton(const QString &text, const QString &accessibleName, QWidget *parent)
{
    auto *button = new QPushButton(text, parent);
    button->setAccessibleName(accessibleName);
    button->setAutoDefault(false); // Enter opens the profile, whatever has focus
    return button;
}
} // namespace

ProfilesDialog::ProfilesDialog(ProfileStore &store, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
{
    setWindowTitle(tr("Profiles"));
    m_confirm = [this](const QString &question, Answer answer) {
        auto *box = new QMessageBox(QMessageBox::Question, tr("Remove Profile"), question,
                                    QMessageBox::Yes | QMessageBox::No, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->setTextFormat(Qt::PlainText);
        connect(box, &QMessageBox::finished, this,
                [answer = std::move(answer)](int button) { answer(button == QMessageBox::Yes); });
        box->open();
    };

    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("profileList"));
    m_list->setAccessibleName(tr("Profiles"));
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setUniformItemSizes(true);
    m_list->setAlternatingRowColors(true); // two-line items need a visible boundary
    m_list->setSpacing(fontMetrics().height() / 6);
    m_list->setMinimumWidth(fontMetrics().averageCharWidth() * 48);
    m_list->setMinimumHeight(fontMetrics().height() * 10);

    m_empty = new QLabel(tr("No profiles yet. Add one: issuer URL, client ID and database."), this);
    m_empty->setObjectName(QStringLiteral("emptyLabel"));
    m_empty->setAccessibleName(tr("No profiles"));
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setFrameShape(QFrame::StyledPanel);
    m_empty->setMinimumWidth(m_list->minimumWidth());
    m_empty->setMinimumHeight(m_list->minimumHeight());

    m_error = new QLabel(this);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_error->setAccessibleName(tr("Problem"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setFrameShape(QFrame::StyledPanel);
    m_error->setMargin(fontMetrics().height() / 3);
    m_error->hide();

    m_add = makeButton(tr("&Add…"), tr("Add profile"), this);
    m_edit = makeButton(tr("&Edit…"), tr("Edit profile"), this);
    m_remove = makeButton(tr("&Remove"), tr("Remove profile"), this);
    m_default = makeButton(tr("Set as &Default"), tr("Set as default profile"), this);
    connect(m_add, &QPushButton::clicked, this, &ProfilesDialog::addProfile);
    connect(m_edit, &QPushButton::clicked, this, &ProfilesDialog::editProfile);
    connect(m_remove, &QPushButton::clicked, this, &ProfilesDialog::removeProfile);
    connect(m_default, &QPushButton::clicked, this, &ProfilesDialog::makeDefault);

    auto *side = new QVBoxLayout;
    side->addWidget(m_add);
    side->addWidget(m_edit);
    side->addWidget(m_remove);
    side->addSpacing(fontMetrics().height() / 2);
    side->addWidget(m_default);
    side->addStretch();

    auto *middle = new QHBoxLayout;
    middle->addWidget(m_list, 1);
    middle->addWidget(m_empty, 1);
    middle->addLayout(side);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_open = m_buttons->addButton(tr("&Open"), QDialogButtonBox::AcceptRole);
    m_open->setAccessibleName(tr("Open profile"));
    m_open->setDefault(true);
    m_buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ProfilesDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ProfilesDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(middle);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);

    connect(m_list, &QListWidget::currentItemChanged, this, &ProfilesDialog::updateButtons);
    connect(m_list, &QListWidget::itemDoubleClicked, this, &ProfilesDialog::accept);

    reload(m_store.defaultProfile());
    setTabOrder(m_list, m_add);
    setTabOrder(m_add, m_edit);
    setTabOrder(m_edit, m_remove);
    setTabOrder(m_remove, m_default);
    setTabOrder(m_default, m_open);
    (m_list->count() > 0 ? static_cast<QWidget *>(m_list) : m_add)->setFocus();
}

ProfilesDialog::~ProfilesDialog() = default;

void ProfilesDialog::setConfirmation(Confirmation confirm)
{
    m_confirm = std::move(confirm);
}

QString ProfilesDialog::currentProfile() const
{
    const QListWidgetItem *item = m_list->currentItem();
    return item ? item->data(nameRole).toString() : QString();
}

void ProfilesDialog::setCurrentProfile(const QString &name)
{
    for (int row = 0; row < m_list->count(); ++row) {
        if (m_list->item(row)->data(nameRole).toString() == name) {
            m_list->setCurrentRow(row);
            return;
        }
    }
}

QString ProfilesDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void ProfilesDialog::reload(const QString &current)
{
    const QString defaultName = m_store.defaultProfile();
    m_list->clear();
    for (const Profile &p : m_store.profiles()) {
        const QString title = p.name == defaultName ? tr("%1 (default)").arg(p.name) : p.name;
        // Two lines: the name the person picks by, then where it signs in.
        auto *item = new QListWidgetItem(QString(title % QLatin1Char('\n') % p.issuer), m_list);
        item->setData(nameRole, p.name);
        item->setData(Qt::AccessibleTextRole, tr("%1, issuer %2").arg(title, p.issuer));
        item->setToolTip(p.databaseUrl.isEmpty()
                             ? p.issuer
                             : QString(p.issuer % QLatin1Char('\n') % p.databaseUrl));
    }
    const bool empty = m_list->count() == 0;
    m_list->setVisible(!empty);
    m_empty->setVisible(empty);
    setCurrentProfile(current);
    if (!m_list->currentItem() && !empty)
        m_list->setCurrentRow(0);
    updateButtons();
    if (empty)
        m_add->setFocus();
}

void ProfilesDialog::updateButtons()
{
    const QString name = currentProfile();
    const bool has = !name.isEmpty();
    m_edit->setEnabled(has);
    m_remove->setEnabled(has);
    m_default->setEnabled(has && name != m_store.defaultProfile());
    m_open->setEnabled(has);
}

void ProfilesDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void ProfilesDialog::accept()
{
    const QString name = currentProfile();
    if (name.isEmpty())
        return;
    m_selected = name;
    QDialog::accept();
}

void ProfilesDialog::addProfile()
{
    openEditor(std::nullopt);
}

void ProfilesDialog::editProfile()
{
    showError({});
    const std::optional<Profile> existing = m_store.profile(currentProfile());
    if (existing)
        openEditor(existing);
}

void ProfilesDialog::openEditor(const std::optional<Profile> &existing)
{
    showError({});
    // open(), not exec(): no nested event loop; the list reloads when it closes.
    auto *editor = new ProfileEditor(m_store, existing, this);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    editor->setConnectionTester(m_tester);
    connect(editor, &ProfileEditor::clerkSecretKeyEntered, this,
            &ProfilesDialog::clerkSecretKeyEntered);
    connect(editor, &ProfileEditor::secretsInvalidated, this, &ProfilesDialog::secretsInvalidated);
    connect(editor, &QDialog::accepted, this, [this, editor] { reload(editor->profile().name); });
    editor->open();
}

void ProfilesDialog::removeProfile()
{
    showError({});
    const QString name = currentProfile();
    if (name.isEmpty())
        return;
    const QString question = tr("Remove the profile “%1”?\n\nIts saved sign-in session is "
                                "removed from the keychain too. The database is not touched.")
                                 .arg(name);
    if (!m_confirm)
        return;
    m_confirm(question, [dialog = QPointer(this), name](bool yes) {
        if (dialog && yes)
            dialog->remove(name);
    });
}

void ProfilesDialog::remove(const QString &name)
{
    QString error;
    if (!m_store.remove(name, &error)) {
        showError(error);
        return;
    }
    reload(m_store.defaultProfile());
    Q_EMIT profileRemoved(name);
}

void ProfilesDialog::makeDefault()
{
    showError({});
    const QString name = currentProfile();
    QString error;
    if (!m_store.setDefaultProfile(name, &error)) {
        showError(error);
        return;
    }
    reload(name);
}

} // namespace rolecall
