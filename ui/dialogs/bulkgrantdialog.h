#pragma once

#include "dialogs/writedialog.h"

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;

namespace rolecall {

// "Bulk grant…" on the selected users or on every user the current filter
// matches, in two steps:
//
//   Preview ─▶ planBulkGrant (dry run) ─▶ who changes, who already has it, unknown
//   Apply   ─▶ applyBulkGrant (one transaction, all or nothing) ─▶ summary
//
// Apply is offered only for the inputs last previewed; any change asks for a
// new preview.
class BulkGrantDialog final : public WriteDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BulkGrantDialog)

public:
    // `selection`: Clerk IDs (or row ids) of the selected users; `filter`: the
    // users table's current filter, described in words by `filterText`.
    BulkGrantDialog(DataSource *source, const Actor &actor, const QStringList &roles,
                    const QStringList &selection, const UserQuery &filter,
                    const QString &filterText, QWidget *parent = nullptr);
    ~BulkGrantDialog() override;

    void setRole(const QString &role);
    void setUseFilter(bool useFilter);
    BulkGrantRequest request() const;
    QString validationProblem() const;
    QString summaryText() const;
    bool hasPreview() const { return m_planned; }
    const BulkPlan &plan() const { return m_plan; }

public Q_SLOTS:
    void preview();
    void apply();

Q_SIGNALS:
    void applied(int granted);

private:
    void inputsChanged();
    void updateButtons();
    void updateInputs() override;
    QWidget *retryFocusWidget() const override;
    bool hasTypedInput() const override;
    void updateCommand();
    void showPlan(const BulkPlan &plan);
    void forgetPlan();

    QStringList m_selection;
    UserQuery m_filter;
    QRadioButton *m_useSelection = nullptr;
    QRadioButton *m_useFilter = nullptr;
    QComboBox *m_role = nullptr;
    QCheckBox *m_hasEnd = nullptr;
    QDateTimeEdit *m_end = nullptr;
    QLineEdit *m_reason = nullptr;
    QPlainTextEdit *m_notes = nullptr;
    QLabel *m_planSummary = nullptr;
    QListWidget *m_planList = nullptr;
    QLabel *m_summary = nullptr;
    QPushButton *m_previewButton = nullptr;
    QPushButton *m_applyButton = nullptr;
    QPushButton *m_closeButton = nullptr;
    BulkPlan m_plan;
    bool m_planned = false;
    bool m_done = false;
};

} // namespace rolecall
