#include "dialogs/grantroledialog.h"

#include "dialogs/dialogsupport.h"
#include "domain/ctlcommand.h"
#include "services/datasource.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace rolecall {

GrantRoleDialog::GrantRoleDialog(DataSource *source, const Actor &actor, const User &target,
                                 const QStringList &roles, QWidget *parent)
    : WriteDialog(source, actor, parent)
    , m_target(target)
{
    setWindowTitle(tr("Grant Role"));
    setObjectName(QStringLiteral("grantRoleDialog"));
    auto *layout = new QVBoxLayout(this);

    auto *who = new QLabel(this);
    who->setObjectName(QStringLiteral("targetLabel"));
    who->setTextFormat(Qt::PlainText);
    who->setText(tr("Grant a role to %1 (%2)")
                     .arg(target.displayName().isEmpty() ? target.clerkId : target.displayName(),
                          target.email.isEmpty() ? target.clerkId : target.email));
    layout->addWidget(who);

    auto *form = new QFormLayout;
    m_role = new QComboBox(this);
    m_role->setObjectName(QStringLiteral("roleBox"));
    m_role->addItems(roles);
    m_role->setAccessibleName(tr("Role"));
    // Offer first a role the user does not hold yet.
    for (const QString &role : roles) {
        if (!target.activeRoles.contains(role)) {
            m_role->setCurrentText(role);
            break;
        }
    }
    form->addRow(tr("&Role:"), m_role);
    addFieldErrorRow(form, QStringLiteral("role"), m_role);

    const QDateTime now = dialogs::minuteOf(QDateTime::currentDateTime());
    m_start = dialogs::makeDateTimeEdit(now, this);
    m_start->setObjectName(QStringLiteral("startEdit"));
    m_start->setAccessibleName(tr("Start"));
    m_start->setToolTip(tr("Leave as it is to start the grant now."));
    form->addRow(tr("&Start:"), m_start);
    addFieldErrorRow(form, QStringLiteral("effectiveStart"), m_start);

    const dialogs::EndFields end =
        dialogs::makeEndFields(now.addDays(30), tr("The grant ends"), this);
    m_hasEnd = end.hasEnd;
    m_end = end.end;
    form->addRow(tr("End:"), end.row);
    addFieldErrorRow(form, QStringLiteral("effectiveEnd"), m_end);

    m_reason = dialogs::makeReasonField(tr("Why this person gets the role (required)"), this);
    form->addRow(tr("Rea&son:"), m_reason);
    addFieldErrorRow(form, QStringLiteral("reason"), m_reason);

    m_notes = dialogs::makeNotesField(4, this);
    form->addRow(tr("&Notes:"), m_notes);
    addFieldErrorRow(form, QStringLiteral("notes"), m_notes);
    layout->addLayout(form);

    m_preview = new QLabel(this);
    m_preview->setObjectName(QStringLiteral("previewLabel"));
    m_preview->setWordWrap(true);
    m_preview->setTextFormat(Qt::PlainText);
    m_preview->setAccessibleName(tr("What will be written"));
    layout->addWidget(m_preview);
    addCommandRow(layout);
    addStatusRows(layout);
    m_buttons = addOkCancelButtons(layout, tr("&Grant"), tr("Grant"));

    connect(m_role, &QComboBox::currentTextChanged, this, &GrantRoleDialog::updateState);
    connect(m_start, &QDateTimeEdit::dateTimeChanged, this, [this] {
        m_startEdited = true;
        updateState();
    });
    connect(m_hasEnd, &QCheckBox::toggled, this, &GrantRoleDialog::updateState);
    connect(m_end, &QDateTimeEdit::dateTimeChanged, this, &GrantRoleDialog::updateState);
    connect(m_reason, &QLineEdit::textChanged, this, &GrantRoleDialog::updateState);
    connect(m_notes, &QPlainTextEdit::textChanged, this, &GrantRoleDialog::updateState);
    m_reason->setFocus();
    setMinimumWidth(fontMetrics().horizontalAdvance(QLatin1Char('M')) * 36);
    updateState();
}

GrantRoleDialog::~GrantRoleDialog() = default;

void GrantRoleDialog::setRole(const QString &role)
{
    m_role->setCurrentText(role);
}

GrantRequest GrantRoleDialog::request() const
{
    GrantRequest request;
    request.user = m_target.clerkId.isEmpty() ? m_target.id : m_target.clerkId;
    request.role = m_role->currentText();
    if (m_startEdited)
        request.start = m_start->dateTime().toUTC();
    if (m_hasEnd->isChecked())
        request.end = m_end->dateTime().toUTC();
    request.reason = m_reason->text().trimmed();
    request.notes = m_notes->toPlainText();
    return request;
}

QString GrantRoleDialog::validationProblem() const
{
    if (m_role->currentText().isEmpty())
        return tr("This database has no roles to grant.");
    const GrantRequest r = request();
    const QDateTime start = r.start.isValid() ? r.start : QDateTime::currentDateTimeUtc();
    if (r.end.isValid() && r.end <= start)
        return tr("The end (%1) must come after the start (%2).")
            .arg(dialogs::instantText(r.end), dialogs::instantText(start));
    return dialogs::textProblem(m_reason->text(), r.notes);
}

QString GrantRoleDialog::previewText() const
{
    return m_preview->text();
}

void GrantRoleDialog::updateState()
{
    const GrantRequest r = request();
    const QString target = m_target.email.isEmpty() ? m_target.clerkId : m_target.email;
    const QString from = r.start.isValid() ? dialogs::instantText(r.start) : tr("now");
    const QString until =
        r.end.isValid() ? tr("until %1").arg(dialogs::instantText(r.end)) : tr("with no end");
    const QString by = actor().email.isEmpty() ? actor().clerkId : actor().email;
    m_preview->setText(tr("Will write: %1 gets %2 from %3 %4, granted by %5.")
                           .arg(target, r.role, from, until, by));
    setCommand(ctl::grantCommand(r, commandProfile()));
    const QString problem = validationProblem();
    // "A reason is required" is a hint until something was typed, not an error.
    showError(m_reason->text().isEmpty() && r.notes.isEmpty() &&
                      problem == dialogs::textProblem({}, {})
                  ? QString()
                  : problem);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty() && !isBusy());
}

bool GrantRoleDialog::hasTypedInput() const
{
    return !m_reason->text().trimmed().isEmpty() || !m_notes->toPlainText().trimmed().isEmpty();
}

void GrantRoleDialog::updateInputs()
{
    const bool busy = isBusy();
    for (QWidget *field : {static_cast<QWidget *>(m_role), static_cast<QWidget *>(m_start),
                           static_cast<QWidget *>(m_hasEnd), static_cast<QWidget *>(m_reason),
                           static_cast<QWidget *>(m_notes)})
        field->setEnabled(!busy);
    m_end->setEnabled(!busy && m_hasEnd->isChecked());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!busy && validationProblem().isEmpty());
}

void GrantRoleDialog::accept()
{
    if (isBusy())
        return;
    const QString problem = validationProblem();
    if (!problem.isEmpty()) {
        showError(problem);
        return;
    }
    if (!sourceIsOpen())
        return;
    runWrite(source()->grantRole(actor(), request()), [this](const RoleGrant &grant) {
        recordCommand(tr("Granted %1 to %2").arg(grant.role, request().user));
        Q_EMIT granted(grant);
        QDialog::accept();
    });
}

} // namespace rolecall
