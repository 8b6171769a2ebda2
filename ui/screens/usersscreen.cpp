#include "screens/usersscreen.h"

#include "dialogs/bulkgrantdialog.h"
#include "dialogs/endgrantdialog.h"
#include "dialogs/grantroledialog.h"
#include "itemmodels/modelroles.h"
#include "itemmodels/userscsvexport.h"
#include "itemmodels/userstablemodel.h"
#include "screens/exportflow.h"
#include "services/datasource.h"
#include "widgets/accessexplainer.h"
#include "widgets/csvsaveflow.h"
#include "widgets/rowtable.h"
#include "widgets/searchlistkeys.h"
#include "widgets/tablecopy.h"
#include "widgets/userdetailpanel.h"
#include "widgets/usersfilterbar.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QHeaderView>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QSettings>
#include <QShortcut>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableView>
#include <QVBoxLayout>

#include <memory>

namespace rolecall {

namespace {
const QString settingsGroup = QStringLiteral("usersScreen/");
} // namespace

UsersScreen::UsersScreen(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("usersScreen"));
    setAccessibleName(tr("Users"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 6, 0, 0);
    m_filters = new UsersFilterBar(this);
    layout->addWidget(m_filters);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("usersSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_view = new QTableView(m_splitter);
    m_view->setObjectName(QStringLiteral("usersView"));
    m_view->setAccessibleName(tr("Users"));
    setUpRowTable(m_view);
    // Newest first is the keyset order the model pages in; the header says so.
    m_view->horizontalHeader()->setSortIndicator(UsersTableModel::CreatedColumn,
                                                 Qt::DescendingOrder);
    m_view->setSortingEnabled(true);
    m_detail = new UserDetailPanel(m_splitter);
    m_detail->setMinimumWidth(fontMetrics().horizontalAdvance(QLatin1Char('M')) * 20);
    m_detail->hide(); // opens on the first selected user
    m_splitter->addWidget(m_view);
    m_splitter->addWidget(m_detail);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    layout->addWidget(m_splitter, 1);

    connect(m_filters, &UsersFilterBar::filterChanged, this, &UsersScreen::applyFilter);
    connect(m_view, &QAbstractItemView::activated, this, &UsersScreen::openDetail);
    connect(m_detail, &UserDetailPanel::grantRoleRequested, this, &UsersScreen::grantRole);
    connect(m_detail, &UserDetailPanel::endGrantRequested, this, &UsersScreen::endGrant);
    connect(m_detail, &UserDetailPanel::loaded, this, &UsersScreen::updateActions);
    connect(m_detail->timelineView()->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &UsersScreen::updateActions);
    buildActions();
    m_export = new ExportFlow(this);
    connect(m_export, &ExportFlow::finished, this, [this](bool ok, const QString &text) {
        Q_EMIT message(text);
        Q_EMIT exportFinished(ok, text);
    });

    // Keyboard first: search ─▶ results ─▶ detail (history, explain access)
    // ─▶ its actions ─▶ the other filters.
    m_keys = new SearchListKeys(searchField(), m_view, this);
    m_keys->setGoToFirst([this] { focusFirstResult(); });
    m_keys->setOnEscape([this] { return closeDetail(); });
    auto *escapeDetail = new QShortcut(QKeySequence(Qt::Key_Escape), m_detail);
    escapeDetail->setContext(Qt::WidgetWithChildrenShortcut);
    connect(escapeDetail, &QShortcut::activated, this, [this] {
        closeDetail();
        m_view->setFocus(Qt::ShortcutFocusReason);
    });
    setTabOrder(searchField(), m_view);
    setTabOrder(m_view, m_detail->timelineView());
    // (The explainer's one stop is its role box. Not as a focus proxy: with
    // one, setTabOrder() left a loop in the chain, a trap tst_taborder found.)
    auto *explainRole = m_detail->explainer()->findChild<QComboBox *>();
    setTabOrder(m_detail->timelineView(), explainRole);
    setTabOrder(explainRole, m_detail->grantButton());
    setTabOrder(m_detail->grantButton(), m_detail->endButton());
    setTabOrder(m_detail->endButton(), roleFilter());
    setTabOrder(roleFilter(), noRoleFilter());
    setTabOrder(noRoleFilter(), asOfEnabled());
    setTabOrder(asOfEnabled(), asOfEdit());
    updateActions();
}

UsersScreen::~UsersScreen() = default;

void UsersScreen::buildActions()
{
    m_actions = new UsersActions(this);
    connect(grantAction(), &QAction::triggered, this, &UsersScreen::grantRole);
    connect(endAction(), &QAction::triggered, this, &UsersScreen::endGrant);
    connect(bulkGrantAction(), &QAction::triggered, this, &UsersScreen::bulkGrant);
    connect(exportAction(), &QAction::triggered, this, &UsersScreen::exportUsers);
    connect(copyAction(), &QAction::triggered, this, &UsersScreen::copySelection);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    for (QAction *action : {copyAction(), grantAction(), bulkGrantAction(), exportAction()})
        m_view->addAction(action);
}

void UsersScreen::setDataSource(DataSource *source)
{
    m_export->setDataSource(source);
    if (m_model) {
        m_view->setModel(nullptr);
        delete m_model;
        m_model = nullptr;
    }
    m_source = source;
    m_started = false;
    m_detail->setDataSource(source);
    m_detail->hide();
    if (!source) {
        updateActions();
        return;
    }
    // The view gets the model in start(): a view asks for rows as soon as it
    // has a model, and rows must wait for the schema and the restored filters.
    m_model = new UsersTableModel(source, this);
    connect(m_model, &UsersTableModel::loadingChanged, this, &UsersScreen::loadingChanged);
    connect(m_model, &UsersTableModel::totalCountChanged, this, &UsersScreen::countChanged);
    connect(m_model, &UsersTableModel::pageLoaded, this, &UsersScreen::countChanged);
    connect(m_model, &UsersTableModel::pageLoaded, this, &UsersScreen::pageLoaded);
    connect(m_model, &UsersTableModel::pageLoaded, this, &UsersScreen::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, &UsersScreen::updateActions);
    connect(m_model, &UsersTableModel::errorOccurred, this, &UsersScreen::errorOccurred);
    updateActions();
}

void UsersScreen::start(const SchemaInfo &schema)
{
    m_roles = schema.hasRoles() ? schema.roles : QStringList();
    m_filters->setRoles(m_roles);
    m_detail->setRoles(m_roles);
    m_started = true;
    if (m_model) {
        applyFilter(m_filters->filter());
        attachModel();
        if (!m_pendingUser.isEmpty())
            openUser(QString(m_pendingUser)); // a copy: openUser() clears the member
    }
    updateActions();
}

void UsersScreen::attachModel()
{
    m_view->setModel(m_model);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &UsersScreen::currentRowChanged);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &UsersScreen::updateActions);
    // Remembered column widths win; otherwise fit the columns to the first page.
    const QSettings settings;
    const bool restored = m_view->horizontalHeader()->restoreState(
        settings.value(QStringLiteral("mainWindow/usersHeader")).toByteArray());
    if (!restored) {
        auto fitOnce = std::make_shared<QMetaObject::Connection>();
        *fitOnce = connect(m_model, &UsersTableModel::pageLoaded, this, [this, fitOnce] {
            disconnect(*fitOnce);
            const int em = m_view->fontMetrics().horizontalAdvance(QLatin1Char('M'));
            fitColumnsToContents(m_view, 30 * em, em);
        });
    }
}

