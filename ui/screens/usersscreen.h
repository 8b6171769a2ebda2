#pragma once

#include "domain/roles.h"
#include "screens/screen.h"
#include "screens/usersactions.h"
#include "widgets/usersfilterbar.h"

#include <QPointer>
#include <QWidget>

class QAction;
class QSplitter;
class QTableView;

namespace rolecall {

class SearchListKeys;
class UserDetailPanel;
class ExportFlow;
class UsersTableModel;

// The Users screen: the paged users table with server-side search, role,
// "no role" and "as of" filters (UsersFilterBar) and sortable columns, beside
// the detail panel of the selected user, and the actions on them (grant, end,
// bulk grant, export, copy). Edits are offered only with write access; the
// window says who the admin is (setAccess()).
//
//   setDataSource(source) ─▶ a model, not yet shown ─┐
//   (window) detectSchema ─▶ start(schema) ──────────┴▶ filters applied, model attached,
//                                                       first page; openUser() waits for it
//   filter bar changes ─▶ filterChanged(query) ─▶ the model reloads
//   grant / end / bulk ─▶ dialog (open()) ─▶ granted / ended / applied ─▶ refresh()
//                                          └▶ refused (not permitted) ─▶ writeRefused(reason)
//   export ─▶ chooseCsvFile (open()) ─▶ ExportFlow ─▶ exportFinished()
class UsersScreen final : public QWidget, public Screen
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UsersScreen)

public:
    explicit UsersScreen(QWidget *parent = nullptr);
    ~UsersScreen() override;

    QWidget *widget() override { return this; }
    QString title() const override { return tr("&Users"); }
    QAction *exportAction() const override { return m_actions->exportUsers(); }
    // A new model over `source` (not owned; nullptr: none). Nothing loads
    // until start() says which schema the source has.
    void setDataSource(DataSource *source) override;
    // The schema is known: fill the role filter and load the first page.
    void start(const SchemaInfo &schema);
    // Who writes, if anyone: without `canWrite` the edit actions are disabled
    // with `readOnlyReason` as their tooltip.
    void setAccess(bool canWrite, const Actor &actor, const QString &readOnlyReason);

    UsersTableModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    UsersFilterBar *filterBar() const { return m_filters; }
    QLineEdit *searchField() const { return m_filters->searchField(); }
    QComboBox *roleFilter() const { return m_filters->roleFilter(); }
    QCheckBox *noRoleFilter() const { return m_filters->noRoleFilter(); }
    QCheckBox *asOfEnabled() const { return m_filters->asOfEnabled(); }
    QDateTimeEdit *asOfEdit() const { return m_filters->asOfEdit(); }
    UserDetailPanel *detailPanel() const { return m_detail; }
    QSplitter *splitter() const { return m_splitter; }
    QAction *grantAction() const { return m_actions->grant(); }
    QAction *endAction() const { return m_actions->end(); }
    QAction *bulkGrantAction() const { return m_actions->bulkGrant(); }
    QAction *copyAction() const { return m_actions->copy(); }
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
    void refresh() override;
    void focusSearch();
    // Down from the search: the first result, once the search typed so far
    // has loaded.
    void focusFirstResult();
    // Escape: closes the detail (true), or there was none open (false).
    bool closeDetail();
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
    // A write dialog's write was refused for this person (WriteDialog::writeRefused).
    void writeRefused(const QString &reason);

private:
    void buildActions();
    void applyFilter(const UserQuery &filter);
    void attachModel();
    void currentRowChanged();
    void updateActions();
    void afterWrite();
    // Exactly one user matches: Ctrl+G acts on them without selecting first.
    bool hasOnlyOneResult() const;
    template <typename Dialog, typename Saved>
    void openWriteDialog(Dialog *dialog, Saved saved);

    QPointer<DataSource> m_source;
    UsersTableModel *m_model = nullptr;
    UsersFilterBar *m_filters = nullptr;
    QSplitter *m_splitter = nullptr;
    QTableView *m_view = nullptr;
    UserDetailPanel *m_detail = nullptr;
    UsersActions *m_actions = nullptr;
    ExportFlow *m_export = nullptr;
    SearchListKeys *m_keys = nullptr;
    QStringList m_roles;
    Actor m_actor;
    QString m_readOnlyReason;
    QString m_pendingUser; // openUser() before the model was ready
    bool m_canWrite = false;
    bool m_started = false;
};

} // namespace rolecall
