#pragma once

#include "domain/roles.h"

#include <QPointer>
#include <QWidget>

class QAction;
class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QHBoxLayout;
class QLineEdit;
class QProgressDialog;
class QSplitter;
class QTableView;
class QTimer;

namespace rolecall {

class DataSource;
class UserDetailPanel;
class UsersCsvExport;
class UsersTableModel;

// The Users screen: the paged users table with server-side search, role,
// "no role" and "as of" filters and sortable columns, beside the detail panel
// of the selected user, and the actions on them (grant, end, bulk grant,
// export, copy). Edits are offered only with write access; the window says
// who the admin is (setAccess()).
class UsersScreen final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UsersScreen)

public:
    explicit UsersScreen(QWidget *parent = nullptr);
    ~UsersScreen() override;

    // A new model over `source` (not owned; nullptr: none). Nothing loads
    // until start() says which schema the source has.
    void setDataSource(DataSource *source);
    // The schema is known: fill the role filter and load the first page.
    void start(const SchemaInfo &schema);
    // Who writes, if anyone: without `canWrite` the edit actions are disabled
    // with `readOnlyReason` as their tooltip.
    void setAccess(bool canWrite, const Actor &actor, const QString &readOnlyReason);

    UsersTableModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QLineEdit *searchField() const { return m_search; }
    QComboBox *roleFilter() const { return m_roleFilter; }
    QCheckBox *noRoleFilter() const { return m_noRole; }
    QCheckBox *asOfEnabled() const { return m_asOfEnabled; }
    QDateTimeEdit *asOfEdit() const { return m_asOf; }
    UserDetailPanel *detailPanel() const { return m_detail; }
    QSplitter *splitter() const { return m_splitter; }
    QAction *grantAction() const { return m_grantAction; }
    QAction *endAction() const { return m_endAction; }
    QAction *bulkGrantAction() const { return m_bulkAction; }
    QAction *exportAction() const { return m_exportAction; }
    QAction *copyAction() const { return m_copyAction; }
    // The user the current row shows (empty id: none), from the model's roles.
    User currentUser() const;
    // Clerk IDs (else row ids) of the selected rows.
    QStringList selectedUserKeys() const;
    // The filters as the data source takes them, and in words.
    UserQuery currentFilter() const;
    QString filterDescription() const;

    void saveSettings() const;
    void restoreSettings();

public Q_SLOTS:
    void refresh();
    void focusSearch();
    void openDetail();
    // Searches for `key` (Clerk ID, email, name) and opens the first match's detail.
    void openUser(const QString &key);
    void grantRole();
    void endGrant();
    void bulkGrant();
    void exportUsers();
    // Exports the current filter's users to `path` without asking; progress
    // and the result show in a progress dialog and exportFinished().
    bool exportTo(const QString &path);
    void copySelection();

Q_SIGNALS:
    void loadingChanged(bool loading);
    void countChanged();
    void errorOccurred(const QString &message);
    void pageLoaded();
    void message(const QString &text); // for the status bar
    void exportFinished(bool ok, const QString &message);

private:
    void buildFilterBar(QHBoxLayout *bar);
    void buildActions();
    void applyFilters();
    void attachModel();
    void currentRowChanged();
    void updateActions();
    void fitColumnsToContents();
    void afterWrite();

    QPointer<DataSource> m_source;
    UsersTableModel *m_model = nullptr;
    QLineEdit *m_search = nullptr;
    QTimer *m_searchDebounce = nullptr;
    QComboBox *m_roleFilter = nullptr;
    QCheckBox *m_noRole = nullptr;
    QCheckBox *m_asOfEnabled = nullptr;
    QDateTimeEdit *m_asOf = nullptr;
    QSplitter *m_splitter = nullptr;
    QTableView *m_view = nullptr;
    UserDetailPanel *m_detail = nullptr;
    QAction *m_grantAction = nullptr;
    QAction *m_endAction = nullptr;
    QAction *m_bulkAction = nullptr;
    QAction *m_exportAction = nullptr;
    QAction *m_copyAction = nullptr;
    UsersCsvExport *m_export = nullptr;
    QPointer<QProgressDialog> m_exportProgress;
    QStringList m_roles;
    QString m_savedRole;
    Actor m_actor;
    QString m_readOnlyReason;
    QString m_pendingUser; // openUser() before the model was ready
    bool m_canWrite = false;
    bool m_started = false;
};

} // namespace rolecall
