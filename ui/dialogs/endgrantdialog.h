#pragma once

#include "dialogs/writedialog.h"

class QCheckBox;
class QDialogButtonBox;
class QLineEdit;

namespace rolecall {

// "End grant…": ends one grant now, with a required reason. The grant's
// updatedAt as shown goes along, so a grant someone changed meanwhile is a
// conflict, not an overwrite. The service's guards surface here: the last
// active ADMIN cannot be ended, and ending one's own ADMIN needs the
// confirmation box ticked.
class EndGrantDialog final : public WriteDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EndGrantDialog)

public:
    EndGrantDialog(DataSource *source, const Actor &actor, const GrantView &grant,
                   QWidget *parent = nullptr);
    ~EndGrantDialog() override;

    EndRequest request() const;
    // Shown when the grant is the admin's own ADMIN grant (or the service says so).
    bool asksForSelfDemotion() const;

public Q_SLOTS:
    void accept() override;

Q_SIGNALS:
    void ended(const rolecall::RoleGrant &grant);

private:
    void updateState();
    void updateInputs() override;
    bool hasTypedInput() const override;

    GrantView m_grant;
    QLineEdit *m_reason = nullptr;
    QCheckBox *m_confirmSelf = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace rolecall
