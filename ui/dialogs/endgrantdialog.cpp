#include "dialogs/endgrantdialog.h"

#include "async/futurewatch.h"
#include "dialogs/dialogsupport.h"
#include "itemmodels/granttimelinemodel.h"
#include "services/datasource.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace rolecall {

EndGrantDialog::EndGrantDialog(DataSource *source, const Actor &actor, const GrantView &grant,
                               QWidget *parent)
    : QDialog(parent)
    , m_source(source)
    , m_actor(actor)
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
    m_reason = new QLineEdit(this);
    m_reason->setObjectName(QStringLiteral("reasonField"));
    m_reason->setAccessibleName(tr("Reason"));
    m_reason->setPlaceholderText(tr("Why the grant ends (required)"));
    form->addRow(tr("Rea&son:"), m_reason);
    layout->addLayout(form);

    m_confirmSelf = new QCheckBox(tr("I understand this ends my own ADMIN role"), this);
    m_confirmSelf->setObjectName(QStringLiteral("confirmSelfDemotionBox"));
    m_confirmSelf->setAccessibleName(tr("Confirm ending my own ADMIN role"));
    const bool own = grant.grant.role == QLatin1String("ADMIN") && !actor.clerkId.isEmpty() &&
                     grant.userClerkId == actor.clerkId;
    m_confirmSelf->setVisible(own);
    layout->addWidget(m_confirmSelf);

    m_error = dialogs::makeErrorLabel(this);
    layout->addWidget(m_error);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 0);
    m_progress->setAccessibleName(tr("Writing"));
    m_progress->hide();
    layout->addWidget(m_progress);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&End Grant"));
    m_buttons->button(QDialogButtonBox::Ok)->setAccessibleName(tr("End grant"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &EndGrantDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);

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

QString EndGrantDialog::errorText() const
{
    return !m_error->isHidden() ? m_error->text() : QString();
}

bool EndGrantDialog::asksForSelfDemotion() const
{
    return m_confirmSelf->isVisible();
}

void EndGrantDialog::updateState()
{
    QString problem = dialogs::textProblem(m_reason->text(), {});
    if (problem.isEmpty() && m_confirmSelf->isVisible() && !m_confirmSelf->isChecked())
        problem = tr("This ends your own ADMIN role: tick the box to confirm.");
    if (!m_reason->text().isEmpty() || !problem.startsWith(tr("A reason")))
        dialogs::setError(m_error, problem);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty() && !m_busy);
}

void EndGrantDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_progress->setVisible(busy);
    m_reason->setEnabled(!busy);
    m_confirmSelf->setEnabled(!busy);
    updateState();
}

void EndGrantDialog::accept()
{
    if (m_busy || !m_buttons->button(QDialogButtonBox::Ok)->isEnabled())
        return;
    if (!m_source) {
        dialogs::setError(m_error, tr("No database is open."));
        return;
    }
    setBusy(true);
    dialogs::setError(m_error, {});
    watchFuture(
        m_source->endGrant(m_actor, request()), this,
        [this](const RoleGrant &grant) {
            setBusy(false);
            Q_EMIT ended(grant);
            QDialog::accept();
        },
        [this](const DataSourceError &error) {
            setBusy(false);
            const QString message = error.message();
            if (error.kind() == DataSourceError::Kind::SelfDemotion) {
                // The service caught what the dialog could not see: ask for the box.
                m_confirmSelf->show();
            }
            dialogs::setError(m_error, message);
            updateState();
            if (!message.isEmpty())
                dialogs::setError(m_error, message);
            if (needsRefresh(error))
                Q_EMIT refreshNeeded();
        });
}

} // namespace rolecall
