#include "widgets/userdetailpanel.h"

#include "async/futurewatch.h"
#include "itemmodels/granttimelinemodel.h"
#include "services/datasource.h"
#include "widgets/accessexplainer.h"
#include "widgets/granttimelinedelegate.h"
#include "widgets/syncstatusbadge.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace rolecall {

UserDetailPanel::UserDetailPanel(QWidget *parent)
    : QWidget(parent)
    , m_timeline(new GrantTimelineModel(this))
{
    setObjectName(QStringLiteral("userDetailPanel"));
    setAccessibleName(tr("User details"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 0, 0, 0);

    m_name = new QLabel(this);
    m_name->setObjectName(QStringLiteral("detailName"));
    m_name->setTextFormat(Qt::PlainText);
    m_name->setAccessibleName(tr("Name"));
    QFont big = m_name->font();
    big.setPointSizeF(big.pointSizeF() * 1.25);
    big.setBold(true);
    m_name->setFont(big);
    m_name->setWordWrap(true);
    layout->addWidget(m_name);

    m_profile = new QLabel(this);
    m_profile->setObjectName(QStringLiteral("detailProfile"));
    m_profile->setTextFormat(Qt::PlainText);
    m_profile->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_profile->setAccessibleName(tr("Profile"));
    m_profile->setWordWrap(true);
    layout->addWidget(m_profile);

    m_roles = new QLabel(this);
    m_roles->setObjectName(QStringLiteral("detailRoles"));
    m_roles->setTextFormat(Qt::PlainText);
    m_roles->setAccessibleName(tr("Active roles"));
    m_roles->setWordWrap(true);
    layout->addWidget(m_roles);

    m_sync = new SyncStatusBadge(nullptr, {}, this);
    m_sync->setWordWrap(true);
    layout->addWidget(m_sync);

    auto *buttons = new QHBoxLayout;
    m_grantButton = new QPushButton(tr("&Grant Role…"), this);
    m_grantButton->setObjectName(QStringLiteral("grantRoleButton"));
    m_grantButton->setAccessibleName(tr("Grant role"));
    m_endButton = new QPushButton(tr("&End Grant…"), this);
    m_endButton->setObjectName(QStringLiteral("endGrantButton"));
    m_endButton->setAccessibleName(tr("End grant"));
    buttons->addWidget(m_grantButton);
    buttons->addWidget(m_endButton);
    buttons->addStretch(1);
    layout->addLayout(buttons);

    m_explainer = new AccessExplainer(this);
    layout->addWidget(m_explainer);

    auto *history = new QLabel(tr("Grant history (newest first)"), this);
    QFont bold = history->font();
    bold.setBold(true);
    history->setFont(bold);
    layout->addWidget(history);
    m_status = new QLabel(this);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setObjectName(QStringLiteral("detailStatus"));
    m_status->setWordWrap(true);
    m_status->setAccessibleName(tr("Grant history status"));
    m_status->hide();
    layout->addWidget(m_status);

    m_timelineView = new QListView(this);
    m_timelineView->setObjectName(QStringLiteral("grantTimeline"));
    m_timelineView->setAccessibleName(tr("Grant history"));
    m_timelineView->setModel(m_timeline);
    m_timelineView->setItemDelegate(new GrantTimelineDelegate(m_timelineView));
    m_timelineView->setWordWrap(true);
    m_timelineView->setAlternatingRowColors(true);
    m_timelineView->setSpacing(2);
    m_timelineView->setUniformItemSizes(false);
    m_timelineView->setResizeMode(QListView::Adjust);
    m_timelineView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    layout->addWidget(m_timelineView, 1);

    connect(m_grantButton, &QPushButton::clicked, this, &UserDetailPanel::grantRoleRequested);
    connect(m_endButton, &QPushButton::clicked, this, [this] {
        if (const GrantView *grant = selectedGrant())
            Q_EMIT endGrantRequested(*grant);
    });
    connect(m_timelineView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &UserDetailPanel::updateButtons);
    connect(m_timeline, &QAbstractItemModel::modelReset, this, &UserDetailPanel::updateButtons);
    setUser({});
}

UserDetailPanel::~UserDetailPanel() = default;

void UserDetailPanel::setDataSource(DataSource *source)
{
    m_source = source;
    setUser({});
}

void UserDetailPanel::setSyncStatusModel(SyncStatusModel *model)
{
    m_sync->setModel(model);
}

void UserDetailPanel::setUser(const User &user, const QDateTime &asOf)
{
    m_user = user;
    m_asOf = asOf;
    m_sync->setClerkId(user.clerkId);
    m_sync->setVisible(!user.id.isEmpty() || !user.clerkId.isEmpty());
    if (user.id.isEmpty() && user.clerkId.isEmpty()) {
        m_name->setText(tr("No user selected"));
        m_profile->setText(tr("Select a user in the table to see their roles and history."));
        m_roles->clear();
        m_timeline->clear();
        m_explainer->setGrants({}, {});
        showStatus({});
        ++m_generation;
        m_loading = false;
        updateButtons();
        return;
    }
    const QLocale locale;
    m_name->setText(user.displayName().isEmpty() ? user.email : user.displayName());
    m_profile->setText(
        tr("Email: %1\nClerk ID: %2\nUser ID: %3\nCreated: %4")
            .arg(user.email, user.clerkId, user.id,
                 locale.toString(user.createdAt.toLocalTime(), QLocale::LongFormat)));
    reload();
}

void UserDetailPanel::reload()
{
    if (!hasUser())
        return;
    const quint64 generation = ++m_generation;
    if (!m_source) {
        showStatus(tr("No database is open."));
        return;
    }
    m_loading = true;
    showStatus(tr("Loading the grant history…"));
    updateButtons();
    const QString key = m_user.clerkId.isEmpty() ? m_user.id : m_user.clerkId;
    watchFuture(
        m_source->fetchGrants(key, m_asOf), this,
        [this, generation](const QList<GrantView> &grants) {
            if (generation != m_generation)
                return; // another user was selected meanwhile
            m_loading = false;
            m_timeline->setGrants(grants);
            m_explainer->setGrants(grants, m_asOf);
            const QStringList active = m_timeline->activeRoles();
            const QString roles = active.isEmpty() ? tr("none") : active.join(QStringLiteral(", "));
            m_roles->setText(m_asOf.isValid() ? tr("Roles on %1: %2")
                                                    .arg(QLocale().toString(m_asOf.toLocalTime(),
                                                                            QLocale::ShortFormat),
                                                         roles)
                                              : tr("Active roles: %1").arg(roles));
            showStatus(grants.isEmpty() ? tr("This user has never held a role.") : QString());
            updateButtons();
            Q_EMIT loaded();
        },
        [this, generation](const QString &message) {
            if (generation != m_generation)
                return;
            m_loading = false;
            m_timeline->clear();
            showStatus(message);
            updateButtons();
            Q_EMIT loaded();
        });
}

void UserDetailPanel::setRoles(const QStringList &roles)
{
    m_explainer->setRoles(roles);
}

void UserDetailPanel::setWriteAccess(bool canWrite, const QString &reason)
{
    m_canWrite = canWrite;
    m_readOnlyReason = reason;
    updateButtons();
}

QString UserDetailPanel::statusText() const
{
    return !m_status->isHidden() ? m_status->text() : QString();
}

const GrantView *UserDetailPanel::selectedGrant() const
{
    const QModelIndex current = m_timelineView->currentIndex();
    return current.isValid() ? m_timeline->grantAt(current.row()) : nullptr;
}

void UserDetailPanel::updateButtons()
{
    const GrantView *grant = selectedGrant();
    const bool endable = grant && grant->state != GrantState::Ended;
    m_grantButton->setEnabled(m_canWrite && hasUser());
    m_endButton->setEnabled(m_canWrite && endable);
    if (!m_canWrite) {
        m_grantButton->setToolTip(m_readOnlyReason);
        m_endButton->setToolTip(m_readOnlyReason);
        return;
    }
    m_grantButton->setToolTip(tr("Grant a role to this user"));
    m_endButton->setToolTip(endable ? tr("End the selected grant now")
                                    : tr("Select an active or future grant in the history"));
}

void UserDetailPanel::showStatus(const QString &text)
{
    m_status->setText(text);
    m_status->setVisible(!text.isEmpty());
}

} // namespace rolecall
