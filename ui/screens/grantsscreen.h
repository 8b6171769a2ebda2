#pragma once

#include "screens/tablescreen.h"

class QComboBox;
class QSpinBox;

namespace rolecall {

class GrantsTableModel;

// Every grant of every user, filtered by role and state (active, future,
// ended, expiring within N days) and paged as the table scrolls; or the
// "Expiring soon" view: active grants ending within N days, soonest first.
class GrantsScreen final : public TableScreen
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GrantsScreen)

public:
    explicit GrantsScreen(DataSource *source = nullptr, QWidget *parent = nullptr);
    ~GrantsScreen() override;

    QString title() const override;
    GrantsTableModel *model() const { return m_model; }
    QComboBox *stateFilter() const { return m_state; }
    QSpinBox *daysField() const { return m_days; }
    QComboBox *viewChooser() const { return m_viewChooser; }

    // Nothing here writes: the screen reads only (the Users screen grants and ends).
    void setCanWrite(bool) {}

protected:
    void schemaReady(const SchemaInfo &schema) override;
    void clearModel() override;
    QString exportBaseName() const override;
    std::optional<StreamedExport> streamedExport() const override;

private:
    void applyFilters();

    GrantsTableModel *m_model = nullptr;
    QComboBox *m_viewChooser = nullptr;
    QComboBox *m_state = nullptr;
    QSpinBox *m_days = nullptr;
};

} // namespace rolecall
