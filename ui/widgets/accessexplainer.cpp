#include "widgets/accessexplainer.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

namespace rolecall {

AccessExplainer::AccessExplainer(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("accessExplainer"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *row = new QHBoxLayout;
    auto *label = new QLabel(tr("E&xplain access to:"), this);
    m_role = new QComboBox(this);
    m_role->setObjectName(QStringLiteral("explainRoleBox"));
    m_role->setAccessibleName(tr("Role to explain"));
    label->setBuddy(m_role);
    row->addWidget(label);
    row->addWidget(m_role);
    row->addStretch(1);
    layout->addLayout(row);
    m_text = new QLabel(this);
    m_text->setObjectName(QStringLiteral("explanationLabel"));
    m_text->setAccessibleName(tr("Why this person has the role or not"));
    m_text->setTextFormat(Qt::PlainText);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    layout->addWidget(m_text);
    connect(m_role, &QComboBox::currentTextChanged, this, &AccessExplainer::explain);
}

AccessExplainer::~AccessExplainer() = default;

void AccessExplainer::setRoles(const QStringList &roles)
{
    const QString wanted = m_role->currentText();
    {
        const QSignalBlocker block(m_role);
        m_role->clear();
        m_role->addItems(roles);
        m_role->setCurrentIndex(std::max(0, m_role->findText(wanted)));
    }
    explain();
}

void AccessExplainer::setGrants(const QList<GrantView> &grants, const QDateTime &asOf)
{
    m_grants = grants;
    m_asOf = asOf;
    explain();
}

void AccessExplainer::setRole(const QString &role)
{
    m_role->setCurrentText(role);
}

QString AccessExplainer::text() const
{
    return m_text->text();
}

void AccessExplainer::explain()
{
    const QString role = m_role->currentText();
    setVisible(m_role->count() > 0);
    if (role.isEmpty()) {
        m_text->clear();
        return;
    }
    m_explanation = explainAccess(m_grants, role, m_asOf);
    const QLocale locale;
    m_text->setText(explanationLines(m_explanation, [&locale](const QDateTime &instant) {
                        return locale.toString(instant.toLocalTime(), QLocale::ShortFormat);
                    }).join(QLatin1Char('\n')));
}

} // namespace rolecall
