#include "screens/grantsscreen.h"

#include "itemmodels/grantstablemodel.h"
#include "itemmodels/granttimelinemodel.h"
#include "itemmodels/modelroles.h"
#include "widgets/statusbadge.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSpinBox>
#include <QTableView>

namespace rolecall {

namespace {} // namespace

namespace {
enum View { ListView, ExpiringView };
}

GrantsScreen::GrantsScreen(DataSource *source, QWidget *parent)
    : TableScreen(parent)
{
    setObjectName(QStringLiteral("grantsScreen"));
    setAccessibleName(tr("Grants"));
    m_model = new GrantsTableModel(nullptr, this);

    m_viewChooser = new QComboBox(this);
    m_viewChooser->setObjectName(QStringLiteral("grantsViewChooser"));
    m_viewChooser->setAccessibleName(tr("Which grants"));
    m_viewChooser->addItem(tr("All grants"), ListView);
    m_viewChooser->addItem(tr("Expiring soon"), ExpiringView);

    m_state = new QComboBox(this);
    m_state->setObjectName(QStringLiteral("stateFilter"));
    m_state->setAccessibleName(tr("State filter"));
    m_state->addItem(tr("Any state"), int(GrantFilterState::Any));
    m_state->addItem(tr("Active"), int(GrantFilterState::Active));
    m_state->addItem(tr("Future"), int(GrantFilterState::Future));
    m_state->addItem(tr("Ended"), int(GrantFilterState::Ended));
    m_state->addItem(tr("Expiring within…"), int(GrantFilterState::Expiring));

    m_days = new QSpinBox(this);
    m_days->setObjectName(QStringLiteral("daysField"));
    m_days->setAccessibleName(tr("Days ahead"));
    m_days->setRange(1, 3650);
    m_days->setValue(30);
    m_days->setSuffix(tr(" days"));
    m_days->setToolTip(tr("How far ahead “expiring” looks"));

    auto *show = new QLabel(tr("&Show:"), this);
    show->setBuddy(m_viewChooser);
    auto *role = new QLabel(tr("R&ole:"), this);
    role->setBuddy(roleFilter());
    auto *state = new QLabel(tr("S&tate:"), this);
    state->setBuddy(m_state);
    for (QWidget *w : {static_cast<QWidget *>(show), static_cast<QWidget *>(m_viewChooser),
                       static_cast<QWidget *>(role), static_cast<QWidget *>(roleFilter()),
                       static_cast<QWidget *>(state), static_cast<QWidget *>(m_state),
                       static_cast<QWidget *>(m_days)})
        filterBar()->addWidget(w);
    // Filters ─▶ grants ─▶ Refresh, Export, Copy.
    setKeyboardOrder({m_viewChooser, roleFilter(), m_state, m_days, view()});

    view()->setObjectName(QStringLiteral("grantsView"));
    view()->setAccessibleName(tr("Grants"));
    setModel(m_model);
    // States as badges; an active grant that ends within two weeks warns.
    const auto endsSoon = [](const QModelIndex &index) {
        const QDateTime end =
            index.siblingAtColumn(GrantsTableModel::EndColumn).data(SortKeyRole).toDateTime();
        return end.isValid() && end <= QDateTime::currentDateTimeUtc().addDays(grantEndsSoonDays);
    };
    view()->setItemDelegateForColumn(
        GrantsTableModel::StateColumn,
        new StatusBadgeDelegate(
            [endsSoon](const QModelIndex &index) -> std::optional<BadgeTone> {
                const QString name = index.data(SortKeyRole).toString();
                if (name.isEmpty())
                    return std::nullopt;
                return grantStateTone(name, endsSoon(index));
            },
            view(),
            [endsSoon](const QModelIndex &index, const QString &text) {
                return index.data(SortKeyRole).toString() == QLatin1String("active") &&
                               endsSoon(index)
                           ? tr("%1, ends soon").arg(text)
                           : text;
            }));

    connect(m_model, &GrantsTableModel::loadingChanged, this, &GrantsScreen::setModelBusy);
    connect(m_model, &GrantsTableModel::errorOccurred, this, &GrantsScreen::showError);
    connect(m_model, &GrantsTableModel::pageLoaded, this, [this] {
        if (m_model->rowCount() == 0)
            showBanner(m_model->isExpiringView() ? tr("No active grant ends within %n day(s).",
                                                      nullptr, m_model->expiringViewDays())
                                                 : tr("No grant matches these filters."));
    });
    const auto apply = [this] {
        showBanner({});
        applyFilters();
    };
    connect(m_viewChooser, &QComboBox::currentIndexChanged, this, apply);
    connect(roleFilter(), &QComboBox::currentIndexChanged, this, apply);
    connect(m_state, &QComboBox::currentIndexChanged, this, apply);
    connect(m_days, &QSpinBox::valueChanged, this, apply);
    applyFilters(); // enables the right controls; loads nothing without a source

    setDataSource(source);
}

GrantsScreen::~GrantsScreen() = default;

QString GrantsScreen::title() const
{
    return tr("&Grants");
}

QString GrantsScreen::exportBaseName() const
{
    return m_model->isExpiringView() ? QStringLiteral("expiring-grants") : QStringLiteral("grants");
}

// The list with its filters, every row (the expiring view is loaded whole:
// what it shows is what it has).
std::optional<DataScreen::StreamedExport> GrantsScreen::streamedExport() const
{
    if (!isAvailable() || m_model->isExpiringView())
        return std::nullopt;
    return StreamedExport{
        csvStreamJob<GrantView, GrantListQuery>(GrantsTableModel::csvHeaders(),
                                                &GrantsTableModel::csvFields, m_model->filter(),
                                                &DataSource::streamGrants),
        {tr("Exporting grants…"), [](qint64 rows) {
             return tr("Exported %Ln grant(s).", nullptr, int(qMin<qint64>(rows, INT_MAX)));
         }}};
}

void GrantsScreen::schemaReady(const SchemaInfo &)
{
    m_model->setDataSource(dataSource()); // loads with the filters below
    applyFilters();
}

void GrantsScreen::clearModel()
{
    m_model->setDataSource(nullptr);
    m_model->clear();
}

void GrantsScreen::applyFilters()
{
    const bool expiringView = m_viewChooser->currentData().toInt() == ExpiringView;
    const auto state = GrantFilterState(m_state->currentData().toInt());
    roleFilter()->setEnabled(!expiringView);
    m_state->setEnabled(!expiringView);
    m_days->setEnabled(expiringView || state == GrantFilterState::Expiring);
    if (!isAvailable())
        return;
    if (expiringView) {
        m_model->showExpiring(m_days->value());
        return;
    }
    GrantListQuery filter;
    filter.role = roleFilter()->currentData().toString();
    filter.state = state;
    filter.expiringDays = m_days->value();
    m_model->setFilter(filter);
}

} // namespace rolecall
