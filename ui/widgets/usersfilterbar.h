#pragma once

#include "domain/domain.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLineEdit;
class QTimer;

namespace rolecall {

// The Users screen's filters in one row: search (name, email or Clerk ID),
// role, "no role" and "as of". Whatever changes, filterChanged() hands over
// all of them at once (typing after a short pause); role and "no role"
// exclude each other. The roles come from the schema (setRoles()); search,
// role and "no role" are remembered between runs ("as of" is not: reopening
// on a past instant would mislead).
class UsersFilterBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UsersFilterBar)

public:
    explicit UsersFilterBar(QWidget *parent = nullptr);
    ~UsersFilterBar() override;

    // The filters as the data source takes them (search trimmed; `asOf`
    // invalid unless "as of" is on). Paging fields keep their defaults.
    UserQuery filter() const;
    // The schema's roles; none disables the role filters. The role chosen (or
    // remembered) stays chosen while the schema still has it.
    void setRoles(const QStringList &roles);
    // Puts `text` in the search field (filterChanged() follows after the pause).
    void setSearchText(const QString &text);
    void focusSearch();
    // Typed text still waiting for the search pause: applied now (true), or
    // nothing was waiting (false).
    bool applyPendingSearch();

    QLineEdit *searchField() const { return m_search; }
    QComboBox *roleFilter() const { return m_role; }
    QCheckBox *noRoleFilter() const { return m_noRole; }
    QCheckBox *asOfEnabled() const { return m_asOfEnabled; }
    QDateTimeEdit *asOfEdit() const { return m_asOf; }

    void saveSettings() const;
    void restoreSettings();

Q_SIGNALS:
    void filterChanged(const rolecall::UserQuery &filter);

private:
    void emitFilter();

    QLineEdit *m_search = nullptr;
    QTimer *m_searchPause = nullptr;
    QComboBox *m_role = nullptr;
    QCheckBox *m_noRole = nullptr;
    QCheckBox *m_asOfEnabled = nullptr;
    QDateTimeEdit *m_asOf = nullptr;
    QString m_savedRole; // restored before the schema's roles are known
};

// The filters in words, for progress and confirmations ("matching "x",
// holding MENTOR"; "all users").
QString describeUserFilter(const UserQuery &filter);

} // namespace rolecall
