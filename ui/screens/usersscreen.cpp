#include "screens/usersscreen.h"

#include "dialogs/bulkgrantdialog.h"
#include "dialogs/endgrantdialog.h"
#include "dialogs/grantroledialog.h"
#include "itemmodels/modelroles.h"
#include "itemmodels/userscsvexport.h"
#include "itemmodels/userstablemodel.h"
#include "services/datasource.h"
#include "widgets/tablecopy.h"
#include "widgets/userdetailpanel.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QProgressDialog>
#include <QSettings>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <memory>

namespace rolecall {

namespace {
constexpr int searchDebounceMs = 250;
const QString settingsGroup = QStringLiteral("usersScreen/");
} // namespace

UsersScreen::UsersScreen(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("usersScreen"));
    setAccessibleName(tr("Users"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 6, 0, 0);
    auto *bar = new QHBoxLayout;
    buildFilterBar(bar);
    layout->addLayout(bar);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("usersSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_view = new QTableView(m_splitter);
    m_view->setObjectName(QStringLiteral("usersView"));
    m_view->setAccessibleName(tr("Users"));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->horizontalHeader()->setHighlightSections(false);
    m_view->horizontalHeader()->setStretchLastSection(true);
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

    connect(m_view, &QAbstractItemView::activated, this, &UsersScreen::openDetail);
    connect(m_detail, &UserDetailPanel::grantRoleRequested, this, &UsersScreen::grantRole);
    connect(m_detail, &UserDetailPanel::endGrantRequested, this, &UsersScreen::endGrant);
    connect(m_detail, &UserDetailPanel::loaded, this, &UsersScreen::updateActions);
    connect(m_detail->timelineView()->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &UsersScreen::updateActions);
    buildActions();

    setTabOrder(m_search, m_roleFilter);
    setTabOrder(m_roleFilter, m_noRole);
    setTabOrder(m_noRole, m_asOfEnabled);
    setTabOrder(m_asOfEnabled, m_asOf);
    setTabOrder(m_asOf, m_view);
    setTabOrder(m_view, m_detail);
    updateActions();
}

UsersScreen::~UsersScreen() = default;

void UsersScreen::buildFilterBar(QHBoxLayout *bar)
{
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("searchField"));
    m_search->setPlaceholderText(tr("Search name, email or Clerk ID"));
    m_search->setAccessibleName(tr("Search users"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(m_search->fontMetrics().horizontalAdvance(QLatin1Char('M')) * 18);
    m_searchDebounce = new QTimer(this);
    m_searchDebounce->setSingleShot(true);
    m_searchDebounce->setInterval(searchDebounceMs);
    connect(m_search, &QLineEdit::textChanged, m_searchDebounce, qOverload<>(&QTimer::start));
    connect(m_searchDebounce, &QTimer::timeout, this, [this] {
        if (m_model && m_started)
            m_model->setSearch(m_search->text());
    });

    m_roleFilter = new QComboBox(this);
    m_roleFilter->setObjectName(QStringLiteral("roleFilter"));
    m_roleFilter->setAccessibleName(tr("Only users with this role"));
    m_roleFilter->addItem(tr("Any role"), QString());
    m_roleFilter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    auto *roleLabel = new QLabel(tr("&Role:"), this);
    roleLabel->setBuddy(m_roleFilter);

    m_noRole = new QCheckBox(tr("&No role"), this);
    m_noRole->setObjectName(QStringLiteral("noRoleFilter"));
    m_noRole->setAccessibleName(tr("Only users without any role"));
    m_noRole->setToolTip(tr("Only users who hold no role at the instant shown"));

    m_asOfEnabled = new QCheckBox(tr("&As of"), this);
    m_asOfEnabled->setObjectName(QStringLiteral("asOfEnabled"));
    m_asOfEnabled->setAccessibleName(tr("Show roles as of a past or future instant"));
    m_asOfEnabled->setToolTip(tr("Time travel: roles and filters as they stood at this instant"));
    m_asOf = new QDateTimeEdit(QDateTime::currentDateTime(), this);
    m_asOf->setObjectName(QStringLiteral("asOfEdit"));
    m_asOf->setAccessibleName(tr("As of"));
    m_asOf->setCalendarPopup(true);
    m_asOf->setDisplayFormat(QLocale().dateTimeFormat(QLocale::ShortFormat));
    m_asOf->setEnabled(false);

    bar->addWidget(m_search, 2);
    bar->addSpacing(8);
    bar->addWidget(roleLabel);
    bar->addWidget(m_roleFilter);
    bar->addWidget(m_noRole);
    bar->addSpacing(8);
    bar->addWidget(m_asOfEnabled);
    bar->addWidget(m_asOf);
    bar->addStretch(1);

    connect(m_roleFilter, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_roleFilter->currentData().toString().isEmpty())
            m_noRole->setChecked(false); // the two filters exclude each other
        applyFilters();
    });
    connect(m_noRole, &QCheckBox::toggled, this, [this](bool on) {
        if (on)
            m_roleFilter->setCurrentIndex(0);
        applyFilters();
    });
    connect(m_asOfEnabled, &QCheckBox::toggled, m_asOf, &QWidget::setEnabled);
    connect(m_asOfEnabled, &QCheckBox::toggled, this, &UsersScreen::applyFilters);
    connect(m_asOf, &QDateTimeEdit::dateTimeChanged, this, [this] {
        if (m_asOfEnabled->isChecked())
            applyFilters();
    });
}

void UsersScreen::buildActions()
{
    m_grantAction = new QAction(tr("&Grant Role…"), this);
    m_grantAction->setObjectName(QStringLiteral("grantRoleAction"));
    m_grantAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_G));
    connect(m_grantAction, &QAction::triggered, this, &UsersScreen::grantRole);
    m_endAction = new QAction(tr("&End Grant…"), this);
    m_endAction->setObjectName(QStringLiteral("endGrantAction"));
    connect(m_endAction, &QAction::triggered, this, &UsersScreen::endGrant);
    m_bulkAction = new QAction(tr("&Bulk Grant…"), this);
    m_bulkAction->setObjectName(QStringLiteral("bulkGrantAction"));
    m_bulkAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_G));
    connect(m_bulkAction, &QAction::triggered, this, &UsersScreen::bulkGrant);
    m_exportAction = new QAction(tr("&Export Users to CSV…"), this);
    m_exportAction->setObjectName(QStringLiteral("exportAction"));
    m_exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    connect(m_exportAction, &QAction::triggered, this, &UsersScreen::exportUsers);
    m_copyAction = new QAction(tr("&Copy Rows"), this);
    m_copyAction->setObjectName(QStringLiteral("copyAction"));
    m_copyAction->setShortcut(QKeySequence::Copy);
    m_copyAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_copyAction, &QAction::triggered, this, &UsersScreen::copySelection);
    m_view->addAction(m_copyAction);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    for (QAction *action : {m_grantAction, m_bulkAction, m_exportAction})
        m_view->addAction(action);
}