void UsersScreen::applyFilter(const UserQuery &filter)
{
    if (!m_model || !m_started)
        return;
    // Search first; each setter reloads only when its value changes.
    m_model->setSearch(filter.search);
    m_model->setRoleFilter(filter.role);
    m_model->setNoRoleFilter(filter.noRole);
    m_model->setAsOf(filter.asOf);
    if (m_detail->hasUser())
        m_detail->setUser(m_detail->user(), m_model->asOf());
}

void UsersScreen::setAccess(bool canWrite, const Actor &actor, const QString &readOnlyReason)
{
    m_canWrite = canWrite;
    m_actor = actor;
    m_readOnlyReason = readOnlyReason.isEmpty() && !canWrite
                           ? tr("Read-only: only a signed-in active ADMIN may change roles.")
                           : readOnlyReason;
    m_detail->setWriteAccess(canWrite, m_readOnlyReason);
    updateActions();
}

void UsersScreen::updateActions()
{
    UsersActions::State state;
    state.canWrite = m_canWrite;
    state.started = m_started;
    state.hasRoles = !m_roles.isEmpty();
    state.hasModel = m_model != nullptr;
    state.hasUser = m_detail->hasUser() || hasOnlyOneResult();
    state.hasGrant = m_detail->selectedGrant() != nullptr;
    state.hasSelection = m_view->selectionModel() && m_view->selectionModel()->hasSelection();
    state.readOnlyReason = m_readOnlyReason;
    m_actions->update(state);
}

