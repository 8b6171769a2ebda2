#pragma once

#include "domain/accessexplanation.h"

#include <QWidget>

class QComboBox;
class QLabel;

namespace rolecall {

// "Explain access" in the user detail: pick a role, read whether the person
// holds it at the instant shown and why (explainAccess(): the grant rows that
// make it so, or the one that ended, the one to come, or never granted).
// Works on the grants the panel already loaded; asks nothing itself.
class AccessExplainer final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AccessExplainer)

public:
    explicit AccessExplainer(QWidget *parent = nullptr);
    ~AccessExplainer() override;

    // The schema's roles (the choice keeps the role picked while it exists).
    void setRoles(const QStringList &roles);
    // The user's grants as loaded, judged at `asOf` (invalid: now).
    void setGrants(const QList<GrantView> &grants, const QDateTime &asOf);
    void setRole(const QString &role);

    QComboBox *roleBox() const { return m_role; }
    QString text() const;
    const AccessExplanation &explanation() const { return m_explanation; }

private:
    void explain();

    QComboBox *m_role = nullptr;
    QLabel *m_text = nullptr;
    QList<GrantView> m_grants;
    QDateTime m_asOf;
    AccessExplanation m_explanation;
};

} // namespace rolecall
