#pragma once

#include "screens/datascreen.h"

class QAbstractItemModel;
class QComboBox;
class QTableView;

namespace rolecall {

struct SchemaInfo;

// What the Grants and Audit screens share beyond DataScreen: a role filter
// filled from the database's enum, the table, and a refresh() that first asks
// the data source which schema it has (a schema without roles gets a calm
// "not available" instead of an error), then hands over to the screen.
//
//   refresh() ─▶ detectSchema() ──▶ roles?  yes ─▶ role filter refilled ─▶ schemaReady(schema)
//                                                   ─▶ the model loads
//                                           no  ─▶ clearModel() + "not available"
class TableScreen : public DataScreen
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TableScreen)

public:
    explicit TableScreen(QWidget *parent = nullptr);
    ~TableScreen() override;

    QTableView *view() const { return m_view; }
    QComboBox *roleFilter() const { return m_role; }
    bool isAvailable() const { return m_available; } // false for schemas without roles

    // The table as CSV (header, then every loaded row; instants in UTC ISO 8601).
    QString tableCsv() const override;

public Q_SLOTS:
    void refresh() override;

protected:
    void setModel(QAbstractItemModel *model);
    // For the model's loadingChanged(): busy while it loads or the schema is asked for.
    void setModelBusy(bool busy);
    // The schema has roles: the role filter holds them; apply the filters and
    // (re)load the model.
    virtual void schemaReady(const SchemaInfo &schema) = 0;
    // No data source, or a schema without roles: show nothing, ask nothing.
    virtual void clearModel() = 0;

private:
    void fillRoleFilter(const QStringList &roles);

    QTableView *m_view = nullptr;
    QComboBox *m_role = nullptr;
    quint64 m_schemaRequest = 0;
    bool m_detecting = false;
    bool m_available = false;
    bool m_columnsFitted = false;
};

// A one-line explanation for a data source whose schema has no roles.
QString rolesNotAvailableText(const SchemaInfo &schema);

} // namespace rolecall
