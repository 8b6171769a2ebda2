#pragma once

#include "screens/tablescreen.h"

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QTimer;

namespace rolecall {

class AuditTableModel;

// The audit trail, newest first, paged as the table scrolls, filtered by user,
// actor, role and time range. People show by name and email beside their
// Clerk IDs; the selected event's details (notes, before and after) below.
class AuditScreen final : public TableScreen
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuditScreen)

public:
    explicit AuditScreen(DataSource *source = nullptr, QWidget *parent = nullptr);
    ~AuditScreen() override;

    QString title() const override;
    AuditTableModel *model() const { return m_model; }
    QLineEdit *userFilter() const { return m_user; }
    QLineEdit *actorFilter() const { return m_actor; }
    QCheckBox *sinceCheck() const { return m_sinceOn; }
    QDateTimeEdit *sinceField() const { return m_since; }
    QCheckBox *untilCheck() const { return m_untilOn; }
    QDateTimeEdit *untilField() const { return m_until; }
    QString detailsText() const;

    void setCanWrite(bool) {} // the trail is read-only for everyone

public Q_SLOTS:
    void applyFilters(); // at once; typing applies them after a short pause

protected:
    void schemaReady(const SchemaInfo &schema) override;
    void clearModel() override;
    QString exportBaseName() const override;
    std::optional<StreamedExport> streamedExport() const override;

private:
    void showDetails();

    AuditTableModel *m_model = nullptr;
    QLineEdit *m_user = nullptr;
    QLineEdit *m_actor = nullptr;
    QCheckBox *m_sinceOn = nullptr;
    QDateTimeEdit *m_since = nullptr;
    QCheckBox *m_untilOn = nullptr;
    QDateTimeEdit *m_until = nullptr;
    QLabel *m_details = nullptr;
    QTimer *m_debounce = nullptr;
};

} // namespace rolecall
