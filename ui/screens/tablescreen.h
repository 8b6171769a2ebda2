#pragma once

#include "services/datasource.h"

#include <QPointer>
#include <QWidget>

class QAbstractItemModel;
class QHBoxLayout;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;

namespace rolecall {

struct SchemaInfo;

// What the Grants and Audit screens share: a row of filters, a problem banner,
// a busy bar, the table, and Refresh / Export CSV / Copy. refresh() first asks
// the data source which schema it has (a schema without roles gets a calm
// "not available" instead of an error), then hands over to the screen.
//
//   refresh() ─▶ detectSchema() ──▶ roles?  yes ─▶ schemaReady(schema) ─▶ model loads
//                                           no  ─▶ clearModel() + "not available"
class TableScreen : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TableScreen)

public:
    explicit TableScreen(QWidget *parent = nullptr);
    ~TableScreen() override;

    // Not owned; may change or become nullptr. Reloads.
    void setDataSource(DataSource *source);
    DataSource *dataSource() const { return m_source; }

    QTableView *view() const { return m_view; }
    QString bannerText() const; // empty when no banner shows
    bool isBusy() const;
    bool isAvailable() const { return m_available; } // false for schemas without roles

    // The table as CSV (header, then every loaded row; formula guard on).
    QString tableCsv() const;
    // Writes tableCsv() to `path`; false and *error set when it cannot.
    bool exportCsv(const QString &path, QString *error) const;
    // Copies the selected rows (tab-separated, header first) and returns them.
    QString copySelectedRows() const;

public Q_SLOTS:
    void refresh();
    void exportToFile(); // asks where, without a nested event loop

Q_SIGNALS:
    void busyChanged(bool busy);

protected:
    // The screen's filters go here, left of the buttons.
    QHBoxLayout *filterBar() const { return m_filters; }
    void setModel(QAbstractItemModel *model);
    void showBanner(const QString &message); // empty: hide
    void setBusy(bool busy);
    // The schema has roles: fill the filters and (re)load the model.
    virtual void schemaReady(const SchemaInfo &schema) = 0;
    // No data source, or a schema without roles: show nothing, ask nothing.
    virtual void clearModel() = 0;
    // A file name for exports, e.g. "grants".
    virtual QString exportBaseName() const = 0;

    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void fitColumns();

    QPointer<DataSource> m_source;
    QHBoxLayout *m_filters = nullptr;
    QLabel *m_banner = nullptr;
    QProgressBar *m_busy = nullptr;
    QTableView *m_view = nullptr;
    QPushButton *m_refresh = nullptr;
    QPushButton *m_export = nullptr;
    QPushButton *m_copy = nullptr;
    quint64 m_schemaRequest = 0;
    bool m_detecting = false;
    bool m_available = false;
    bool m_columnsFitted = false;
};

// A one-line explanation for a data source whose schema has no roles.
QString rolesNotAvailableText(const SchemaInfo &schema);

} // namespace rolecall