User UsersScreen::currentUser() const
{
    User user;
    if (!m_model || !m_view->currentIndex().isValid())
        return user;
    const QModelIndex row =
        m_model->index(m_view->currentIndex().row(), UsersTableModel::NameColumn);
    user.id = row.data(UserIdRole).toString();
    user.clerkId = row.data(ClerkIdRole).toString();
    user.email = row.data(EmailRole).toString();
    user.createdAt = row.data(CreatedAtRole).toDateTime();
    user.activeRoles = row.data(ActiveRolesRole).toStringList();
    // The model gives the name whole; keep it whole (displayName() joins the parts).
    user.firstName = row.data(Qt::DisplayRole).toString();
    return user;
}

QStringList UsersScreen::selectedUserKeys() const
{
    QStringList keys;
    if (!m_view->selectionModel())
        return keys;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows()) {
        const QString clerkId = index.data(ClerkIdRole).toString();
        keys << (clerkId.isEmpty() ? index.data(UserIdRole).toString() : clerkId);
    }
    return keys;
}

UserQuery UsersScreen::currentFilter() const
{
    UserQuery query;
    if (!m_model)
        return query;
    query.search = m_model->search();
    query.role = m_model->roleFilter();
    query.noRole = m_model->noRoleFilter();
    query.asOf = m_model->asOf();
    return query;
}

QString UsersScreen::filterDescription() const
{
    return describeUserFilter(currentFilter());
}

void UsersScreen::currentRowChanged()
{
    const User user = currentUser();
    if (user.id.isEmpty())
        return; // a reset: keep showing who was shown
    if (user.id != m_detail->user().id || !m_detail->hasUser())
        m_detail->setUser(user, m_model ? m_model->asOf() : QDateTime());
    if (m_detail->isHidden()) {
        m_detail->show();
        // Opened narrower than it reads well (first time, or a squeezed
        // remembered layout): give it two fifths of the width.
        const QList<int> sizes = m_splitter->sizes();
        const int total = sizes.value(0) + sizes.value(1);
        const int em = fontMetrics().horizontalAdvance(QLatin1Char('M'));
        if (sizes.value(1) < 30 * em && total > 0)
            m_splitter->setSizes({total - total * 2 / 5, total * 2 / 5});
    }
    updateActions();
}

void UsersScreen::openDetail()
{
    currentRowChanged();
    if (m_detail->isVisible())
        m_detail->timelineView()->setFocus(Qt::OtherFocusReason);
}

bool UsersScreen::hasOnlyOneResult() const
{
    return m_model && m_view->model() && !m_model->isLoading() && m_model->rowCount() == 1 &&
           m_model->isRowLoaded(0);
}

void UsersScreen::focusFirstResult()
{
    if (!m_model || !m_started)
        return;
    m_filters->applyPendingSearch(); // the text typed so far, now rather than after the pause
    if (!m_model->isLoading()) {
        m_keys->focusFirstRow();
        return;
    }
    // The rows on screen are an older search's: wait for this one's first page.
    auto once = std::make_shared<QMetaObject::Connection>();
    *once = connect(m_model, &UsersTableModel::pageLoaded, this, [this, once] {
        QObject::disconnect(*once);
        m_keys->focusFirstRow();
    });
}

bool UsersScreen::closeDetail()
{
    if (m_detail->isHidden())
        return false;
    m_detail->hide();
    return true;
}

void UsersScreen::openUser(const QString &key)
{
    m_filters->setSearchText(key);
    if (!m_model || !m_started) {
        m_pendingUser = key; // opened once the schema is known and the model attached
        return;
    }
    m_pendingUser.clear();
    const auto openFirst = [this] {
        if (m_model->rowCount() == 0)
            return;
        m_view->setCurrentIndex(m_model->index(0, 0));
        openDetail();
    };
    if (m_model->search() == key.trimmed() && !m_model->isLoading()) {
        openFirst();
        return;
    }
    // The first page of this search: select its first row and show its detail.
    auto once = std::make_shared<QMetaObject::Connection>();
    *once = connect(m_model, &UsersTableModel::pageLoaded, this, [this, once, key, openFirst] {
        QObject::disconnect(*once);
        if (m_model->search() == key.trimmed())
            openFirst();
    });
    m_model->setSearch(key);
}

