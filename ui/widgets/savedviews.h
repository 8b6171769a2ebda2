#pragma once

#include <QString>
#include <QStringList>
#include <QVariantMap>

#include <optional>

class QWidget;

namespace rolecall {

// Saved views: the filters of the Users, Grants or Audit screen under a name,
// kept per profile in the settings ("savedViews/<profile>/<name>"), reopened
// from View ▸ Saved Views or by `rolecall --view NAME`.
struct SavedView
{
    QString name;
    QString screen;      // the screen's objectName ("usersScreen")
    QVariantMap filters; // filter widget objectName ─▶ its value
};

class SavedViewStore
{
public:
    explicit SavedViewStore(QString profile);

    QStringList names() const; // sorted
    std::optional<SavedView> view(const QString &name) const;
    void save(const SavedView &view);
    void remove(const QString &name);

private:
    QString group() const;

    QString m_profile;
};

namespace savedviews {

// The names of the filter widgets of a screen (by its objectName); empty for
// a screen without filters to save.
QStringList filterNames(const QString &screen);
// The values of `screen`'s filter widgets: line edits' text, combo boxes'
// text, check boxes' state, spin boxes' value, date-time fields' instant (UTC).
QVariantMap capture(const QWidget *screen, const QStringList &names);
// Sets them, each as its widget takes it (so the screen reloads as it does
// when a person changes a filter). Returns the names not set yet: a combo
// box that does not hold the value until the screen has read the schema.
QStringList apply(QWidget *screen, const QVariantMap &filters);

} // namespace savedviews
} // namespace rolecall
