#include "widgets/accountwidget.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>

namespace rolecall {

namespace {

QColor blend(const QColor &a, const QColor &b, qreal t)
{
    return QColor::fromRgbF(static_cast<float>(a.redF() * (1 - t) + b.redF() * t),
                            static_cast<float>(a.greenF() * (1 - t) + b.greenF() * t),
                            static_cast<float>(a.blueF() * (1 - t) + b.blueF() * t));
}

} // namespace

AccountWidget::AccountWidget(QWidget *parent)
    : QWidget(parent)
{
    m_account = new QLabel(this);
    m_account->setTextFormat(Qt::PlainText);
    m_account->setObjectName(QStringLiteral("accountLabel"));
    m_account->setAccessibleName(tr("Signed-in account"));
    m_account->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_roles = new QLabel(this);
    m_roles->setTextFormat(Qt::PlainText);
    m_roles->setObjectName(QStringLiteral("rolesLabel"));
    m_roles->setAccessibleName(tr("Your roles"));

    m_badge = new QLabel(this);
    m_badge->setTextFormat(Qt::PlainText);
    m_badge->setObjectName(QStringLiteral("readOnlyBadge"));
    m_badge->setAccessibleName(tr("Read-only"));
    m_badge->setAlignment(Qt::AlignCenter);
    m_badge->setFocusPolicy(Qt::TabFocus); // reachable by keyboard for its tooltip
    tintBadge();

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(fontMetrics().averageCharWidth() * 2);
    layout->addWidget(m_account);
    layout->addWidget(m_roles);
    layout->addWidget(m_badge);

    refresh();
}

AccountWidget::~AccountWidget() = default;

void AccountWidget::setIdentity(const Identity &identity)
{
    m_identity = identity;
    refresh();
}

void AccountWidget::setAccess(const std::optional<AccountAccess> &access, const QString &problem)
{
    m_access = access;
    m_problem = problem;
    refresh();
}

void AccountWidget::clear()
{
    m_identity = {};
    m_access.reset();
    m_problem.clear();
    refresh();
}

void AccountWidget::refuseWrites(const QString &reason)
{
    if (m_access)
        m_access->serverReadOnlyReason = reason; // wins over the roles read before
    else
        m_problem = reason;
    refresh();
}

bool AccountWidget::isReadOnly() const
{
    return !m_identity.isValid() || !m_access || !m_access->canWrite();
}

QString AccountWidget::badgeText() const
{
    return m_badge->isHidden() ? QString() : m_badge->text();
}

QString AccountWidget::accountText() const
{
    return m_account->text();
}

QString AccountWidget::rolesText() const
{
    return m_roles->isHidden() ? QString() : m_roles->text();
}

QString AccountWidget::readOnlyReason() const
{
    if (!m_identity.isValid())
        return tr("You are not signed in, so the console is read-only.");
    if (m_access) {
        const QString reason = m_access->readOnlyReason();
        if (reason.isEmpty() || m_problem.isEmpty())
            return reason;
        return tr("%1 (%2)").arg(reason, m_problem);
    }
    if (!m_problem.isEmpty())
        return tr("Your roles could not be read, so the console is read-only: %1").arg(m_problem);
    return tr("Your roles are still being checked; the console is read-only until then.");
}

void AccountWidget::refresh()
{
    if (!m_identity.isValid()) {
        m_account->setText(tr("Not signed in — read-only"));
        m_account->setToolTip(readOnlyReason());
        m_roles->hide();
        m_badge->hide(); // the label already says it
        return;
    }
    const QString who = !m_identity.email.isEmpty()  ? m_identity.email
                        : !m_identity.name.isEmpty() ? m_identity.name
                                                     : m_identity.subject;
    m_account->setText(tr("Signed in as %1 · %2").arg(who, m_identity.profile));
    m_account->setToolTip(tr("Clerk user %1 at %2").arg(m_identity.subject, m_identity.issuer));

    if (m_access) {
        m_roles->setText(m_access->activeRoles.isEmpty()
                             ? tr("no active roles")
                             : m_access->activeRoles.join(QStringLiteral(", ")));
        m_roles->show();
    } else {
        m_roles->hide();
    }

    const bool readOnly = isReadOnly();
    m_badge->setText(tr("Read-only"));
    m_badge->setToolTip(readOnly ? readOnlyReason() : QString());
    m_badge->setAccessibleDescription(m_badge->toolTip());
    m_badge->setVisible(readOnly);
}

// A subtle badge: the window colour tinted towards the highlight, framed in the
// palette's mid tone, so it follows light and dark palettes. Style sheet lengths
// in em scale with the font on high-DPI screens.
void AccountWidget::tintBadge()
{
    const QPalette base = palette();
    const QColor fill = blend(base.color(QPalette::Window), base.color(QPalette::Highlight), 0.25);
    m_badge->setStyleSheet(QStringLiteral("QLabel { background: %1; color: palette(window-text); "
                                          "border: 1px solid palette(mid); border-radius: 0.25em; "
                                          "padding: 0 0.4em; }")
                               .arg(fill.name()));
}

void AccountWidget::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange && m_badge)
        tintBadge();
    QWidget::changeEvent(event);
}

} // namespace rolecall
