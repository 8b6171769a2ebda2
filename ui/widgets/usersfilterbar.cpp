#include "widgets/usersfilterbar.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QSettings>
#include <QTimer>

namespace rolecall {

namespace {
constexpr int searchPauseMs = 250;
const QString settingsGroup = QStringLiteral("usersScreen/");
} // namespace

UsersFilterBar::UsersFilterBar(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("usersFilterBar"));
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("searchField"));
    m_search->setPlaceholderText(tr("Search name, email or Clerk ID"));
    m_search->setAccessibleName(tr("Search users"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(m_search->fontMetrics().horizontalAdvance(QLatin1Char('M')) * 18);
    m_searchPause = new QTimer(this);
    m_searchPause->setSingleShot(true);
    m_searchPause->setInterval(searchPauseMs);

    m_role = new QComboBox(this);
    m_role->setObjectName(QStringLiteral("roleFilter"));
    m_role->setAccessibleName(tr("Only users with this role"));
    m_role->addItem(tr("Any role"), QString());
    m_role->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    auto *roleLabel = new QLabel(tr("&Role:"), this);
    roleLabel->setBuddy(m_role);

    m_noRole = new QCheckBox(tr("&No role"), this);
    m_noRole->setObjectName(QStringLiteral("noRoleFilter"));
    m_noRole->setAccessibleName(tr("Only users without any role"));
    m_noRole->setToolTip(tr("Only users who hold no role at the instant shown"));

    m_asOfEnabled = new QCheckBox(tr("&As of"), this);
    m_asOfEnabled->setObjectName(QStringLiteral("asOfEnabled"));
    m_asOfEnabled->setAccessibleName(tr("Show roles as of a past or future instant"));
    m_asOfEnabled->setToolTip(tr("Time travel: roles and filters as they stood at this instant"));
    m_asOf = new QDateTimeEdit(QDateTime::currentDateTime(), this);
    m_asOf->setObjectName(QStringLiteral("asOfEdit"));
    m_asOf->setAccessibleName(tr("As of"));
    m_asOf->setCalendarPopup(true);
    m_asOf->setDisplayFormat(QLocale().dateTimeFormat(QLocale::ShortFormat));
    m_asOf->setEnabled(false);

    auto *bar = new QHBoxLayout(this);
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addWidget(m_search, 2);
    bar->addSpacing(8);
    bar->addWidget(roleLabel);
    bar->addWidget(m_role);
    bar->addWidget(m_noRole);
    bar->addSpacing(8);
    bar->addWidget(m_asOfEnabled);
    bar->addWidget(m_asOf);
    bar->addStretch(1);

    connect(m_search, &QLineEdit::textChanged, m_searchPause, qOverload<>(&QTimer::start));
    connect(m_searchPause, &QTimer::timeout, this, &UsersFilterBar::emitFilter);
    connect(m_role, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_role->currentData().toString().isEmpty()) {
            const QSignalBlocker block(m_noRole); // the two filters exclude each other
            m_noRole->setChecked(false);
        }
        emitFilter();
    });
    connect(m_noRole, &QCheckBox::toggled, this, [this](bool on) {
        if (on) {
            const QSignalBlocker block(m_role);
            m_role->setCurrentIndex(0);
        }
        emitFilter();
    });
    connect(m_asOfEnabled, &QCheckBox::toggled, m_asOf, &QWidget::setEnabled);
    connect(m_asOfEnabled, &QCheckBox::toggled, this, &UsersFilterBar::emitFilter);
    connect(m_asOf, &QDateTimeEdit::dateTimeChanged, this, [this] {
        if (m_asOfEnabled->isChecked())
            emitFilter();
    });
}

UsersFilterBar::~UsersFilterBar() = default;

UserQuery UsersFilterBar::filter() const
{
    UserQuery query;
    query.search = m_search->text().trimmed();
    query.role = m_role->currentData().toString();
    query.noRole = m_noRole->isChecked();
    if (m_asOfEnabled->isChecked())
        query.asOf = m_asOf->dateTime();
    return query;
}

void UsersFilterBar::emitFilter()
{
    m_searchPause->stop(); // what is typed so far goes with this change
    Q_EMIT filterChanged(filter());
}

void UsersFilterBar::setRoles(const QStringList &roles)
{
    {
        const QSignalBlocker block(m_role);
        const QString wanted =
            m_savedRole.isEmpty() ? m_role->currentData().toString() : m_savedRole;
        m_role->clear();
        m_role->addItem(tr("Any role"), QString());
        for (const QString &role : roles)
            m_role->addItem(role, role);
        m_role->setCurrentIndex(std::max(0, m_role->findData(wanted)));
        m_savedRole.clear();
    }
    for (QWidget *w : std::initializer_list<QWidget *>{m_role, m_noRole, m_asOfEnabled})
        w->setEnabled(!roles.isEmpty());
}

void UsersFilterBar::setSearchText(const QString &text)
{
    m_search->setText(text);
}

void UsersFilterBar::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

bool UsersFilterBar::applyPendingSearch()
{
    if (!m_searchPause->isActive())
        return false;
    emitFilter();
    return true;
}

void UsersFilterBar::saveSettings() const
{
    QSettings settings;
    settings.setValue(settingsGroup + QStringLiteral("search"), m_search->text());
    settings.setValue(settingsGroup + QStringLiteral("role"), m_role->currentData().toString());
    settings.setValue(settingsGroup + QStringLiteral("noRole"), m_noRole->isChecked());
}

void UsersFilterBar::restoreSettings()
{
    const QSettings settings;
    const QSignalBlocker blockSearch(m_search);
    m_search->setText(settings.value(settingsGroup + QStringLiteral("search")).toString());
    m_savedRole = settings.value(settingsGroup + QStringLiteral("role")).toString();
    const QSignalBlocker blockNoRole(m_noRole);
    m_noRole->setChecked(settings.value(settingsGroup + QStringLiteral("noRole")).toBool());
}

QString describeUserFilter(const UserQuery &filter)
{
    QStringList parts;
    if (!filter.search.isEmpty())
        parts << UsersFilterBar::tr("matching \"%1\"").arg(filter.search);
    if (!filter.role.isEmpty())
        parts << UsersFilterBar::tr("holding %1").arg(filter.role);
    if (filter.noRole)
        parts << UsersFilterBar::tr("holding no role");
    if (filter.asOf.isValid())
        parts << UsersFilterBar::tr("as of %1")
                     .arg(QLocale().toString(filter.asOf.toLocalTime(), QLocale::ShortFormat));
    if (parts.isEmpty())
        return UsersFilterBar::tr("all users");
    return parts.join(QStringLiteral(", "));
}

} // namespace rolecall