void UsersScreen::refresh()
{
    if (m_model)
        m_model->refreshKeepingRows(); // an outage keeps the list on screen
    m_detail->reload();
}

void UsersScreen::focusSearch()
{
    m_filters->focusSearch();
}

void UsersScreen::afterWrite()
{
    refresh();
    Q_EMIT message(tr("Saved."));
}

// A write dialog, open() not exec(): a save reloads the table and the
// detail; a conflict ("someone changed this") reloads them too; a refusal
// of this person goes to the window, which turns read-only.
template <typename Dialog, typename Saved>
void UsersScreen::openWriteDialog(Dialog *dialog, Saved saved)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, saved, this, &UsersScreen::afterWrite);
    connect(dialog, &Dialog::refreshNeeded, this, &UsersScreen::refresh);
    connect(dialog, &Dialog::writeRefused, this, &UsersScreen::writeRefused);
    dialog->open();
}

void UsersScreen::grantRole()
{
    if (!m_detail->hasUser() && hasOnlyOneResult())
        m_view->setCurrentIndex(m_model->index(0, 0)); // shows them in the detail
    if (m_canWrite && m_detail->hasUser() && m_source)
        openWriteDialog(new GrantRoleDialog(m_source, m_actor, m_detail->user(), m_roles, this),
                        &GrantRoleDialog::granted);
}

void UsersScreen::endGrant()
{
    const GrantView *grant = m_detail->selectedGrant();
    if (m_canWrite && grant && m_source)
        openWriteDialog(new EndGrantDialog(m_source, m_actor, *grant, this),
                        &EndGrantDialog::ended);
}

void UsersScreen::bulkGrant()
{
    if (!m_canWrite || !m_source)
        return;
    QStringList keys = selectedUserKeys();
    if (keys.size() < 2)
        keys.clear(); // one highlighted row is where the cursor is, not a selection
    if (keys.isEmpty() && hasOnlyOneResult()) {
        // Exactly one user listed: Ctrl+Shift+G acts on them, as Ctrl+G does.
        const QModelIndex only = m_model->index(0, UsersTableModel::NameColumn);
        const QString clerkId = only.data(ClerkIdRole).toString();
        keys << (clerkId.isEmpty() ? only.data(UserIdRole).toString() : clerkId);
    }
    openWriteDialog(new BulkGrantDialog(m_source, m_actor, m_roles, keys, currentFilter(),
                                        filterDescription(), this),
                    &BulkGrantDialog::applied);
}

void UsersScreen::exportUsers()
{
    if (!m_model)
        return;
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    chooseCsvFile(this, tr("Export Users"), dir + QStringLiteral("/users.csv"),
                  [this](const QString &path) { exportTo(path); });
}

bool UsersScreen::exportTo(const QString &path)
{
    const ExportWording wording{
        tr("Exporting users (%1)…").arg(filterDescription()), [](qint64 rows) {
            return tr("Exported %Ln user(s).", nullptr, int(qMin<qint64>(rows, INT_MAX)));
        }};
    return m_export->start(UsersCsvExport::job(currentFilter()), wording, path);
}

void UsersScreen::copySelection()
{
    const CopiedRows copied = copySelectedRows(m_view);
    if (copied.rows > 0)
        Q_EMIT message(tr("Copied %1 rows.").arg(copied.rows));
}

void UsersScreen::saveSettings() const
{
    QSettings settings;
    settings.setValue(settingsGroup + QStringLiteral("splitter"), m_splitter->saveState());
    m_filters->saveSettings();
    if (m_view->model())
        settings.setValue(QStringLiteral("mainWindow/usersHeader"),
                          m_view->horizontalHeader()->saveState());
}

void UsersScreen::restoreSettings()
{
    const QSettings settings;
    m_splitter->restoreState(
        settings.value(settingsGroup + QStringLiteral("splitter")).toByteArray());
    m_filters->restoreSettings();
}

} // namespace rolecall
