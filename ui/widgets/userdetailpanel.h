#pragma once

#include "domain/roles.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QListView;
class QPushButton;

namespace rolecall {

class AccessExplainer;
class DataSource;
class GrantTimelineModel;
class SyncStatusBadge;
class SyncStatusModel;

// The selected user: profile, roles active at the instant shown, and the full
// grant history as a timeline (who granted, when, why, notes, who ended it
// and why), with "Grant role…" and "End grant…". Loading never blocks: the
// grants arrive from DataSource::fetchGrants() while "Loading…" shows.
class UserDetailPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UserDetailPanel)

public:
    explicit UserDetailPanel(QWidget *parent = nullptr);
    ~UserDetailPanel() override;

    void setDataSource(DataSource *source); // not owned
    // The Sync screen's verdicts, for the user's sync status line (not owned).
    void setSyncStatusModel(SyncStatusModel *model);
    // Shows `user` (invalid id: nobody) as of `asOf` (invalid: now); loads grants.
    void setUser(const User &user, const QDateTime &asOf = {});
    const User &user() const { return m_user; }
    bool hasUser() const { return !m_user.id.isEmpty(); }
    // Enables the edit buttons, or disables them with `reason` as the tooltip.
    void setWriteAccess(bool canWrite, const QString &reason);
    void reload();
    // The schema's roles, for "Explain access".
    void setRoles(const QStringList &roles);

    GrantTimelineModel *timelineModel() const { return m_timeline; }
    QListView *timelineView() const { return m_timelineView; }
    QPushButton *grantButton() const { return m_grantButton; }
    QPushButton *endButton() const { return m_endButton; }
    SyncStatusBadge *syncBadge() const { return m_sync; }
    AccessExplainer *explainer() const { return m_explainer; }
    bool isLoading() const { return m_loading; }
    QString statusText() const;
    // The grant selected in the timeline, if any.
    const GrantView *selectedGrant() const;

Q_SIGNALS:
    void grantRoleRequested();
    void endGrantRequested(const rolecall::GrantView &grant);
    void loaded();

private:
    void updateButtons();
    void showStatus(const QString &text);

    QPointer<DataSource> m_source;
    User m_user;
    QDateTime m_asOf;
    GrantTimelineModel *m_timeline = nullptr;
    QLabel *m_name = nullptr;
    QLabel *m_profile = nullptr;
    QLabel *m_roles = nullptr;
    SyncStatusBadge *m_sync = nullptr;
    AccessExplainer *m_explainer = nullptr;
    QLabel *m_status = nullptr;
    QListView *m_timelineView = nullptr;
    QPushButton *m_grantButton = nullptr;
    QPushButton *m_endButton = nullptr;
    QString m_readOnlyReason;
    bool m_canWrite = false;
    bool m_loading = false;
    quint64 m_generation = 0;
};

} // namespace rolecall
