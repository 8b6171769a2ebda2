#pragma once

#include "dialogs/writedialog.h"

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace rolecall {

// "Grant role…": role (the database's enum), start (default now), optional
// end, reason (required) and notes, with inline validation and a one-line
// preview of what will be written. The write goes through the DataSource on
// behalf of `actor`; the service's own refusals (duplicate overlapping grant,
// not an ADMIN, a conflict) show inline and keep what was typed.
class GrantRoleDialog final : public WriteDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GrantRoleDialog)

public:
    GrantRoleDialog(DataSource *source, const Actor &actor, const User &target,
                    const QStringList &roles, QWidget *parent = nullptr);
    ~GrantRoleDialog() override;

    void setRole(const QString &role);
    // What would be written now (start invalid: "now" at the server).
    GrantRequest request() const;
    // The first problem with what is typed, worded as the service words it.
    QString validationProblem() const;
    QString previewText() const;

public Q_SLOTS:
    void accept() override;

Q_SIGNALS:
    void granted(const rolecall::RoleGrant &grant);

private:
    void updateState();
    void updateInputs() override;
    bool hasTypedInput() const override;

    User m_target;
    QComboBox *m_role = nullptr;
    QDateTimeEdit *m_start = nullptr;
    QCheckBox *m_hasEnd = nullptr;
    QDateTimeEdit *m_end = nullptr;
    QLineEdit *m_reason = nullptr;
    QPlainTextEdit *m_notes = nullptr;
    QLabel *m_preview = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    bool m_startEdited = false;
};

} // namespace rolecall