void UsersScreen::setDataSource(DataSource *source)
{
    if (m_export) {
        m_export->cancel();
        delete m_export;
        m_export = nullptr;
    }
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
    connect(m_model, &UsersTableModel::errorOccurred, this, &UsersScreen::errorOccurred);
    updateActions();
}

void UsersScreen::start(const SchemaInfo &schema)
{
    m_roles = schema.hasRoles() ? schema.roles : QStringList();
    {
        const QSignalBlocker blocker(m_roleFilter);
        const QString wanted =
            m_savedRole.isEmpty() ? m_roleFilter->currentData().toString() : m_savedRole;
        m_roleFilter->clear();
        m_roleFilter->addItem(tr("Any role"), QString());
        for (const QString &role : std::as_const(m_roles))
            m_roleFilter->addItem(role, role);
        m_roleFilter->setCurrentIndex(std::max(0, m_roleFilter->findData(wanted)));
        m_savedRole.clear();
    }
    for (QWidget *w : std::initializer_list<QWidget *>{m_roleFilter, m_noRole, m_asOfEnabled})
        w->setEnabled(schema.hasRoles());
    m_started = true;
    if (m_model) {
        // Search first: each setter reloads only when its value changes.
        m_model->setSearch(m_search->text());
        applyFilters();
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
            fitColumnsToContents();
        });
    }
}

