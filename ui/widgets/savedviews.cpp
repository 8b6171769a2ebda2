#include "widgets/savedviews.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QLineEdit>
#include <QSettings>
#include <QSpinBox>
#include <QUrl>

namespace rolecall {

namespace {
const QString viewsGroup = QStringLiteral("savedViews/");
} // namespace

SavedViewStore::SavedViewStore(QString profile)
    : m_profile(std::move(profile))
{}

QString SavedViewStore::group() const
{
    // A profile name is free text: percent-encoded, it is one settings key.
    const QString profile = m_profile.isEmpty()
                                ? QStringLiteral("-")
                                : QString::fromLatin1(QUrl::toPercentEncoding(m_profile));
    return viewsGroup + profile;
}

QStringList SavedViewStore::names() const
{
    QSettings settings;
    settings.beginGroup(group());
    QStringList names;
    for (const QString &key : settings.childGroups())
        names << QUrl::fromPercentEncoding(key.toLatin1());
    names.sort(Qt::CaseInsensitive);
    return names;
}

std::optional<SavedView> SavedViewStore::view(const QString &name) const
{
    QSettings settings;
    settings.beginGroup(group() + QLatin1Char('/') +
                        QString::fromLatin1(QUrl::toPercentEncoding(name)));
    if (!settings.contains(QStringLiteral("screen")))
        return std::nullopt;
    return SavedView{name, settings.value(QStringLiteral("screen")).toString(),
                     settings.value(QStringLiteral("filters")).toMap()};
}

void SavedViewStore::save(const SavedView &view)
{
    QSettings settings;
    settings.beginGroup(group() + QLatin1Char('/') +
                        QString::fromLatin1(QUrl::toPercentEncoding(view.name)));
    settings.setValue(QStringLiteral("screen"), view.screen);
    settings.setValue(QStringLiteral("filters"), view.filters);
}

void SavedViewStore::remove(const QString &name)
{
    QSettings settings;
    settings.remove(group() + QLatin1Char('/') +
                    QString::fromLatin1(QUrl::toPercentEncoding(name)));
}

namespace savedviews {

QStringList filterNames(const QString &screen)
{
    if (screen == QLatin1String("usersScreen"))
        return {QStringLiteral("searchField"), QStringLiteral("roleFilter"),
                QStringLiteral("noRoleFilter"), QStringLiteral("asOfEnabled"),
                QStringLiteral("asOfEdit")};
    if (screen == QLatin1String("grantsScreen"))
        return {QStringLiteral("grantsViewChooser"), QStringLiteral("roleFilter"),
                QStringLiteral("stateFilter"), QStringLiteral("daysField")};
    if (screen == QLatin1String("auditScreen"))
        return {QStringLiteral("userFilter"), QStringLiteral("actorFilter"),
                QStringLiteral("roleFilter"), QStringLiteral("sinceCheck"),
                QStringLiteral("sinceField"), QStringLiteral("untilCheck"),
                QStringLiteral("untilField")};
    return {};
}

QVariantMap capture(const QWidget *screen, const QStringList &names)
{
    QVariantMap filters;
    for (const QString &name : names) {
        const QWidget *w = screen->findChild<QWidget *>(name);
        if (const auto *line = qobject_cast<const QLineEdit *>(w))
            filters.insert(name, line->text());
        else if (const auto *combo = qobject_cast<const QComboBox *>(w))
            filters.insert(name, combo->currentText());
        else if (const auto *check = qobject_cast<const QCheckBox *>(w))
            filters.insert(name, check->isChecked());
        else if (const auto *spin = qobject_cast<const QSpinBox *>(w))
            filters.insert(name, spin->value());
        else if (const auto *instant = qobject_cast<const QDateTimeEdit *>(w))
            filters.insert(name, instant->dateTime().toUTC());
    }
    return filters;
}

QStringList apply(QWidget *screen, const QVariantMap &filters)
{
    QStringList notYet;
    for (auto it = filters.cbegin(); it != filters.cend(); ++it) {
        QWidget *w = screen->findChild<QWidget *>(it.key());
        if (auto *line = qobject_cast<QLineEdit *>(w)) {
            line->setText(it.value().toString());
        } else if (auto *combo = qobject_cast<QComboBox *>(w)) {
            const int index = combo->findText(it.value().toString());
            if (index >= 0)
                combo->setCurrentIndex(index);
            else
                notYet << it.key();
        } else if (auto *check = qobject_cast<QCheckBox *>(w)) {
            check->setChecked(it.value().toBool());
        } else if (auto *spin = qobject_cast<QSpinBox *>(w)) {
            spin->setValue(it.value().toInt());
        } else if (auto *instant = qobject_cast<QDateTimeEdit *>(w)) {
            instant->setDateTime(it.value().toDateTime().toLocalTime());
        }
    }
    return notYet;
}

} // namespace savedviews
} // namespace rolecall
