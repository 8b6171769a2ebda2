#pragma once

#include "domain/roles.h"

#include <QDialog>
#include <QPointer>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;

namespace rolecall {

class DataSource;

// "End grant…": ends one grant now, with a required reason. The grant's
// updatedAt as shown goes along, so a grant someone changed meanwhile is a
// conflict, not an overwrite. The service's guards surface here: the last
// active ADMIN cannot be ended, and ending one's own ADMIN needs the
// confirmation box ticked.
class EndGrantDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EndGrantDialog)

public:
    EndGrantDialog(DataSource *source, const Actor &actor, const GrantView &grant,
                   QWidget *parent = nullptr);
    ~EndGrantDialog() override;

    EndRequest request() const;
    QString errorText() const;
    bool isBusy() const { return m_busy; }
    // Shown when the grant is the admin's own ADMIN grant (or the service says so).
    bool asksForSelfDemotion() const;

public Q_SLOTS:
    void accept() override;

Q_SIGNALS:
    void ended(const rolecall::RoleGrant &grant);
    void refreshNeeded();

private:
    void updateState();
    void setBusy(bool busy);

    QPointer<DataSource> m_source;
    Actor m_actor;
    GrantView m_grant;
    QLineEdit *m_reason = nullptr;
    QCheckBox *m_confirmSelf = nullptr;
    QLabel *m_error = nullptr;
    QProgressBar *m_progress = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    bool m_busy = false;
};

} // namespace rolecall
