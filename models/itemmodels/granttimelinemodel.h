#pragma once

#include "domain/roles.h"

#include <QAbstractListModel>

namespace rolecall {

// An active grant ending within this many days "ends soon": the Grants
// screen and the user detail's history warn of it.
inline constexpr int grantEndsSoonDays = 14;

// One user's grant history as a readable timeline, newest first: each row says
// which role, its state at the instant asked, from when until when, who granted
// it and why, the admin notes, and who ended it and why where that is known.
class GrantTimelineModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GrantTimelineModel)

public:
    enum Role {
        GrantIdRole = Qt::UserRole + 100, // QString: the UserRole row id
        GrantRoleRole,                    // QString: the role granted
        StateRole,                        // QString: active, future, ended
        UpdatedAtRole,                    // QDateTime, UTC: for stale-view checks
        EndsSoonRole,                     // bool: active and ending within grantEndsSoonDays of now
    };
    Q_ENUM(Role)

    explicit GrantTimelineModel(QObject *parent = nullptr);
    ~GrantTimelineModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    void setGrants(const QList<GrantView> &grants);
    void clear() { setGrants({}); }
    const QList<GrantView> &grants() const { return m_grants; }
    // The grant of `row`; nullptr when out of range.
    const GrantView *grantAt(int row) const;
    // The grants active at the instant they were read, by role (no repeats).
    QStringList activeRoles() const;

    // The lines one grant shows as, e.g. "MENTOR — active" then "From … until …".
    static QStringList describe(const GrantView &view);
    static QString stateText(GrantState state);
    // Active at the instant read and ending within grantEndsSoonDays of `now`.
    static bool endsSoon(const GrantView &view, const QDateTime &now);

private:
    QList<GrantView> m_grants;
};

} // namespace rolecall
