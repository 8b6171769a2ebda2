#include "dialogs/endgrantdialog.h"

#include "dialogs/dialogsupport.h"
#include "domain/ctlcommand.h"
#include "itemmodels/granttimelinemodel.h"
#include "services/datasource.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace rolecall {

EndGrantDialog::EndGrantDialog(DataSource *source, const Actor &actor, const GrantView &grant,
                               QWidget *parent)
    : WriteDialog(source, actor, parent)
    , m_grant(grant)
{
    setWindowTitle(tr("End Grant"));
    setObjectName(QStringLiteral("endGrantDialog"));
    auto *layout = new QVBoxLayout(this);

    auto *summary = new QLabel(this);
    summary->setObjectName(QStringLiteral("grantSummary"));
    summary->setTextFormat(Qt::PlainText);
    summary->setWordWrap(true);
    const QString who = grant.userEmail.isEmpty() ? grant.userClerkId : grant.userEmail;
    summary->setText(tr("End %1's %2 grant now?").arg(who, grant.grant.role) + QLatin1Char('\n') +
                     GrantTimelineModel::describe(grant).mid(1).join(QLatin1Char('\n')));
    summary->setAccessibleName(tr("Grant to end"));
    layout->addWidget(summary);

    auto *form = new QFormLayout;
    m_reason = dialogs::makeReasonField(tr("Why the grant ends (required)"), this);
    form->addRow(tr("Rea&son:"), m_reason);
    addFieldErrorRow(form, QStringLiteral("reason"), m_reason);
    layout->addLayout(form);

    m_confirmSelf = new QCheckBox(tr("I understand this ends my own ADMIN role"), this);
    m_confirmSelf->setObjectName(QStringLiteral("confirmSelfDemotionBox"));
    m_confirmSelf->setAccessibleName(tr("Confirm ending my own ADMIN role"));
    const bool own = grant.grant.role == QLatin1String("ADMIN") && !actor.clerkId.isEmpty() &&
                     grant.userClerkId == actor.clerkId;
    m_confirmSelf->setVisible(own);
    layout->addWidget(m_confirmSelf);

    addCommandRow(layout);
    addStatusRows(layout);
    m_buttons = addOkCancelButtons(layout, tr("&End Grant"), tr("End grant"));

    connect(m_reason, &QLineEdit::textChanged, this, &EndGrantDialog::updateState);
    connect(m_confirmSelf, &QCheckBox::toggled, this, &EndGrantDialog::updateState);
    setMinimumWidth(fontMetrics().horizontalAdvance(QLatin1Char('M')) * 32);
    updateState();
}

EndGrantDialog::~EndGrantDialog() = default;

EndRequest EndGrantDialog::request() const
{
    EndRequest request;
    request.grantId = m_grant.grant.id;
    request.reason = m_reason->text().trimmed();
    request.expectedUpdatedAt = m_grant.grant.updatedAt;
    request.confirmSelfDemotion = m_confirmSelf->isVisible() && m_confirmSelf->isChecked();
    return request;
}

bool EndGrantDialog::asksForSelfDemotion() const
{
    return m_confirmSelf->isVisible();
}

void EndGrantDialog::updateState()
{
    setCommand(ctl::endCommand(request(), commandProfile()));
    QString problem = dialogs::textProblem(m_reason->text(), {});
    if (problem.isEmpty() && m_confirmSelf->isVisible() && !m_confirmSelf->isChecked())
        problem = tr("This ends your own ADMIN role: tick the box to confirm.");
    if (!m_reason->text().isEmpty() || !problem.startsWith(tr("A reason")))
        showError(problem);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty() && !isBusy());
}

bool EndGrantDialog::hasTypedInput() const
{
    return !m_reason->text().trimmed().isEmpty();
}

void EndGrantDialog::updateInputs()
{
    m_reason->setEnabled(!isBusy());
    m_confirmSelf->setEnabled(!isBusy());
    updateState();
}

void EndGrantDialog::accept()
{
    if (isBusy() || !m_buttons->button(QDialogButtonBox::Ok)->isEnabled() || !sourceIsOpen())
        return;
    runWrite(
        source()->endGrant(actor(), request()),
        [this](const RoleGrant &grant) {
            recordCommand(tr("Ended grant %1 (%2)").arg(grant.id, grant.role));
            Q_EMIT ended(grant);
            QDialog::accept();
        },
        [this](const DataSourceError &error) {
            // The service caught what the dialog could not see: ask for the box.
            if (error.kind() == DataSourceError::Kind::SelfDemotion)
                m_confirmSelf->show();
            updateState(); // the box's own problem, until the message replaces it
        });
}

} // namespace rolecall