void UsersScreen::applyFilters()
{
    if (!m_model || !m_started)
        return;
    // The model reloads once per change; each setter is a no-op when unchanged.
    m_model->setRoleFilter(m_roleFilter->currentData().toString());
    m_model->setNoRoleFilter(m_noRole->isChecked());
    m_model->setAsOf(m_asOfEnabled->isChecked() ? m_asOf->dateTime() : QDateTime());
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
    const bool roles = !m_roles.isEmpty();
    const bool hasUser = m_detail->hasUser();
    const bool writable = m_canWrite && roles;
    const QString why = !roles && m_started ? tr("This database has no roles.") : m_readOnlyReason;
    auto offer = [&](QAction *action, bool enabled, const QString &tip) {
        action->setEnabled(writable && enabled);
        action->setToolTip(writable ? tip : why);
    };
    offer(m_grantAction, hasUser, tr("Grant a role to the selected user"));
    offer(m_endAction, m_detail->selectedGrant() != nullptr,
          tr("End the grant selected in the history"));
    offer(m_bulkAction, m_model != nullptr, tr("Grant a role to the selection or the filter"));
    m_exportAction->setEnabled(m_model != nullptr);
    m_copyAction->setEnabled(m_view->selectionModel() && m_view->selectionModel()->hasSelection());
}

User UsersScreen::currentUser() const
{
    User user;
    if (!m_model)
        return user;
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid())
        return user;
    const QModelIndex row = m_model->index(current.row(), UsersTableModel::NameColumn);
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
    const UserQuery q = currentFilter();
    QStringList parts;
    if (!q.search.isEmpty())
        parts << tr("matching \"%1\"").arg(q.search);
    if (!q.role.isEmpty())
        parts << tr("holding %1").arg(q.role);
    if (q.noRole)
        parts << tr("holding no role");
    if (q.asOf.isValid())
        parts << tr("as of %1").arg(QLocale().toString(q.asOf.toLocalTime(), QLocale::ShortFormat));
    if (parts.isEmpty())
        return tr("all users");
    return parts.join(QStringLiteral(", "));
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

void UsersScreen::openUser(const QString &key)
{
    m_search->setText(key);
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
        m_model->refresh();
    m_detail->reload();
}

void UsersScreen::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void UsersScreen::afterWrite()
{
    refresh();
    Q_EMIT message(tr("Saved."));
}

void UsersScreen::grantRole()
{
    if (!m_canWrite || !m_detail->hasUser() || !m_source)
        return;
    auto *dialog = new GrantRoleDialog(m_source, m_actor, m_detail->user(), m_roles, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &GrantRoleDialog::granted, this, &UsersScreen::afterWrite);
    connect(dialog, &GrantRoleDialog::refreshNeeded, this, &UsersScreen::refresh);
    dialog->open();
}

void UsersScreen::endGrant()
{
    const GrantView *grant = m_detail->selectedGrant();
    if (!m_canWrite || !grant || !m_source)
        return;
    auto *dialog = new EndGrantDialog(m_source, m_actor, *grant, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &EndGrantDialog::ended, this, &UsersScreen::afterWrite);
    connect(dialog, &EndGrantDialog::refreshNeeded, this, &UsersScreen::refresh);
    dialog->open();
}

void UsersScreen::bulkGrant()
{
    if (!m_canWrite || !m_source)
        return;
    QStringList keys = selectedUserKeys();
    if (keys.size() < 2)
        keys.clear(); // one highlighted row is where the cursor is, not a selection
    auto *dialog = new BulkGrantDialog(m_source, m_actor, m_roles, keys, currentFilter(),
                                       filterDescription(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &BulkGrantDialog::applied, this, &UsersScreen::afterWrite);
    connect(dialog, &BulkGrantDialog::refreshNeeded, this, &UsersScreen::refresh);
    dialog->open();
}

void UsersScreen::exportUsers()
{
    if (!m_model)
        return;
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export Users"), dir + QStringLiteral("/users.csv"), tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        exportTo(path);
}

bool UsersScreen::exportTo(const QString &path)
{
    if (!m_source)
        return false;
    if (!m_export) {
        m_export = new UsersCsvExport(m_source, this);
        connect(m_export, &UsersCsvExport::progress, this, [this](qint64 written) {
            if (m_exportProgress)
                m_exportProgress->setValue(int(std::min<qint64>(written, INT_MAX)));
        });
        connect(m_export, &UsersCsvExport::totalKnown, this, [this](qint64 total) {
            if (m_exportProgress)
                m_exportProgress->setMaximum(int(std::min<qint64>(total, INT_MAX)));
        });
        auto done = [this](bool ok, const QString &text) {
            if (m_exportProgress)
                m_exportProgress->deleteLater();
            Q_EMIT message(text);
            Q_EMIT exportFinished(ok, text);
        };
        connect(m_export, &UsersCsvExport::finished, this, [done](qint64 written) {
            done(true,
                 tr("Exported %Ln user(s).", nullptr, int(std::min<qint64>(written, INT_MAX))));
        });
        connect(m_export, &UsersCsvExport::failed, this, [done](const QString &problem) {
            done(false, tr("Export failed: %1").arg(problem));
        });
        connect(m_export, &UsersCsvExport::cancelled, this,
                [done] { done(false, tr("Export cancelled; no file was written.")); });
    }
    QString error;
    if (!m_export->start(currentFilter(), path, &error)) {
        Q_EMIT message(error);
        Q_EMIT exportFinished(false, error);
        return false;
    }
    if (m_exportProgress)
        m_exportProgress->deleteLater();
    m_exportProgress = new QProgressDialog(tr("Exporting users (%1)…").arg(filterDescription()),
                                           tr("Cancel"), 0, 0, this);
    m_exportProgress->setObjectName(QStringLiteral("exportProgress"));
    m_exportProgress->setAccessibleName(tr("Export progress"));
    m_exportProgress->setWindowModality(Qt::NonModal);
    m_exportProgress->setAutoClose(false);
    m_exportProgress->setAutoReset(false);
    m_exportProgress->setMinimumDuration(300);
    connect(m_exportProgress, &QProgressDialog::canceled, m_export, &UsersCsvExport::cancel);
    return true;
}

void UsersScreen::copySelection()
{
    const int rows = copySelectedRows(m_view);
    if (rows > 0)
        Q_EMIT message(tr("Copied %1 rows.").arg(rows));
}

void UsersScreen::fitColumnsToContents()
{
    const int em = m_view->fontMetrics().horizontalAdvance(QLatin1Char('M'));
    auto *header = m_view->horizontalHeader();
    for (int column = 0; column < UsersTableModel::ColumnCount - 1; ++column) {
        const QAbstractItemView *view = m_view; // QTableView hides the public overload
        const int wanted =
            std::max(view->sizeHintForColumn(column), header->sectionSizeHint(column));
        header->resizeSection(column, std::min(wanted + em, 30 * em));
    }
}

void UsersScreen::saveSettings() const
{
    QSettings settings;
    settings.setValue(settingsGroup + QStringLiteral("splitter"), m_splitter->saveState());
    settings.setValue(settingsGroup + QStringLiteral("search"), m_search->text());
    settings.setValue(settingsGroup + QStringLiteral("role"),
                      m_roleFilter->currentData().toString());
    settings.setValue(settingsGroup + QStringLiteral("noRole"), m_noRole->isChecked());
    if (m_view->model())
        settings.setValue(QStringLiteral("mainWindow/usersHeader"),
                          m_view->horizontalHeader()->saveState());
}

void UsersScreen::restoreSettings()
{
    const QSettings settings;
    m_splitter->restoreState(
        settings.value(settingsGroup + QStringLiteral("splitter")).toByteArray());
    // As of is left out on purpose: reopening on a past instant would mislead.
    const QSignalBlocker blockSearch(m_search);
    m_search->setText(settings.value(settingsGroup + QStringLiteral("search")).toString());
    m_savedRole = settings.value(settingsGroup + QStringLiteral("role")).toString();
    const QSignalBlocker blockNoRole(m_noRole);
    m_noRole->setChecked(settings.value(settingsGroup + QStringLiteral("noRole")).toBool());
}

} // namespace rolecall
